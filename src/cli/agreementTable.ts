import { printable, type AgreementReport, type SpanF1 } from '../core';

/** The agreement report for terminals. */
export function agreementTable(report: AgreementReport): string {
  const num = (x: number | null) => (x === null ? '-' : x.toFixed(3));
  const f1 = (s: SpanF1) => [num(s.exact), num(s.overlap)];
  const o = report.overall;
  const lines = [
    `${report.reviewers.length} reviewers (${report.reviewers.map(printable).join(', ')}) compared on ${report.documents} document${report.documents === 1 ? '' : 's'}`,
    '',
    table(
      ['reviewer a', 'reviewer b', 'documents', 'spans a', 'spans b', 'F1 exact', 'F1 overlap', 'kappa', 'n'],
      report.pairs.map(p => [p.a, p.b, String(p.documents), String(p.spans.a), String(p.spans.b), ...f1(p.spanF1), num(p.kappa), String(p.n)]),
    ),
    '',
    `all: F1 exact ${num(o.spanF1.exact)}, overlap ${num(o.spanF1.overlap)}; Fleiss' kappa ${num(o.fleissKappa)} (${o.units} complete units); ` +
      `Krippendorff's alpha ${num(o.alpha)}, alpha_u ${num(o.alphaU)}`,
    `disagreements: ${o.disagreements.open} open (${Object.entries(o.disagreements.byKind)
      .map(([k, n]) => `${k} ${n}`)
      .join(', ')}), ${o.disagreements.settled} settled`,
    '',
    table(
      ['label', 'spans', 'F1 exact', 'F1 overlap', 'kappa', 'n', 'alpha_u'],
      Object.entries(report.perLabel).map(([label, l]) => [
        label,
        String(Object.values(l.spans).reduce((x, y) => x + y, 0)),
        ...f1(l.spanF1),
        num(l.kappa),
        String(l.n),
        num(l.alphaU),
      ]),
    ),
  ];
  return lines.join('\n') + '\n';
}

/** Columns padded to their widest cell; numbers right-aligned; text from sidecars made printable. */
function table(header: string[], cells: string[][]): string {
  const rows = cells.map(r => r.map(printable));
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map(r => r[i].length)));
  const numeric = header.map((_, i) => rows.length > 0 && rows.every(r => /^-?[\d.]+$|^-$/.test(r[i])));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => (numeric[i] ? c.padStart(widths[i]) : c.padEnd(widths[i])))
      .join('  ')
      .trimEnd();
  return [line(header), ...rows.map(line)].join('\n');
}
