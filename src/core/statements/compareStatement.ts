// How the other articles report the statement at hand (docs/contracts.md,
// marginalia.compareAcrossArticles): each aligned statement with its score and its differences.
import { statementDifferences, type Difference } from './differences';
import { detached } from './detached';
import { memoized } from './memoized';
import type { StatementIndex } from './statementIndex';

/** A statement as the contract shows it. Offsets in UTF-16 code units. */
export interface ComparedStatement {
  path: string;
  start: number;
  end: number;
  text: string;
}

export interface ComparisonMatch extends ComparedStatement {
  /** How surely it reports the same thing (1: the same words). */
  score: number;
  differences: Difference[];
}

export interface Comparison {
  statement: ComparedStatement;
  matches: ComparisonMatch[];
}

/**
 * Statement `index` of `path` and its reports in other articles, best first, at most `limit`;
 * undefined when the article has no such statement.
 */
export function compareStatement(
  index: StatementIndex,
  path: string,
  at: number,
  textOf: (path: string) => string | undefined,
  limit = 50,
): Comparison | undefined {
  const here = index.statement(path, at);
  // an article may report it in several statements: its text read once
  textOf = memoized(textOf);
  const text = textOf(path);
  if (!here || text === undefined) return undefined;
  const matches: ComparisonMatch[] = [];
  for (const m of index.align(path, at, { limit })) {
    const other = textOf(m.path);
    if (other === undefined) continue;
    matches.push({
      path: m.path,
      start: m.statement.start,
      end: m.statement.end,
      text: detached(other, m.statement.start, m.statement.end),
      score: Math.round(m.score * 1000) / 1000,
      differences: statementDifferences(here, m.statement, m.score),
    });
  }
  return { statement: { path, start: here.start, end: here.end, text: detached(text, here.start, here.end) }, matches };
}
