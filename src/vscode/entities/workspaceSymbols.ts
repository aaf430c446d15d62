import * as vscode from 'vscode';
import type { MentionKind } from '../../core';
import { locationOf } from '../common/convert';
import type { CorpusService } from '../corpus/corpusService';

const SYMBOL_KINDS: Record<MentionKind, vscode.SymbolKind> = {
  person: vscode.SymbolKind.Object,
  organization: vscode.SymbolKind.Namespace,
  place: vscode.SymbolKind.Package,
  date: vscode.SymbolKind.Event,
};

/** Ctrl+T: entities by name or alias, each pointing at its first mention. */
export function registerWorkspaceSymbols(corpus: CorpusService): vscode.Disposable {
  return vscode.languages.registerWorkspaceSymbolProvider({
    async provideWorkspaceSymbols(query, token) {
      await corpus.ready();
      if (token.isCancellationRequested) return [];
      return corpus.index.findEntities(query, 200).flatMap(entity => {
        const [first] = corpus.index.mentionsOfPage(entity.id, 0, 1).refs;
        if (!first) return [];
        const aliases = entity.aliases.filter(a => a !== entity.name);
        return [
          new vscode.SymbolInformation(
            aliases.length ? `${entity.name} (${aliases.join(', ')})` : entity.name,
            SYMBOL_KINDS[entity.kind] ?? vscode.SymbolKind.Object,
            `${entity.kind}, ${entity.mentions} mentions in ${entity.documents} documents`,
            locationOf(corpus.index, first),
          ),
        ];
      });
    },
  });
}
