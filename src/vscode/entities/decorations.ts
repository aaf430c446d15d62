import * as vscode from 'vscode';
import { MENTION_KINDS, type Mention, type MentionKind } from '../../core';
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
    const result = corpus.analyzed(document);
    if (!result && isArticle(document)) return; // its analysis is under way: onDidChange follows
    const shown = new Set(MENTION_KINDS.filter(kind => setting(`highlight.${kind}`, document.uri)));
    for (const m of around(result?.mentions ?? [], editor)) {
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

/** The mentions (sorted by start) within MARGIN_CHARS of what the editor shows. */
function around(mentions: readonly Mention[], editor: vscode.TextEditor): readonly Mention[] {
  const shown = editor.visibleRanges;
  if (mentions.length === 0 || shown.length === 0) return mentions;
  const from = editor.document.offsetAt(shown[0].start) - MARGIN_CHARS;
  const to = editor.document.offsetAt(shown[shown.length - 1].end) + MARGIN_CHARS;
  if (from <= mentions[0].start && to >= mentions[mentions.length - 1].end) return mentions;
  return mentions.slice(firstEndingAfter(mentions, from), firstEndingAfter(mentions, to));
}

/** Index of the first mention ending after `offset` (mentions do not overlap, so ends are sorted too). */
function firstEndingAfter(mentions: readonly Mention[], offset: number): number {
  let lo = 0;
  let hi = mentions.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (mentions[mid].end <= offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
