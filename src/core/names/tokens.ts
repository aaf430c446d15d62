// One pass over the capitalized words of a text, grouped into runs that may form names.
import { lexicon, normKeyOfLowercase } from '../lexicon/lexicon';

export const enum LineKind {
  Body = 0,
  Title = 1,
  Caps = 2,
}

/** A capitalized word (or dotted acronym) of the text. Offsets are UTF-16 code units. */
export interface Tok {
  s: number;
  e: number;
  t: string;
  lower: string;
  /** All letters uppercase and at least two of them ("APEC", "UN", "BEIJING"). */
  caps: boolean;
  /** "U.S.", "D.C.": capitals with dots. */
  dotted: boolean;
  /** "W.": one capital and a dot. */
  initial: boolean;
  /** First word of a sentence (or of a line, or after a colon or a dash). */
  sent: boolean;
  line: LineKind;
  /** Connector before this token inside its run ('' for a plain space; "of", "de"...). */
  conn: string;
  /** True when this token was cut from the same hyphenated word as the token before. */
  hyphenSplit: boolean;
  /** normKey of the word, computed on demand by tokKey(). */
  k: string | undefined;
}

/** The lexicon key of a token, computed once. */
export function tokKey(t: Tok): string {
  return t.k ?? (t.k = normKeyOfLowercase(t.lower));
}

// A capitalized word: letters, digits, inner apostrophes before a capital (O'Brien), hyphenated parts.
const CAP_RE =
  /(?:\p{Lu}\.){2,}|\p{Lu}[\p{L}\p{M}\p{N}]*(?:['’]\p{Lu}[\p{L}\p{M}\p{N}]*)*(?:[-‐‑][\p{L}\p{N}]+(?:['’]\p{Lu}[\p{L}\p{M}\p{N}]*)*)*(?:&\p{Lu}+)?(?:\.com\b)?/uy;
const UPPER = /\p{Lu}/u;
/** A capital A-Z, or any character from U+00C0 on: where a capital may be (scanRuns). */
const MAYBE_UPPER = /[A-Z\u00c0-\uffff]/g;
const LETTER_OR_DIGIT = /[\p{L}\p{N}\p{M}]/u;
const HYPHEN = /[-‐‑]/;

/** Abbreviations whose final dot belongs to the word and ends no sentence. */
export const ABBREVIATIONS = new Set(
  'Mr|Mrs|Ms|Dr|St|Jr|Sr|Gov|Sen|Rep|Gen|Lt|Col|Capt|Sgt|Prof|Rev|Fr|Mt|Ft|Co|Corp|Inc|Ltd|Bros|Calif|Fla|Mass|Ariz|Ill|Ind|Mich|Minn|Wis|Wash|Ore|Penn|Conn|Tenn|Ky|La|Md|Mo|Va|Ga|Ala|Miss|Okla|Colo|Nev|Neb|Kan|Ave|Blvd|Rd|No|Vol|Gen|Adm|Cmdr|Cpl|Pvt|Supt|Insp|Det|Hon|Messrs|Mme|Mlle|Univ|Dept|Assn|Intl|Natl|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec'.split(
    '|',
  ),
);
const LONGEST_ABBREVIATION = Math.max(...[...ABBREVIATIONS].map(a => a.length));
const NUMBER_WORDS = new Set(
  'one|two|three|four|five|six|seven|eight|nine|ten|single|dual|multi|first|second|third|half|all|non|anti|pro|ex|post|pre|neo|mid|pan|sub|trans|inter|intra'.split(
    '|',
  ),
);
/** Lowercase second halves of hyphenated words that make the first half a modifier ("Seoul-based"). */
const COMPOUND_TAILS = new Set(
  'led|based|born|backed|owned|run|style|styled|era|made|bound|wide|related|friendly|controlled|funded|sponsored|linked|affiliated|allied|aligned|brokered|built|centric|dominated|inspired|focused|speaking|language|themed|specific|registered|listed|flagged|bred|grown|educated|trained|appointed|elected|bashing|only|plus|level|type|class|area|bred|headquartered|listed|proof|free|occupied|administered|held|ruled|governed|bound|wide|esque|ish|ism|ist|ists|ese|ian|an|led|like|specific|produced|designed|made|sized|shaped|Americans|American|born|native|origin|Korean|Japanese|Chinese|British|French|German|Russian|related|centered|centred|oriented'.split(
    '|',
  ),
);
const CONNECTOR_RE =
  /^ (of|of the|for|for the|on|and|&|de|du|des|del|della|di|da|dos|das|do|van|von|der|den|van der|van den|von der|la|le|al|el|bin|ibn|bint|y) $/;

/** Classifies a line: a headline in title case, an all-caps line, or body text. */
export function lineKindOf(text: string, start: number, end: number): LineKind {
  if (end - start > 300) return LineKind.Body;
  const fullStop = endsWithFullStop(text, start, end);
  if (fullStop) {
    // no headline (see below): body text unless in capitals, and a line with more than a tenth of
    // its length in lowercase letters is not, which most paragraphs show in their first words
    for (let i = start, lower = 0; i < end; i++) {
      const c = text.charCodeAt(i);
      if (c >= 97 && c <= 122 && ++lower * 10 > end - start) return LineKind.Body;
    }
  }
  let upperWords = 0;
  let lowerWords = 0;
  let upperLetters = 0;
  let lowerLetters = 0;
  const { functionWords, shortFunctionWords } = lexicon();
  let i = start;
  while (i < end) {
    let c = text.charCodeAt(i);
    const up = (c >= 65 && c <= 90) || (c > 127 && text[i] !== text[i].toLowerCase());
    const low = !up && ((c >= 97 && c <= 122) || (c > 127 && text[i] !== text[i].toUpperCase()));
    if (!up && !low) {
      i++;
      continue;
    }
    // one word: letters and apostrophes; `code` is its letterCode while it is letters a-z only
    const ws = i;
    let code = 0;
    for (;;) {
      if (c >= 65 && c <= 90) {
        upperLetters++;
        code = -1;
      } else if (c >= 97 && c <= 122) {
        lowerLetters++;
        if (code >= 0) code = code * 27 + c - 96;
      } else if (c > 127 && LETTER_OR_DIGIT.test(text[i])) {
        if (text[i] !== text[i].toLowerCase()) upperLetters++;
        else lowerLetters++;
        code = -1;
      } else if (c !== 39 && c !== 0x2019) break;
      else code = -1;
      if (++i >= end) break;
      c = text.charCodeAt(i);
    }
    if (up) upperWords++;
    else if (i - ws > 4 || !(code >= 0 ? shortFunctionWords.has(code) : functionWords.has(text.slice(ws, i)))) {
      // a line of at most ~50 words with more than 10 lowercase ones is body text
      if (++lowerWords > 10) return LineKind.Body;
    }
  }
  if (upperLetters >= 4 && lowerLetters <= upperLetters * 0.1 && upperWords >= 1) return LineKind.Caps;
  if (upperWords >= 3 && lowerWords <= upperWords * 0.2) {
    // a sentence that happens to be full of names ends with a full stop; a headline rarely does
    return fullStop ? LineKind.Body : LineKind.Title;
  }
  return LineKind.Body;
}

/** Whether the line ends with a full stop, before any spaces and closing quotes. */
function endsWithFullStop(text: string, start: number, end: number): boolean {
  let k = end - 1;
  while (k > start && (text.charCodeAt(k) <= 32 || text.charCodeAt(k) === 34 || text.charCodeAt(k) === 0x201d)) k--;
  return text.charCodeAt(k) === 46;
}

function isLetterOrDigit(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  return c < 128 ? (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) : LETTER_OR_DIGIT.test(text[i]);
}

function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 0xa0 || c === 0x202f || c === 0x2009;
}
function isOpener(c: number): boolean {
  // quotes, brackets, backtick, asterisk, underscore, hash (markdown)
  return (
    c === 34 || c === 39 || c === 96 || c === 40 || c === 91 || c === 0x201c || c === 0x2018 || c === 0xab || c === 42 || c === 95 || c === 35 || c === 0x201e
  );
}

/** True when the word at `s` begins a sentence, a line, or a clause after a colon or a dash. */
export function sentenceStart(text: string, s: number): boolean {
  let i = s - 1;
  let quote = false;
  while (i >= 0) {
    const c = text.charCodeAt(i);
    if (isSpace(c)) i--;
    else if (isOpener(c)) {
      quote ||= c === 34 || c === 0x201c || c === 96 || c === 0x201e;
      i--;
    } else break;
  }
  if (i < 0) return true;
  const c = text.charCodeAt(i);
  if (c === 10 || c === 13) return true;
  if (c === 44 && quote) return true; // a quotation begins a sentence: commented, "Hoping that ..."
  // a list item: "a) Leaving ...", "(2) Refusing ..."
  if (c === 41 && i > 0 && isLetterOrDigit(text, i - 1) && (i < 2 || !isLetterOrDigit(text, i - 2))) return true;
  if (c === 58 || c === 0x2014 || c === 0x2013 || c === 124 || c === 0x2022 || c === 62) return true; // : — – | • >
  if (c === 45) return i > 0 && isSpace(text.charCodeAt(i - 1)); // " - " dateline
  if (c === 33 || c === 63) return true; // ! ?
  if (c === 34 || c === 0x201d || c === 39 || c === 0x2019 || c === 41) {
    // closing quote or bracket after a sentence end: ." or .)
    const b = text.charCodeAt(i - 1);
    return b === 46 || b === 33 || b === 63;
  }
  if (c === 46) {
    // "James R . Dabney": an initial in text tokenized with spaces before punctuation
    if (i > 1 && isSpace(text.charCodeAt(i - 1)) && isInitialAt(text, i - 2)) return false;
    // "Mr. Lee", "U.S. President", "W. Mark Felt": the dot ends an abbreviation, not a sentence
    let j = i - 1;
    while (j >= 0 && isLetterOrDigit(text, j)) j--;
    if (i - j - 1 > LONGEST_ABBREVIATION) return true;
    const first = text.charCodeAt(j + 1);
    if (first >= 97 && first <= 122) return true; // abbreviations and initials are capitalized
    const word = text.slice(j + 1, i);
    if (word.length === 1 && word !== word.toLowerCase()) return false;
    if (ABBREVIATIONS.has(word)) return false;
    return true;
  }
  return false;
}

/** A lone capital letter at `i`: "R" of "James R . Dabney". */
function isInitialAt(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  return c >= 65 && c <= 90 && (i === 0 || !isLetterOrDigit(text, i - 1));
}

/**
 * Whether text[i, i + 2) is the Arabic article "al" or "el" in lowercase, as a word of its own ("al"
 * of "al-Sadr"; a capitalized "Al" is a word of the run already).
 */
function isArticleAt(text: string, i: number): boolean {
  if (i < 0 || (i > 0 && isLetterOrDigit(text, i - 1))) return false;
  const a = text.charCodeAt(i);
  return (a === 97 || a === 101) && text.charCodeAt(i + 1) === 108;
}

export type RunSink = (run: Tok[]) => void;

/**
 * Finds the capitalized words of `text` and hands runs of them (joined by single spaces or name
 * connectors, within one line) to `sink`. Linear in the length of the text.
 */
export function scanRuns(text: string, sink: RunSink): void {
  const lex = lexicon();
  // the run being built, in a buffer reused from run to run: the sink gets an exact copy
  const run: Tok[] = [];
  let n = 0;
  const add = (tok: Tok) => {
    if (n < run.length) run[n] = tok;
    else run.push(tok);
    n++;
  };
  let lineStart = 0;
  let nextNl = text.indexOf('\n');
  if (nextNl < 0) nextNl = text.length;
  let lineKind: LineKind | -1 = -1;
  const flush = () => {
    if (n) sink(n === 1 ? [run[0]] : run.slice(0, n)); // most runs are one word: a literal is cheaper
    n = 0;
  };
  const len = text.length;
  for (let at = 0; at < len; at++) {
    // the next capital letter: MAYBE_UPPER finds the candidates in the regex engine's native code
    // (on the 2M words of scripts/bench.mjs, half the time of a loop over the characters, which a
    // Unicode-class regex search is not), UPPER tells the few beyond ASCII
    MAYBE_UPPER.lastIndex = at;
    if (!MAYBE_UPPER.test(text)) break;
    at = MAYBE_UPPER.lastIndex - 1;
    const c0 = text.charCodeAt(at);
    if (c0 > 90 && !UPPER.test(text[at])) continue;
    // most words are plain ASCII; the regex decides the others
    let end = c0 <= 90 ? plainWordEnd(text, at) : -1;
    let plain = end >= 0;
    if (!plain) {
      CAP_RE.lastIndex = at;
      const m = CAP_RE.exec(text);
      if (m === null) continue;
      end = at + m[0].length;
    }
    let s = at;
    at = end - 1;
    // not the start of a word: "iPhone", "pro-Beijing", "d'Ivoire"
    if (s > 0) {
      const p = text.charCodeAt(s - 1);
      // "al - Qaeda", "Ayman al - Zawahiri": an Arabic article in text tokenized with spaces, part of the word
      if (p === 32 && text.charCodeAt(s - 2) === 45 && text.charCodeAt(s - 3) === 32 && isArticleAt(text, s - 5)) {
        s -= 5;
        plain = false;
      }
      if (p > 127 ? LETTER_OR_DIGIT.test(text[s - 1]) : (p >= 97 && p <= 122) || (p >= 65 && p <= 90) || (p >= 48 && p <= 57)) continue;
      if ((p === 45 || p === 0x2010 || p === 0x2011 || p === 39 || p === 0x2019 || p === 46 || p === 47 || p === 64 || p === 95) && s > 1) {
        const pp = text[s - 2];
        if (LETTER_OR_DIGIT.test(pp)) {
          // "Muqtada al-Sadr": a name with an Arabic article, which is part of the word
          if (p !== 45 || !isArticleAt(text, s - 3)) continue;
          s -= 3;
          plain = false;
        }
      }
    }
    let word = plain && end - s <= MAX_CACHED_LENGTH ? cachedWord(text, s, end) : undefined;
    let t = word ? word.t : text.slice(s, end);
    while (s >= nextNl) {
      lineStart = nextNl + 1;
      nextNl = text.indexOf('\n', lineStart);
      if (nextNl < 0) nextNl = text.length;
      lineKind = -1;
      flush();
    }
    if (lineKind === -1) lineKind = lineKindOf(text, lineStart, nextNl);
    let e = s + t.length;
    const dotted = t.length >= 4 && t.charCodeAt(1) === 46;
    let initial = false;
    let abbreviation = false;
    if (t.length === 1 && text.charCodeAt(e) === 32 && text.charCodeAt(e + 1) === 46 && (e + 2 === len || isSpace(text.charCodeAt(e + 2)))) {
      // "R ." of "James R . Dabney": text tokenized with spaces before punctuation
      initial = true;
      e += 2;
      t = text.slice(s, e);
      word = undefined;
    } else if (!dotted && text.charCodeAt(e) === 46) {
      if (t.length === 1) {
        initial = true;
        e++;
        t += '.';
        word = undefined;
      } else if (ABBREVIATIONS.has(t)) {
        abbreviation = true;
        e++;
        t += '.';
        word = undefined;
      }
    }
    const parts = !plain && !dotted && HYPHEN.test(t) ? t.split(HYPHEN) : null;
    if (parts) {
      if (NUMBER_WORDS.has(parts[0].toLowerCase())) {
        flush();
        continue;
      } // "One-China policy"
      if (parts[0].length === 1 && parts[1] && parts[1][0] === parts[1][0].toLowerCase()) {
        flush();
        continue;
      } // "T-shirt", "X-ray"
      // cut lowercase modifiers: "Seoul-based", "US-led"
      let cut = parts.length;
      for (let k = 1; k < parts.length; k++) {
        const q = parts[k];
        if (q[0] === q[0].toLowerCase() && COMPOUND_TAILS.has(q)) {
          cut = k;
          break;
        }
      }
      if (cut < parts.length) {
        t = parts.slice(0, cut).join('-');
        e = s + t.length;
      }
    }
    let tok: Tok;
    if (word)
      tok = makeTok(text, s, e, t, word.lower, word.caps, lineKind, false, false, word.lower); // letters and digits: its own key
    else {
      const lower = t.toLowerCase();
      tok = makeTok(text, s, e, t, lower, !dotted && !initial && isCaps(t, lower), lineKind, dotted, initial);
    }
    // joins the run?
    if (n) {
      const prev = run[n - 1];
      const gap = s - prev.e;
      let conn: string | null = null;
      if (gap === 1 && isSpace(text.charCodeAt(prev.e))) conn = '';
      else if (gap > 2 && gap <= 12 && text.charCodeAt(prev.e) === 32 && text.charCodeAt(s - 1) === 32) {
        const g = CONNECTOR_RE.exec(text.slice(prev.e, s));
        if (g) conn = g[1];
      }
      // "Al - Qaeda" (text tokenized with spaces): the article joins the word after its " - ",
      // which begins no clause there
      if (conn === null && gap === 3 && (prev.lower === 'al' || prev.lower === 'el') && text.startsWith(' - ', prev.e)) {
        conn = '-';
        tok.sent = false;
      }
      if (conn === null || tok.sent) flush();
      else tok.conn = conn;
    }
    // split "Korea-China", "Seoul-Beijing" into names when a part is a known place or organization
    const hp = !plain && !dotted && t.indexOf('-') > 0 ? t.split('-') : null;
    if (hp && hp.length >= 2 && hp.every(q => q.length > 1 && q[0] !== q[0].toLowerCase()) && !lex.particles.has(hp[0].toLowerCase())) {
      // "Asia-Pacific Economic Cooperation": a compound that begins a longer name stays whole
      const nextCap = text.charCodeAt(e) === 32 && text.charCodeAt(e + 1) >= 65 && text.charCodeAt(e + 1) <= 90;
      const known = (k: string) => lex.places.has(k) || lex.orgs.has(k);
      if (
        !nextCap &&
        hp.some(q => {
          const k = q.toLowerCase();
          return known(k) || lex.aliases.has(k);
        }) &&
        !known(t.toLowerCase().replace(/-/g, ''))
      ) {
        let off = s;
        for (let k = 0; k < hp.length; k++) {
          const q = hp[k];
          const lower = q.toLowerCase();
          const sub = makeTok(text, off, off + q.length, q, lower, isCaps(q, lower), lineKind, false, false);
          if (k === 0) {
            sub.conn = tok.conn;
            sub.sent = tok.sent;
            add(sub);
          } else {
            flush();
            sub.hyphenSplit = true;
            add(sub);
          }
          off += q.length + 1;
        }
        continue;
      }
    }
    add(tok);
    if (initial || abbreviation) continue;
    // a sentence ends after this word: the run ends too
    const after = text.charCodeAt(e);
    if (after === 46 && !dotted) flush();
  }
  flush();
}

/**
 * End of the capitalized word at `at` (an ASCII capital) when it is ASCII letters and digits and
 * nothing CAP_RE would add follows (an apostrophe before a capital, a hyphen, "&", a dot after one
 * letter, ".com", any other non-ASCII character); else -1.
 */
function plainWordEnd(text: string, at: number): number {
  const n = text.length;
  let j = at + 1;
  let c = 0;
  for (; j < n; j++) {
    c = text.charCodeAt(j);
    if (!((c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57))) break;
  }
  if (j === n) return j;
  // "Kang's": an apostrophe ends the word unless a capital follows ("O'Brien")
  if (c === 39 || c === 0x2019) {
    const d = text.charCodeAt(j + 1);
    return d < 128 && !(d >= 65 && d <= 90) ? j : -1;
  }
  if (c >= 128 || c === 45 || c === 38) return -1;
  if (c === 46) return j > at + 1 && !text.startsWith('.com', j) ? j : -1;
  return j;
}

function makeTok(
  text: string,
  s: number,
  e: number,
  t: string,
  lower: string,
  caps: boolean,
  line: LineKind,
  dotted: boolean,
  initial: boolean,
  k?: string,
): Tok {
  return { s, e, t, lower, caps, dotted, initial, sent: sentenceStart(text, s), line, conn: '', hyphenSplit: false, k };
}

/** Whether a word (neither dotted nor an initial) is in capitals: "APEC", "UN". */
function isCaps(t: string, lower: string): boolean {
  if (t.length < 2) return false;
  const c1 = t.charCodeAt(1);
  // quick reject: a lowercase ASCII second letter ("Seoul")
  return !(c1 >= 97 && c1 <= 122) && t.toUpperCase() === t && lower !== t;
}

/** The strings of a plain word, shared by its tokens: fewer strings to make, hash and keep. */
interface Word {
  readonly t: string;
  readonly lower: string;
  readonly caps: boolean;
}

// Direct-mapped: a word evicts the one in its slot. Only words shorter than 13 characters, which V8
// copies when sliced: a longer slice would keep its whole document alive in the cache.
const CACHE_SLOTS = 4096;
const MAX_CACHED_LENGTH = 12;
const wordCache: Array<Word | undefined> = new Array(CACHE_SLOTS).fill(undefined);

/** The Word of text[s, e), a plain ASCII word. */
function cachedWord(text: string, s: number, e: number): Word {
  let h = 0;
  for (let i = s; i < e; i++) h = (Math.imul(h, 31) + text.charCodeAt(i)) | 0;
  const slot = (h ^ (h >>> 13)) & (CACHE_SLOTS - 1);
  const cached = wordCache[slot];
  if (cached !== undefined && sameChars(cached.t, text, s, e)) return cached;
  const t = text.slice(s, e);
  const lower = t.toLowerCase();
  const word: Word = { t, lower, caps: isCaps(t, lower) };
  wordCache[slot] = word;
  return word;
}

/** Whether `word` is text[s, e), compared a character at a time: cheaper than startsWith for a short word. */
function sameChars(word: string, text: string, s: number, e: number): boolean {
  if (word.length !== e - s) return false;
  for (let i = s; i < e; i++) if (word.charCodeAt(i - s) !== text.charCodeAt(i)) return false;
  return true;
}

/** The lowercase word right before `s` on the same line (one space apart), or ''. */
export function wordBefore(text: string, s: number): string {
  let i = s - 1;
  while (i >= 0 && isSpace(text.charCodeAt(i))) i--;
  const end = i + 1;
  while (i >= 0) {
    const c = text.charCodeAt(i);
    if ((c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 45) i--;
    else break;
  }
  if (end - (i + 1) > 20 || end - (i + 1) <= 0) return '';
  return text.slice(i + 1, end);
}

/** The word right after `e` on the same line (spaces only between), or ''. */
export function wordAfter(text: string, e: number): string {
  let i = e;
  while (i < text.length && isSpace(text.charCodeAt(i))) i++;
  const start = i;
  while (i < text.length && i - start < 20) {
    const c = text.charCodeAt(i);
    if ((c >= 97 && c <= 122) || (c >= 65 && c <= 90)) i++;
    else break;
  }
  return text.slice(start, i);
}
