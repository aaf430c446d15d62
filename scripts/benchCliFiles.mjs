// The CLI's file work on a corpus with sidecars: `analyze`, `export --format brat` into a new
// folder and again into the same one, and `import --format brat` of that export (nothing new to
// add, every sidecar read, merged and left as it is). Articles are generated in a temporary folder
// (scripts/makeCorpus.mjs), each with a sidecar of 3 annotations; everything is removed afterwards.
//   node scripts/benchCliFiles.mjs [--docs 2000] [--runs 3] [--baseline OTHER_CLI.js]
// With --baseline, the other build runs the same commands, alternating with this one, and ratios
// are printed (to compare a change with the code before it: build it elsewhere, pass its dist/cli.js).
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { childCpuMs } from './measure.mjs';

const args = process.argv.slice(2);
const opt = (name, def) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : def;
};
const docs = Number(opt('--docs', 2000));
const runs = Number(opt('--runs', 3));
const baseline = opt('--baseline', null);

const dir = mkdtempSync(join(tmpdir(), 'marginalia-clifiles-'));
try {
  const esbuild = await import('esbuild');
  const common = { bundle: true, platform: 'node', format: 'cjs', target: 'node20', logLevel: 'warning' };
  const cli = join(dir, 'cli.cjs');
  const coreBundle = join(dir, 'core.cjs');
  await esbuild.build({ ...common, entryPoints: ['src/cli/main.ts'], outfile: cli });
  await esbuild.build({ ...common, entryPoints: ['src/core/index.ts'], outfile: coreBundle });
  const core = createRequire(import.meta.url)(coreBundle);
  const articles = join(dir, 'articles');
  execFileSync(process.execPath, ['scripts/makeCorpus.mjs', '--docs', String(docs), '--out', articles], { stdio: 'ignore' });
  let annotated = 0;
  for (const name of readdirSync(articles).filter(n => /\.(txt|md)$/.test(n))) {
    const text = core.decodeArticle(readFileSync(join(articles, name))).text;
    const words = [...text.matchAll(/\b[A-Z][a-z]{3,}\b/g)].slice(0, 3);
    const list = words.map((m, i) => ({
      id: `b${String(i).padStart(7, '0')}`,
      target: core.targetFor(text, m.index, m.index + m[0].length),
      label: 'person',
      status: 'confirmed',
      thread: [],
    }));
    writeFileSync(join(articles, `${name}.annotations.yaml`), core.serializeSidecar(undefined, list));
    annotated += list.length;
  }
  const builds = baseline ? { this: cli, baseline } : { this: cli };
  const commands = {
    analyze: () => ['analyze', '--format', 'json', articles],
    'export (new folder)': name => {
      rmSync(join(dir, `out-${name}`), { recursive: true, force: true });
      return ['export', '--format', 'brat', '-o', join(dir, `out-${name}`), articles];
    },
    'export (same folder again)': name => ['export', '--format', 'brat', '-o', join(dir, `out-${name}`), articles],
    'import (nothing new)': name => ['import', '--format', 'brat', '-i', join(dir, `out-${name}`), articles],
  };
  const times = {};
  for (let r = 0; r < runs; r++) {
    for (const [command, argsFor] of Object.entries(commands)) {
      for (const [name, script] of Object.entries(builds)) {
        const t = performance.now();
        const c = childCpuMs();
        const run = spawnSync(process.execPath, [script, ...argsFor(name)], { stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8', maxBuffer: 1 << 30 });
        const ms = performance.now() - t;
        const cpuMs = childCpuMs() - c;
        if (run.status !== 0) throw new Error(`${name} ${command} exited ${run.status}: ${run.stderr}`);
        ((times[command] ??= {})[name] ??= []).push({ ms, cpuMs });
      }
    }
  }
  const median = xs => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  const size = readdirSync(articles).reduce((n, f) => n + statSync(join(articles, f)).size, 0);
  console.log(
    `CLI file work: ${docs} articles with sidecars (${annotated} annotations, ${(size / 1e6).toFixed(1)} MB), median of ${runs} runs; node scripts/benchCliFiles.mjs`,
  );
  const figure = (runsOf, key) => median(runsOf.map(r => r[key]));
  for (const [command, byBuild] of Object.entries(times)) {
    const line = build => `${Math.round(figure(byBuild[build], 'ms'))} ms wall, ${Math.round(figure(byBuild[build], 'cpuMs'))} ms CPU`;
    const ratio = key => (figure(byBuild.this, key) / figure(byBuild.baseline, key)).toFixed(2);
    const other = baseline ? `; baseline ${line('baseline')} (this / baseline: ${ratio('ms')} wall, ${ratio('cpuMs')} CPU)` : '';
    console.log(`  ${command.padEnd(27)} ${line('this')}${other}`);
  }
  console.log(`  machine: ${cpus().length} cores, load average ${loadavg()[0].toFixed(2)} (other processes slow the wall-clock figures)`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
