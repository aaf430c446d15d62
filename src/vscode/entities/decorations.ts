import * as vscode from 'vscode';
import { MENTION_KINDS, type MentionKind } from '../../core';
import type { CorpusService } from '../corpus/corpusService';
import { onDidChangeSettings, setting } from '../shared/configuration';

/** Colors every mention in visible article editors by its kind (each kind can be turned off). */
export function registerDecorations(corpus: CorpusService): vscode.Disposable {
  const types = new Map<MentionKind, vscode.TextEditorDecorationType>(
    MENTION_KINDS.map(kind => [
      kind,
      vscode.window.createTextEditorDecorationType({
        backgroundColor: new vscode.ThemeColor(`marginalia.${kind}Background`),
        borderRadius: '2px',
      }),
    ]),
  );

  const decorate = (editor: vscode.TextEditor): void => {
    const shown = new Set(MENTION_KINDS.filter(kind => setting(`highlight.${kind}`, editor.document.uri)));
    const result = corpus.analyzed(editor.document);
    const byKind = new Map<MentionKind, vscode.Range[]>(MENTION_KINDS.map(k => [k, []]));
    for (const m of result?.mentions ?? []) {
      if (!shown.has(m.kind)) continue;
      byKind.get(m.kind)?.push(new vscode.Range(editor.document.positionAt(m.start), editor.document.positionAt(m.end)));
    }
    for (const [kind, type] of types) editor.setDecorations(type, byKind.get(kind)!);
  };
  const decorateAll = () => vscode.window.visibleTextEditors.forEach(decorate);

  decorateAll();
  return vscode.Disposable.from(
    ...types.values(),
    vscode.window.onDidChangeVisibleTextEditors(editors => editors.forEach(decorate)),
    corpus.onDidChange(decorateAll),
    onDidChangeSettings([], decorateAll),
  );
}
