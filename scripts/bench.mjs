// Speed of the whole analysis (names, dates, linking) against the peer (compromise + chrono-node).
//   node scripts/bench.mjs [--peer-words N] [--runs N]   (npm run bench runs it, then scripts/benchCorpus.mjs)
// Then the learned model for names (--names model) against the rules alone, in one process, runs
// alternating, so that their ratio is measured under the same load.
// Last, the whole CLI as a user runs it (process start to exit) on bench/corpus-2m/ (2 million words).
// Generates bench/corpus/ when it is missing (scripts/makeCorpus.mjs), bundles src/core with esbuild,
// then runs each side in its own child process so that peak memory is each side's own. Figures are
// wall clock and CPU time (all threads of the process: the collector's too); on a machine shared
// with other work, CPU time is the steadier of the two.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { cpus, loadavg } from 'node:os';
import { createRequire } from 'node:module';
import { benchFile, bundleForNode, childCpuMs, measure } from './measure.mjs';

const require = createRequire(import.meta.url);
const args = process.argv.slice(2);
const opt = (name, def) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : def;
};
const corpusDir = resolve(opt('--corpus', 'bench/corpus'));
const cliCorpus = resolve('bench/corpus-2m');
const role = opt('--child', null);
const coreBundle = benchFile('bench-core.cjs');

function loadCorpus() {
  const files = readdirSync(corpusDir)
    .filter(f => /\.(txt|md)$/.test(f))
    .sort();
  const docs = files.map(f => ({ path: join(corpusDir, f), text: readFileSync(join(corpusDir, f), 'utf8') }));
  const words = docs.reduce((n, d) => n + countWords(d.text), 0);
  return { docs, words };
}

function countWords(text) {
  const m = text.match(/\S+/g);
  return m ? m.length : 0;
}

function memory() {
  const u = process.memoryUsage();
  return { maxRssMB: process.resourceUsage().maxRSS / 1024, heapUsedMB: u.heapUsed / 2 ** 20, heapTotalMB: u.heapTotal / 2 ** 20 };
}

if (role === 'ours') {
  const { analyze } = require(coreBundle);
  const { docs, words } = loadCorpus();
  const runs = Number(opt('--runs', 5));
  // the first call pays for loading the lexicon and compiling: timed apart, on the whole corpus
  const first = measure(() => analyze(docs));
  const wall = [];
  const cpu = [];
  let heapPeak = 0;
  let mentions = 0;
  let entities = 0;
  for (let r = 0; r < runs; r++) {
    const { value, ms, cpuMs } = measure(() => analyze(docs));
    wall.push(ms);
    cpu.push(cpuMs);
    heapPeak = Math.max(heapPeak, process.memoryUsage().heapUsed);
    mentions = value.documents.reduce((n, d) => n + d.mentions.length, 0);
    entities = value.entities.length;
  }
  console.log(
    JSON.stringify({
      words,
      docs: docs.length,
      ms: median(wall),
      best: Math.min(...wall),
      cpuMs: median(cpu),
      firstMs: first.ms,
      firstCpuMs: first.cpuMs,
      runs,
      mentions,
      entities,
      heapPeakMB: heapPeak / 2 ** 20,
      ...memory(),
    }),
  );
} else if (role === 'model') {
  const { analyze, nameModel } = require(coreBundle);
  const { docs, words } = loadCorpus();
  const runs = Number(opt('--runs', 5));
  const first = measure(() => analyze(docs, { nameModel: nameModel() }));
  const rules = [];
  const model = [];
  for (let r = 0; r < runs; r++) {
    rules.push(measure(() => analyze(docs)).cpuMs);
    model.push(measure(() => analyze(docs, { nameModel: nameModel() })).cpuMs);
  }
  console.log(JSON.stringify({ words, rulesCpuMs: median(rules), modelCpuMs: median(model), firstMs: first.ms }));
} else if (role === 'peer') {
  const nlp = require('compromise');
  const chrono = require('chrono-node');
  const { docs, words } = loadCorpus();
  const budget = Number(opt('--peer-words', 150_000));
  nlp(docs[0].text).people().out('array'); // warm-up
  let done = 0;
  let used = 0;
  let found = 0;
  const { ms, cpuMs } = measure(() => {
    for (const d of docs) {
      if (done >= budget) break;
      const doc = nlp(d.text);
      found += doc.people().out('array').length + doc.organizations().out('array').length + doc.places().out('array').length;
      found += chrono.parse(d.text, new Date(2026, 0, 5)).length;
      done += countWords(d.text);
      used++;
    }
  });
  console.log(JSON.stringify({ words: done, docs: used, ms, cpuMs, sampled: done < words, corpusWords: words, found, ...memory() }));
} else {
  if (!existsSync(corpusDir) || readdirSync(corpusDir).length === 0) {
    execFileSync(process.execPath, ['scripts/makeCorpus.mjs', '--out', corpusDir], { stdio: 'inherit' });
  }
  await bundleForNode(
    { contents: "export * from './src/core/index'; export { nameModel } from './src/core/model/nameModel';", resolveDir: process.cwd(), loader: 'ts' },
    coreBundle,
  );
  const child = name => {
    const r = spawnSync(process.execPath, ['scripts/bench.mjs', '--child', name, '--corpus', corpusDir, ...args], { encoding: 'utf8', maxBuffer: 1 << 26 });
    if (r.status !== 0) throw new Error(`${name} failed: ${r.stderr}`);
    return JSON.parse(r.stdout.trim().split('\n').pop());
  };
  const ours = child('ours');
  const peer = child('peer');
  const model = child('model');
  const cli = await wholeCli();
  const fmt = n => Math.round(n).toLocaleString('en-US');
  const rate = (words, ms) => words / (ms / 1000);
  const oursWall = rate(ours.words, ours.ms);
  const oursCpu = rate(ours.words, ours.cpuMs);
  const peerWall = rate(peer.words, peer.ms);
  const peerCpu = rate(peer.words, peer.cpuMs);
  console.log(`recognition: ${corpusDir} (${ours.docs} documents, ${fmt(ours.words)} words); node scripts/bench.mjs`);
  console.log(`  marginalia analyze (names + dates + linking, one call on the corpus, median of ${ours.runs} runs after a first one):`);
  console.log(
    `    ${fmt(oursWall)} words/s (wall, ${(ours.ms / 1000).toFixed(3)} s; best run ${fmt(rate(ours.words, ours.best))}), ${fmt(oursCpu)} words per CPU-second (${(ours.cpuMs / 1000).toFixed(3)} s)`,
  );
  console.log(
    `    first call (lexicon loading and compilation included): ${(ours.firstMs / 1000).toFixed(3)} s wall, ${(ours.firstCpuMs / 1000).toFixed(3)} s CPU`,
  );
  console.log(
    `    ${fmt(ours.mentions)} mentions, ${fmt(ours.entities)} entities; peak RSS ${fmt(ours.maxRssMB)} MB, peak heap used ${fmt(ours.heapPeakMB)} MB`,
  );
  console.log(
    `  peer compromise 14.17 + chrono-node 2.10: ${fmt(peerWall)} words/s (wall), ${fmt(peerCpu)} words per CPU-second` +
      (peer.sampled
        ? ` (on a sample of ${fmt(peer.words)} words in ${peer.docs} documents; the corpus would take ${(peer.corpusWords / peerWall).toFixed(1)} s)`
        : '') +
      `; peak RSS ${fmt(peer.maxRssMB)} MB, heap used ${fmt(peer.heapUsedMB)} MB`,
  );
  console.log(`  ratio: ${(oursWall / peerWall).toFixed(1)}x the peer (wall clock), ${(oursCpu / peerCpu).toFixed(1)}x per CPU-second`);
  console.log(
    `  names by the rules with the learned model (--names model), runs alternating with the rules alone in one process: ${fmt(rate(model.words, model.modelCpuMs))} words per CPU-second against ${fmt(rate(model.words, model.rulesCpuMs))}, ${(model.rulesCpuMs / model.modelCpuMs).toFixed(2)}x the rules' speed (model decoded on first use: first call ${(model.firstMs / 1000).toFixed(3)} s)`,
  );
  console.log(
    `  the whole CLI, process start to exit (\`marginalia analyze --format json\` of ${cliCorpus}, ${fmt(cli.words)} words, median of ${cli.runs} runs alternating): ${fmt(rate(cli.words, cli.ms))} words/s on ${cpus().length} threads, one per core (${(cli.ms / 1000).toFixed(2)} s, CPU ${(cli.cpuMs / 1000).toFixed(2)} s), ${(rate(cli.words, cli.ms) / peerWall).toFixed(1)}x the peer; ${fmt(rate(cli.words, cli.oneMs))} words/s with --threads 1 (${(cli.oneMs / 1000).toFixed(2)} s, CPU ${(cli.oneCpuMs / 1000).toFixed(2)} s)`,
  );
  console.log(`  machine: ${cpus().length} cores, load average ${loadavg()[0].toFixed(2)} (other processes slow the wall-clock figures)`);
}

/** `analyze` as a user runs it, on about 2 million words: with a thread per core and with --threads 1, runs alternating. */
async function wholeCli() {
  if (!existsSync(cliCorpus) || readdirSync(cliCorpus).length === 0) {
    execFileSync(process.execPath, ['scripts/makeCorpus.mjs', '--words', '2000000', '--out', cliCorpus], { stdio: 'inherit' });
  }
  const cliBundle = benchFile('bench-cli.cjs');
  await bundleForNode('src/cli/main.ts', cliBundle);
  const words = readdirSync(cliCorpus)
    .filter(f => /\.(txt|md)$/.test(f))
    .reduce((n, f) => n + countWords(readFileSync(join(cliCorpus, f), 'utf8')), 0);
  const once = threads => {
    const before = childCpuMs();
    const t = performance.now();
    const r = spawnSync(process.execPath, [cliBundle, 'analyze', '--format', 'json', ...threads, cliCorpus], {
      stdio: ['ignore', 'ignore', 'pipe'],
      encoding: 'utf8',
    });
    if (r.status !== 0) throw new Error(`analyze failed: ${r.stderr}`);
    return { ms: performance.now() - t, cpuMs: childCpuMs() - before };
  };
  const runs = Number(opt('--runs', 3));
  const all = [];
  const one = [];
  for (let r = 0; r < runs; r++) {
    all.push(once(['--threads', String(cpus().length)]));
    one.push(once(['--threads', '1']));
  }
  const med = (list, key) => median(list.map(x => x[key]));
  return { words, runs, ms: med(all, 'ms'), cpuMs: med(all, 'cpuMs'), oneMs: med(one, 'ms'), oneCpuMs: med(one, 'cpuMs') };
}

function median(values) {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}
