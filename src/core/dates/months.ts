const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
const WEEKDAYS = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'];

/** Month number (1-12) of an English month name or its usual abbreviation ("Sept", "Jan."), else 0. */
export function monthNumber(word: string): number {
  const w = word.toLowerCase().replace(/\.$/, '');
  if (w === 'sept') return 9;
  if (w.length < 3) return 0;
  const i = MONTHS.findIndex(m => m === w || (w.length === 3 && m.startsWith(w)));
  return i + 1;
}

/** ISO weekday (Monday 1 ... Sunday 7) of an English weekday name or abbreviation, else 0. */
export function weekdayNumber(word: string): number {
  const w = word.toLowerCase().replace(/\.$/, '');
  if (w.length < 3) return 0;
  return WEEKDAYS.findIndex(d => d === w || d.startsWith(w)) + 1;
}

/** A lower-case word in its lower, Capitalized and UPPER forms (for regexes without the i flag). */
export function anyCase(word: string): string {
  return `${word}|${word[0].toUpperCase()}${word.slice(1)}|${word.toUpperCase()}`;
}

/** Words (lower case) as one alternation in their lower, Capitalized and UPPER forms. */
export function words(list: readonly string[]): string {
  return `(?:${list.map(anyCase).join('|')})`;
}

/** Names (lower case) in their Capitalized and UPPER forms only: month and weekday names. */
export function names(list: readonly string[]): string {
  return `(?:${list.map(w => `${w[0].toUpperCase()}${w.slice(1)}|${w.toUpperCase()}`).join('|')})`;
}

/** Month names, then abbreviations (with an optional period); never a prefix of a longer word. */
export const MONTH_PATTERN = `(?:${names(MONTHS)}|${names(['sept', 'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'])}\\.?)(?![A-Za-z])`;

/** Weekday names. */
export const WEEKDAY_PATTERN = `${names(WEEKDAYS)}(?![A-Za-z])`;

/** Weekday names and abbreviations, as they prefix a full date ("Mon, 5 Jan 2026"). */
export const WEEKDAY_PREFIX_PATTERN = `(?:${names(WEEKDAYS)}|${names(['tues', 'thurs', 'thur', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'])}\\.?)(?![A-Za-z])`;
