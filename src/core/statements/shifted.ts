import type { Statement } from './types';

/** A copy of `s` with every offset moved by `delta` (and its paragraph index set): the same sentence elsewhere. */
export function shifted(s: Statement, delta: number, paragraph: number): Statement {
  return {
    ...s,
    start: s.start + delta,
    end: s.end + delta,
    paragraph,
    dates: s.dates.map(x => ({ ...x, start: x.start + delta, end: x.end + delta })),
    quantities: s.quantities.map(x => ({ ...x, start: x.start + delta, end: x.end + delta })),
    quotations: s.quotations.map(x => ({ ...x, start: x.start + delta, end: x.end + delta })),
  };
}
