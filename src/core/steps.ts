// Work done in steps: a generator that yields wherever its caller may pause (and give the thread
// to others) or stop iterating (to cancel). The core's long operations on an index are written so;
// a host decides how long to run between pauses (src/vscode/common/slices.ts).

/** A computation of `T` that yields between bounded pieces of work. */
export type Steps<T> = Generator<void, T, void>;

/** Units of work (entities, mentions, groups) between two yields: a few milliseconds at most. */
export const STEP_UNITS = 2048;

/** Runs steps to their end at once. */
export function finish<T>(steps: Steps<T>): T {
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
  }
}

/** `items.map(f)` in steps of `per` items. */
export function* mapSteps<T, U>(items: readonly T[], f: (item: T, i: number) => U, per = STEP_UNITS): Steps<U[]> {
  const out = new Array<U>(items.length);
  for (let i = 0; i < items.length; i++) {
    out[i] = f(items[i], i);
    if (i % per === per - 1) yield;
  }
  return out;
}

/** Steps whose pauses report `progress`, for a caller that shows it (it stays where it was meanwhile). */
export function* reporting<T, P>(steps: Steps<T>, progress: P): Generator<P, T> {
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
    yield progress;
  }
}

/**
 * `[...items].sort(compare)` in steps of `per` items placed: a merge sort, bottom up, stable as
 * Array.prototype.sort is (a discrepancy at 100,000 articles has up to some 100,000 statements).
 */
export function* sortSteps<T>(items: readonly T[], compare: (a: T, b: T) => number, per = STEP_UNITS): Steps<T[]> {
  let from = items.slice();
  let to = new Array<T>(from.length);
  let placed = 0;
  for (let width = 1; width < from.length; width *= 2) {
    for (let lo = 0; lo < from.length; lo += 2 * width) {
      const mid = Math.min(lo + width, from.length);
      const hi = Math.min(lo + 2 * width, from.length);
      let i = lo;
      let j = mid;
      for (let k = lo; k < hi; k++) {
        to[k] = j >= hi || (i < mid && compare(from[i], from[j]) <= 0) ? from[i++] : from[j++];
        if (++placed % per === 0) yield;
      }
    }
    [from, to] = [to, from];
  }
  return from;
}
