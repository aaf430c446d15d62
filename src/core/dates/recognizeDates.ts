import type { Mention } from '../types';
import { type Anchor, dayNumber, formatDay, formatIsoWeek, formatMonth, formatQuarter, formatYear, isoWeekday, isValidDate, parseAnchor } from './calendar';
import { followsThe, isSpace, nextWord, previousChar, previousWord } from './context';
import { coordinatedWeekday, tenseAt } from './coordination';
import { HOLIDAY_FOLLOWERS, HOLIDAY_LEADERS, HOLIDAY_PATTERN, HOLIDAY_STARTS, holidayDay, holidayHere, holidayNamed } from './holidays';
import { MONTH_PATTERN, monthNumber, WEEKDAY_PATTERN, WEEKDAY_PREFIX_PATTERN, weekdayNumber, words } from './months';
import { inGame, quarterInTense, quarterNumber, relativeQuarter } from './quarters';
import { type Tense, tenseAround } from './tense';

// One pass of one precompiled global regex finds every candidate; a few cheap checks of the words
// around a candidate (only at candidates) decide context-dependent ones (bare years, lone months).
//
// Span conventions (those of TimeML/TIMEX3 DATE and the GUM news gold): the date expression itself,
// with a leading weekday ("Friday, July 21, 2017"), "last/next/this" and "early/mid/late" modifiers
// ("last year", "late 2025"), and "the" only where it is part of the expression ("the 1990s",
// "the year before", "the third quarter"); never a preposition ("on", "in"), a time of day after a
// day ("Thursday night" -> "Thursday", "yesterday afternoon" -> "yesterday"; alone it is the date:
// "tonight", "this morning", "last night"), or a possessive ("this year's" -> "this year").
// Durations and ages ("four-day", "six years", "two-year-old", "for three weeks", "the past 30
// days") are not dates.

const S = '[ \\t\\u00a0]'; // spaces within a line: a date never spans lines
const MONTH = MONTH_PATTERN;
const WEEKDAY = WEEKDAY_PATTERN;
const ORD = '(?:st|nd|rd|th)?';
const NOT_NUM = '(?![\\w\\u00b2\\u00b3]|[.,:]\\d)'; // a number ends: "20,000" and "4.5" are no days
const YEAR4 = `\\d{4}${NOT_NUM}`;
const MOD = `${words(['early', 'mid', 'late'])}(?:-|${S}+)`;
const UNITS = ['one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine'];
const TEENS = ['ten', 'eleven', 'twelve', 'thirteen', 'fourteen', 'fifteen', 'sixteen', 'seventeen', 'eighteen', 'nineteen'];
const TENS = ['twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety'];
const NUMBER_VALUES: Record<string, number> = { a: 1, an: 1 };
UNITS.forEach((w, i) => (NUMBER_VALUES[w] = i + 1));
TEENS.forEach((w, i) => (NUMBER_VALUES[w] = i + 10));
TENS.forEach((w, i) => (NUMBER_VALUES[w] = (i + 2) * 10));
// "a", "Seventeen", "twenty-five", "15"
const NUM = `(?:${words(TENS)}(?:-${words(UNITS)})?|${words([...TEENS, ...UNITS, 'an', 'a'])}|\\d{1,3})`;
const PARTS_OF_DAY = ['morning', 'afternoon', 'evening', 'night'];
const QUARTER_ORDINALS = ['first', 'second', 'third', 'fourth', 'final'];
const QUARTER = `${words(['quarter'])}(?![\\w]|-[A-Za-z])`; // not "quarter-final", "quarter-century"

const DATE_SOURCE =
  // A cheap first test at each position: a word start with a character that can begin a date
  // (a digit; an initial of the month, weekday and holiday names or of the words below) or a
  // quote/bracket. Keep in step with the patterns.
  "(?:\\b(?=[0-9A-JL-TV-Yacefl-ostwy])|(?=['’[]))(?:" +
  [
    // 2026-01-05, 2026/1/5
    `(?<iy>\\d{4})(?<isep>[-/])(?<im>\\d{1,2})\\k<isep>(?<id>\\d{1,2})(?![\\d/]|[-.]\\d)`,
    // 18.09.2013 (day first)
    `(?<ed>\\d{1,2})\\.(?<em>\\d{1,2})\\.(?<ey>\\d{4})(?!\\d|\\.\\d)`,
    // 1/5/2026, 01/05/26 (month first)
    `(?<um>\\d{1,2})/(?<ud>\\d{1,2})/(?<uy>\\d{4}|\\d{2})(?![\\d/])`,
    // [Friday, ] July 21[, 2017] | [Monday ]5 January[, 2026]
    `(?:(?<wp>${WEEKDAY_PREFIX_PATTERN})${S}*,?${S}+)?(?:` +
      `(?<m1>${MONTH})${S}+(?<d1>\\d{1,2})${ORD}${NOT_NUM}(?:${S}*,?${S}*(?<y1>${YEAR4}))?` +
      `|(?<d2>\\d{1,2})(?:(?:st|nd|rd|th)${S}+of${S}+|${ORD}${S}+)(?<m2>${MONTH})(?:${S}*,?${S}*(?<y2>${YEAR4}))?)`,
    // [last ]Christmas[ Day][ 2025], Good Friday, Fourth of July (before lone months: "May Day")
    `(?:(?<hr>${words(['last', 'next', 'this'])})${S}+)?(?<hol>${HOLIDAY_PATTERN})(?![\\w])(?:${S}+(?:${words(['of'])}${S}+)?(?<hy>${YEAR4}))?`,
    // the third quarter[ of 1989 | of last year], the first quarter, last quarter, this quarter
    `(?:(?<qthe>${words(['the'])})${S}+)?(?<qo>${words([...QUARTER_ORDINALS, 'last', 'this', 'next'])})${S}+${QUARTER}` +
      `(?:${S}+${words(['of'])}${S}+(?:(?:${words(['fiscal'])}${S}+)?(?<qy>${YEAR4})|(?<qrel>${words(['last', 'this', 'next', 'the'])})${S}+${words(['year'])}(?![\\w])))?`,
    // first-quarter (profits), Q3 2025
    `(?<qa>${words(QUARTER_ORDINALS)})-${QUARTER}`,
    `Q(?<qn>[1-4])(?![\\w])(?:${S}+(?:${words(['of'])}${S}+)?(?<qy2>${YEAR4}))?`,
    // [mid-]January[ 2026]
    `(?:(?<mm>${MOD}))?(?<m3>${MONTH})(?:${S}*,?${S}+(?:of${S}+)?(?<y3>${YEAR4}))?`,
    // [last ]Friday
    `(?:(?<wr>${words(['this'])}${S}+${words(['coming'])}|${words(['last', 'next', 'this', 'coming'])})${S}+)?(?<wd>${WEEKDAY})`,
    `(?<dx>${words(['today', 'yesterday', 'tomorrow', 'tonight'])})(?![\\w])`,
    // [earlier ]this month, last year, next week, late last year, this June, this morning, last night
    `(?:(?<rm>${words(['early', 'mid', 'late', 'earlier', 'later'])})(?:-|${S}+))?(?<rel>${words(['this'])}${S}+${words(['coming'])}|${words(['last', 'next', 'this', 'coming'])})${S}+` +
      `(?:(?<unit>${words(['weekend', 'week', 'month', 'year', 'decade', 'summer', 'winter', 'spring', 'fall', 'autumn', ...PARTS_OF_DAY])})(?<pl>s)?(?![\\w])|(?<um2>${MONTH}))`,
    // [the ][late ]1990s, '90s
    `(?:(?<dthe>${words(['the'])})${S}+)?(?:(?<dm>${MOD}))?(?:(?<dc>1[0-9]|20)(?<dd>\\d)0|(?<dq>['’])(?<ds>\\d)0)['’]?s(?![\\w])`,
    // the year before, the previous month, the following week
    `(?<the>${words(['the'])})${S}+(?:(?<tu1>${words(['year', 'month', 'week'])})${S}+(?<td1>${words(['before', 'earlier', 'after', 'later'])})` +
      `|(?<td2>${words(['previous', 'prior', 'following'])})${S}+(?<tu2>${words(['year', 'month', 'week'])}))(?![\\w])`,
    // Seventeen years ago, a decade ago, [Ten] years ago, a couple of weeks ago
    `(?<an>${NUM}|\\[${NUM}\\]|${words(['a'])}${S}+${words(['couple'])}${S}+${words(['of'])})(?:-|${S}+)` +
      `(?<au>${words(['year', 'month', 'week', 'day', 'decade'])})s?${S}+${words(['ago'])}(?![\\w])`,
    // summer 2016, winter of 2010
    `(?<sea>${words(['spring', 'summer', 'fall', 'autumn', 'winter'])})${S}+(?:${words(['of'])}${S}+)?(?<sy>${YEAR4})`,
    // [late ]2017, fiscal 2017
    `(?:(?<ym>${MOD}|${words(['fiscal'])}${S}+))?(?<yr>\\d{4})${NOT_NUM}`,
    // by year end
    `(?<ye>${words(['year'])})(?:-|${S}+)${words(['end'])}(?![\\w])`,
  ].join('|') +
  ')';

// Named groups keep the patterns readable; matching uses plain numbered groups (V8 builds a
// `groups` object of every name on every match otherwise). The pattern is tried, as a sticky one,
// only where a date may begin (see nextStart); lastIndex is set before every use.
const { regex: DATE, index: G } = numberGroups(DATE_SOURCE, 'y');

// Every letter of a match comes from a word written in the pattern, and the word a date begins
// with is always followed by a non-letter: so a date begins with a digit, a quote or bracket, or a
// word of the pattern that may come first. Those words are kept in a trie over the letters a-z, case
// folded, so that a word is looked up letter by letter without a substring and most words are left
// after a letter or two. (The words of holiday names come from holidays.ts, sorted there.)
const PATTERN_WORDS = DATE_SOURCE.replace(HOLIDAY_PATTERN, ' ')
  .replace(/(?<!\\)\[(?:\\.|[^\]\\])*\]|\\u[0-9a-f]{4}|\\k<\w+>|\\.|\(\?<\w+>/gi, ' ') // classes, escapes, group names
  .toLowerCase()
  .match(/[a-z]+/g)!;
// Keep in step with the patterns: the words that only ever follow another...
const INNER_WORDS = new Set([
  'st',
  'nd',
  'rd',
  'th',
  's',
  'of',
  'day',
  'week',
  'weekend',
  'month',
  'decade',
  'before',
  'after',
  'previous',
  'prior',
  'following',
  'couple',
  'ago',
  'end',
  'quarter',
  ...PARTS_OF_DAY,
]);
// ...and the first words that begin a date only before one of their followers (after spaces or a
// hyphen, or a possessive or period for holiday names): "the 1990s", "the year before", "a decade
// ago", "twenty-five years ago", "the third quarter", "first-quarter", "Good Friday", "Mother's Day".
// The most common words of all ("the", "a") are so left after a look at the next word. Each kind of
// leader has a bit, and a follower the bits of the kinds it follows; LEAD_NUMBER leaders also take a
// digit or a quote.
const LEAD_NUMBER = 1;
const LEAD_THE = 2;
const LEAD_ORDINAL = 4;
const LEAD_HOLIDAY = 8;
const START = 128; // a word that begins a date by itself
const FOLLOWERS: [readonly string[], number][] = [
  [['early', 'mid', 'late', 'year', 'month', 'week', 'day', 'decade', 'previous', 'prior', 'following', 'couple', ...UNITS], LEAD_NUMBER],
  [[...QUARTER_ORDINALS, 'last'], LEAD_THE],
  [['quarter'], LEAD_ORDINAL],
  [HOLIDAY_FOLLOWERS, LEAD_HOLIDAY],
];
const BASE_LEADERS: [readonly string[], number][] = [
  [['the', 'a', 'an', ...UNITS, ...TEENS, ...TENS], LEAD_NUMBER],
  [['the'], LEAD_THE],
  [QUARTER_ORDINALS, LEAD_ORDINAL],
];
const LEADER_WORDS = new Set(BASE_LEADERS.flatMap(([list]) => list));
const TRIE = buildTrie([
  [[...PATTERN_WORDS.filter(w => !INNER_WORDS.has(w) && !LEADER_WORDS.has(w)), ...HOLIDAY_STARTS], START],
  ...BASE_LEADERS,
  [HOLIDAY_LEADERS, LEAD_HOLIDAY],
]);
const FOLLOWER_TRIE = buildTrie(FOLLOWERS);

/**
 * A trie as a table: `next[state * 26 + letter]` is the state after a letter (0: none; 1 is the
 * root); `ends[state]` holds the bits of the word's lists (START alone when it has START).
 */
function buildTrie(lists: readonly [readonly string[], number][]): { next: Int32Array; ends: Uint8Array } {
  const next: number[] = [];
  const ends: number[] = [0, 0];
  for (const [words, bits] of lists) {
    for (const w of words) {
      let state = 1;
      for (let i = 0; i < w.length; i++) {
        const slot = state * 26 + w.charCodeAt(i) - 97;
        if (!next[slot]) {
          next[slot] = ends.length;
          ends.push(0);
        }
        state = next[slot];
      }
      ends[state] |= bits;
    }
  }
  const table = new Int32Array(ends.length * 26);
  next.forEach((to, slot) => (table[slot] = to));
  return { next: table, ends: Uint8Array.from(ends, e => (e & START ? START : e)) };
}

// What each ASCII character is to nextStart.
const WORD = 1; // [A-Za-z0-9_], as `\b` sees words
const DIGIT = 2;
const QUOTE = 4; // ' and [ (and ’, outside ASCII)
const CHARS = new Uint8Array(128);
for (let c = 0; c < 128; c++) {
  const ch = String.fromCharCode(c);
  if (/\w/.test(ch)) CHARS[c] |= WORD;
  if (/\d/.test(ch)) CHARS[c] |= DIGIT;
  if (ch === "'" || ch === '[') CHARS[c] |= QUOTE;
}

function isAsciiWordChar(c: number): boolean {
  return c < 128 && (CHARS[c] & WORD) !== 0;
}

/**
 * The first position at or after `from` where a date may begin: where the pattern's opening test
 * (`\b` before a digit or a letter, or a quote or bracket) holds and the word there is a number or
 * a word of the pattern. -1 when there is none.
 */
function nextStart(text: string, from: number): number {
  const n = text.length;
  const { next, ends } = TRIE;
  let i = from;
  if (i > 0 && isAsciiWordChar(text.charCodeAt(i - 1))) while (i < n && isAsciiWordChar(text.charCodeAt(i))) i++; // no word starts inside a word
  for (; i < n; i++) {
    const c = text.charCodeAt(i);
    const k = c < 128 ? CHARS[c] : c === 0x2019 ? QUOTE : 0;
    if (k === 0) continue;
    if (k & QUOTE) return i;
    // a word starts at i
    if (k & DIGIT) return i;
    let j = i;
    let state = 1;
    for (; j < n; j++) {
      const l = text.charCodeAt(j) | 32;
      if (l < 97 || l > 122) break;
      state = next[state * 26 + l - 97];
      if (state === 0) break;
    }
    if (state !== 0 && (ends[state] === START || (ends[state] !== 0 && followerAt(text, j, ends[state])))) return i;
    while (j < n && isAsciiWordChar(text.charCodeAt(j))) j++;
    i = j - 1;
  }
  return -1;
}

/**
 * Whether a follower of the leader with bits `bits` comes after the spaces or the hyphen at `j`: a
 * word beginning with a follower of one of those kinds, or (LEAD_NUMBER) a digit or a quote. A holiday
 * leader may end in a possessive or a period first ("Mother's Day", "St. Patrick's Day").
 */
function followerAt(text: string, j: number, bits: number): boolean {
  const n = text.length;
  let k = j;
  if (bits & LEAD_HOLIDAY) {
    const c = text.charCodeAt(k);
    if (c === 39 || c === 0x2019) k += (text.charCodeAt(k + 1) | 32) === 115 ? 2 : 1;
    else if (c === 46) k++;
  }
  const gap = k;
  if (text.charCodeAt(k) === 45) k++;
  else while (k < n && isSpace(text.charCodeAt(k))) k++;
  if (k === gap) return false;
  const c = text.charCodeAt(k);
  if ((bits & LEAD_NUMBER) !== 0 && ((c >= 48 && c <= 57) || c === 39 || c === 0x2019)) return true;
  const { next, ends } = FOLLOWER_TRIE;
  for (let state = 1; k < n; k++) {
    const l = text.charCodeAt(k) | 32;
    if (l < 97 || l > 122) return false;
    state = next[state * 26 + l - 97];
    if (state === 0) return false;
    if (ends[state] & bits) return true;
  }
  return false;
}

/** Compiles a pattern whose capturing groups are all named into one with numbered groups. */
function numberGroups(source: string, flags: string): { regex: RegExp; index: Record<string, number> } {
  const index: Record<string, number> = {};
  let n = 0;
  const plain = source
    .replace(/\(\?<([A-Za-z]\w*)>/g, (_, name: string) => {
      index[name] = ++n;
      return '(';
    })
    .replace(/\\k<(\w+)>/g, (_, name: string) => `\\${index[name]}`);
  const regex = new RegExp(plain, flags);
  if (new RegExp(`${plain}|`).exec('')!.length !== n + 1) throw new Error('every capturing group must be named');
  return { regex, index };
}

/** A date recognized so far, with what later checks (ranges sharing a year) need. */
interface Found {
  start: number;
  end: number;
  value: string | null;
  /** Month and day of a date written without a year (its year may come from a range partner). */
  month: number;
  day: number;
  /** The year written in the date itself, or 0. */
  year: number;
}

/**
 * Finds dates: absolute ones with their ISO value, relative ones ("on Friday", "last month",
 * "two years ago") resolved against the publication date `dct` (YYYY-MM-DD), or with a null value
 * when there is none. Offsets are UTF-16 code units into `text`.
 */
export function recognizeDates(text: string, dct: string | null): Mention[] {
  const anchor = parseAnchor(dct);
  const found: Found[] = [];
  for (let at = nextStart(text, 0); at >= 0;) {
    DATE.lastIndex = at;
    const m = DATE.exec(text);
    const f = m && interpret(text, m, anchor, found);
    if (f) {
      found.push(f);
      at = nextStart(text, f.end);
    } else if (f === false) {
      at = nextStart(text, at + m![0].length); // no such day ("February 30, 2026", "2026-13-01"): skip all of it
    } else {
      at = nextStart(text, at + 1); // not a date here; a shorter one may start inside
    }
  }
  shareRangeYears(text, found, anchor);
  return found.map(f => ({ start: f.start, end: f.end, text: text.slice(f.start, f.end), kind: 'date', value: f.value }));
}

/** A candidate match, and what reading its date needs. */
interface Candidate {
  text: string;
  m: RegExpExecArray;
  /** The publication date, when known. */
  a: Anchor | null;
  start: number;
  end: number;
  /** The dates found before this one. */
  found: readonly Found[];
  /** The candidate's span with `value` (and the month, day and year written in it, if any). */
  at(value: string | null, month?: number, day?: number, year?: number): Found;
  /** The tense of the context (from a coordinated date before it, else the words around), once a publication date is known. */
  tense(): Tense | null;
}

/** A candidate's date; null when the context says it is none, false when no such day exists. */
type Reading = Found | null | false;

/** The date of a candidate; null when the context says it is none, false when no such day exists. */
function interpret(text: string, m: RegExpExecArray, a: Anchor | null, found: readonly Found[]): Reading {
  const start = m.index;
  const end = start + m[0].length;
  if (inUrl(text, start)) return null;
  const c: Candidate = {
    text,
    m,
    a,
    start,
    end,
    found,
    at: (value, month = 0, day = 0, year = 0) => ({ start, end, value, month, day, year }),
    // read only where a value needs it
    tense: () => tenseAt(text, start, end, found[found.length - 1], a!),
  };
  if (m[G.iy] || m[G.ed] || m[G.um]) return numericDay(c);
  if (m[G.m1] || m[G.m2]) return monthAndDay(c);
  if (m[G.hol]) return holiday(c);
  if (m[G.qo] || m[G.qa] || m[G.qn]) return quarter(c);
  if (m[G.m3]) return monthDate(c);
  if (m[G.wd]) return weekdayDate(c);
  if (m[G.dx]) return dayWord(c);
  if (m[G.rel]) return relativeToNow(c);
  if (m[G.dc] || m[G.ds]) return decade(c);
  if (m[G.the]) return adjacentUnit(c);
  if (m[G.au]) return unitsAgo(c);
  if (m[G.sea] || m[G.yr] || m[G.ye]) return yearDate(c);
  return null;
}

/** A day written in digits: 2026-01-05, 18.09.2013 (day first), 1/5/2026 (month first, else day first). */
function numericDay(c: Candidate): Reading {
  const { m, a, at } = c;
  if (m[G.iy]) {
    const y = +m[G.iy],
      mo = +m[G.im],
      d = +m[G.id];
    return isValidDate(y, mo, d) ? at(formatDay(dayNumber(y, mo, d))) : false;
  }
  if (m[G.ed]) {
    const y = +m[G.ey],
      mo = +m[G.em],
      d = +m[G.ed];
    return isValidDate(y, mo, d) ? at(formatDay(dayNumber(y, mo, d))) : false;
  }
  const y = expandYear(+m[G.uy], m[G.uy].length, a),
    mo = +m[G.um],
    d = +m[G.ud];
  if (isValidDate(y, mo, d)) return at(formatDay(dayNumber(y, mo, d)));
  return isValidDate(y, d, mo) ? at(formatDay(dayNumber(y, d, mo))) : false; // day first
}

/** A month and a day: [Friday, ] July 21[, 2017], 5 January[ 2026]; without a year, the nearest one. */
function monthAndDay(c: Candidate): Reading {
  const { m, a, at, tense } = c;
  const mo = monthNumber(m[G.m1] ?? m[G.m2]);
  const d = +(m[G.d1] ?? m[G.d2]);
  const yText = m[G.y1] ?? m[G.y2];
  if (!mo || d < 1 || d > 31) return false;
  if (yText) {
    const y = +yText;
    return isValidDate(y, mo, d) ? at(formatDay(dayNumber(y, mo, d)), mo, d, y) : false;
  }
  return at(yearlessDay(mo, d, m[G.wp] ? weekdayNumber(m[G.wp]) : 0, a, tense), mo, d);
}

/** A holiday: [last ]Christmas[ 2025], Good Friday, the Fourth of July. */
function holiday(c: Candidate): Reading {
  const { text, m, a, start, end, at } = c;
  if (m[G.hr] && followsThe(text, start)) return null; // "the last Christmas before the war": take "Christmas" alone
  const h = holidayNamed(m[G.hol])!;
  const nameStart = start + m[0].indexOf(m[G.hol], m[G.hr] ? m[G.hr].length : 0);
  const here = holidayHere(text, nameStart, nameStart + m[G.hol].length, !m[G.hr], !m[G.hy], h.national);
  if (here === 'no') return null;
  if (m[G.hy]) return at(here === 'yes' ? formatDay(h.rule(+m[G.hy])) : null);
  if (!a || here === 'elsewhere') return at(null);
  const rel = m[G.hr] ? m[G.hr].toLowerCase() : '';
  // not from a coordinated date: a holiday without a tense is the nearest, on either side
  return at(holidayDay(h.rule, rel, rel ? null : tenseAround(text, start, end), a));
}

/** A quarter: the third quarter[ of 1989], last quarter, first-quarter (profits), Q3 2025. */
function quarter(c: Candidate): Reading {
  const { text, m, a, start, end, at, tense } = c;
  const word = (m[G.qo] ?? m[G.qa] ?? '').toLowerCase();
  const year = m[G.qy] ?? m[G.qy2];
  const rel = m[G.qrel]?.toLowerCase();
  if (word === 'this' || word === 'next' || (word === 'last' && !year && !rel)) {
    // "last/this/next quarter"; after "the" a span of time ("over the last quarter")
    if (m[G.qthe] || year || rel || followsThe(text, start)) return null;
    return at(a ? relativeQuarter(word === 'last' ? -1 : word === 'this' ? 0 : 1, a) : null);
  }
  if (m[G.qo] && !m[G.qthe] && /^(?:a|another)$/i.test(previousWord(text, start))) return null; // "a second quarter of growth"
  const q = m[G.qn] ? +m[G.qn] : quarterNumber(word);
  if (year) return at(formatQuarter(+year, q));
  if (!rel && !m[G.qn] && inGame(text, start, end)) return null;
  if (!a) return at(null);
  if (rel && rel !== 'the') return at(formatQuarter(a.year + (rel === 'last' ? -1 : rel === 'next' ? 1 : 0), q));
  return at(quarterInTense(q, tense() ?? 'past', a));
}

/** A month: [mid-]January[ 2026]; a lone month only where the words around say it is one. */
function monthDate(c: Candidate): Reading {
  const { text, m, a, start, end, found, at, tense } = c;
  const mo = monthNumber(m[G.m3]);
  if (m[G.y3]) return at(formatMonth(+m[G.y3], mo), 0, 0, +m[G.y3]);
  if (!m[G.mm] && !loneMonthContext(text, start, end, m[G.m3], found)) return null;
  if (!a) return at(null);
  return at(formatMonth(monthInTense(mo, tense() ?? 'past', a), mo));
}

/** A weekday: [last |next |this coming ]Friday, in the week the tense points to. */
function weekdayDate(c: Candidate): Reading {
  const { text, m, a, start, end, found, at, tense } = c;
  if (isNotWeekdayDate(text, start, end)) return null;
  if (m[G.wr] && followsThe(text, start)) return null; // "the next Tuesday": narrative; take "Tuesday" alone
  const wd = weekdayNumber(m[G.wd]);
  if (!a || Number.isNaN(a.dayNo)) return at(null);
  const rel = m[G.wr]?.toLowerCase().replace(/^(?:this\s+)?coming$/, 'next');
  let day: number;
  if (rel === 'last') day = a.dayNo - ((isoWeekday(a.dayNo) - wd + 7) % 7 || 7);
  else if (rel === 'next') day = a.dayNo + ((wd - isoWeekday(a.dayNo) + 7) % 7 || 7);
  else day = coordinatedWeekday(text, start, found[found.length - 1], a, wd) ?? weekdayInTense(wd, tense() ?? (rel ? 'future' : 'past'), a);
  return at(formatDay(day));
}

/** Today, yesterday, tomorrow, tonight. */
function dayWord(c: Candidate): Reading {
  const { text, m, a, start, end, at } = c;
  if (m[G.dx][0] === 'T' && /^USA?$/.test(previousWord(text, start))) return null; // USA Today, the newspaper
  const w = m[G.dx].toLowerCase();
  if (w === 'tonight' && nextWord(text, end) === 'Show') return null; // The Tonight Show
  if (!a || Number.isNaN(a.dayNo)) return at(null);
  return at(formatDay(a.dayNo + (w === 'tomorrow' ? 1 : w === 'yesterday' ? -1 : 0)));
}

/** Named from the publication date: this month, last year, next week, this June, last night. */
function relativeToNow(c: Candidate): Reading {
  const { text, m, a, start, at } = c;
  if (followsThe(text, start)) return null; // "the last year", "the next month": durations
  const rel = m[G.rel].toLowerCase().replace(/^this\s+coming$/, 'coming');
  const step = rel === 'last' ? -1 : rel === 'this' ? 0 : 1;
  if (m[G.um2]) {
    const mo = monthNumber(m[G.um2]);
    if (!a || !a.month) return at(null);
    if (rel === 'this') return at(formatMonth(a.year, mo));
    const y = rel === 'last' ? (mo < a.month ? a.year : a.year - 1) : mo > a.month ? a.year : a.year + 1;
    return at(formatMonth(y, mo));
  }
  const unit = m[G.unit].toLowerCase();
  if (m[G.pl] && (rel !== 'this' || unit !== 'year' || /^(?:in|for|over|during|the)$/i.test(previousWord(text, start)))) return null;
  if (PARTS_OF_DAY.includes(unit)) {
    // "this morning" is the publication day, "last night" the day before; "next morning" is narrative
    const back = rel === 'this' && unit !== 'night' ? 0 : rel === 'last' && (unit === 'night' || unit === 'evening') ? 1 : null;
    if (back === null) return null;
    return at(a && !Number.isNaN(a.dayNo) ? formatDay(a.dayNo - back) : null);
  }
  return at(a ? relativeUnit(unit, step, a) : null);
}

/** A decade: [the ][late ]1990s, '90s. */
function decade(c: Candidate): Reading {
  const { m, a, at } = c;
  if (m[G.ds]) {
    const yy = +m[G.ds] * 10;
    const century = a && yy > a.year % 100 ? Math.floor(a.year / 100) - 1 : a ? Math.floor(a.year / 100) : 19;
    return at(`${century}${m[G.ds]}X`);
  }
  return at(`${m[G.dc]}${m[G.dd]}X`);
}

/** The year before, the previous month, the following week. */
function adjacentUnit(c: Candidate): Reading {
  const { m, a, at } = c;
  const unit = (m[G.tu1] ?? m[G.tu2]).toLowerCase();
  const dir = (m[G.td1] ?? m[G.td2]).toLowerCase();
  const step = dir === 'before' || dir === 'earlier' || dir === 'previous' || dir === 'prior' ? -1 : 1;
  return at(a ? relativeUnit(unit, step, a) : null);
}

/** Seventeen years ago, a decade ago, a couple of weeks ago. */
function unitsAgo(c: Candidate): Reading {
  const { m, a, at } = c;
  const unit = m[G.au].toLowerCase();
  const n = numberValue(m[G.an]);
  if (!n) return null;
  if (!a) return at(null);
  return at(unit === 'decade' ? relativeUnit('year', -10 * n, a) : relativeUnit(unit, -n, a));
}

/** A year: summer 2016, [late ]2017, fiscal 2017 (a bare number where it reads as one); by year end. */
function yearDate(c: Candidate): Reading {
  const { text, m, a, start, end, at } = c;
  if (m[G.sea]) return at(formatYear(+m[G.sy]), 0, 0, +m[G.sy]);
  if (m[G.yr]) {
    const y = +m[G.yr];
    if (!m[G.ym] && !isYear(text, start, end, y)) return null;
    return at(formatYear(y), 0, 0, y);
  }
  if (!/^(?:by|at|before|until|till|after|from|since|around|to)$/i.test(previousWord(text, start))) return null;
  return at(a ? `${formatYear(a.year)}-12-31` : null);
}

/** The value of "last/this/next <unit>" (step -1/0/1) or "<n> <unit>s ago" (step -n). */
function relativeUnit(unit: string, step: number, a: Anchor): string | null {
  switch (unit) {
    case 'year':
      return formatYear(a.year + step);
    case 'decade':
      return `${Math.floor((a.year + 10 * step) / 10)}X`;
    case 'month':
      return a.month ? formatMonth(a.year, a.month + step) : null;
    case 'week':
    case 'weekend':
      return Number.isNaN(a.dayNo) ? null : formatIsoWeek(a.dayNo + 7 * step);
    case 'day':
      return Number.isNaN(a.dayNo) ? null : formatDay(a.dayNo + step);
    default: {
      // seasons: the year of the season's most recent (or next) start
      const first = unit === 'spring' ? 3 : unit === 'summer' ? 6 : unit === 'winter' ? 12 : 9;
      if (!a.month) return formatYear(a.year + step);
      if (step < 0) return formatYear(first < a.month ? a.year : a.year - 1);
      if (step > 0) return formatYear(first > a.month ? a.year : a.year + 1);
      return formatYear(unit === 'winter' && a.month < 3 ? a.year - 1 : a.year);
    }
  }
}

/** Year of the most recent (past) or next (future) occurrence of a month, this month included. */
function monthInTense(month: number, tense: Tense, a: Anchor): number {
  if (!a.month) return a.year;
  if (tense === 'future') return month >= a.month ? a.year : a.year + 1;
  return month <= a.month ? a.year : a.year - 1;
}

/** The day of a weekday (ISO, 1 = Monday) in the week up to the publication date, or from it on when ahead. */
function weekdayInTense(weekday: number, tense: Tense, a: Anchor): number {
  return tense === 'future' ? a.dayNo + ((weekday - isoWeekday(a.dayNo) + 7) % 7) : a.dayNo - ((isoWeekday(a.dayNo) - weekday + 7) % 7);
}

/**
 * The value of a month and day written without a year: the publication year, moved back a year when
 * that lands more than half a year ahead in a past context (and ahead for a future one); with a
 * weekday, the nearby year where that day falls on it. `tense` tells the tense of the context.
 */
function yearlessDay(month: number, day: number, weekday: number, a: Anchor | null, tense: () => Tense | null): string | null {
  if (!a) return null;
  const candidates = [a.year, a.year - 1, a.year + 1].filter(y => isValidDate(y, month, day));
  if (candidates.length === 0) return null;
  if (weekday) {
    const y = candidates.find(c => isoWeekday(dayNumber(c, month, day)) === weekday);
    if (y !== undefined) return formatDay(dayNumber(y, month, day));
  }
  let y = candidates[0];
  if (!Number.isNaN(a.dayNo) && y === a.year) {
    const delta = dayNumber(y, month, day) - a.dayNo;
    if (delta > 183 || delta < -183) {
      const t = tense();
      if (delta > 183 && t !== 'future' && isValidDate(y - 1, month, day)) y--;
      else if (delta < -183 && t === 'future' && isValidDate(y + 1, month, day)) y++;
    }
  }
  return formatDay(dayNumber(y, month, day));
}

/** A two-digit year in a numeric date: the century that puts it nearest the publication year. */
function expandYear(y: number, digits: number, a: Anchor | null): number {
  if (digits === 4) return y;
  const base = a ? a.year : 2000;
  const century = Math.floor(base / 100) * 100;
  const candidates = [century - 100 + y, century + y, century + 100 + y];
  return candidates.reduce((best, c) => (Math.abs(c - base) < Math.abs(best - base) ? c : best));
}

function numberValue(words: string): number {
  const w = words.replace(/[[\]]/g, '').toLowerCase();
  if (/^\d+$/.test(w)) return +w;
  if (w.startsWith('a ') || w.startsWith('a\u00a0') || w.startsWith('a\t')) return 2; // a couple of
  const [tens, ones] = w.split('-');
  return (NUMBER_VALUES[tens] ?? 0) + (ones ? (NUMBER_VALUES[ones] ?? 0) : 0);
}

// ---- context checks (run only at candidates) ----

const STRONG_YEAR_WORDS =
  /^(?:in|since|until|till|by|from|during|before|after|circa|c|ca|of|between|through|early|mid|late|spring|summer|autumn|fall|winter)$/i;
const MONTH_WORD = new RegExp(`^${MONTH}$`);
const QUANTITY_AFTER =
  /^[ \t\u00a0-]*(?:%|percent\b|per[ \t]cent\b|(?:years?|months?|weeks?|days?)[ \t-](?:old|long)\b|years\b|yrs\b|months\b|weeks\b|days\b|hours?\b|hrs?\b|minutes?\b|mins?\b|seconds?\b|km\b|kilomet(?:er|re)s?\b|miles?\b|met(?:er|re)s?\b|m\b|ft\b|feet\b|kg\b|kilograms?\b|pounds\b|lbs?\b|tons?\b|tonnes?\b|people\b|persons\b|men\b|women\b|children\b|troops\b|soldiers\b|votes\b|units\b|GMT\b|UTC\b|BST\b|EST\b|EDT\b|PST\b|CET\b|hrs\b|local\b|[A-Z][a-z]+[ \t](?:Street|St|Avenue|Ave|Road|Rd|Boulevard|Blvd|Drive|Lane)\b)/;
const CURRENCY = /[$£€¥₩₹#№]/;
const CURRENCY_CODE = /^(?:USD|EUR|GBP|JPY|CNY|RMB|INR|Rs|AUD|CAD|NZD|HKD|CHF)$/;
const COUNT_BEFORE =
  /^(?:a|an|about|around|approximately|nearly|almost|over|some|than|only|just|least|most|roughly|estimated|additional|another|those|these|all)$/i;
const FUNCTION_WORD =
  /^(?:and|or|to|through|till|until|when|as|with|for|in|on|at|the|a|was|is|were|saw|had|has|will|would|after|before|but|by|from|of|that|which|while|where)$/;
const NUMBER_BEFORE =
  /^(?:no|nos|number|flight|route|room|page|pp|p|highway|bus|channel|model|version|v|track|episode|chapter|section|article|rule|code|tel|phone|ext|box|suite|unit|apt|platform|gate)$/i;

/** A 4-digit number standing as a year (not "2,000 people", "$2015", "1500 troops", "room 2014"). */
function isYear(text: string, start: number, end: number, y: number): boolean {
  if (y < 1000 || y > 2199) return false;
  const prev = previousWord(text, start);
  const strong = STRONG_YEAR_WORDS.test(prev) || MONTH_WORD.test(prev);
  if (y < 1800 || y > 2100) {
    if (!strong) return false;
  }
  const before = previousChar(text, start);
  if (before && CURRENCY.test(before)) return false;
  if ((CURRENCY_CODE.test(prev) || NUMBER_BEFORE.test(prev)) && before !== ',') return false;
  // glued to other numbers: "555-2014", "3/2014", "12.2015" (but "2004-2009", "2000 - 2050" are years)
  const c1 = text.charCodeAt(start - 1);
  if ((c1 === 45 || c1 === 47 || c1 === 46 || c1 === 58 || c1 === 0x2013) && isDigit(text.charCodeAt(start - 2)) && !yearBefore(text, start - 1)) return false;
  const after = text.slice(end, end + 40);
  if (QUANTITY_AFTER.test(after)) return false;
  const c2 = text.charCodeAt(end);
  if ((c2 === 45 || c2 === 47 || c2 === 58) && isDigit(text.charCodeAt(end + 1)) && !/^[-/]\d{2}(?:\d{2})?(?!\d)/.test(after)) return false;
  if (/^[ \t]*(?:-|–|—|to|and|through|until)[ \t]*\d{4}(?!\d)/.test(after)) return true; // "2000 - 2050"
  if (y < 1800 || y % 100 === 0) {
    // Round or early numbers are often counts ("1500 soldiers", "about 2000", "2000 signatures");
    // after "the" or a possessive they name a year ("the 2000 election", "Britain's 2000 budget").
    const next = nextWord(text, end);
    const noun = /^[a-z]/.test(next) && !FUNCTION_WORD.test(next);
    if (y < 1800) return !noun;
    if (strong || /^the$/i.test(prev) || /['’]s$/.test(prev)) return true;
    if (COUNT_BEFORE.test(prev) || noun) return false;
  }
  return true;
}

function yearBefore(text: string, i: number): boolean {
  // the number ending just before index i is 4 digits
  let j = i - 1;
  while (j >= 0 && isDigit(text.charCodeAt(j))) j--;
  return i - 1 - j === 4;
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

const LONE_MONTH_WORDS =
  /^(?:in|since|until|till|by|from|to|through|thru|during|before|after|of|around|between|early|late|mid|and|or|starting|beginning|end|throughout)$/i;
const SURE_MONTH_WORDS = /^(?:in|since|until|till|during|through|thru|before|after|early|late|mid|starting|beginning|throughout)$/i;
const NAME_MONTH = /^(?:April|May|June|July|August|APRIL|MAY|JUNE|JULY|AUGUST)$/;

/** A month name standing alone is a date only after a temporal preposition ("in June", "since May"). */
function loneMonthContext(text: string, start: number, end: number, name: string, found: readonly Found[]): boolean {
  const prev = previousWord(text, start).toLowerCase();
  if (!LONE_MONTH_WORDS.test(prev)) return false;
  if ((prev === 'and' || prev === 'or' || prev === 'to') && !(found.length && start - found[found.length - 1].end < 12)) return false;
  if (!NAME_MONTH.test(name)) return true;
  // April, May, June, July and August are also names ("a speech by May", "in June Carter's songs")
  if (/^['’]s/.test(text.slice(end, end + 2)) && /^may$/i.test(name)) return false;
  if (prev === 'of' && !/^(?:end|beginning|start|middle|rest|part|half)$/i.test(previousWord(text, start - prev.length - 1))) return false;
  if (SURE_MONTH_WORDS.test(prev)) return true;
  if (/^may$/i.test(name) && prev !== 'of') return false;
  return !(isSpace(text.charCodeAt(end)) && /^[A-Z][a-z]/.test(nextWord(text, end)));
}

/** Inside a web address ("example.com/2012/08/07/story"), even one tokenized with spaces. */
function inUrl(text: string, start: number): boolean {
  if (previousChar(text, start) !== '/') return false;
  const lineStart = text.lastIndexOf('\n', start) + 1;
  const line = text.slice(Math.max(lineStart, start - 300), start);
  return line.includes('http') || line.includes('www');
}

/**
 * Weekday names that are no relative date: newspapers ("Sunday Times", "Mail on Sunday"), named days
 * ("Black Friday", "Good Friday", "Super Tuesday"), and recurrences ("every Monday").
 */
function isNotWeekdayDate(text: string, start: number, end: number): boolean {
  const prev = previousWord(text, start);
  if (/^(?:Good|Black|Super|Cyber|Ash|Easter|Bloody|Palm|Holy|Maundy|Shrove|Giving|Blue|every|each)$/i.test(prev)) return true;
  if (text.charCodeAt(start) !== 83 /* S */ || text.charCodeAt(start + 1) !== 117 /* u */) return false;
  if (/^[ \t](?:Times|Telegraph|Express|Mirror|Herald|Tribune|Independent|Observer|Mail|Post)\b/.test(text.slice(end, end + 14))) return true;
  return /(?:Mail|Independent|Sun)[ \t]on[ \t]$/.test(text.slice(Math.max(0, start - 16), start));
}

/**
 * Ranges written with one year ("November 20 to December 11, 2015", "January 23 - March 9 2014"):
 * the yearless end takes the year of the other end.
 */
function shareRangeYears(text: string, found: Found[], a: Anchor | null): void {
  for (let i = 0; i + 1 < found.length; i++) {
    const x = found[i],
      y = found[i + 1];
    if (y.start - x.end > 12 || !/^[ \t]*(?:-|–|—|to|through|until|till|and)[ \t]*$/.test(text.slice(x.end, y.start))) continue;
    if (x.month && !x.year && y.month && y.year) {
      const year = x.month > y.month || (x.month === y.month && x.day > y.day) ? y.year - 1 : y.year;
      if (isValidDate(year, x.month, x.day)) x.value = formatDay(dayNumber(year, x.month, x.day));
    } else if (x.month && x.year && y.month && !y.year) {
      const year = y.month < x.month || (y.month === x.month && y.day < x.day) ? x.year + 1 : x.year;
      if (isValidDate(year, y.month, y.day)) y.value = formatDay(dayNumber(year, y.month, y.day));
    } else if (x.month && !x.year && y.month && !y.year && a && x.value && y.value) {
      // both yearless: the end follows the start
      const yx = +x.value.slice(0, 4);
      const year = y.month < x.month || (y.month === x.month && y.day < x.day) ? yx + 1 : yx;
      if (isValidDate(year, y.month, y.day)) y.value = formatDay(dayNumber(year, y.month, y.day));
    }
  }
}
