// What differs between two statements that report the same thing: a date that is another day once
// normalized, a figure whose range does not meet the other's, a quotation whose words differ (or only
// its spelling or punctuation). Only what can be compared is compared: two dates must be dates of the
// same thing (words around them in common), two figures must count the same unit.
import {
  checkableDate,
  dateRange,
  datesAgree,
  quantitiesAgree,
  quoteDifferences,
  quoteWords,
  relateQuotes,
  type QuoteRelation,
  type QuoteWords,
} from './agreement';
import type { Quantity, Quotation, Statement, StatementDate } from './types';

/** Alignment score from which a statement of another article is shown as reporting the same thing. */
export const MATCH_SCORE = 0.3;
/** Alignment score from which the dates and figures of two statements are compared. */
export const STRONG_SCORE = 0.35;

/** One difference between a statement here and one there (docs/contracts.md, marginalia.compareAcrossArticles). */
export interface Difference {
  kind: 'date' | 'number' | 'quote' | 'wording';
  /** What this statement says: a date with its value, a figure, a quotation. */
  here: string;
  there: string;
  /** Where `here` is in its article (UTF-16 offsets). */
  hereStart: number;
  hereEnd: number;
  thereStart: number;
  thereEnd: number;
  /** For quotations: the words that differ, as UTF-16 offsets in each article. */
  hereWords?: [number, number][];
  thereWords?: [number, number][];
  /** `spelling` or `punctuation` for a wording difference; `vague` for a vague figure against a stated one. */
  detail?: string;
}

/** Weight of the words around two items that make them items of the same thing (an entity counts half a word). */
const SAME_THING = 1.5;

/** True when the words around two items say they are of the same thing: a word and an entity, or two words, in common. */
function sharedContext(a: Statement, ca: readonly string[], b: Statement, cb: readonly string[]): boolean {
  let weight = 0;
  for (const w of ca) {
    if (!cb.includes(w)) continue;
    weight += a.entities.includes(w) || b.entities.includes(w) ? 0.5 : 1;
  }
  return weight >= SAME_THING;
}

/** Days between two dates beyond which they are taken for dates of different events, not one event dated twice. */
const SAME_EVENT_DAYS = 31;

function nearInTime(a: string, b: string): boolean {
  const ra = dateRange(a);
  const rb = dateRange(b);
  if (!ra || !rb) return false;
  return Math.max(ra[0], rb[0]) - Math.min(ra[1], rb[1]) <= SAME_EVENT_DAYS;
}

/** The pairs of dates of two aligned statements that are dates of the same thing. */
export function datePairs(a: Statement, b: Statement, score: number): [StatementDate, StatementDate][] {
  if (score < STRONG_SCORE) return [];
  const out: [StatementDate, StatementDate][] = [];
  for (const x of a.dates) {
    if (!checkableDate(x.value)) continue;
    for (const y of b.dates) {
      if (!checkableDate(y.value) || !nearInTime(x.value, y.value)) continue;
      if (x.relation === y.relation && sharedContext(a, x.context, b, y.context)) out.push([x, y]);
    }
  }
  return out;
}

/** The pairs of quantities of two aligned statements that count the same thing. */
export function quantityPairs(a: Statement, b: Statement, score: number): [Quantity, Quantity][] {
  if (score < STRONG_SCORE) return [];
  const out: [Quantity, Quantity][] = [];
  for (const x of a.quantities) {
    if (!x.unit) continue;
    for (const y of b.quantities) {
      if (y.unit === x.unit && sharedContext(a, x.context, b, y.context)) out.push([x, y]);
    }
  }
  return out;
}

/**
 * The pairs of quotations of two statements that are one quotation, with how their words relate.
 * `wordsOf` may remember the words of the quotations it is asked for (a scan asks many times).
 */
export function quotationPairs(
  a: Statement,
  b: Statement,
  score: number,
  wordsOf: (q: Quotation) => QuoteWords = q => quoteWords(q.text),
): [Quotation, Quotation, QuoteRelation][] {
  const out: [Quotation, Quotation, QuoteRelation][] = [];
  for (const x of a.quotations) {
    for (const y of b.quotations) {
      const sa = x.speaker?.entity;
      const sb = y.speaker?.entity;
      if (sa && sb ? sa !== sb : score < STRONG_SCORE) continue;
      const relation = x.text === y.text ? 'same' : relateQuotes(wordsOf(x), wordsOf(y));
      if (relation !== 'unrelated') out.push([x, y, relation]);
    }
  }
  return out;
}

/** A date as a reader checks it: its words and its value. */
export function dateLabel(d: StatementDate): string {
  return d.text === d.value ? d.value : `${d.text} (${d.value})`;
}

/**
 * The differences between statement `a` (here) and `b` (there), aligned with `score`. Dates and
 * figures that agree once normalized are no differences; a quotation differing in its words is a
 * `quote` difference, one differing only in spelling or punctuation a `wording` one.
 */
export function statementDifferences(a: Statement, b: Statement, score: number): Difference[] {
  const out: Difference[] = [];
  const seen = new Set<string>();
  const add = (d: Difference) => {
    const key = `${d.kind}:${d.hereStart}:${d.thereStart}`;
    if (!seen.has(key)) {
      seen.add(key);
      out.push(d);
    }
  };
  for (const [x, y] of datePairs(a, b, score)) {
    if (!datesAgree(x, y))
      add({ kind: 'date', here: dateLabel(x), there: dateLabel(y), hereStart: x.start, hereEnd: x.end, thereStart: y.start, thereEnd: y.end });
  }
  for (const [x, y] of quantityPairs(a, b, score)) {
    if (quantitiesAgree(x, y)) continue;
    add({
      kind: 'number',
      here: x.text,
      there: y.text,
      hereStart: x.start,
      hereEnd: x.end,
      thereStart: y.start,
      thereEnd: y.end,
      ...(x.exact !== y.exact ? { detail: 'vague' } : {}),
    });
  }
  for (const [x, y, relation] of quotationPairs(a, b, score)) {
    if (relation === 'same' || relation === 'fragment') continue;
    const words = quoteDifferences(quoteWords(x.text), quoteWords(y.text));
    add({
      kind: relation === 'words' ? 'quote' : 'wording',
      here: x.text,
      there: y.text,
      hereStart: x.start,
      hereEnd: x.end,
      thereStart: y.start,
      thereEnd: y.end,
      hereWords: words.a.map(([s, e]) => [x.start + s, x.start + e]),
      thereWords: words.b.map(([s, e]) => [y.start + s, y.start + e]),
      ...(relation === 'words' ? {} : { detail: relation }),
    });
  }
  return out;
}
