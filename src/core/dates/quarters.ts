// Quarters of a year ("the third quarter of 1989", "first-quarter profits", "Q3 2025"), valued YYYY-Qn.
import { type Anchor, formatQuarter } from './calendar';
import type { Tense } from './tense';

const ORDINAL: Record<string, number> = { first: 1, second: 2, third: 3, fourth: 4, final: 4, last: 4 };

/** The quarter an ordinal names ("third" -> 3; "final", "last" -> 4). */
export function quarterNumber(ordinal: string): number {
  return ORDINAL[ordinal.toLowerCase()];
}

/** The quarter of the year (1-4) that holds the publication date, or 0 without a month. */
function quarterOf(a: Anchor): number {
  return a.month ? Math.ceil(a.month / 3) : 0;
}

/** Quarter q of the publication year, moved a year back (past) or ahead (future) as lone months are. */
export function quarterInTense(q: number, tense: Tense, a: Anchor): string {
  const now = quarterOf(a);
  if (!now) return formatQuarter(a.year, q);
  if (tense === 'future') return formatQuarter(q >= now ? a.year : a.year + 1, q);
  return formatQuarter(q <= now ? a.year : a.year - 1, q);
}

/** "last/this/next quarter" (step -1/0/1), or null without a month. */
export function relativeQuarter(step: number, a: Anchor): string | null {
  const now = quarterOf(a);
  return now ? formatQuarter(a.year, now + step) : null;
}

// Quarters of a game, not of a year: "a 14-0 lead in the second quarter", "fourth-quarter touchdown";
// words of business and the economy outweigh them ("profits fell 3 points in the fourth quarter").
const GAME =
  /\b(?:scored|scoring|score|touchdowns?|overtime|half-?time|quarterback|rebounds?|three-pointers?|free throws?|buzzer|yards|interceptions?|fumbled?|rallied|lead|trailed|trailing|points|games?|match|season|playoffs?|victory|goals?|coach|innings|defen[cs]e|defensive|offen[cs]e|offensive|NFL|NBA|WNBA|AFL|\d{1,3} ?- ?\d{1,3})\b/i;
const BUSINESS =
  /\b(?:profits?|revenues?|earnings|sales|growth|econom(?:y|ic)|GDP|inflation|percent|billion|million|shares|stocks?|fiscal|quarterly|results|forecasts?|analysts?|investors?|dividends?|output|unemployment)\b|[%$€£]/i;

/** Whether the line around [start, end), up to 150 characters each side, speaks of a game. */
export function inGame(text: string, start: number, end: number): boolean {
  let from = start;
  while (from > 0 && start - from < 150 && text.charCodeAt(from - 1) !== 10) from--;
  let to = end;
  while (to < text.length && to - end < 150 && text.charCodeAt(to) !== 10) to++;
  const around = text.slice(from, to);
  return GAME.test(around) && !BUSINESS.test(around);
}
