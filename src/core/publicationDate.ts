import { recognizeDates } from './dates/recognizeDates';

const HEADER_LINES = 12;
const DATELINE_LINES = 3;
const FRONT_MATTER = /^(?:\uFEFF)?---[ \t]*\r?\n([\s\S]*?)\r?\n(?:---|\.\.\.)[ \t]*(?:\r?\n|$)/;
const HEADER =
  /^[ \t]*(?:date|dated|published(?:[ \t]+on)?|publication[ \t_-]?date|pub[ \t_-]?date|posted(?:[ \t]+on)?|dateline(?:[ \t]+date)?)(?:[ \t]*[:=][ \t]*|[ \t]+)(.+)$/i;
// What may follow a dateline on its line: a time ("7:35 am", "at 02:22 pm", "13 : 45"), a zone.
const TIME_REST = /^[ \t]*(?:[,;|\-–—][ \t]*)?(?:(?:at[ \t]+)?\d{1,2}[ \t]*[:.][ \t]*\d{2}(?:[ \t]*[:.][ \t]*\d{2})?(?:[ \t]*[ap]\.?[ \t]*m\.?)?(?:[ \t]+[A-Z]{2,4})?[ \t]*)?$/i;
const WEEKDAY_START = /^(?:mon|tue|wed|thu|fri|sat|sun)/i;

/**
 * The publication date a document states about itself: YAML front matter `date:`, or a labelled
 * header line such as `Published: 5 January 2026`, `Date: Jan. 4, 2026` or `date 2026-01-05` in its
 * first lines. Null when it states none.
 */
export function documentOwnDate(text: string): string | null {
  const front = FRONT_MATTER.exec(text);
  const lines = front ? front[1].split(/\r?\n/) : text.split(/\r?\n/, HEADER_LINES);
  for (const line of lines) {
    const m = HEADER.exec(line);
    if (!m) continue;
    const date = recognizeDates(m[1], null).find(d => d.value && d.value.length === 10);
    if (date) return date.value!;
  }
  return null;
}

/**
 * The unlabelled dateline of a news text: a full date (day, month and year) standing alone on one
 * of the first three non-empty lines after the headline, possibly with a time ("Friday, July 21,
 * 2017"; "December 15th, 2008, 7:35 am"), or a weekday-led full date opening a line ("Thursday,
 * May 7, 2015 On Tuesday, ..."). Null when there is none.
 *
 * Not part of `documentOwnDate`: such a line is usually, but not always, the publication date (on
 * the GUM news dev set it equals the known date in 17 of 20 documents; the other 3 carry a later
 * update or a wrong date), so it ranks below a date given from outside.
 */
export function documentDateline(text: string): string | null {
  const front = FRONT_MATTER.exec(text);
  const body = front ? text.slice(front[0].length) : text;
  let seen = 0;
  for (const raw of body.split(/\r?\n/, 20)) {
    const line = raw.trim();
    if (!line) continue;
    if (++seen > DATELINE_LINES) break;
    const first = recognizeDates(line, null)[0];
    if (!first || first.start !== 0 || !first.value || first.value.length !== 10) continue;
    if (TIME_REST.test(line.slice(first.end)) || WEEKDAY_START.test(first.text)) return first.value;
  }
  return null;
}
