// Timing helpers shared by the benches.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

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

/** p50, p95 and max of a list of times, and how many there are. */
export function percentiles(times) {
  const s = [...times].sort((a, b) => a - b);
  const at = q => s[Math.min(s.length - 1, Math.floor(q * s.length))];
  return { p50: at(0.5), p95: at(0.95), max: s[s.length - 1], n: s.length };
}

/** The value after `name` among the command-line arguments, else `def`. */
export function option(name, def, args = process.argv.slice(2)) {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : def;
}

/** Bundles `entry` (a path, or esbuild's `stdin` object) into one CommonJS file for Node 20, as the benches load the core; `plugins` are esbuild's. */
export async function bundleForNode(entry, outfile, plugins = []) {
  const esbuild = await import('esbuild');
  await esbuild.build({
    ...(typeof entry === 'string' ? { entryPoints: [entry] } : { stdin: entry }),
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    outfile,
    logLevel: 'warning',
    plugins,
  });
}

/** The longest gap between the ticks of a 1 ms timer while `run` runs (its synchronous start included). */
export async function longestStep(run) {
  return (await longestSteps(run)).wall;
}

/** CPU milliseconds the calling thread has run (Linux: /proc/thread-self/schedstat, in nanoseconds); NaN elsewhere. */
export function threadCpuMs() {
  try {
    return Number(readFileSync('/proc/thread-self/schedstat', 'utf8').split(' ')[0]) / 1e6;
  } catch {
    return NaN;
  }
}

/**
 * The longest gap between the ticks of a 1 ms timer while `run` runs (`wall`), and, with `cpu`, the
 * most CPU time this thread ran within one gap (`cpu`): the longest step without the time the
 * scheduler gave other processes, which on a loaded machine stretches every gap.
 */
export async function longestSteps(run, { cpu = false } = {}) {
  const cpuNow = cpu ? threadCpuMs : () => 0;
  let last = performance.now();
  let lastCpu = cpuNow();
  let longest = 0;
  let longestCpu = 0;
  let ticking = true;
  const tick = () => {
    const now = performance.now();
    const nowCpu = cpuNow();
    longest = Math.max(longest, now - last);
    longestCpu = Math.max(longestCpu, nowCpu - lastCpu);
    last = now;
    lastCpu = nowCpu;
    if (ticking) setTimeout(tick, 1);
  };
  setTimeout(tick, 1);
  await new Promise(resolve => setTimeout(resolve, 20));
  await run();
  ticking = false;
  tick();
  return { wall: longest, cpu: cpu ? longestCpu : NaN };
}

/**
 * A file in the temporary folder for a bench's bundle, named for this checkout: benches of two
 * checkouts (git worktrees) run at once must not load each other's code.
 */
export function benchFile(name) {
  return join(tmpdir(), `marginalia-${createHash('sha1').update(process.cwd()).digest('hex').slice(0, 8)}-${name}`);
}
