import type { Mention } from '../types';
import { isoDate, isoMonth } from './isoDate';
import { MONTH_PATTERN, monthNumber } from './months';

// Absolute dates in their plain forms; relative ones come with the recognition issue.
const DATE = new RegExp(
  [
    `\\b(?<iy>\\d{4})-(?<im>\\d{2})-(?<id>\\d{2})\\b`,
    `\\b(?<am>${MONTH_PATTERN})\\s+(?<ad>\\d{1,2})(?:st|nd|rd|th)?(?:,?\\s+(?<ay>\\d{4}))?(?![\\w])`,
    `\\b(?<bd>\\d{1,2})\\s+(?<bm>${MONTH_PATTERN})(?:,?\\s+(?<by>\\d{4}))?(?![\\w])`,
    `\\b(?<cm>${MONTH_PATTERN})\\s+(?<cy>\\d{4})\\b`,
  ].join('|'),
  'g',
);

/**
 * Finds dates written in full or as month and day. A year-less date takes the publication
 * year when one is known, else its value is null.
 */
export function recognizeDates(text: string, dct: string | null): Mention[] {
  const year = dct ? Number(dct.slice(0, 4)) : undefined;
  const out: Mention[] = [];
  for (const m of text.matchAll(DATE)) {
    const g = m.groups!;
    let value: string | null;
    if (g.iy) value = isoDate(+g.iy, +g.im, +g.id);
    else if (g.am) value = dayValue(g.ay ? +g.ay : year, monthNumber(g.am), +g.ad);
    else if (g.bm) value = dayValue(g.by ? +g.by : year, monthNumber(g.bm), +g.bd);
    else value = isoMonth(+g.cy, monthNumber(g.cm));
    if (g.iy && value === null) continue;
    out.push({ start: m.index!, end: m.index! + m[0].length, text: m[0], kind: 'date', value });
  }
  return out;
}

function dayValue(year: number | undefined, month: number, day: number): string | null {
  return year === undefined ? null : isoDate(year, month, day);
}
