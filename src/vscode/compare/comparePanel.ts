import * as vscode from 'vscode';
import type { Comparison, Difference } from '../../core';
import { escapeHtml, fileLabel, markedHtml, newNonce, webviewPage } from './webviewPage';

/** Opens a document at [start, end) (UTF-16 offsets of its indexed text). */
export type OpenPlace = (path: string, start: number, end: number) => Promise<void>;

const KIND_TITLES: Record<Difference['kind'], string> = { date: 'Date', number: 'Number', quote: 'Quotation', wording: 'Wording' };

/**
 * The "Compare Across Articles" panel: the statement here beside how each other article reports it,
 * the differences marked (dates, figures, quotation words) and listed. One panel, reused.
 */
export class ComparePanel implements vscode.Disposable {
  private panel: vscode.WebviewPanel | undefined;
  private shown: Comparison | undefined;

  constructor(private readonly open: OpenPlace) {}

  show(comparison: Comparison): void {
    this.shown = comparison;
    if (!this.panel) {
      this.panel = vscode.window.createWebviewPanel(
        'marginalia.compare',
        'Compare Across Articles',
        { viewColumn: vscode.ViewColumn.Beside, preserveFocus: false },
        {
          enableScripts: true,
          localResourceRoots: [],
          retainContextWhenHidden: false,
        },
      );
      this.panel.onDidDispose(() => {
        this.panel = undefined;
      });
      this.panel.webview.onDidReceiveMessage((message: unknown) => void this.onMessage(message));
    }
    this.panel.title = `Compare: ${fileLabel(comparison.statement.path)}`;
    this.panel.webview.html = render(this.panel.webview, comparison);
    this.panel.reveal(undefined, false);
  }

  /** Only "open report i" (or the statement here) of what is shown: the page can ask nothing else. */
  private async onMessage(message: unknown): Promise<void> {
    const shown = this.shown;
    if (!shown || typeof message !== 'object' || message === null) return;
    const { type, index } = message as { type?: unknown; index?: unknown };
    if (type !== 'open' || typeof index !== 'number' || !Number.isInteger(index)) return;
    const place = index === -1 ? shown.statement : shown.matches[index];
    if (place) await this.open(place.path, place.start, place.end);
  }

  dispose(): void {
    this.panel?.dispose();
  }
}

function render(webview: vscode.Webview, c: Comparison): string {
  const nonce = newNonce();
  const here = c.statement;
  const hereMarks = c.matches.flatMap(m =>
    m.differences.flatMap(d =>
      d.hereWords?.length ? d.hereWords.map(([start, end]) => ({ start, end, kind: d.kind })) : [{ start: d.hereStart, end: d.hereEnd, kind: d.kind }],
    ),
  );
  const disagreeing = c.matches.filter(m => m.differences.some(d => d.kind !== 'wording')).length;
  const summary = c.matches.length
    ? `${c.matches.length} other report${c.matches.length === 1 ? '' : 's'} of this statement; ${disagreeing ? `${disagreeing} disagree${disagreeing === 1 ? 's' : ''}` : 'none disagrees'} on a date, a figure or a quotation.`
    : 'No other article reports this statement.';
  const reports = c.matches
    .map((m, i) => {
      const marks = m.differences.flatMap(d =>
        d.thereWords?.length ? d.thereWords.map(([start, end]) => ({ start, end, kind: d.kind })) : [{ start: d.thereStart, end: d.thereEnd, kind: d.kind }],
      );
      const diffs = m.differences
        .map(
          d =>
            `<li class="${d.kind}"><span class="kind">${KIND_TITLES[d.kind]}${d.detail ? ` (${escapeHtml(d.detail)})` : ''}</span> here <q>${escapeHtml(d.here)}</q>, there <q>${escapeHtml(d.there)}</q></li>`,
        )
        .join('');
      const state = m.differences.some(d => d.kind !== 'wording') ? 'differs' : m.differences.length ? 'wording' : 'agrees';
      return `<li class="report ${state}">
  <div class="head"><span class="file">${escapeHtml(fileLabel(m.path))}</span><span class="score muted" title="How surely it reports the same thing (1: the same words)">score ${m.score.toFixed(2)}</span><span class="state">${state === 'differs' ? 'differs' : state === 'wording' ? 'spelling or punctuation only' : 'no difference found'}</span><button data-index="${i}" aria-label="Open ${escapeHtml(fileLabel(m.path))} at this statement">Open</button></div>
  <p class="text">${markedHtml(m.text, m.start, marks)}</p>
  ${diffs ? `<ul class="diffs">${diffs}</ul>` : ''}
</li>`;
    })
    .join('\n');
  const body = `<h1>Compare across articles</h1>
<p class="summary">${escapeHtml(summary)}</p>
<main class="columns">
  <section class="here" aria-label="This article">
    <h2>${escapeHtml(fileLabel(here.path))} <button data-index="-1" aria-label="Open the statement here">Open</button></h2>
    <p class="text">${markedHtml(here.text, here.start, hereMarks)}</p>
    <p class="legend muted"><mark class="date">date</mark> <mark class="number">number</mark> <mark class="quote">quotation words</mark> <mark class="wording">spelling or punctuation</mark></p>
  </section>
  <section class="there" aria-label="Other reports">
    <h2>Other reports</h2>
    <ol class="reports">${reports}</ol>
  </section>
</main>`;
  const style = `
  .columns { display: grid; grid-template-columns: minmax(240px, 1fr) minmax(320px, 2fr); gap: 16px; align-items: start; }
  .here { position: sticky; top: 0; padding: 10px 12px; border: 1px solid var(--vscode-panel-border); border-radius: 4px; background: var(--vscode-sideBar-background); }
  .here .text { font-size: 1.05em; line-height: 1.5; }
  ol.reports { list-style: none; margin: 0; padding: 0; display: grid; gap: 10px; }
  .report { padding: 8px 12px; border: 1px solid var(--vscode-panel-border); border-left-width: 3px; border-radius: 4px; }
  .report.differs { border-left-color: var(--vscode-editorError-foreground); }
  .report.wording { border-left-color: var(--vscode-descriptionForeground); }
  .report.agrees { border-left-color: var(--vscode-testing-iconPassed, var(--vscode-focusBorder)); }
  .head { display: flex; gap: 10px; align-items: baseline; }
  .head .file { font-weight: 600; }
  .head .state { margin-left: auto; font-size: 0.9em; }
  .report.differs .state { color: var(--vscode-editorError-foreground); }
  .text { line-height: 1.45; margin: 6px 0; }
  ul.diffs { margin: 4px 0 0; padding-left: 18px; }
  ul.diffs .kind { font-weight: 600; }
  .legend mark { margin-right: 6px; }
  @media (max-width: 700px) { .columns { grid-template-columns: 1fr; } .here { position: static; } }
`;
  const script = `
  const vscode = acquireVsCodeApi();
  document.addEventListener('click', e => {
    const b = e.target.closest('button[data-index]');
    if (b) vscode.postMessage({ type: 'open', index: Number(b.dataset.index) });
  });
  const first = document.querySelector('.report button') || document.querySelector('button');
  if (first) first.focus();
`;
  return webviewPage(webview, nonce, 'Compare Across Articles', style, body, script);
}
