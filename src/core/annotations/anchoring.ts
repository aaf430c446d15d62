/**
 * Anchoring annotations to an article that may have changed since they were made: building a
 * target from a span (`targetFor`), finding it again in new text (`reanchor`), and moving spans
 * along with live edits (`moveAnchor`). Offsets are UTF-16 code units; no anchor ever starts or
 * ends between the two halves of a surrogate pair.
 */
import { approxSearch, editDistance } from './approxMatch';
import type { TextQuoteTarget } from './model';

/** Code units of context kept before and after a span. */
export const CONTEXT_LENGTH = 32;

/** A span of text: `start` inclusive, `end` exclusive, UTF-16 code units. */
export interface TextRange {
  start: number;
  end: number;
}

/** How `reanchor` found the span. */
export type AnchorMethod = 'exact-position' | 'exact-quote' | 'fuzzy';

/** The annotation was found; `text.slice(start, end) === quote`. */
export interface Anchored extends TextRange {
  orphan: false;
  method: AnchorMethod;
  /** Confidence in [0, 1]: 1 for the stored position; lower for farther or fuzzier matches. */
  score: number;
  /** The text now at the span (equals the target's quote except for fuzzy matches). */
  quote: string;
}

/** The annotation could not be found in the text. */
export interface Orphan {
  orphan: true;
}

export type AnchorResult = Anchored | Orphan;

/** A change to the text: `[start, end)` of the old text replaced by `newText` (as VS Code reports). */
export interface TextChange {
  start: number;
  end: number;
  newText: string;
}

export interface ReanchorOptions {
  /**
   * Most edits allowed in a fuzzy match, given the quote's length. Default
   * `min(32, floor(length / 4))`: no fuzzy matching for quotes under 4 code units.
   */
  maxErrors?: (quoteLength: number) => number;
  /** Most fuzzy candidates scored. Default 1,000. */
  maxCandidates?: number;
}

const isHigh = (c: number): boolean => c >= 0xd800 && c <= 0xdbff;
const isLow = (c: number): boolean => c >= 0xdc00 && c <= 0xdfff;

/** True when `offset` falls between the two halves of a surrogate pair in `text`. */
export function splitsSurrogatePair(text: string, offset: number): boolean {
  return offset > 0 && offset < text.length && isHigh(text.charCodeAt(offset - 1)) && isLow(text.charCodeAt(offset));
}

/**
 * `[start, end)` clamped to the text and widened so that neither end splits a surrogate pair
 * (a start inside a pair moves back, an end inside a pair moves forward); `start <= end`.
 */
export function snapRange(text: string, start: number, end: number): TextRange {
  let s = Math.max(0, Math.min(text.length, Math.floor(start)));
  let e = Math.max(0, Math.min(text.length, Math.floor(end)));
  if (e < s) [s, e] = [e, s];
  if (splitsSurrogatePair(text, s)) s--;
  if (splitsSurrogatePair(text, e)) e++;
  return { start: s, end: e };
}

/**
 * The target of the span `[start, end)` of `text`: its quote, up to `CONTEXT_LENGTH` code units of
 * prefix and suffix (shortened by one rather than cut inside a surrogate pair) and the position,
 * after `snapRange`.
 */
export function targetFor(text: string, start: number, end: number): TextQuoteTarget {
  const r = snapRange(text, start, end);
  let p = Math.max(0, r.start - CONTEXT_LENGTH);
  if (splitsSurrogatePair(text, p)) p++;
  let s = Math.min(text.length, r.end + CONTEXT_LENGTH);
  if (splitsSurrogatePair(text, s)) s--;
  return { quote: text.slice(r.start, r.end), prefix: text.slice(p, r.start), suffix: text.slice(r.end, s), start: r.start, end: r.end };
}

/** Default bound on fuzzy edits: a quarter of the quote, at most 32. */
export function defaultMaxErrors(quoteLength: number): number {
  return Math.min(32, Math.floor(quoteLength / 4));
}

// Weights of the parts of a candidate's score (as Hypothesis' dom-anchor-text-quote).
const QUOTE_WEIGHT = 50;
const PREFIX_WEIGHT = 20;
const SUFFIX_WEIGHT = 20;
const POSITION_WEIGHT = 2;
const TOTAL_WEIGHT = QUOTE_WEIGHT + PREFIX_WEIGHT + SUFFIX_WEIGHT + POSITION_WEIGHT;

/**
 * Finds `target` in `text`, trying in turn:
 * 1. `exact-position`: the stored `[start, end)` still holds the quote (score 1);
 * 2. `exact-quote`: the occurrences of the quote; the one whose surroundings agree with the stored
 *    prefix and suffix over the most code units wins, then the one nearest the stored position
 *    (so after a shift the right one of several equal quotes is found even when another is closer);
 * 3. `fuzzy`: approximate occurrences with at most `maxErrors(quote.length)` edits (Myers'
 *    bit-parallel algorithm); the best by score wins;
 * else the annotation is an orphan. Scores (in [0, 1]) weigh quote similarity 50, prefix and suffix
 * similarity 20 each (similarities are 1 - edit distance / length) and closeness to the stored
 * position 2, as Hypothesis does. An exact occurrence always beats an approximate one, so a span
 * that edits did not touch is always found exactly (when its quote is unique, at its new place).
 * An empty quote anchors only at its stored position. Never returns a span that splits a
 * surrogate pair. Linear in the text for exact tiers and O(n * (1 + maxErrors / 32)) for the fuzzy one.
 */
export function reanchor(text: string, target: TextQuoteTarget, options: ReanchorOptions = {}): AnchorResult {
  const { quote } = target;
  const start = target.start,
    end = target.end;
  if (
    Number.isInteger(start) &&
    Number.isInteger(end) &&
    start >= 0 &&
    end >= start &&
    end <= text.length &&
    end - start === quote.length &&
    text.startsWith(quote, start) &&
    !splitsSurrogatePair(text, start) &&
    !splitsSurrogatePair(text, end)
  ) {
    return { orphan: false, start, end, method: 'exact-position', score: 1, quote };
  }
  if (quote.length === 0) return { orphan: true };
  const exact = exactQuote(text, target);
  if (exact) return exact;
  const maxErrors = Math.floor((options.maxErrors ?? defaultMaxErrors)(quote.length));
  if (maxErrors < 1) return { orphan: true };
  return fuzzy(text, target, maxErrors, options.maxCandidates ?? 1000) ?? { orphan: true };
}

/**
 * Score of the candidate `[start, end)` for `target`; `errors`: the candidate's edit distance from
 * the quote when known (the matcher's count, plus any units added to keep surrogate pairs whole).
 */
function scoreAt(text: string, target: TextQuoteTarget, start: number, end: number, errors?: number): { score: number; found: string } {
  const { quote, prefix, suffix } = target;
  const found = text.slice(start, end);
  const quoteScore = found === quote ? 1 : errors === undefined ? similarity(quote, found) : Math.max(0, 1 - errors / Math.max(quote.length, found.length));
  const prefixScore = similarity(prefix, text.slice(Math.max(0, start - prefix.length), start));
  const suffixScore = similarity(suffix, text.slice(end, end + suffix.length));
  const expected = Number.isFinite(target.start) ? target.start : 0;
  const score =
    (QUOTE_WEIGHT * quoteScore +
      PREFIX_WEIGHT * prefixScore +
      SUFFIX_WEIGHT * suffixScore +
      POSITION_WEIGHT * closeness(Math.abs(start - expected), text.length)) /
    TOTAL_WEIGHT;
  return { score, found };
}

function exactQuote(text: string, target: TextQuoteTarget): Anchored | undefined {
  const { quote, prefix, suffix } = target;
  const expected = Number.isFinite(target.start) ? target.start : 0;
  let best: { start: number; agreement: number; distance: number } | undefined;
  for (let at = text.indexOf(quote); at !== -1; at = text.indexOf(quote, at + 1)) {
    const end = at + quote.length;
    if (splitsSurrogatePair(text, at) || splitsSurrogatePair(text, end)) continue;
    const agreement = commonSuffixLength(prefix, text, at) + commonPrefixLength(suffix, text, end);
    const distance = Math.abs(at - expected);
    if (!best || agreement > best.agreement || (agreement === best.agreement && distance < best.distance)) {
      best = { start: at, agreement, distance };
    }
  }
  if (!best) return undefined;
  const { score } = scoreAt(text, target, best.start, best.start + quote.length);
  return { orphan: false, start: best.start, end: best.start + quote.length, method: 'exact-quote', score, quote };
}

/** How many code units at the end of `context` equal those just before `at` in `text`. */
function commonSuffixLength(context: string, text: string, at: number): number {
  let n = 0;
  while (n < context.length && at - n - 1 >= 0 && context.charCodeAt(context.length - 1 - n) === text.charCodeAt(at - n - 1)) n++;
  return n;
}

/** How many code units at the start of `context` equal those from `at` in `text`. */
function commonPrefixLength(context: string, text: string, at: number): number {
  let n = 0;
  while (n < context.length && at + n < text.length && context.charCodeAt(n) === text.charCodeAt(at + n)) n++;
  return n;
}

function closeness(distance: number, textLength: number): number {
  return 1 - Math.min(1, distance / Math.max(1, textLength));
}

function similarity(stored: string, found: string): number {
  const longest = Math.max(stored.length, found.length);
  return longest === 0 ? 1 : 1 - editDistance(stored, found) / longest;
}

function fuzzy(text: string, target: TextQuoteTarget, maxErrors: number, maxCandidates: number): Anchored | undefined {
  let best: Anchored | undefined;
  for (const match of approxSearch(text, target.quote, maxErrors, { maxMatches: maxCandidates })) {
    const r = snapRange(text, match.start, match.end);
    if (r.end <= r.start) continue;
    const widened = match.start - r.start + (r.end - match.end);
    const { score, found } = scoreAt(text, target, r.start, r.end, match.errors + widened);
    if (!best || score > best.score) {
      best = { orphan: false, start: r.start, end: r.end, method: found === target.quote ? 'exact-quote' : 'fuzzy', score, quote: found };
    }
  }
  return best;
}

/**
 * Where `range` is after `change` (offsets of the text before the change), or null when the
 * change replaced or deleted the whole span (the caller then re-anchors it or orphans it).
 * - a change wholly before the span (ending at or before its start; an insertion at its start
 *   included) shifts it;
 * - a change wholly after it (starting at or after its end; an insertion at its end included)
 *   leaves it;
 * - a change inside it grows or shrinks it;
 * - a change overlapping one end trims the span to what remains of it (the new text is not
 *   counted in).
 * Pass `newText` (the whole text after the change) to widen a result that would split a surrogate pair.
 */
export function moveAnchor(range: TextRange, change: TextChange, newText?: string): TextRange | null {
  const delta = change.newText.length - (change.end - change.start);
  let result: TextRange;
  if (change.end <= range.start) {
    result = { start: range.start + delta, end: range.end + delta };
  } else if (change.start >= range.end) {
    result = { start: range.start, end: range.end };
  } else if (change.start <= range.start && change.end >= range.end) {
    return null;
  } else if (change.start >= range.start && change.end <= range.end) {
    result = { start: range.start, end: range.end + delta };
  } else if (change.start < range.start) {
    // Overlaps the start: what was before range.end from change.end on survives.
    result = { start: change.start + change.newText.length, end: range.end + delta };
  } else {
    // Overlaps the end.
    result = { start: range.start, end: change.start };
  }
  return newText === undefined ? result : snapRange(newText, result.start, result.end);
}
