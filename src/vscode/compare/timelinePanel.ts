import * as vscode from 'vscode';
import type { Discrepancy, TimelineDay, TimelineStatement } from '../../core';
import type { OpenPlace } from './comparePanel';
import { escapeHtml, fileLabel, newNonce, webviewPage } from './webviewPage';

/** Most articles (lanes) and days (columns) drawn: the busiest, so that the page stays light. */
const MAX_LANES = 300;
const MAX_DAYS = 120;
/** Characters of a statement shown on its chip (the whole statement is its tooltip). */
const CHIP_TEXT = 70;

/**
 * The Timeline panel: the dated statements of the workspace on a time axis, one lane per article
 * (those that disagree with others first), one column per day (statements about the same day together), statements in a date discrepancy
 * marked. A chip opens its statement (click, Enter or Space); the arrow keys move between chips.
 */
export class TimelinePanel implements vscode.Disposable {
  private panel: vscode.WebviewPanel | undefined;
  private places: TimelineStatement[] = [];

  constructor(private readonly open: OpenPlace) {}

  show(days: readonly TimelineDay[], discrepancies: readonly Discrepancy[]): void {
    if (!this.panel) {
      this.panel = vscode.window.createWebviewPanel('marginalia.timeline', 'Marginalia Timeline', vscode.ViewColumn.Active, {
        enableScripts: true,
        localResourceRoots: [],
      });
      this.panel.onDidDispose(() => {
        this.panel = undefined;
      });
      this.panel.webview.onDidReceiveMessage((message: unknown) => void this.onMessage(message));
    }
    const { html, places } = render(this.panel.webview, days, discrepancies);
    this.places = places;
    this.panel.webview.html = html;
    this.panel.reveal(undefined, false);
  }

  get visible(): boolean {
    return !!this.panel;
  }

  private async onMessage(message: unknown): Promise<void> {
    if (typeof message !== 'object' || message === null) return;
    const { type, index } = message as { type?: unknown; index?: unknown };
    if (type !== 'open' || typeof index !== 'number') return;
    const place = this.places[index];
    if (place) await this.open(place.path, place.valueStart, place.valueEnd);
  }

  dispose(): void {
    this.panel?.dispose();
  }
}

function render(
  webview: vscode.Webview,
  allDays: readonly TimelineDay[],
  discrepancies: readonly Discrepancy[],
): { html: string; places: TimelineStatement[] } {
  const nonce = newNonce();
  const days = [...allDays]
    .sort((a, b) => b.statements.length - a.statements.length)
    .slice(0, MAX_DAYS)
    .sort((a, b) => (a.date < b.date ? -1 : 1));
  const perLane = new Map<string, number>();
  for (const d of days) for (const s of d.statements) perLane.set(s.path, (perLane.get(s.path) ?? 0) + 1);
  const lanes = [...perLane]
    .sort((a, b) => b[1] - a[1])
    .slice(0, MAX_LANES)
    .map(([path]) => path);
  // the articles that disagree with others first (what a reviewer checks first), each group by its first day
  const firstDay = new Map<string, string>();
  const disagreeing = new Set<string>();
  for (const d of days) {
    for (const s of d.statements) {
      if (!firstDay.has(s.path)) firstDay.set(s.path, d.date);
      if (s.discrepancy !== undefined) disagreeing.add(s.path);
    }
  }
  const rank = (path: string) => (disagreeing.has(path) ? 0 : 1);
  lanes.sort(
    (a, b) =>
      rank(a) - rank(b) || (firstDay.get(a)! < firstDay.get(b)! ? -1 : firstDay.get(a)! > firstDay.get(b)! ? 1 : fileLabel(a).localeCompare(fileLabel(b))),
  );
  const places: TimelineStatement[] = [];
  const head = days
    .map(d => {
      const disagree = d.statements.some(s => s.discrepancy !== undefined);
      const articles = new Set(d.statements.map(s => s.path)).size;
      return `<th scope="col" class="${disagree ? 'disagree' : ''}"><span class="date">${escapeHtml(weekdayDate(d.date))}</span><span class="count muted">${d.statements.length} in ${articles} article${articles === 1 ? '' : 's'}</span>${disagree ? '<span class="flag" title="Articles disagree about a date here">⚠ disagree</span>' : ''}</th>`;
    })
    .join('');
  const rows = lanes
    .map(path => {
      const cells = days
        .map(d => {
          const chips = d.statements
            .filter(s => s.path === path)
            .map(s => {
              const i = places.push(s) - 1;
              const other = s.discrepancy !== undefined ? discrepancies[s.discrepancy] : undefined;
              const elsewhere = other ? [...new Set(other.statements.filter(o => o.path !== s.path).map(o => o.value))].join(', ') : '';
              const excerpt = s.text.length > CHIP_TEXT ? `${s.text.slice(0, CHIP_TEXT)}…` : s.text;
              const label = `${s.value}: ${s.text}${other ? ` (other articles date this ${elsewhere})` : ''}`;
              return `<button class="chip${other ? ' disagree' : ''}" data-index="${i}" title="${escapeHtml(label)}" aria-label="${escapeHtml(label)}"><span class="when">${other ? '⚠ ' : ''}${escapeHtml(s.value)}</span> <span class="excerpt">${escapeHtml(excerpt)}</span></button>`;
            })
            .join('');
          return `<td>${chips}</td>`;
        })
        .join('');
      return `<tr><th scope="row" title="${escapeHtml(decodeURIComponentSafe(path))}">${escapeHtml(fileLabel(path))}</th>${cells}</tr>`;
    })
    .join('\n');
  const shownNote =
    allDays.length > days.length || perLane.size > lanes.length
      ? ` Showing the ${days.length} busiest of ${allDays.length} days and ${lanes.length} of ${perLane.size} articles.`
      : '';
  const dated = allDays.reduce((n, d) => n + d.statements.length, 0);
  const dateDiscrepancies = discrepancies.filter(d => d.kind === 'date').length;
  const summary = days.length
    ? `${dated} dated statement${dated === 1 ? '' : 's'} on ${allDays.length} day${allDays.length === 1 ? '' : 's'}; ${dateDiscrepancies} date discrepanc${dateDiscrepancies === 1 ? 'y' : 'ies'} (⚠).${shownNote} Arrow keys move between statements; Enter opens one.`
    : 'No statement of the workspace dates something to a day.';
  const body = `<h1>Timeline</h1>
<p class="summary">${escapeHtml(summary)}</p>
${days.length ? `<div class="scroll"><table class="timeline" aria-label="Dated statements by day and article"><thead><tr><th scope="col" class="corner">Article</th>${head}</tr></thead><tbody>${rows}</tbody></table></div>` : ''}`;
  const style = `
  .scroll { overflow: auto; max-height: calc(100vh - 90px); border: 1px solid var(--vscode-panel-border); }
  table.timeline { border-collapse: separate; border-spacing: 0; }
  th, td { border-right: 1px solid var(--vscode-panel-border); border-bottom: 1px solid var(--vscode-panel-border); vertical-align: top; padding: 4px 6px; }
  thead th { position: sticky; top: 0; z-index: 2; background: var(--vscode-sideBar-background); text-align: left; min-width: 170px; }
  thead th.disagree { box-shadow: inset 0 -3px 0 var(--vscode-editorError-foreground); }
  thead th .date { display: block; font-weight: 600; }
  thead th .count, thead th .flag { display: block; font-weight: normal; font-size: 0.9em; }
  thead th .flag { color: var(--vscode-editorError-foreground); }
  tbody th { position: sticky; left: 0; z-index: 1; background: var(--vscode-sideBar-background); text-align: left; font-weight: normal; max-width: 220px; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
  th.corner { left: 0; z-index: 3; }
  td { min-width: 170px; }
  .chip { display: block; width: 100%; text-align: left; margin: 0 0 4px; white-space: normal; line-height: 1.3; border-left: 3px solid var(--vscode-focusBorder); }
  .chip .when { font-weight: 600; }
  .chip .excerpt { color: var(--vscode-descriptionForeground); }
  .chip.disagree { border-left-color: var(--vscode-editorError-foreground); }
  .chip.disagree .when { color: var(--vscode-editorError-foreground); }
`;
  const script = `
  const vscode = acquireVsCodeApi();
  const chips = () => [...document.querySelectorAll('button.chip')];
  document.addEventListener('click', e => {
    const b = e.target.closest('button.chip');
    if (b) vscode.postMessage({ type: 'open', index: Number(b.dataset.index) });
  });
  document.addEventListener('keydown', e => {
    const b = e.target.closest && e.target.closest('button.chip');
    if (!b) return;
    const cell = b.closest('td');
    const row = cell.parentElement;
    const column = [...row.children].indexOf(cell);
    const inCell = [...cell.querySelectorAll('button.chip')];
    let next;
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      const step = e.key === 'ArrowDown' ? 1 : -1;
      const at = inCell.indexOf(b) + step;
      if (at >= 0 && at < inCell.length) next = inCell[at];
      for (let r = row; !next && (r = step > 0 ? r.nextElementSibling : r.previousElementSibling); ) {
        const found = [...r.children[column].querySelectorAll('button.chip')];
        next = step > 0 ? found[0] : found[found.length - 1];
      }
    } else if (e.key === 'ArrowRight' || e.key === 'ArrowLeft') {
      const all = chips().filter(c => c.closest('tr') === row);
      next = all[all.indexOf(b) + (e.key === 'ArrowRight' ? 1 : -1)];
    } else if (e.key === 'Home' || e.key === 'End') {
      const all = chips();
      next = e.key === 'Home' ? all[0] : all[all.length - 1];
    }
    if (next) { e.preventDefault(); next.focus(); next.scrollIntoView({ block: 'nearest', inline: 'nearest' }); }
  });
  const first = document.querySelector('button.chip.disagree') || document.querySelector('button.chip');
  if (first) first.focus();
`;
  return { html: webviewPage(webview, nonce, 'Marginalia Timeline', style, body, script), places };
}

/** "Tue 3 Mar 2026" for YYYY-MM-DD. */
function weekdayDate(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  if (Number.isNaN(d.getTime())) return date;
  return d.toLocaleDateString('en-GB', { weekday: 'short', day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
}

function decodeURIComponentSafe(path: string): string {
  try {
    return decodeURIComponent(vscode.Uri.parse(path).path);
  } catch {
    return path;
  }
}
