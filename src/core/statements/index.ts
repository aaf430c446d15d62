/** Statements of articles compared across articles: alignment, differences, discrepancies, timeline. */
export * from './types';
export { splitSentences } from './sentences';
export { readStatements, StatementReader } from './readStatements';
export { StatementIndex, type AlignedStatement } from './statementIndex';
export { statementDifferences, MATCH_SCORE, STRONG_SCORE, type Difference } from './differences';
export { compareStatement, type Comparison, type ComparisonMatch, type ComparedStatement } from './compareStatement';
export { datesAgree, quantitiesAgree, relateQuotes, quoteWords, dateRange, type QuoteRelation } from './agreement';
export { findDiscrepancies, discrepancySteps, type Discrepancy, type DiscrepancyKind, type DiscrepancyStatement, type ScanOptions } from './discrepancies';
export { timeline, timelineSteps, type TimelineDay, type TimelineStatement } from './timeline';
export { withTexts, withTextsSteps } from './withTexts';
export { detached } from './detached';
