import { recognizeDates } from './dates/recognizeDates';

const HEADER_LINES = 12;
const FRONT_MATTER = /^(?:\uFEFF)?---[ \t]*\r?\n([\s\S]*?)\r?\n(?:---|\.\.\.)[ \t]*(?:\r?\n|$)/;
const HEADER =
  /^[ \t]*(?:date|dated|published(?:[ \t]+on)?|publication[ \t_-]?date|pub[ \t_-]?date|posted(?:[ \t]+on)?|dateline(?:[ \t]+date)?)(?:[ \t]*[:=][ \t]*|[ \t]+)(.+)$/i;

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
