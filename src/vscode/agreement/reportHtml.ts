/**
 * The agreement report as a webview page: pure (no `vscode`), every text from documents and
 * sidecars escaped, styles and the one script allowed by nonce only (strict CSP), colors from the
 * theme's variables, and bars drawn as SVG attributes (a strict CSP blocks inline `style=`).
 */
import type { AgreementReport, SpanF1 } from '../../core';

export interface ReportPageOptions {
  /** A fresh random value per rendering: the CSP allows only the style and script carrying it. */
  nonce: string;
  /** The webview's `cspSource`. */
  cspSource: string;
  /** What was compared, e.g. "by author" or "workspace against main". */
  comparison: string;
  /** How many documents to list (the most disagreements first); the CSV has them all. */
  documents?: number;
}

const METRICS: { key: string; name: string; value: (l: AgreementReport['perLabel'][string]) => number | null }[] = [
  { key: 'exact', name: 'F1 exact', value: l => l.spanF1.exact },
  { key: 'overlap', name: 'F1 overlap', value: l => l.spanF1.overlap },
  { key: 'kappa', name: 'kappa', value: l => l.kappa },
  { key: 'alphau', name: 'alpha_u', value: l => l.alphaU },
];

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, c => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

const num = (x: number | null): string => (x === null ? '–' : x.toFixed(3));
const f1 = (s: SpanF1): string => `<td>${num(s.exact)}</td><td>${num(s.overlap)}</td>`;

export function reportHtml(report: AgreementReport, options: ReportPageOptions): string {
  const { nonce, cspSource } = options;
  const o = report.overall;
  const e = escapeHtml;
  const pairs = report.pairs
    .map(
      p =>
        `<tr><th scope="row">${e(p.a)} · ${e(p.b)}</th><td>${p.documents}</td><td>${p.spans.a} / ${p.spans.b}</td>${f1(p.spanF1)}<td>${num(p.kappa)}</td><td>${p.n}</td></tr>`,
    )
    .join('');
  const labels = Object.entries(report.perLabel)
    .map(([label, l]) => {
      const spans = Object.values(l.spans).reduce((x, y) => x + y, 0);
      return `<tr><th scope="row">${e(label)}</th><td>${spans}</td>${f1(l.spanF1)}<td>${num(l.kappa)}</td><td>${l.n}</td><td>${num(l.alphaU)}</td><td>${labelChart(label, l)}</td></tr>`;
    })
    .join('');
  const shown = [...report.perDocument].filter(d => d.disagreements > 0).sort((a, b) => b.disagreements - a.disagreements || (a.path < b.path ? -1 : 1));
  const limit = options.documents ?? 50;
  const documents = shown
    .slice(0, limit)
    .map(
      d =>
        `<tr><th scope="row"><button class="link" data-path="${e(d.path)}" title="Open its first disagreement">${e(d.path)}</button></th><td>${d.disagreements}</td><td>${d.settled}</td>${f1(d.spanF1)}<td>${num(d.kappa)}</td></tr>`,
    )
    .join('');
  const kinds = Object.entries(o.disagreements.byKind)
    .filter(([, n]) => n > 0)
    .map(([k, n]) => `${e(k)} ${n}`)
    .join(', ');
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; img-src ${cspSource} data:; style-src 'nonce-${nonce}'; script-src 'nonce-${nonce}';">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<title>Agreement</title>
<style nonce="${nonce}">
  body { color: var(--vscode-foreground); background: var(--vscode-editor-background); font-family: var(--vscode-font-family); font-size: var(--vscode-font-size); padding: 0 1.5em 2em; }
  h1 { font-size: 1.4em; font-weight: 600; margin-bottom: 0.2em; }
  h2 { font-size: 1.1em; font-weight: 600; margin: 1.6em 0 0.4em; }
  .sub { color: var(--vscode-descriptionForeground); margin-top: 0; }
  table { border-collapse: collapse; margin: 0.3em 0; }
  th, td { padding: 0.25em 0.8em 0.25em 0; text-align: right; vertical-align: middle; }
  th[scope="row"], thead th:first-child { text-align: left; font-weight: normal; }
  thead th { color: var(--vscode-descriptionForeground); font-weight: 600; border-bottom: 1px solid var(--vscode-panel-border, var(--vscode-editorWidget-border)); }
  .figures { display: flex; flex-wrap: wrap; gap: 0.8em 2.4em; margin: 0.6em 0; }
  .figure .value { font-size: 1.6em; font-variant-numeric: tabular-nums; }
  .figure .name { color: var(--vscode-descriptionForeground); }
  td { font-variant-numeric: tabular-nums; }
  .toolbar { display: flex; gap: 0.6em; margin: 1em 0; }
  button { font: inherit; color: var(--vscode-button-foreground); background: var(--vscode-button-background); border: 1px solid var(--vscode-button-border, transparent); padding: 0.3em 0.9em; border-radius: 2px; cursor: pointer; }
  button:hover { background: var(--vscode-button-hoverBackground); }
  button.secondary { color: var(--vscode-button-secondaryForeground); background: var(--vscode-button-secondaryBackground); }
  button.link { color: var(--vscode-textLink-foreground); background: none; border: none; padding: 0; text-align: left; }
  button.link:hover { text-decoration: underline; background: none; }
  button:focus-visible { outline: 1px solid var(--vscode-focusBorder); outline-offset: 2px; }
  svg text { fill: var(--vscode-descriptionForeground); font-size: 10px; }
  .bar-exact { fill: var(--vscode-charts-blue); }
  .bar-overlap { fill: var(--vscode-charts-green); }
  .bar-kappa { fill: var(--vscode-charts-orange); }
  .bar-alphau { fill: var(--vscode-charts-purple); }
  .track { fill: var(--vscode-editorWidget-background, transparent); stroke: var(--vscode-panel-border, var(--vscode-editorWidget-border)); stroke-width: 0.5; }
  .legend span { margin-right: 1.2em; white-space: nowrap; }
  .swatch { display: inline-block; width: 0.8em; height: 0.8em; margin-right: 0.3em; vertical-align: -0.05em; }
  .sw-exact { background: var(--vscode-charts-blue); } .sw-overlap { background: var(--vscode-charts-green); }
  .sw-kappa { background: var(--vscode-charts-orange); } .sw-alphau { background: var(--vscode-charts-purple); }
  .note { color: var(--vscode-descriptionForeground); max-width: 60em; }
</style>
</head>
<body>
<h1>Agreement of ${report.reviewers.length} reviewers</h1>
<p class="sub">${report.reviewers.map(e).join(' · ')} — ${e(options.comparison)}, ${report.documents} document${report.documents === 1 ? '' : 's'} compared</p>
<div class="toolbar" role="toolbar" aria-label="Report actions">
  <button id="next">Next disagreement</button>
  <button id="csv" class="secondary">Export CSV…</button>
  <button id="recompute" class="secondary">Recompute</button>
</div>
<section aria-labelledby="all"><h2 id="all">All reviewers</h2>
<div class="figures">
  ${figure('span F1, exact', o.spanF1.exact)}${figure('span F1, overlapping', o.spanF1.overlap)}${figure("Fleiss' kappa", o.fleissKappa)}${figure("Krippendorff's alpha", o.alpha)}${figure('alpha_u (unitizing)', o.alphaU)}
</div>
<p class="note">${o.disagreements.open} open disagreement${o.disagreements.open === 1 ? '' : 's'}${kinds ? ` (${kinds})` : ''}, ${o.disagreements.settled} settled. Fleiss' kappa on ${o.units} complete unit${o.units === 1 ? '' : 's'}.</p>
</section>
<section aria-labelledby="pairs"><h2 id="pairs">Pairs of reviewers</h2>
<table><thead><tr><th>pair</th><th>documents</th><th>spans</th><th>F1 exact</th><th>F1 overlap</th><th>Cohen's kappa</th><th>n</th></tr></thead><tbody>${pairs}</tbody></table>
</section>
<section aria-labelledby="labels"><h2 id="labels">Per label</h2>
<p class="legend"><span><i class="swatch sw-exact"></i>F1 exact</span><span><i class="swatch sw-overlap"></i>F1 overlap</span><span><i class="swatch sw-kappa"></i>kappa</span><span><i class="swatch sw-alphau"></i>alpha_u</span></p>
<table><thead><tr><th>label</th><th>spans</th><th>F1 exact</th><th>F1 overlap</th><th>kappa</th><th>n</th><th>alpha_u</th><th>chart</th></tr></thead><tbody>${labels}</tbody></table>
</section>
<section aria-labelledby="documents"><h2 id="documents">Documents with open disagreements</h2>
${shown.length ? `<table><thead><tr><th>document</th><th>open</th><th>settled</th><th>F1 exact</th><th>F1 overlap</th><th>kappa</th></tr></thead><tbody>${documents}</tbody></table>` : '<p class="note">None.</p>'}
${shown.length > limit ? `<p class="note">…and ${shown.length - limit} more; the CSV lists every document.</p>` : ''}
</section>
<script nonce="${nonce}">
  const vscode = acquireVsCodeApi();
  document.getElementById('csv').addEventListener('click', () => vscode.postMessage({ type: 'exportCsv' }));
  document.getElementById('recompute').addEventListener('click', () => vscode.postMessage({ type: 'recompute' }));
  document.getElementById('next').addEventListener('click', () => vscode.postMessage({ type: 'next' }));
  for (const b of document.querySelectorAll('button[data-path]')) b.addEventListener('click', () => vscode.postMessage({ type: 'openDocument', path: b.dataset.path }));
</script>
</body>
</html>`;
}

function figure(name: string, value: number | null): string {
  return `<div class="figure"><div class="value">${num(value)}</div><div class="name">${escapeHtml(name)}</div></div>`;
}

/** Four horizontal bars on [0, 1] (a negative value shows as an empty bar, its number beside it). */
function labelChart(label: string, l: AgreementReport['perLabel'][string]): string {
  const width = 120;
  const row = 13;
  const bars = METRICS.map((m, i) => {
    const v = m.value(l);
    const w = v === null ? 0 : Math.max(0, Math.min(1, v)) * width;
    return `<rect class="track" x="0" y="${i * row + 2}" width="${width}" height="${row - 4}"/><rect class="bar-${m.key}" x="0" y="${i * row + 2}" width="${w.toFixed(1)}" height="${row - 4}"/><text x="${width + 4}" y="${i * row + row - 3}">${num(v)}</text>`;
  }).join('');
  const text = METRICS.map(m => `${m.name} ${num(m.value(l))}`).join(', ');
  return `<svg width="${width + 40}" height="${METRICS.length * row}" role="img" aria-label="${escapeHtml(`${label}: ${text}`)}">${bars}</svg>`;
}
