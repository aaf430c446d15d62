// Speed of the whole analysis (names, dates, linking) against the peer (compromise + chrono-node).
//   npm run bench [-- --peer-words N] [--runs N]
// Generates bench/corpus/ when it is missing (scripts/makeCorpus.mjs), bundles src/core with esbuild,
// then runs each side in its own child process so that peak memory is each side's own.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { tmpdir } from 'node:os';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const args = process.argv.slice(2);
const opt = (name, def) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : def;
};
const corpusDir = resolve(opt('--corpus', 'bench/corpus'));
const role = opt('--child', null);
const coreBundle = join(tmpdir(), 'marginalia-bench-core.cjs');

function loadCorpus() {
  const files = readdirSync(corpusDir).filter(f => /\.(txt|md)$/.test(f)).sort();
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
  const runs = Number(opt('--runs', 3));
  let t0 = performance.now();
  analyze(docs.slice(0, 5)); // warm-up: lexicon load and JIT
  const warm = performance.now() - t0;
  const times = [];
  const cpu = [];
  let heapPeak = 0;
  let mentions = 0;
  let entities = 0;
  for (let r = 0; r < runs; r++) {
    t0 = performance.now();
    const c0 = process.cpuUsage();
    const result = analyze(docs);
    times.push(performance.now() - t0);
    const c = process.cpuUsage(c0);
    cpu.push((c.user + c.system) / 1000);
    heapPeak = Math.max(heapPeak, process.memoryUsage().heapUsed);
    mentions = result.documents.reduce((n, d) => n + d.mentions.length, 0);
    entities = result.entities.length;
  }
  times.sort((a, b) => a - b);
  cpu.sort((a, b) => a - b);
  const median = times[Math.floor(times.length / 2)];
  console.log(JSON.stringify({ words, docs: docs.length, ms: median, best: times[0], cpuMs: cpu[Math.floor(cpu.length / 2)], warmMs: warm, mentions, entities, heapPeakMB: heapPeak / 2 ** 20, ...memory() }));
} else if (role === 'peer') {
  const nlp = require('compromise');
  const chrono = require('chrono-node');
  const { docs, words } = loadCorpus();
  const budget = Number(opt('--peer-words', 150_000));
  nlp(docs[0].text).people().out('array'); // warm-up
  let done = 0;
  let used = 0;
  let found = 0;
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  for (const d of docs) {
    if (done >= budget) break;
    const doc = nlp(d.text);
    found += doc.people().out('array').length + doc.organizations().out('array').length + doc.places().out('array').length;
    found += chrono.parse(d.text, new Date(2026, 0, 5)).length;
    done += countWords(d.text);
    used++;
  }
  const ms = performance.now() - t0;
  const c = process.cpuUsage(c0);
  console.log(JSON.stringify({ words: done, docs: used, ms, cpuMs: (c.user + c.system) / 1000, sampled: done < words, corpusWords: words, found, ...memory() }));
} else {
  if (!existsSync(corpusDir) || readdirSync(corpusDir).length === 0) {
    execFileSync(process.execPath, ['scripts/makeCorpus.mjs', '--out', corpusDir], { stdio: 'inherit' });
  }
  const esbuild = await import('esbuild');
  await esbuild.build({ entryPoints: ['src/core/index.ts'], bundle: true, platform: 'node', format: 'cjs', target: 'node20', outfile: coreBundle, logLevel: 'warning' });
  const child = (name, extra = []) => {
    const r = spawnSync(process.execPath, ['scripts/bench.mjs', '--child', name, '--corpus', corpusDir, ...extra, ...args], { encoding: 'utf8', maxBuffer: 1 << 26 });
    if (r.status !== 0) throw new Error(`${name} failed: ${r.stderr}`);
    return JSON.parse(r.stdout.trim().split('\n').pop());
  };
  const ours = child('ours');
  const peer = child('peer');
  const oursRate = ours.words / (ours.ms / 1000);
  const peerRate = peer.words / (peer.ms / 1000);
  const fmt = n => Math.round(n).toLocaleString('en-US');
  console.log(`corpus: ${corpusDir} (${ours.docs} documents, ${fmt(ours.words)} words)`);
  const load = (await import('node:os')).loadavg()[0];
  console.log(`marginalia analyze (names + dates + linking, one call, median of runs): ${(ours.ms / 1000).toFixed(3)} s, ${fmt(oursRate)} words/s ` +
    `(best run ${fmt(ours.words / (ours.best / 1000))} words/s; per CPU-second ${fmt(ours.words / (ours.cpuMs / 1000))}); ` +
    `first call on 5 docs ${ours.warmMs.toFixed(0)} ms; ${fmt(ours.mentions)} mentions, ${fmt(ours.entities)} entities; ` +
    `peak RSS ${ours.maxRssMB.toFixed(0)} MB, peak heap used ${ours.heapPeakMB.toFixed(0)} MB`);
  console.log(`peer compromise 14.17 + chrono-node 2.10: ${fmt(peerRate)} words/s (per CPU-second ${fmt(peer.words / (peer.cpuMs / 1000))})` +
    (peer.sampled ? ` (measured on a sample of ${fmt(peer.words)} words in ${peer.docs} documents, extrapolated to the corpus: ${(peer.corpusWords / peerRate).toFixed(1)} s)` : '') +
    `; peak RSS ${peer.maxRssMB.toFixed(0)} MB, heap used ${peer.heapUsedMB.toFixed(0)} MB`);
  console.log(`ratio: ${(oursRate / peerRate).toFixed(1)}x the peer (wall clock), ${((ours.words / ours.cpuMs) / (peer.words / peer.cpuMs)).toFixed(1)}x per CPU-second`);
  console.log(`machine: ${(await import('node:os')).cpus().length} cores, load average ${load.toFixed(2)} (other processes slow the wall-clock figures)`);
}
