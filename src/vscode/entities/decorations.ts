import * as vscode from 'vscode';
import { MENTION_KINDS, type MentionKind } from '../../core';
import type { CorpusService } from '../corpus/corpusService';
import { isArticle } from '../common/articles';
import { onDidChangeSettings, setting } from '../common/configuration';

/**
 * Characters (UTF-16 code units) decorated before and after what an editor shows: however long the
 * article, one decoration step handles a few thousand mentions at most (scrolling brings the rest).
 */
const MARGIN_CHARS = 64 * 1024;
const SCROLL_DEBOUNCE_MS = 50;

/**
 * Colors the mentions of visible article editors by kind (each kind can be turned off), around
 * what each editor shows. Until the analysis of an edit is in, the editor keeps its decorations,
 * which VS Code moves with the text.
 */
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
    const { document } = editor;
    const byKind = new Map<MentionKind, vscode.Range[]>(MENTION_KINDS.map(k => [k, []]));
    const [from, to] = around(editor);
    const mentions = corpus.mentionsBetween(document, from, to);
    if (!mentions && isArticle(document)) return; // its analysis is under way: onDidChange follows
    const shown = new Set(MENTION_KINDS.filter(kind => setting(`highlight.${kind}`, document.uri)));
    for (const m of mentions ?? []) {
      if (shown.has(m.kind)) byKind.get(m.kind)?.push(new vscode.Range(document.positionAt(m.start), document.positionAt(m.end)));
    }
    for (const [kind, type] of types) editor.setDecorations(type, byKind.get(kind)!);
  };
  const decorateAll = () => vscode.window.visibleTextEditors.forEach(decorate);
  const scrolled = new Map<vscode.TextEditor, ReturnType<typeof setTimeout>>();

  decorateAll();
  return vscode.Disposable.from(
    ...types.values(),
    { dispose: () => scrolled.forEach(clearTimeout) },
    vscode.window.onDidChangeVisibleTextEditors(editors => editors.forEach(decorate)),
    vscode.window.onDidChangeTextEditorVisibleRanges(({ textEditor }) => {
      clearTimeout(scrolled.get(textEditor));
      scrolled.set(
        textEditor,
        setTimeout(() => {
          scrolled.delete(textEditor);
          decorate(textEditor);
        }, SCROLL_DEBOUNCE_MS),
      );
    }),
    corpus.onDidChange(decorateAll),
    onDidChangeSettings([], decorateAll),
  );
}

/** The UTF-16 offsets of what the editor shows, widened by MARGIN_CHARS on each side. */
function around(editor: vscode.TextEditor): [number, number] {
  const shown = editor.visibleRanges;
  if (shown.length === 0) return [0, Infinity];
  return [editor.document.offsetAt(shown[0].start) - MARGIN_CHARS, editor.document.offsetAt(shown[shown.length - 1].end) + MARGIN_CHARS];
}
