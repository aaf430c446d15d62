// Splits an article into statements: its headlines, the sentences of its paragraphs, its list items
// and table rows. Metadata lines (publication date, byline, outlet name, YAML front matter) are no
// statements, and a dateline ("BEIJING (Meridian Wire) - ") is left out of the sentence it opens.
import { ABBREVIATIONS } from '../names/tokens';
import type { SentenceSpan, StatementKind } from './types';

/** A quotation left open longer than this (UTF-16 code units) no longer holds sentences together. */
const LONGEST_QUOTED_RUN = 600;
/** A line of the first block with more words than this, or ending with a full stop, is body text, not a headline. */
const HEADLINE_WORDS = 25;

const META_LINE = /^(?:date[d:]?|published|(?:last\s+)?updated|posted|filed|by|byline|source|credits?|photo|author|tags?|outlet)\b(?:\s*:|\s+\S)/i;
/** The article's address on the first lines (some corpora space it out: "http : / / www . itv . com"). */
const URL_LINE = /^(?:https?\s*:\s*\/\s*\/|www\s*\.\s*\S)/i;
const HEADING = /^#{1,6}\s+/;
const LIST_ITEM = /^(?:[-*+•]|\d{1,3}[.)])\s+/;
const TABLE_SEPARATOR = /^[\s|:-]+$/;
const YEAR = /\b(1[89]|20)\d\d\b/;

interface Line {
  start: number;
  /** End of the text of the line, before its line break. */
  end: number;
}

/**
 * The statements of `text` in order: headlines (title lines of the first block, Markdown headings),
 * sentences of body paragraphs (which may span lines), list items and table rows (split into
 * sentences too). Offsets are UTF-16 code units, trimmed of spaces.
 */
export function splitSentences(text: string): SentenceSpan[] {
  const out: SentenceSpan[] = [];
  const lines = splitLines(text);
  let i = 0;
  if (lines.length && trimmed(text, lines[0]) === '---') {
    // YAML front matter: metadata up to the closing line
    const close = lines.findIndex((l, k) => k > 0 && /^(---|\.\.\.)$/.test(trimmed(text, l)));
    if (close > 0) i = close + 1;
  }
  let paragraph = 0;
  let firstBlock = true;
  let seenContent = false;
  let body: Line | undefined;
  const flush = () => {
    if (body) addSentences(text, body.start, body.end, 'body', paragraph++, out);
    body = undefined;
  };
  for (; i < lines.length; i++) {
    const line = trimLine(text, lines[i]);
    if (line.start >= line.end) {
      flush();
      if (seenContent) firstBlock = false;
      continue;
    }
    seenContent = true;
    let s = line.start;
    const head = text.slice(s, Math.min(line.end, s + 80));
    if (head.startsWith('>')) s = skipSpaces(text, s + 1, line.end);
    const heading = HEADING.exec(head);
    const item = LIST_ITEM.exec(head);
    if (heading || item || head.startsWith('|')) {
      flush();
      if (heading) addSpan(text, s + heading[0].length, line.end, 'headline', paragraph++, out);
      else if (item) addSentences(text, s + item[0].length, line.end, 'list', paragraph++, out);
      else if (!TABLE_SEPARATOR.test(text.slice(s, line.end))) addSpan(text, s, line.end, 'list', paragraph++, out);
      continue;
    }
    if (firstBlock && !body) {
      const kind = headerLineKind(text, s, line.end);
      if (kind === 'meta') continue;
      if (kind === 'headline') {
        addSpan(text, s, line.end, 'headline', paragraph++, out);
        continue;
      }
    }
    if (body) body.end = line.end;
    else body = { start: s, end: line.end };
  }
  flush();
  return out;
}

/** What a line of the first block is: metadata, a headline, or the start of body text. */
function headerLineKind(text: string, start: number, end: number): 'meta' | 'headline' | 'body' {
  const line = text.slice(start, end);
  if (META_LINE.test(line) || URL_LINE.test(line) || / \| /.test(line) || /,\s+by\s+\p{Lu}/u.test(line)) return 'meta';
  const words = line.split(/\s+/).length;
  if (words <= 6 && YEAR.test(line)) return 'meta'; // a date line
  if (words <= 3) return 'meta'; // the outlet's name
  if (words > HEADLINE_WORDS || /[.]["”’)]*$/.test(line)) return 'body';
  return 'headline';
}

function splitLines(text: string): Line[] {
  const lines: Line[] = [];
  let start = 0;
  for (;;) {
    const nl = text.indexOf('\n', start);
    const stop = nl < 0 ? text.length : nl;
    lines.push({ start, end: stop > start && text.charCodeAt(stop - 1) === 13 ? stop - 1 : stop });
    if (nl < 0) return lines;
    start = nl + 1;
  }
}

function trimLine(text: string, line: Line): Line {
  let { start, end } = line;
  while (start < end && isBlank(text.charCodeAt(start))) start++;
  while (end > start && isBlank(text.charCodeAt(end - 1))) end--;
  return { start, end };
}

function trimmed(text: string, line: Line): string {
  const t = trimLine(text, line);
  return text.slice(t.start, t.end);
}

function isBlank(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13 || c === 0xa0 || c === 0xfeff || c === 0x200b;
}

function skipSpaces(text: string, i: number, end: number): number {
  while (i < end && isBlank(text.charCodeAt(i))) i++;
  return i;
}

/** Adds [start, end) as one statement, without leading symbols (emoji) and spaces. */
function addSpan(text: string, start: number, end: number, kind: StatementKind, paragraph: number, out: SentenceSpan[]): void {
  let s = start;
  while (s < end && isLeadingSymbol(text, s)) s++;
  let e = end;
  while (e > s && isBlank(text.charCodeAt(e - 1))) e--;
  if (e > s && hasLetterOrDigit(text, s, e)) out.push({ start: s, end: e, kind, paragraph });
}

function hasLetterOrDigit(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if ((c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122)) return true;
    if (c >= 128 && /[\p{L}\p{N}]/u.test(String.fromCodePoint(text.codePointAt(i) ?? c))) return true;
  }
  return false;
}

/** Emoji, pictographs, their modifiers and joiners, and spaces: what some outlets start paragraphs with. */
function isLeadingSymbol(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if (isBlank(c)) return true;
  if (c < 0x2000) return false;
  if (c >= 0xd800 && c <= 0xdfff) {
    const cp = text.codePointAt(i >= 1 && c >= 0xdc00 ? i - 1 : i) ?? c;
    return !/[\p{L}\p{N}]/u.test(String.fromCodePoint(cp));
  }
  // joiners and variation selectors glue emoji together
  return c === 0x200d || c === 0xfe0f || /[\p{So}\p{Sk}\p{Mn}]/u.test(text[i]);
}

/** The sentences of a paragraph [start, end): a leading dateline is left out. */
function addSentences(text: string, start: number, end: number, kind: StatementKind, paragraph: number, out: SentenceSpan[]): void {
  let s = start;
  while (s < end && isLeadingSymbol(text, s)) s++;
  s = afterDateline(text, s, end);
  let sentence = s;
  let quoteOpen = -1; // where the open quotation started, or -1
  // only sentence ends and quotation marks matter: jump from one to the next
  const marks = new RegExp(MARKS.source, 'g');
  for (let i = s; i < end; i++) {
    marks.lastIndex = i;
    const found = marks.exec(text);
    if (!found || found.index >= end) break;
    i = found.index;
    const c = text.charCodeAt(i);
    if (c === 0x201c || c === 0xab || c === 0x201e) quoteOpen = i;
    else if (c === 0x201d || c === 0xbb) quoteOpen = -1;
    else if (c === 34) quoteOpen = quoteOpen < 0 && opensQuote(text, i) ? i : -1;
    if (c !== 46 && c !== 33 && c !== 63 && c !== 0x2026) continue;
    let j = i + 1;
    while (j < end && isTerminal(text.charCodeAt(j))) j++;
    while (j < end && isCloser(text.charCodeAt(j))) {
      const q = text.charCodeAt(j);
      if (q === 34 || q === 0x201d || q === 0xbb) quoteOpen = -1;
      j++;
    }
    if (j >= end) break;
    if (!isBlank(text.charCodeAt(j))) continue;
    const next = skipSpaces(text, j, end);
    if (next >= end) break;
    if (quoteOpen >= 0 && i - quoteOpen < LONGEST_QUOTED_RUN) continue;
    if (!startsSentence(text, next)) continue;
    if (c === 46 && !endsSentenceAt(text, i, sentence)) continue;
    addSpan(text, sentence, j, kind, paragraph, out);
    sentence = next;
    quoteOpen = -1;
    i = next - 1;
  }
  addSpan(text, sentence, end, kind, paragraph, out);
}

/** Sentence ends and quotation marks. */
const MARKS = /[.!?\u2026"\u201c\u201d\u00ab\u00bb\u201e]/;

/** A straight double quote opens a quotation when a space, an opening bracket or the line start is before it. */
function opensQuote(text: string, i: number): boolean {
  if (i === 0) return true;
  const p = text.charCodeAt(i - 1);
  return isBlank(p) || p === 40 || p === 91 || p === 0x2014 || p === 0x2013 || p === 58;
}

function isTerminal(c: number): boolean {
  return c === 46 || c === 33 || c === 63 || c === 0x2026;
}

function isCloser(c: number): boolean {
  return c === 34 || c === 39 || c === 0x201d || c === 0x2019 || c === 0xbb || c === 41 || c === 93 || c === 42 || c === 95;
}

/** What may start a sentence: a capital, a digit, an opening quote or bracket, a symbol. */
function startsSentence(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if (c >= 65 && c <= 90) return true;
  if (c >= 48 && c <= 57) return true;
  if (c === 34 || c === 39 || c === 0x201c || c === 0x2018 || c === 0xab || c === 0x201e || c === 40 || c === 91 || c === 42) return true;
  if (c < 128) return false;
  const ch = String.fromCodePoint(text.codePointAt(i) ?? c);
  return /\p{Lu}/u.test(ch) || !/\p{Ll}/u.test(ch);
}

/** False when the full stop at `dot` ends an abbreviation ("Mr.", "Jan."), an initial ("J.") or "U.S.". */
function endsSentenceAt(text: string, dot: number, sentenceStart: number): boolean {
  let w = dot;
  for (; w > sentenceStart; w--) {
    const c = text.charCodeAt(w - 1);
    const letter = (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 46 || (c >= 128 && /\p{L}/u.test(text[w - 1]));
    if (!letter) break;
  }
  const word = text.slice(w, dot);
  if (ABBREVIATIONS.has(word)) return false;
  if (/^\p{Lu}$/u.test(word)) return false; // an initial
  if (/^(\p{Lu}\.)+\p{Lu}$/u.test(word)) return false; // "U.S", "D.C": the sentence rarely ends there
  return true;
}

/** After a dateline ("HALDENBRUCK, GERMANY (Meridian Wire) - ", "SEOUL — "), else `start`. */
function afterDateline(text: string, start: number, end: number): number {
  const head = text.slice(start, Math.min(end, start + 90));
  const m = /\s[-–—]\s+/.exec(head);
  if (!m) return start;
  const prefix = head.slice(0, m.index).replace(/\([^)]*\)/g, '');
  if (!/\p{Lu}{3}/u.test(prefix) || /\p{Ll}/u.test(prefix)) return start;
  return start + m.index + m[0].length;
}
