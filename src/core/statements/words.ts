// Words of a statement: a tokenizer over a span of the text, and the content words that say what a
// statement is about (lowercase, British and American spellings folded, lightly stemmed).
import { FUNCTION_WORDS } from '../lexicon/words';
import { americanSpelling } from './spelling';

/** The words of a span, in order: parallel arrays (offsets in UTF-16 code units, lowercase text). */
export interface Tokens {
  start: number[];
  end: number[];
  /** Lowercase, with typographic apostrophes made straight. */
  lower: string[];
}

const LETTER_OR_DIGIT = /[\p{L}\p{N}\p{M}]/u;
/** ASCII letters and digits, by code. */
const ASCII_WORD = Uint8Array.from({ length: 128 }, (_, c) => ((c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) ? 1 : 0));

/** True when the character at `i` is a letter, a digit or a combining mark (astral characters too). */
export function isWordChar(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if (c < 128) return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57);
  if (c >= 0xd800 && c <= 0xdbff) return LETTER_OR_DIGIT.test(text.slice(i, i + 2));
  if (c >= 0xdc00 && c <= 0xdfff) return i > 0 && LETTER_OR_DIGIT.test(text.slice(i - 1, i + 1));
  return LETTER_OR_DIGIT.test(text[i]);
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

/**
 * The words of text[start, end): letters and digits, joined by an apostrophe or a hyphen between
 * letters ("don't", "flood-hit"), a comma or a point between digits ("1,200", "3.5").
 */
export function tokenize(text: string, start: number, end: number): Tokens {
  const out: Tokens = { start: [], end: [], lower: [] };
  const span = text.slice(start, end);
  const lowered = span.toLowerCase();
  // lowercase once: when that keeps every offset ("İ" does not), words are cut from it
  const sameOffsets = lowered.length === span.length;
  const typographic = /[’‐‑]/.test(span);
  let i = start;
  while (i < end) {
    const c0 = text.charCodeAt(i);
    if (c0 < 128 ? !ASCII_WORD[c0] : !isWordChar(text, i)) {
      i++;
      continue;
    }
    const s = i;
    for (;;) {
      for (; i < end; i++) {
        const c = text.charCodeAt(i);
        if (c < 128 ? !ASCII_WORD[c] : !isWordChar(text, i)) break;
      }
      if (i + 1 >= end) break;
      const c = text.charCodeAt(i);
      const before = text.charCodeAt(i - 1);
      const after = text.charCodeAt(i + 1);
      const joins =
        c === 39 || c === 0x2019 || c === 45 || c === 0x2010 || c === 0x2011
          ? isWordChar(text, i + 1)
          : (c === 44 || c === 46) && isDigit(before) && isDigit(after);
      if (!joins) break;
      i++;
    }
    out.start.push(s);
    out.end.push(i);
    let lower = sameOffsets ? lowered.slice(s - start, i - start) : text.slice(s, i).toLowerCase();
    if (typographic) lower = lower.replace(/[’‐‑]/g, ch => (ch === '’' ? "'" : '-'));
    out.lower.push(lower);
  }
  return out;
}

/** Words that say nothing of what a statement is about. */
const STOP = new Set([
  ...FUNCTION_WORDS.split('|'),
  ...(
    'said|says|say|saying|told|tell|tells|added|adds|according|reported|reports|reportedly|stated|spoke|speaking|asked|' +
    'would|could|should|will|also|just|very|really|much|lot|lots|like|get|got|make|made|take|took|go|went|going|gone|come|came|' +
    'year|years|week|weeks|day|days|month|months|time|times|today|hour|hours|minute|minutes|percent|cent|per|' +
    'monday|tuesday|wednesday|thursday|friday|saturday|sunday|january|february|march|april|may|june|july|august|september|' +
    'october|november|december|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec|' +
    'one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|dozen|dozens|hundred|hundreds|thousand|thousands|million|' +
    'millions|billion|billions|several|few|couple|handful|number|numbers|around|nearly|almost|roughly|approximately|least|' +
    "mr|mrs|ms|dr|prof|it's|that's|there's|i'm|we're|they're|don't|didn't|doesn't|isn't|wasn't|won't|can't"
  ).split('|'),
]);

/** The content-word key of a lowercase word, or undefined for function words, numbers and short words. */
export function contentKey(lower: string): string | undefined {
  let w = lower;
  if (w.endsWith("'s")) w = w.slice(0, -2);
  else if (w.endsWith("'")) w = w.slice(0, -1);
  if (w.length < 3 || isDigit(w.charCodeAt(0)) || STOP.has(w)) return undefined;
  return stem(americanSpelling(w));
}

/**
 * The content-word keys of a lowercase word; a hyphenated word gives its parts ("flood-hit":
 * "flood", "hit"), as another outlet may write them apart.
 */
export function contentKeys(lower: string, into: string[]): void {
  if (lower.indexOf('-') < 0) {
    const k = contentKey(lower);
    if (k) into.push(k);
    return;
  }
  for (const part of lower.split('-')) {
    const k = contentKey(part);
    if (k) into.push(k);
  }
}

/**
 * A light stemmer: plurals, -ed, -ing, and a final e, so that "opened", "opens", "opening" meet at
 * "open" and "make", "making" at "mak". Not a linguistic analysis: only keys that compare.
 */
export function stem(word: string): string {
  let w = word;
  const n = w.length;
  if (n <= 3 || !/^[a-z]+$/.test(w)) return w;
  if (w.endsWith('ies') && n > 4) w = w.slice(0, -3) + 'y';
  else if (w.endsWith('ied') && n > 4) w = w.slice(0, -3) + 'y';
  else if (/(ss|x|z|ch|sh)es$/.test(w)) w = w.slice(0, -2);
  else if (w.endsWith('s') && !/(ss|us|is)$/.test(w)) w = w.slice(0, -1);
  else if (w.endsWith('ing') && n >= 6) w = undouble(w.slice(0, -3));
  else if (w.endsWith('ed') && n >= 5) w = undouble(w.slice(0, -2));
  if (w.length > 3 && w.endsWith('e')) w = w.slice(0, -1);
  return w;
}

/** "stopp" -> "stop" (not "fall", "pass", "buzz"). */
function undouble(w: string): string {
  const n = w.length;
  if (n >= 3 && w[n - 1] === w[n - 2] && !/[lsz]/.test(w[n - 1]) && !/[aeiou]/.test(w[n - 1])) return w.slice(0, -1);
  return w;
}
