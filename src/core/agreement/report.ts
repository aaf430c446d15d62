/**
 * The agreement report (docs/contracts.md, `marginalia agreement`): for every pair of reviewers and
 * for all of them, per label, per document and overall. Documents are added one at a time
 * (`AgreementTally.add`) and every figure is kept as counts that add up, so a corpus of any size
 * costs memory for its counts and one line per document.
 *
 * - Spans: annotations not `rejected`. A pair of reviewers is compared on the documents both took
 *   part in. Span F1 = 2 * matched / (spans of a + spans of b), with exact matches (same start and
 *   end) or overlapping ones (match.ts); labels do not matter.
 * - kappa: Cohen's kappa on the labels of the spans matched by overlap (n of them).
 * - Fleiss' kappa on the labels of complete units (one span from every reviewer), in documents all
 *   reviewers took part in; with two reviewers it is Scott's pi.
 * - alpha: Krippendorff's alpha (nominal) on the labels of units with two or more spans, in any
 *   document (missing values are allowed).
 * - alphaU: Krippendorff's alpha_u on the characters every reviewer marked per label, in the
 *   documents all reviewers took part in (unitizing.ts).
 * - Per label L: spans with label L per reviewer; span F1 counting only matches where both spans
 *   have label L (pooled over pairs); kappa of "L or another label" on matched spans (the pairs'
 *   tables pooled; null when n is 0); n, the matched spans where either side has L; alpha_u of L.
 */
import { LabelPairTable } from './cohen';
import { DISAGREEMENT_KINDS, disagreementsOf, type DisagreementKind } from './disagreements';
import { FleissKappa } from './fleiss';
import { NominalAlpha } from './krippendorff';
import { isCounted, type ReviewedDocument } from './model';
import { UnitizingAlpha } from './unitizing';
import { matchReviewers, unitsOf } from './units';

/** F1 of exact and of overlapping matches; null when neither side has a span. */
export interface SpanF1 {
  exact: number | null;
  overlap: number | null;
}

export interface PairAgreement {
  a: string;
  b: string;
  /** Documents both reviewers took part in. */
  documents: number;
  spanF1: SpanF1;
  /** Cohen's kappa on the labels of matched spans. */
  kappa: number | null;
  /** Matched spans (overlap), what kappa is computed on. */
  n: number;
  spans: { a: number; b: number };
  matched: { exact: number; overlap: number };
}

export interface LabelAgreement {
  /** Spans with the label, per reviewer. */
  spans: Record<string, number>;
  spanF1: SpanF1;
  kappa: number | null;
  n: number;
  alphaU: number | null;
}

export interface DocumentAgreement {
  path: string;
  reviewers: string[];
  /** Spans of every reviewer. */
  spans: number;
  spanF1: SpanF1;
  kappa: number | null;
  /** Disagreements not yet settled by a curation, and those settled. */
  disagreements: number;
  settled: number;
}

export interface AgreementReport {
  reviewers: string[];
  /** Documents at least two reviewers took part in. */
  documents: number;
  pairs: PairAgreement[];
  overall: {
    fleissKappa: number | null;
    alpha: number | null;
    alphaU: number | null;
    /** Pooled over the pairs. */
    spanF1: SpanF1;
    /** Complete units (Fleiss' subjects). */
    units: number;
    disagreements: { open: number; settled: number; byKind: Record<DisagreementKind, number> };
  };
  perLabel: Record<string, LabelAgreement>;
  perDocument: DocumentAgreement[];
}

interface PairTally {
  documents: number;
  spansA: number;
  spansB: number;
  exact: number;
  overlap: number;
  table: LabelPairTable;
}

interface LabelTally {
  spans: Map<string, number>;
  /** Sum over pairs of the label's spans of both sides. */
  both: number;
  exact: number;
  overlap: number;
}

/** Gathers documents one by one; `report()` may be called at any point. */
export class AgreementTally {
  private readonly pairs: PairTally[][];
  private readonly labels = new Map<string, LabelTally>();
  private readonly pooled = new LabelPairTable();
  private readonly fleiss: FleissKappa;
  private readonly alpha = new NominalAlpha();
  private readonly unitizing: UnitizingAlpha;
  private readonly documents: DocumentAgreement[] = [];
  private readonly open = Object.fromEntries(DISAGREEMENT_KINDS.map(k => [k, 0])) as Record<DisagreementKind, number>;
  private openTotal = 0;
  private settledTotal = 0;

  /** `reviewers`: everyone compared, in the report's order (pairs are (a, b) with a before b). */
  constructor(readonly reviewers: readonly string[]) {
    this.pairs = reviewers.map(() => reviewers.map(() => ({ documents: 0, spansA: 0, spansB: 0, exact: 0, overlap: 0, table: new LabelPairTable() })));
    this.fleiss = new FleissKappa(reviewers.length);
    this.unitizing = new UnitizingAlpha(reviewers.length);
  }

  add(doc: ReviewedDocument): void {
    const present = this.reviewers.filter(r => doc.reviewers.includes(r));
    if (present.length < 2) return;
    const index = present.map(r => this.reviewers.indexOf(r));
    const spans = doc.spans.filter(isCounted);
    const matching = matchReviewers(spans, present);
    const docTable = new LabelPairTable();
    let docBoth = 0;
    let docExact = 0;
    let docOverlap = 0;
    const label = (name: string): LabelTally => {
      let t = this.labels.get(name);
      if (!t) this.labels.set(name, (t = { spans: new Map(), both: 0, exact: 0, overlap: 0 }));
      return t;
    };
    matching.spansOf.forEach((list, i) => {
      for (const s of list) label(s.label).spans.set(present[i], (label(s.label).spans.get(present[i]) ?? 0) + 1);
    });
    for (let i = 0; i < present.length; i++) {
      for (let j = i + 1; j < present.length; j++) {
        const A = matching.spansOf[i];
        const B = matching.spansOf[j];
        const matches = matching.pairs[i][j];
        const tally = this.pairs[index[i]][index[j]];
        tally.documents++;
        tally.spansA += A.length;
        tally.spansB += B.length;
        docBoth += A.length + B.length;
        for (const s of A) label(s.label).both++;
        for (const s of B) label(s.label).both++;
        for (const m of matches) {
          const la = A[m.a].label;
          const lb = B[m.b].label;
          tally.table.add(la, lb);
          docTable.add(la, lb);
          tally.overlap++;
          docOverlap++;
          if (m.exact) {
            tally.exact++;
            docExact++;
          }
          if (la === lb) {
            label(la).overlap++;
            if (m.exact) label(la).exact++;
          }
        }
      }
    }
    this.pooled.addAll(docTable);

    const complete = present.length === this.reviewers.length;
    for (const unit of unitsOf(matching)) {
      this.alpha.addUnit(unit.map(s => s.label));
      if (complete && unit.length === present.length && new Set(unit.map(s => s.reviewer)).size === present.length) {
        this.fleiss.addSubject(unit.map(s => s.label));
      }
    }
    if (complete) {
      this.unitizing.addStretch(
        doc.length,
        spans.map(s => ({ observer: this.reviewers.indexOf(s.reviewer), start: s.start, end: s.end, category: s.label })),
      );
    }

    let open = 0;
    let settled = 0;
    // Disagreements count rejected spans too; without any, the matching above serves.
    const all = spans.length === doc.spans.length ? matching : undefined;
    for (const d of disagreementsOf({ ...doc, reviewers: present }, all)) {
      if (d.settled) {
        settled++;
        continue;
      }
      open++;
      for (const k of d.kinds) this.open[k]++;
    }
    this.openTotal += open;
    this.settledTotal += settled;
    this.documents.push({
      path: doc.path,
      reviewers: present,
      spans: spans.filter(s => present.includes(s.reviewer)).length,
      spanF1: { exact: f1(docExact, docBoth), overlap: f1(docOverlap, docBoth) },
      kappa: docTable.kappa(),
      disagreements: open,
      settled,
    });
  }

  report(): AgreementReport {
    const pairs: PairAgreement[] = [];
    let both = 0;
    let exact = 0;
    let overlap = 0;
    for (let i = 0; i < this.reviewers.length; i++) {
      for (let j = i + 1; j < this.reviewers.length; j++) {
        const t = this.pairs[i][j];
        pairs.push({
          a: this.reviewers[i],
          b: this.reviewers[j],
          documents: t.documents,
          spanF1: { exact: f1(t.exact, t.spansA + t.spansB), overlap: f1(t.overlap, t.spansA + t.spansB) },
          kappa: t.table.kappa(),
          n: t.table.total,
          spans: { a: t.spansA, b: t.spansB },
          matched: { exact: t.exact, overlap: t.overlap },
        });
        both += t.spansA + t.spansB;
        exact += t.exact;
        overlap += t.overlap;
      }
    }
    const unitizing = this.unitizing.result();
    const perLabel: Record<string, LabelAgreement> = {};
    for (const name of [...this.labels.keys()].sort()) {
      const t = this.labels.get(name)!;
      const binary = this.pooled.binary(name);
      const n = binary.total - binary.count('no', 'no');
      perLabel[name] = {
        spans: Object.fromEntries(this.reviewers.map(r => [r, t.spans.get(r) ?? 0])),
        spanF1: { exact: f1(t.exact, t.both), overlap: f1(t.overlap, t.both) },
        kappa: n > 0 ? binary.kappa() : null,
        n,
        alphaU: unitizing.categories.get(name)?.alpha ?? null,
      };
    }
    return {
      reviewers: [...this.reviewers],
      documents: this.documents.length,
      pairs,
      overall: {
        fleissKappa: this.fleiss.kappa(),
        alpha: this.alpha.alpha(),
        alphaU: unitizing.alpha,
        spanF1: { exact: f1(exact, both), overlap: f1(overlap, both) },
        units: this.fleiss.size,
        disagreements: { open: this.openTotal, settled: this.settledTotal, byKind: { ...this.open } },
      },
      perLabel,
      perDocument: [...this.documents],
    };
  }
}

/** The report of `documents` compared among `reviewers`. */
export function computeAgreement(documents: Iterable<ReviewedDocument>, reviewers: readonly string[]): AgreementReport {
  const tally = new AgreementTally(reviewers);
  for (const doc of documents) tally.add(doc);
  return tally.report();
}

/** Every reviewer of the documents, sorted. */
export function reviewersOf(documents: Iterable<ReviewedDocument>): string[] {
  const all = new Set<string>();
  for (const doc of documents) for (const r of doc.reviewers) all.add(r);
  return [...all].sort();
}

function f1(matched: number, spans: number): number | null {
  return spans === 0 ? null : (2 * matched) / spans;
}

/**
 * The report after `after` replaced `before` (the same document), when only curation changed it:
 * the reviewers' spans are the same (agreement before curation does not move), so only the
 * document's open and settled disagreements are counted again. Undefined when the spans differ
 * (the report must be computed again).
 */
export function afterCuration(report: AgreementReport, before: ReviewedDocument, after: ReviewedDocument): AgreementReport | undefined {
  if (reviewsKey(before) !== reviewsKey(after)) return undefined;
  const entry = report.perDocument.find(d => d.path === after.path);
  if (!entry) return undefined;
  const present = entry.reviewers;
  const count = (doc: ReviewedDocument) => {
    const byKind = Object.fromEntries(DISAGREEMENT_KINDS.map(k => [k, 0])) as Record<DisagreementKind, number>;
    let open = 0;
    let settled = 0;
    for (const d of disagreementsOf({ ...doc, reviewers: present })) {
      if (d.settled) settled++;
      else {
        open++;
        for (const k of d.kinds) byKind[k]++;
      }
    }
    return { open, settled, byKind };
  };
  const was = count(before);
  const now = count(after);
  const o = report.overall.disagreements;
  return {
    ...report,
    overall: {
      ...report.overall,
      disagreements: {
        open: o.open - was.open + now.open,
        settled: o.settled - was.settled + now.settled,
        byKind: Object.fromEntries(DISAGREEMENT_KINDS.map(k => [k, o.byKind[k] - was.byKind[k] + now.byKind[k]])) as Record<DisagreementKind, number>,
      },
    },
    perDocument: report.perDocument.map(d => (d === entry ? { ...d, disagreements: now.open, settled: now.settled } : d)),
  };
}

/** What the figures depend on: every reviewer's spans (not where the annotations are kept). */
function reviewsKey(doc: ReviewedDocument): string {
  return JSON.stringify([doc.reviewers, doc.spans.map(s => [s.reviewer, s.id, s.start, s.end, s.label, s.entity ?? null, s.status])]);
}
