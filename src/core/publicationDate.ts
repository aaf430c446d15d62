import { recognizeDates } from './dates/recognizeDates';

const HEADER_LINES = 12;
const FRONT_MATTER = /^---\r?\n([\s\S]*?)\r?\n(?:---|\.\.\.)\r?\n/;
const HEADER = /^\s*(?:date|published|publication date|dateline date)\s*:?\s+(.+)$/i;

/**
 * The publication date a document states about itself: YAML front matter `date:`, or a header
 * line such as `Published: 5 January 2026` in its first lines. Null when it states none.
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
