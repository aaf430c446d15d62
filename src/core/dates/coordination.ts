// A date coordinated with the date before it ("on Monday and Tuesday", "next Monday and Tuesday",
// "scheduled for Monday, followed by a state dinner on Tuesday") lies on the same side of the
// publication date, unless what comes between them has a tense of its own ("met on Monday and will
// meet again on Friday"); a weekday so coordinated is the first such day after the date before it,
// when that keeps it on the same side. Ranges ("Monday to Friday") are left to the tense.
import { type Anchor, dayNumber, formatDay, formatMonth, formatYear, isoWeekday } from './calendar';
import { hasTenseCue, type Tense, tenseAround } from './tense';

/** What may join two coordinated dates, at the start of the text between them. */
const CONNECTOR = /^\s*,?\s*(?:and|or|then|as\s+well\s+as|followed\s+by)\b/i;
/** Text between two dates of one sentence, at most. */
const MAX_GAP = 80;
/** A sentence or clause boundary. */
const BOUNDARY = /[;!?\n\r]|\.\s/;

/** A date found before, with its value. */
export interface EarlierDate {
  readonly end: number;
  readonly value: string | null;
}

/** The tense of a relative date at [start, end): the side of the date it is coordinated with, else that of its clause (tenseAround). */
export function tenseAt(text: string, start: number, end: number, previous: EarlierDate | undefined, a: Anchor): Tense | null {
  return coordinatedTense(text, start, previous, a) ?? tenseAround(text, start, end);
}

/**
 * The day number of weekday `weekday` (ISO, 1 = Monday) coordinated with a full date before it: the
 * first such day after that date, when that is on the same side of the publication date; else null.
 */
export function coordinatedWeekday(text: string, start: number, previous: EarlierDate | undefined, a: Anchor, weekday: number): number | null {
  const side = coordinatedTense(text, start, previous, a);
  const m = side && /^(\d{4})-(\d{2})-(\d{2})$/.exec(previous!.value!);
  if (!m) return null;
  const before = dayNumber(+m[1], +m[2], +m[3]);
  const day = before + ((weekday - isoWeekday(before) + 7) % 7 || 7);
  return (side === 'future' ? day > a.dayNo : day < a.dayNo) ? day : null;
}

function coordinatedTense(text: string, start: number, previous: EarlierDate | undefined, a: Anchor): Tense | null {
  if (!previous?.value || previous.end > start || start - previous.end > MAX_GAP) return null;
  const gap = text.slice(previous.end, start);
  if (!CONNECTOR.test(gap) || BOUNDARY.test(gap) || hasTenseCue(gap)) return null;
  const v = previous.value;
  const now = /^\d{4}-\d{2}-\d{2}$/.test(v)
    ? Number.isNaN(a.dayNo)
      ? null
      : formatDay(a.dayNo)
    : /^\d{4}-\d{2}$/.test(v)
      ? a.month
        ? formatMonth(a.year, a.month)
        : null
      : /^\d{4}$/.test(v)
        ? formatYear(a.year)
        : null;
  if (now === null || v === now) return null;
  return v > now ? 'future' : 'past';
}
