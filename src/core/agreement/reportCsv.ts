/**
 * The agreement report as CSV (RFC 4180, CRLF rows, formula-safe cells as in ../export/csv.ts):
 * one header, then one row per figure group, `scope` saying which:
 * `overall`, `pair` (reviewer_a, reviewer_b), `label` (label), `document` (document).
 * Columns that do not apply to a scope are empty; figures without a value (no spans) are empty.
 * `spans`: the spans the row counts (a pair: both sides; a label or document: every reviewer).
 */
import { csvRow } from '../export/csv';
import type { AgreementReport, SpanF1 } from './report';

export const AGREEMENT_CSV_COLUMNS = [
  'scope',
  'reviewer_a',
  'reviewer_b',
  'label',
  'document',
  'documents',
  'spans',
  'n',
  'f1_exact',
  'f1_overlap',
  'kappa',
  'fleiss_kappa',
  'alpha',
  'alpha_u',
  'disagreements',
] as const;

type Row = Partial<Record<(typeof AGREEMENT_CSV_COLUMNS)[number], string | number | null>>;

export function agreementCsv(report: AgreementReport): string {
  const rows: Row[] = [];
  const f1 = (s: SpanF1) => ({ f1_exact: s.exact, f1_overlap: s.overlap });
  const o = report.overall;
  rows.push({
    scope: 'overall',
    documents: report.documents,
    n: o.units,
    ...f1(o.spanF1),
    fleiss_kappa: o.fleissKappa,
    alpha: o.alpha,
    alpha_u: o.alphaU,
    disagreements: o.disagreements.open,
  });
  for (const p of report.pairs) {
    rows.push({
      scope: 'pair',
      reviewer_a: p.a,
      reviewer_b: p.b,
      documents: p.documents,
      spans: p.spans.a + p.spans.b,
      n: p.n,
      ...f1(p.spanF1),
      kappa: p.kappa,
    });
  }
  for (const [label, l] of Object.entries(report.perLabel)) {
    rows.push({ scope: 'label', label, spans: Object.values(l.spans).reduce((x, y) => x + y, 0), n: l.n, ...f1(l.spanF1), kappa: l.kappa, alpha_u: l.alphaU });
  }
  for (const d of report.perDocument) {
    rows.push({ scope: 'document', document: d.path, spans: d.spans, ...f1(d.spanF1), kappa: d.kappa, disagreements: d.disagreements });
  }
  return csvRow(AGREEMENT_CSV_COLUMNS) + rows.map(r => csvRow(AGREEMENT_CSV_COLUMNS.map(c => r[c] ?? undefined))).join('');
}
