import * as vscode from 'vscode';
import { MENTION_KINDS, type MentionKind } from '../core';
import type { DocumentAnalysis } from './documentAnalysis';

const EDIT_DEBOUNCE_MS = 150;

/** Colors every mention in visible article editors by its kind. */
export function registerDecorations(analysis: DocumentAnalysis): vscode.Disposable {
  const types = new Map<MentionKind, vscode.TextEditorDecorationType>(
    MENTION_KINDS.map(kind => [
      kind,
      vscode.window.createTextEditorDecorationType({
        backgroundColor: new vscode.ThemeColor(`marginalia.${kind}`),
        borderRadius: '2px',
      }),
    ]),
  );

  const decorate = (editor: vscode.TextEditor): void => {
    const result = analysis.get(editor.document);
    const byKind = new Map<MentionKind, vscode.Range[]>(MENTION_KINDS.map(k => [k, []]));
    for (const m of result?.mentions ?? []) {
      byKind.get(m.kind)?.push(new vscode.Range(editor.document.positionAt(m.start), editor.document.positionAt(m.end)));
    }
    for (const [kind, type] of types) editor.setDecorations(type, byKind.get(kind)!);
  };

  const timers = new Map<string, ReturnType<typeof setTimeout>>();
  const scheduleFor = (document: vscode.TextDocument): void => {
    const key = document.uri.toString();
    clearTimeout(timers.get(key));
    timers.set(key, setTimeout(() => {
      timers.delete(key);
      for (const editor of vscode.window.visibleTextEditors) if (editor.document === document) decorate(editor);
    }, EDIT_DEBOUNCE_MS));
  };

  vscode.window.visibleTextEditors.forEach(decorate);
  return vscode.Disposable.from(
    ...types.values(),
    vscode.window.onDidChangeVisibleTextEditors(editors => editors.forEach(decorate)),
    vscode.workspace.onDidChangeTextDocument(e => scheduleFor(e.document)),
    vscode.workspace.onDidChangeConfiguration(e => {
      if (e.affectsConfiguration('marginalia')) vscode.window.visibleTextEditors.forEach(decorate);
    }),
    { dispose: () => timers.forEach(clearTimeout) },
  );
}
