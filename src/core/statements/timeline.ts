// The dated statements of a corpus on a time axis: every statement that dates something to a day,
// grouped by that day, those in a date discrepancy marked.
import { isDay } from './agreement';
import type { Discrepancy } from './discrepancies';
import type { StatementIndex } from './statementIndex';

/** A statement on the timeline (docs/contracts.md, `marginalia compare`). Offsets in UTF-16 code units. */
export interface TimelineStatement {
  path: string;
  start: number;
  end: number;
  text: string;
  /** The date as the article writes it ("on Tuesday" is "Tuesday"). */
  value: string;
  valueStart: number;
  valueEnd: number;
  /** Index in the discrepancies of a date discrepancy this statement is part of, when it is. */
  discrepancy?: number;
}

export interface TimelineDay {
  /** YYYY-MM-DD */
  date: string;
  statements: TimelineStatement[];
}

/**
 * The days the corpus's statements date things to, in order, each with its statements (by article
 * path, then position). `discrepancies` (of `findDiscrepancies`) mark the statements they hold.
 */
export function timeline(index: StatementIndex, textOf: (path: string) => string | undefined, discrepancies: readonly Discrepancy[] = []): TimelineDay[] {
  const marked = new Map<string, number>();
  discrepancies.forEach((d, i) => {
    if (d.kind === 'date') for (const s of d.statements) marked.set(`${s.path}:${s.valueStart}`, i);
  });
  const days = new Map<string, TimelineStatement[]>();
  for (const path of index.paths()) {
    const text = textOf(path);
    if (text === undefined) continue;
    for (let i = 0; i < index.count(path); i++) {
      const s = index.statement(path, i)!;
      for (const d of s.dates) {
        if (!isDay(d.value)) continue;
        const entry: TimelineStatement = { path, start: s.start, end: s.end, text: text.slice(s.start, s.end), value: d.text, valueStart: d.start, valueEnd: d.end };
        const discrepancy = marked.get(`${path}:${d.start}`);
        if (discrepancy !== undefined) entry.discrepancy = discrepancy;
        const list = days.get(d.value);
        if (list) list.push(entry);
        else days.set(d.value, [entry]);
      }
    }
  }
  return [...days].sort(([a], [b]) => (a < b ? -1 : 1)).map(([date, statements]) => ({ date, statements }));
}
