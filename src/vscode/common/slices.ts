// Running the core's long operations (src/core/steps.ts) on the extension host without holding it:
// a slice of steps, then a turn of the event loop for everything else. No `vscode` import, so that
// the benches (scripts/benchHost.mjs) run it as the extension does.
import type { Steps } from '../../core';

/** Longest stretch of work between two yields to the extension host. */
export const SLICE_MS = 20;

/**
 * Runs `steps` to their end, yielding to the event loop before any step that, as long as the
 * longest so far, would take the slice past `sliceMs` (the longest counted as half a slice at most:
 * a step stretched once by a busy machine must not make every later step a slice of its own); stops
 * (with undefined) at the first pause where `stop` says so, leaving the rest undone.
 */
export async function inSlices<T>(steps: Steps<T>, stop: () => boolean = () => false, sliceMs = SLICE_MS): Promise<T | undefined> {
  let sliceStart = performance.now();
  let longest = 0;
  for (;;) {
    if (stop()) {
      steps.return(undefined as T);
      return undefined;
    }
    const before = performance.now();
    const r = steps.next();
    const now = performance.now();
    if (r.done) return r.value;
    longest = Math.min(Math.max(longest, now - before), sliceMs / 2);
    if (now - sliceStart + longest > sliceMs) {
      await new Promise(resolve => setTimeout(resolve, 0));
      sliceStart = performance.now();
    }
  }
}

/**
 * For a loop on the host over many items (a discrepancy's thousands of statements): `await pause()`
 * after each item gives the event loop a turn once `sliceMs` have passed since the last one.
 */
export function slicePauses(sliceMs = SLICE_MS): () => Promise<void> {
  let sliceStart = performance.now();
  return async () => {
    if (performance.now() - sliceStart <= sliceMs) return;
    await new Promise(resolve => setTimeout(resolve, 0));
    sliceStart = performance.now();
  };
}

/**
 * Slices that several loops on the host share (the statement jobs without their worker, and the
 * gathering of the articles sent to them: statementClient.ts): one clock for all, and one turn of the
 * event loop for all that wait at once. Each loop timing a slice of its own ran its slice in the same
 * turn as the others, and a job that began where another ended began a fresh slice without a turn.
 * A loop checks `over` right before each step (a check before an await is stale after it):
 * `while (slices.over) await slices.next();`.
 */
export class SharedSlices {
  private sliceStart = performance.now();
  private turn: Promise<void> | undefined;

  constructor(private readonly sliceMs = SLICE_MS) {}

  /** Whether the slice is over. */
  get over(): boolean {
    return performance.now() - this.sliceStart > this.sliceMs;
  }

  /** The next turn of the event loop, where a slice begins: one for all that wait. */
  next(): Promise<void> {
    return (this.turn ??= new Promise<void>(resolve => setTimeout(resolve, 0)).then(() => {
      this.turn = undefined;
      this.sliceStart = performance.now();
    }));
  }
}
