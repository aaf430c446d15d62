// The dated statements of a corpus on a time axis: every statement that dates something to a day,
// grouped by that day, those in a date discrepancy marked.
import { isDay } from './agreement';
import type { Discrepancy, DiscrepancyStatement } from './discrepancies';
import { detached } from './detached';
import { finish, sortSteps, STEP_UNITS, type Steps } from '../steps';
import { withTextsSteps } from './withTexts';
import type { StatementIndex } from './statementIndex';

/**
 * A statement on the timeline (docs/contracts.md, `marginalia compare`), as a discrepancy's
 * statement but `value` is the date as the article writes it ("on Tuesday" is "Tuesday").
 */
export interface TimelineStatement extends DiscrepancyStatement {
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
  return finish(timelineSteps(index, textOf, discrepancies));
}

/** timeline in steps (each article's text read in one), for a host that runs it in slices. */
export function* timelineSteps(
  index: StatementIndex,
  textOf: (path: string) => string | undefined,
  discrepancies: readonly Discrepancy[] = [],
): Steps<TimelineDay[]> {
  const marked = new Map<string, number>();
  for (const [i, d] of discrepancies.entries()) {
    if (d.kind !== 'date') continue;
    for (let k = 0; k < d.statements.length; k++) {
      marked.set(`${d.statements[k].path}:${d.statements[k].valueStart}`, i);
      if (k % STEP_UNITS === STEP_UNITS - 1) yield;
    }
  }
  // quoted once all are known: each article's text read once (withTexts)
  const entries: { path: string; date: string; entry: TimelineStatement }[] = [];
  for (const c of index.classIds()) {
    const dated = index.shapeOf(c).dates.filter(d => isDay(d.value));
    if (!dated.length) continue;
    yield* index.eachMemberSteps(c, m => {
      for (const d of dated) {
        const entry: TimelineStatement = {
          path: m.path,
          start: m.start,
          end: m.end,
          text: '',
          value: d.text,
          valueStart: m.start + d.start,
          valueEnd: m.start + d.end,
        };
        const discrepancy = marked.get(`${m.path}:${entry.valueStart}`);
        if (discrepancy !== undefined) entry.discrepancy = discrepancy;
        entries.push({ path: m.path, date: d.value!, entry });
      }
    });
  }
  const days = new Map<string, TimelineStatement[]>();
  const quoted = yield* withTextsSteps(entries, textOf, ({ entry }, text) => (entry.text = detached(text, entry.start, entry.end)));
  for (let i = 0; i < quoted.length; i++) {
    const { date, entry } = quoted[i];
    const list = days.get(date);
    if (list) list.push(entry);
    else days.set(date, [entry]);
    if (i % STEP_UNITS === STEP_UNITS - 1) yield;
  }
  const byPlace = (a: TimelineStatement, b: TimelineStatement) => (a.path < b.path ? -1 : a.path > b.path ? 1 : a.valueStart - b.valueStart);
  const out: TimelineDay[] = [];
  for (const [date, statements] of [...days].sort(([a], [b]) => (a < b ? -1 : 1))) {
    out.push({ date, statements: yield* sortSteps(statements, byPlace) });
    yield;
  }
  return out;
}
