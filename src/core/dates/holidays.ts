// Holidays that news dates by name ("on Christmas Eve", "by Thanksgiving", "Easter 2025"): fixed days,
// n-th weekdays of a month, and days counted from Easter. Where countries differ, the US rule
// (Thanksgiving, Memorial Day, Labor Day, Mother's Day). Holidays of lunar calendars (Lunar New Year,
// Eid, Diwali, Passover) would need tables and are not recognized.
import { type Anchor, dayNumber, daysInMonth, formatDay, isoWeekday } from './calendar';
import { isSpace, nextWord, previousWord } from './context';
import { MONTH_PATTERN, names, WEEKDAY_PATTERN, words } from './months';
import type { Tense } from './tense';

/** The day number of a holiday in a year. */
type Rule = (year: number) => number;

const on =
  (month: number, day: number): Rule =>
  y =>
    dayNumber(y, month, day);

/** The n-th ISO weekday (Monday 1 ... Sunday 7) of a month; n = -1: the last. */
const nth =
  (month: number, weekday: number, n: number): Rule =>
  y => {
    if (n < 0) {
      const last = dayNumber(y, month, daysInMonth(y, month));
      return last - ((isoWeekday(last) - weekday + 7) % 7);
    }
    const first = dayNumber(y, month, 1);
    return first + ((weekday - isoWeekday(first) + 7) % 7) + 7 * (n - 1);
  };

const thanksgiving = nth(11, 4, 4);
const afterThanksgiving =
  (days: number): Rule =>
  y =>
    thanksgiving(y) + days;
const afterEaster =
  (days: number): Rule =>
  y =>
    easterSunday(y) + days;

/** Easter Sunday of the Gregorian calendar (the anonymous computus, as given by Meeus). */
export function easterSunday(year: number): number {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const g = Math.floor((b - Math.floor((b + 8) / 25) + 1) / 3);
  const h = (19 * a + b - Math.floor(b / 4) - g + 15) % 30;
  const l = (32 + 2 * (b % 4) + 2 * Math.floor(c / 4) - h - (c % 4)) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const n = h + l - 7 * m + 114;
  return dayNumber(year, Math.floor(n / 31), (n % 31) + 1);
}

export interface Holiday {
  readonly rule: Rule;
  /** A US rule that other countries' days of the same name do not follow. */
  readonly national: boolean;
}

// Names, lower case, '|' between variants; a word ending in "'s" may drop the apostrophe ("New Years
// Day"), one ending in "'" or "." may drop that ("Presidents Day", "St Patrick's Day").
const TABLE: readonly [string, Rule, boolean?][] = [
  ["new year's day", on(1, 1)],
  ["new year's eve", on(12, 31)],
  ['christmas eve|xmas eve', on(12, 24)],
  ['christmas|christmas day|xmas', on(12, 25)],
  ['boxing day', on(12, 26)],
  ["valentine's day|st. valentine's day|saint valentine's day", on(2, 14)],
  ["st. patrick's day|saint patrick's day", on(3, 17)],
  ['anzac day', on(4, 25)],
  ['may day', on(5, 1)],
  ['juneteenth', on(6, 19)],
  ['canada day', on(7, 1)],
  ['independence day', on(7, 4), true],
  ['fourth of july|july fourth', on(7, 4)],
  ['bastille day', on(7, 14)],
  ['australia day', on(1, 26)],
  ['halloween', on(10, 31)],
  ['guy fawkes night|bonfire night', on(11, 5)],
  ["veterans' day|veteran's day|remembrance day|armistice day", on(11, 11)],
  ['martin luther king day|martin luther king jr. day|mlk day', nth(1, 1, 3)],
  ["presidents' day|president's day", nth(2, 1, 3)],
  ["mother's day", nth(5, 7, 2), true],
  ['memorial day', nth(5, 1, -1), true],
  ["father's day", nth(6, 7, 3)],
  ['labor day', nth(9, 1, 1), true],
  ['columbus day', nth(10, 1, 2)],
  ['remembrance sunday', nth(11, 7, 2)],
  ['thanksgiving|thanksgiving day', thanksgiving, true],
  ['black friday', afterThanksgiving(1)],
  ['cyber monday', afterThanksgiving(4)],
  ['shrove tuesday', afterEaster(-47)],
  ['ash wednesday', afterEaster(-46)],
  ['palm sunday', afterEaster(-7)],
  ['maundy thursday', afterEaster(-3)],
  ['good friday', afterEaster(-2)],
  ['easter|easter sunday|easter day', afterEaster(0)],
  ['easter monday', afterEaster(1)],
];

const NAMES = TABLE.flatMap(([variants]) => variants.split('|'));
const BY_KEY = new Map<string, Holiday>(
  TABLE.flatMap(([variants, rule, national]) => variants.split('|').map(v => [key(v), { rule, national: national === true }] as const)),
);

function key(name: string): string {
  return name.toLowerCase().replace(/[^a-z]/g, '');
}

function parts(word: string): { base: string; suffix: string } {
  const m = /^([a-z]+)('s|'|\.)?$/.exec(word)!;
  return { base: m[1], suffix: m[2] ?? '' };
}

/** A name as a pattern: the first word Capitalized or UPPER, the others in any of the three cases. */
function namePattern(name: string): string {
  return name
    .split(' ')
    .map((w, i) => {
      const { base, suffix } = parts(w);
      const word = i === 0 ? names([base]) : words([base]);
      return word + (suffix === "'s" ? "['’]?[sS]" : suffix === "'" ? "['’]?" : suffix === '.' ? '\\.?' : '');
    })
    .join('[ \\t\\u00a0]+');
}

/** Every name, the longer first so that "Christmas Eve" is not read as "Christmas". */
export const HOLIDAY_PATTERN = `(?:${[...NAMES]
  .sort((a, b) => b.length - a.length)
  .map(namePattern)
  .join('|')})`;

/** The words a one-word name is written as: they begin a date by themselves. */
export const HOLIDAY_STARTS = NAMES.filter(n => !n.includes(' ')).flatMap(n => forms(n));
/** The first words of the other names, which begin a date only before one of HOLIDAY_FOLLOWERS. */
export const HOLIDAY_LEADERS = NAMES.filter(n => n.includes(' ')).flatMap(n => forms(n.split(' ')[0]));
export const HOLIDAY_FOLLOWERS = NAMES.filter(n => n.includes(' ')).map(n => parts(n.split(' ')[1]).base);

/** The letters of a word as the start scanner reads them: "mother's" is read as "mother" or "mothers". */
function forms(word: string): string[] {
  const { base, suffix } = parts(word);
  return suffix === "'s" ? [base, `${base}s`] : [base];
}

export function holidayNamed(name: string): Holiday | undefined {
  return BY_KEY.get(key(name));
}

// Capitalized words that may come before a holiday that is a date: sentence-initial prepositions and
// conjunctions, and the country whose rules are used.
const BEFORE_OK =
  /^(?:on|by|before|after|until|till|since|at|for|over|during|around|through|from|to|and|or|but|of|in|the|ahead|near|like|us|american|america['’]s)$/i;
const RECURRENCE = /^(?:every|each)$/i;
const MONTH_OR_WEEKDAY = new RegExp(`^(?:${MONTH_PATTERN}|${WEEKDAY_PATTERN})$`);
// Things named after a holiday, not dates: "Christmas tree", "Easter eggs", "Christmas Island"
const THING_AFTER =
  /^(?:trees?|cards?|carols?|crackers?|puddings?|stockings?|decorations?|ornaments?|lights|jumpers?|sweaters?|songs?|music|movies?|films?|albums?|specials?|presents?|gifts?|eggs?|bunny|costumes?|candy|spirit|cheer|party|parties|shoppers|island|islands)$/i;

/**
 * Whether the holiday name at [start, end) is a date here: 'no' inside another name ("Johnnie
 * Christmas", "Christmas Island", "the Good Friday Agreement"), in a greeting ("Merry Christmas"), a
 * recurrence ("every Christmas") or for a thing ("Christmas tree"); 'elsewhere' for another
 * country's day of a US name ("India's Independence Day"), whose day is unknown; else 'yes'.
 * `before`/`after`: whether words before and after the name are read (not after "last", "next",
 * "this" or before a year).
 */
export function holidayHere(text: string, start: number, end: number, before: boolean, after: boolean, national: boolean): 'no' | 'elsewhere' | 'yes' {
  if (after && isSpace(text.charCodeAt(end))) {
    const next = nextWord(text, end);
    if (THING_AFTER.test(next)) return 'no';
    const upper = text.slice(start, end) === text.slice(start, end).toUpperCase();
    if (/^[A-Z]/.test(next) && next !== 'I' && !upper && !MONTH_OR_WEEKDAY.test(next)) return 'no';
  }
  if (!before) return 'yes';
  const prev = previousWord(text, start);
  if (RECURRENCE.test(prev)) return 'no';
  if (!/^[A-Z]/.test(prev) || BEFORE_OK.test(prev)) return 'yes';
  if (!/['’]s$/i.test(prev)) return 'no';
  return national ? 'elsewhere' : 'yes';
}

/**
 * The day of a holiday written without a year: after "last" the one before the publication date,
 * after "next" the one after it, after "this" the one of its year; otherwise in a past context the
 * latest by the end of the publication month (as "in June" is this June, when written in June), in a
 * future context the next one on or after the publication date, else the nearest.
 */
export function holidayDay(rule: Rule, rel: string, tense: Tense | null, a: Anchor): string {
  // the publication date as a span of days: a day, or a month or year when that is all there is
  const monthEnd = a.month ? dayNumber(a.year, a.month, daysInMonth(a.year, a.month)) : dayNumber(a.year, 12, 31);
  const from = Number.isNaN(a.dayNo) ? dayNumber(a.year, a.month || 1, 1) : a.dayNo;
  const to = Number.isNaN(a.dayNo) ? monthEnd : a.dayNo;
  const [before, current, after] = [rule(a.year - 1), rule(a.year), rule(a.year + 1)];
  let day: number;
  if (rel === 'last') day = current < from ? current : before;
  else if (rel === 'next') day = current > to ? current : after;
  else if (rel === 'this') day = current;
  else if (tense === 'past') day = current <= monthEnd ? current : before;
  else if (tense === 'future') day = current >= from ? current : after;
  else {
    const mid = (from + to) / 2;
    day = [before, current, after].reduce((best, d) => (Math.abs(d - mid) < Math.abs(best - mid) ? d : best));
  }
  return formatDay(day);
}
