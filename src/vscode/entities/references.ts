import * as vscode from 'vscode';
import { locationMaker } from '../common/convert';
import type { CorpusService } from '../corpus/corpusService';
import { gatherLocations, keyOf } from './mentionLists';

/** Shift+F12 on a mention: every mention of its entity (or date) in every document. */
export function registerReferences(corpus: CorpusService, selector: vscode.DocumentSelector): vscode.Disposable {
  return vscode.languages.registerReferenceProvider(selector, {
    async provideReferences(document, position, _context, token) {
      const hit = await corpus.mentionAt(document, position);
      const key = hit && keyOf(hit.mention);
      if (!key) return undefined;
      // the editor's API takes the whole list: made in slices, so that an entity spanning the corpus does not hold the host
      return gatherLocations(corpus.index, key, locationMaker(corpus.index), () => token.isCancellationRequested);
    },
  });
}

/** Every mention of the same entity in this document, highlighted together. */
export function registerDocumentHighlights(corpus: CorpusService, selector: vscode.DocumentSelector): vscode.Disposable {
  return vscode.languages.registerDocumentHighlightProvider(selector, {
    async provideDocumentHighlights(document, position) {
      const hit = await corpus.mentionAt(document, position);
      const mentions = corpus.analyzed(document)?.mentions ?? [];
      if (!hit) return undefined;
      const same = hit.mention.entity
        ? mentions.filter(m => m.entity === hit.mention.entity)
        : mentions.filter(m => m.kind === 'date' && m.value && m.value === hit.mention.value);
      return same.map(
        m => new vscode.DocumentHighlight(new vscode.Range(document.positionAt(m.start), document.positionAt(m.end)), vscode.DocumentHighlightKind.Read),
      );
    },
  });
}
