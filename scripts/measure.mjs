// Timing helpers shared by the benches.

/** Wall and CPU milliseconds of `run`, with its result. */
export function measure(run) {
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  const value = run();
  const c = process.cpuUsage(c0);
  return { value, ms: performance.now() - t0, cpuMs: (c.user + c.system) / 1000 };
}
