// When two reports of the same thing agree: dates once normalized ("on Thursday" in an article of
// Friday 27 February and "on Feb 26" are one day; "this week" holds "March 3"), quantities whose
// ranges meet ("over 150" and "more than 150"; "about 40" and "40"; "dozens" and "about 40"), and
// quotations whose words are the same (a fragment of a longer quotation, or a variant in spelling or
// punctuation only, is no misquote).
import { dayNumber, daysInMonth, isoWeekday } from '../dates/calendar';
import { americanSpelling } from './spelling';
import type { Quantity, StatementDate } from './types';

/** The days a normalized date value covers, as day numbers [first, last]; undefined for unknown forms. */
export function dateRange(value: string): [number, number] | undefined {
  let m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (m) {
    const d = dayNumber(+m[1], +m[2], +m[3]);
    return [d, d];
  }
  m = /^(\d{4})-(\d{2})$/.exec(value);
  if (m) return [dayNumber(+m[1], +m[2], 1), dayNumber(+m[1], +m[2], daysInMonth(+m[1], +m[2]))];
  m = /^(\d{4})-W(\d{2})$/.exec(value);
  if (m) {
    const jan4 = dayNumber(+m[1], 1, 4);
    const monday = jan4 - isoWeekday(jan4) + 1 + (+m[2] - 1) * 7;
    return [monday, monday + 6];
  }
  m = /^(\d{4})-Q([1-4])$/.exec(value);
  if (m) {
    const first = (+m[2] - 1) * 3 + 1;
    return [dayNumber(+m[1], first, 1), dayNumber(+m[1], first + 2, daysInMonth(+m[1], first + 2))];
  }
  m = /^(\d{4})$/.exec(value);
  if (m) return [dayNumber(+m[1], 1, 1), dayNumber(+m[1], 12, 31)];
  m = /^(\d{3})X$/.exec(value);
  if (m) return [dayNumber(+m[1] * 10, 1, 1), dayNumber(+m[1] * 10 + 9, 12, 31)];
  return undefined;
}

/** True for a day value (YYYY-MM-DD). */
export function isDay(value: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(value);
}

const WEEKDAY_ONLY = /^(?:(?:last|next|this|on)\s+)?(?:mon|tues?|wed(?:nes)?|thu(?:rs?)?|fri|sat(?:ur)?|sun)(?:day)?\.?$/i;
const NO_YEAR = /^(?!.*\b\d{4}\b)(?!.*'\d\d\b)/;

/**
 * True when two dates can be the same: their days meet once normalized. A bare weekday ("on
 * Wednesday") is resolved by the tense of its sentence, which a recognizer can misread: one a week
 * away from a date on the same weekday is not called a disagreement; nor is a date without a year
 * one year away from the same day or month.
 */
export function datesAgree(a: StatementDate, b: StatementDate): boolean {
  const ra = dateRange(a.value);
  const rb = dateRange(b.value);
  if (!ra || !rb) return true;
  if (ra[0] <= rb[1] && rb[0] <= ra[1]) return true;
  if (isDay(a.value) && isDay(b.value)) {
    const gap = Math.abs(ra[0] - rb[0]);
    if (gap === 7 && (WEEKDAY_ONLY.test(a.text.trim()) || WEEKDAY_ONLY.test(b.text.trim()))) return true;
  }
  const yearless = NO_YEAR.test(a.text) || NO_YEAR.test(b.text);
  if (yearless && a.value.slice(4) === b.value.slice(4) && Math.abs(+a.value.slice(0, 4) - +b.value.slice(0, 4)) === 1) return true;
  return false;
}

/** True when a date value is precise enough to be checked against another (a day, a week or a month). */
export function checkableDate(value: string): boolean {
  return /^\d{4}-(\d{2}(-\d{2})?|W\d{2})$/.test(value);
}

/** True when two quantities can be the same figure: their ranges meet. */
export function quantitiesAgree(a: Quantity, b: Quantity): boolean {
  const eps = 1e-9 * Math.max(1, Math.abs(a.low), Math.abs(b.low));
  return a.low <= b.high + eps && b.low <= a.high + eps;
}

/** How two quotations relate. */
export type QuoteRelation =
  /** the same words and punctuation */
  | 'same'
  /** one is a part of the other (or of its parts around an ellipsis) */
  | 'fragment'
  /** the same words but for British/American spelling or hyphenation */
  | 'spelling'
  /** the same words, different punctuation */
  | 'punctuation'
  /** mostly the same words, some added, dropped or changed: a variant of one quotation */
  | 'words'
  /** different quotations */
  | 'unrelated';

/** A quotation's words: lowercase as written, and folded (spelling, hyphens, apostrophes). */
export interface QuoteWords {
  lower: string[];
  folded: string[];
  /** Offsets of each word relative to the quotation's text. */
  at: [number, number][];
  /** Its punctuation and spacing, normalized, between and around the words. */
  punctuation: string;
  /** The parts between ellipses, as ranges of word indexes. */
  parts: [number, number][];
}

const WORD = /[\p{L}\p{N}]+(?:['’‐‑-][\p{L}\p{N}]+)*/gu;
/** An apostrophe with spaces around it, and the word endings it joins on ("don ’ t", "it ’ s"). */
const SPACED_APOSTROPHE = /^\s+['’]\s*$|^\s*['’]\s+$/;
const CLITIC = /^(?:s|t|m|re|ve|ll|d)$/i;
const NUMBER_WORDS: Record<string, string> = {
  one: '1',
  two: '2',
  three: '3',
  four: '4',
  five: '5',
  six: '6',
  seven: '7',
  eight: '8',
  nine: '9',
  ten: '10',
};

/** The words of a quotation's text. */
export function quoteWords(text: string): QuoteWords {
  const lower: string[] = [];
  const folded: string[] = [];
  const at: [number, number][] = [];
  const parts: [number, number][] = [];
  let punctuation = '';
  let last = 0;
  let partStart = 0;
  for (const m of text.matchAll(WORD)) {
    const between = text.slice(last, m.index);
    if (lower.length && CLITIC.test(m[0]) && SPACED_APOSTROPHE.test(between)) {
      // "I ’ m" (text tokenized by some corpora) is the word "I'm"
      const k = lower.length - 1;
      lower[k] += `'${m[0].toLowerCase()}`;
      folded[k] = americanSpelling(lower[k].replace(/[-‐‑']/g, ''));
      at[k][1] = m.index + m[0].length;
      last = at[k][1];
      continue;
    }
    if (/\.\.\.|…/.test(between) && lower.length > partStart) {
      parts.push([partStart, lower.length]);
      partStart = lower.length;
    }
    punctuation +=
      between
        .replace(/\s+/g, ' ')
        .replace(/[“”„«»]/g, '"')
        .replace(/[‘’]/g, "'") + '\u0001';
    const w = m[0].toLowerCase().replace(/[’]/g, "'");
    lower.push(w);
    const plain = w.replace(/[-‐‑']/g, '');
    folded.push(NUMBER_WORDS[plain] ?? americanSpelling(plain));
    at.push([m.index, m.index + m[0].length]);
    last = m.index + m[0].length;
  }
  punctuation += text.slice(last).replace(/\s+/g, ' ');
  if (lower.length > partStart) parts.push([partStart, lower.length]);
  return { lower, folded, at, punctuation: punctuation.replace(/[,.!?;:]+\s*$/, ''), parts };
}

/** Shortest quotation compared word by word: shorter ones ("new chapter") are often used as titles or scare quotes. */
const MIN_WORDS = 4;
/** Share of common words (2·LCS / total) above which two quotations are variants of one. */
const VARIANT_SIMILARITY = 0.6;

/** How quotation `a` relates to quotation `b` (by their words; see QuoteRelation). */
export function relateQuotes(a: QuoteWords, b: QuoteWords): QuoteRelation {
  if (a.lower.length === 0 || b.lower.length === 0) return 'unrelated';
  if (sameWords(a.folded, b.folded)) {
    if (!sameWords(a.lower, b.lower)) return 'spelling';
    return a.punctuation === b.punctuation ? 'same' : 'punctuation';
  }
  if (partsWithin(a, b.folded) || partsWithin(b, a.folded)) return 'fragment';
  if (Math.min(a.folded.length, b.folded.length) < MIN_WORDS) return 'unrelated';
  const common = lcsLength(a.folded, b.folded);
  if (common < 3 || (2 * common) / (a.folded.length + b.folded.length) < VARIANT_SIMILARITY) return 'unrelated';
  return 'words';
}

function sameWords(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((w, i) => w === b[i]);
}

/** True when every ellipsis-separated part of `q` occurs in `words`, in order. */
function partsWithin(q: QuoteWords, words: readonly string[]): boolean {
  let from = 0;
  for (const [s, e] of q.parts) {
    const at = indexOfRun(words, q.folded, s, e, from);
    if (at < 0) return false;
    from = at + (e - s);
  }
  return true;
}

function indexOfRun(words: readonly string[], run: readonly string[], s: number, e: number, from: number): number {
  const n = e - s;
  outer: for (let i = from; i + n <= words.length; i++) {
    for (let j = 0; j < n; j++) if (words[i + j] !== run[s + j]) continue outer;
    return i;
  }
  return -1;
}

function lcsTable(a: readonly string[], b: readonly string[]): Uint16Array[] {
  const rows: Uint16Array[] = [];
  for (let i = 0; i <= a.length; i++) rows.push(new Uint16Array(b.length + 1));
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) {
      rows[i][j] = a[i] === b[j] ? rows[i + 1][j + 1] + 1 : Math.max(rows[i + 1][j], rows[i][j + 1]);
    }
  }
  return rows;
}

function lcsLength(a: readonly string[], b: readonly string[]): number {
  return lcsTable(a, b)[0][0];
}

/**
 * The words of `a` and of `b` that differ from the other quotation: missing there, or written
 * otherwise (spelling), as offsets relative to each quotation's text.
 */
export function quoteDifferences(a: QuoteWords, b: QuoteWords): { a: [number, number][]; b: [number, number][] } {
  const t = lcsTable(a.folded, b.folded);
  const same = { a: new Array<boolean>(a.folded.length).fill(false), b: new Array<boolean>(b.folded.length).fill(false) };
  let i = 0;
  let j = 0;
  while (i < a.folded.length && j < b.folded.length) {
    if (a.folded[i] === b.folded[j]) {
      const written = a.lower[i] === b.lower[j];
      same.a[i++] = written;
      same.b[j++] = written;
    } else if (t[i + 1][j] >= t[i][j + 1]) i++;
    else j++;
  }
  return { a: a.at.filter((_, k) => !same.a[k]), b: b.at.filter((_, k) => !same.b[k]) };
}
