// Calendar arithmetic on day numbers (days since 1970-01-01, UTC), and the ISO value formats.

const MS_PER_DAY = 86_400_000;

/** Day number of a calendar date; callers validate the date with `isValidDate` first. */
export function dayNumber(year: number, month: number, day: number): number {
  return Math.round(Date.UTC(year, month - 1, day) / MS_PER_DAY);
}

export function isValidDate(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  return day <= daysInMonth(year, month);
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** ISO weekday of a day number: Monday 1 ... Sunday 7. */
export function isoWeekday(day: number): number {
  return ((((day + 3) % 7) + 7) % 7) + 1;
}

/** YYYY-MM-DD of a day number. */
export function formatDay(day: number): string {
  const d = new Date(day * MS_PER_DAY);
  return `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1, 2)}-${pad(d.getUTCDate(), 2)}`;
}

/** YYYY-Www: the ISO week (weeks start on Monday; week 1 holds the year's first Thursday). */
export function formatIsoWeek(day: number): string {
  const thursday = day - isoWeekday(day) + 4;
  const year = new Date(thursday * MS_PER_DAY).getUTCFullYear();
  const week = Math.floor((thursday - dayNumber(year, 1, 1)) / 7) + 1;
  return `${pad(year, 4)}-W${pad(week, 2)}`;
}

export function formatMonth(year: number, month: number): string {
  // Normalise month overflow (month 0 is December of the year before, 13 January of the next).
  const y = year + Math.floor((month - 1) / 12);
  const m = ((((month - 1) % 12) + 12) % 12) + 1;
  return `${pad(y, 4)}-${pad(m, 2)}`;
}

/** YYYY-Qn; quarter overflow moves the year (quarter 0 is the fourth of the year before). */
export function formatQuarter(year: number, quarter: number): string {
  return `${pad(year + Math.floor((quarter - 1) / 4), 4)}-Q${((((quarter - 1) % 4) + 4) % 4) + 1}`;
}

export function formatYear(year: number): string {
  return pad(year, 4);
}

export function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

/** A publication date as numbers; month and day are 0 when the value has no such precision. */
export interface Anchor {
  readonly year: number;
  readonly month: number;
  readonly day: number;
  /** Day number, or NaN without day precision. */
  readonly dayNo: number;
}

const ANCHOR = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?/;

export function parseAnchor(dct: string | null): Anchor | null {
  if (!dct) return null;
  const m = ANCHOR.exec(dct);
  if (!m) return null;
  const year = +m[1];
  const month = m[2] ? +m[2] : 0;
  const day = m[3] ? +m[3] : 0;
  if (month && (month < 1 || month > 12)) return null;
  const dayNo = day && isValidDate(year, month, day) ? dayNumber(year, month, day) : NaN;
  return { year, month, day: Number.isNaN(dayNo) ? 0 : day, dayNo };
}
