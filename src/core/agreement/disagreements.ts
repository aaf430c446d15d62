/**
 * Disagreements: units (see units.ts) on which the reviewers who took part in the document differ.
 * Rejected annotations take part here (a rejection is a verdict on a span): a reviewer who rejected
 * a span and one who confirmed it disagree on its status. A reviewer without a span in a unit
 * agrees with those who rejected it.
 */
import { originalKey } from './curationRecord';
import { isCounted, type ReviewedDocument, type ReviewSpan } from './model';
import { matchReviewers, unitsOf, type Matching } from './units';

/**
 * - `missing`: a reviewer who took part has no span there (and someone did not reject it);
 * - `span`: the spans overlap but start or end differently;
 * - `label`, `status`, `entity`: the spans' labels, statuses or entity links differ.
 */
export type DisagreementKind = 'missing' | 'span' | 'label' | 'status' | 'entity';

export const DISAGREEMENT_KINDS: readonly DisagreementKind[] = ['missing', 'span', 'label', 'status', 'entity'];

export interface Disagreement {
  path: string;
  /** Extent of the unit: the first start and the last end of its spans (UTF-16 code units). */
  start: number;
  end: number;
  kinds: DisagreementKind[];
  /** The reviewers' spans, in reviewer order. */
  spans: ReviewSpan[];
  /** Reviewers who took part in the document and have no span here. */
  absent: string[];
  /** True when a curation already replaced every one of these spans. */
  settled: boolean;
}

/**
 * The disagreements of one document, in position order. `matching`: the document's spans already
 * matched among its reviewers (`matchReviewers(doc.spans, doc.reviewers)`), if at hand.
 */
export function disagreementsOf(doc: ReviewedDocument, matching?: Matching): Disagreement[] {
  return compareUnits(doc, matching).filter(d => d.kinds.length > 0);
}

/** Every unit of a document with how its reviewers differ (no kinds: they agree), in position order. */
export function compareUnits(doc: ReviewedDocument, matching?: Matching): Disagreement[] {
  const out: Disagreement[] = [];
  if (doc.reviewers.length < 2) return out;
  for (const spans of unitsOf(matching ?? matchReviewers(doc.spans, doc.reviewers))) {
    const kinds = kindsOf(spans, doc.reviewers);
    const present = new Set(spans.map(s => s.reviewer));
    let start = Infinity;
    let end = -Infinity;
    for (const s of spans) {
      if (s.start < start) start = s.start;
      if (s.end > end) end = s.end;
    }
    out.push({
      path: doc.path,
      start,
      end,
      kinds,
      spans,
      absent: doc.reviewers.filter(r => !present.has(r)),
      settled: doc.settled !== undefined && spans.every(s => doc.settled!.has(originalKey(s))),
    });
  }
  return out;
}

function kindsOf(spans: readonly ReviewSpan[], reviewers: readonly string[]): DisagreementKind[] {
  const kinds: DisagreementKind[] = [];
  const present = new Set(spans.map(s => s.reviewer));
  if (reviewers.some(r => !present.has(r)) && spans.some(isCounted)) kinds.push('missing');
  const differ = (f: (s: ReviewSpan) => unknown) => spans.some(s => f(s) !== f(spans[0]));
  if (differ(s => `${s.start}:${s.end}`)) kinds.push('span');
  if (differ(s => s.label)) kinds.push('label');
  if (differ(s => s.status)) kinds.push('status');
  if (differ(s => s.entity ?? '')) kinds.push('entity');
  return kinds;
}
