import * as vscode from 'vscode';
import { ANNOTATION_STATUSES, escapeMarkdown, type AnnotationStatus } from '../../core';
import type { AnnotationStore } from './annotationStore';
import { annotationsOf } from './lookup';
import { isArticle } from '../common/articles';

const DEBOUNCE_MS = 50;

/**
 * A border style per status, so the status shows through the entity highlights drawn under it
 * (and without color): solid confirmed, dotted suggested, dashed disputed, thin rejected.
 */
const STYLES: Record<AnnotationStatus, { borderStyle: string; borderWidth: string }> = {
  confirmed: { borderStyle: 'none none solid none', borderWidth: '0 0 2px 0' },
  suggested: { borderStyle: 'none none dotted none', borderWidth: '0 0 2px 0' },
  disputed: { borderStyle: 'none none dashed none', borderWidth: '0 0 2px 0' },
  rejected: { borderStyle: 'none none solid none', borderWidth: '0 0 1px 0' },
};

/** Annotated spans decorated by status in visible article editors, with a mark in the overview ruler. */
export function registerAnnotationDecorations(store: AnnotationStore): vscode.Disposable {
  const types = new Map<AnnotationStatus, vscode.TextEditorDecorationType>(
    ANNOTATION_STATUSES.map(status => [
      status,
      vscode.window.createTextEditorDecorationType({
        backgroundColor: new vscode.ThemeColor(`marginalia.annotation.${status}Background`),
        borderColor: new vscode.ThemeColor(`marginalia.annotation.${status}Border`),
        ...STYLES[status],
        overviewRulerColor: new vscode.ThemeColor(`marginalia.annotation.${status}Border`),
        overviewRulerLane: vscode.OverviewRulerLane.Right,
        rangeBehavior: vscode.DecorationRangeBehavior.ClosedClosed,
        ...(status === 'rejected' ? { opacity: '0.75' } : {}),
      }),
    ]),
  );
  const timers = new Map<string, ReturnType<typeof setTimeout>>();

  const decorate = (editor: vscode.TextEditor): void => {
    const { document } = editor;
    if (document.uri.scheme !== 'file' || !isArticle(document)) return;
    const state = store.peek(document.uri);
    if (!state) {
      void annotationsOf(store, document.uri).catch(() => undefined); // its onDidChange decorates
      return;
    }
    const byStatus = new Map<AnnotationStatus, vscode.DecorationOptions[]>(ANNOTATION_STATUSES.map(s => [s, []]));
    for (const a of state.annotations) {
      const hover = new vscode.MarkdownString(`**${escapeMarkdown(a.label)}** · ${a.status}${a.note ? `\n\n${a.note}` : ''}`);
      hover.isTrusted = false;
      hover.supportHtml = false;
      byStatus.get(a.status)?.push({
        range: new vscode.Range(document.positionAt(a.target.start), document.positionAt(a.target.end)),
        hoverMessage: hover,
      });
    }
    for (const [status, type] of types) editor.setDecorations(type, byStatus.get(status)!);
  };

  const schedule = (article: vscode.Uri): void => {
    const key = article.toString();
    clearTimeout(timers.get(key));
    timers.set(
      key,
      setTimeout(() => {
        timers.delete(key);
        for (const editor of vscode.window.visibleTextEditors) if (editor.document.uri.toString() === key) decorate(editor);
      }, DEBOUNCE_MS),
    );
  };

  vscode.window.visibleTextEditors.forEach(decorate);
  return vscode.Disposable.from(
    ...types.values(),
    store.onDidChange(schedule),
    vscode.window.onDidChangeVisibleTextEditors(editors => editors.forEach(decorate)),
    { dispose: () => timers.forEach(clearTimeout) },
  );
}
