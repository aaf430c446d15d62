import * as vscode from 'vscode';
import { locationOf } from '../common/convert';
import type { CorpusService } from '../corpus/corpusService';
import type { RegistryFile } from './registryFile';

/** Go to Definition on a mention: the entity's registry entry, else its first mention in the corpus. */
export function registerDefinition(corpus: CorpusService, registry: RegistryFile, selector: vscode.DocumentSelector): vscode.Disposable {
  return vscode.languages.registerDefinitionProvider(selector, {
    async provideDefinition(document, position) {
      const entity = (await corpus.mentionAt(document, position))?.mention.entity;
      if (!entity) return undefined;
      const entry = registry.uri && corpus.registryEntity(entity) ? await registryLine(registry.uri, entity) : undefined;
      if (entry) return entry;
      const [first] = corpus.index.mentionsOfPage(entity, 0, 1).refs;
      return first ? locationOf(corpus.index, first) : undefined;
    },
  });
}

async function registryLine(uri: vscode.Uri, id: string): Promise<vscode.Location | undefined> {
  const doc = await vscode.workspace.openTextDocument(uri);
  const pattern = new RegExp(`^\\s*-?\\s*id:\\s*['"]?${id.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}['"]?\\s*(#.*)?$`);
  for (let line = 0; line < doc.lineCount; line++) {
    if (pattern.test(doc.lineAt(line).text)) return new vscode.Location(uri, new vscode.Position(line, 0));
  }
  return undefined;
}
