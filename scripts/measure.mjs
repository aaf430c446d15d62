// Timing helpers shared by the benches.
import { readFileSync } from 'node:fs';

/** Wall and CPU milliseconds of `run`, with its result. */
export function measure(run) {
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  const value = run();
  const c = process.cpuUsage(c0);
  return { value, ms: performance.now() - t0, cpuMs: (c.user + c.system) / 1000 };
}

/** CPU milliseconds (user + system) of the children this process waited for (Linux's /proc; NaN elsewhere). */
export function childCpuMs() {
  try {
    const fields = readFileSync('/proc/self/stat', 'utf8').split(') ')[1].split(' ');
    return ((Number(fields[13]) + Number(fields[14])) * 1000) / 100; // cutime + cstime, in clock ticks of 1/100 s
  } catch {
    return NaN;
  }
}
