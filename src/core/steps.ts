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
