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
