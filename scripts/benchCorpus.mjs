// The corpus index at scale: 10,000 articles (about 6 million words) made from the samples.
//   node scripts/benchCorpus.mjs [--docs N] [--corpus DIR] [--edits N] [--hovers N]
// Generates the corpus when it is missing (scripts/makeCorpus.mjs --docs N), bundles src/core with
// esbuild, then measures in child processes (each with its own memory): a cold index with the
// queries an editor makes, then a warm start from the snapshot the cold one wrote.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { measure, option, percentiles } from './measure.mjs';
import { seededRandom } from './random.mjs';

const require = createRequire(import.meta.url);
const args = process.argv.slice(2);
const opt = (name, def) => option(name, def, args);
const docCount = Number(opt('--docs', 10_000));
const corpusDir = resolve(opt('--corpus', `bench/corpus-${docCount / 1000}k`));
const snapshotFile = join(corpusDir, '.snapshot.json');
const role = opt('--child', null);
const coreBundle = join(tmpdir(), 'marginalia-bench-core.cjs');
const BATCH = 50; // files per batch, as the extension reads them between yields

// every run picks the same mentions and edits
const random = seededRandom(0x1dea);
const pick = list => list[Math.floor(random() * list.length)];

function files() {
  return readdirSync(corpusDir).filter(f => /\.(txt|md)$/.test(f)).sort().map(f => join(corpusDir, f));
}


function heapAfterGc() {
  globalThis.gc?.();
  return process.memoryUsage().heapUsed / 2 ** 20;
}

function readAndIndex(index, paths) {
  const counts = { reused: 0, analyzed: 0 };
  for (let i = 0; i < paths.length; i += BATCH) {
    const { reused, analyzed } = index.setDocuments(paths.slice(i, i + BATCH).map(path => ({ path, text: readFileSync(path, 'utf8') })));
    counts.reused += reused;
    counts.analyzed += analyzed;
  }
  return counts;
}

function firstQuery(index) {
  const top = index.entities()[0];
  return { stats: index.stats(), top: top?.id, refs: top ? index.mentionsOf(top.id).length : 0 };
}

if (role === 'cold') {
  const core = require(coreBundle);
  const paths = files();
  const index = new core.CorpusIndex();
  const cold = measure(() => {
    readAndIndex(index, paths);
    index.relink();
    return firstQuery(index);
  });
  const rssAfterCold = process.resourceUsage().maxRSS / 1024;
  const heapMB = heapAfterGc();
  const snap = measure(() => {
    const text = index.snapshot();
    writeFileSync(snapshotFile, text);
    return text.length;
  });

  const rssAfterSnapshot = process.resourceUsage().maxRSS / 1024;

  // references: every location of an entity, as the editor shows them (line and character)
  const byMentions = [...index.entities()].sort((a, b) => b.mentions - a.mentions);
  const references = group => percentiles(group.map(e => measure(() => {
    for (const ref of index.mentionsOf(e.id)) {
      index.positionAt(ref.path, ref.mention.start);
      index.positionAt(ref.path, ref.mention.end);
    }
  }).ms));
  const frequent = byMentions.slice(0, 20);
  const rare = byMentions.slice(-20);
  const refsFrequent = references(frequent);
  const refsRare = references(rare);

  // hovers: the mention under a random position of a random document, and its card
  const hoverTimes = [];
  for (let i = 0; i < Number(opt('--hovers', 1000)); i++) {
    const path = pick(paths);
    const mentions = index.analyzed(path).mentions;
    if (!mentions.length) continue;
    const target = pick(mentions);
    hoverTimes.push(measure(() => {
      const m = index.mentionAt(path, target.start + ((target.end - target.start) >> 1));
      return m.entity ? core.entityCard(index, m.entity, path, 8) : core.dateCard(index, m, path, 8);
    }).ms);
  }

  const rssAfterQueries = process.resourceUsage().maxRSS / 1024;

  // one-character edits: the document is indexed again and queried; between edits the index is
  // relinked when an edit left it stale, as the extension does when idle
  const editTimes = [];
  const relinkTimes = [];
  const edits = Number(opt('--edits', 100));
  for (let i = 0; i < edits; i++) {
    const path = pick(paths);
    const text = index.text(path);
    const at = Math.floor(random() * text.length);
    const edited = text.slice(0, at) + 'x' + text.slice(at);
    editTimes.push(measure(() => {
      index.setDocument({ path, text: edited });
      const m = index.analyzed(path).mentions.find(x => x.entity);
      return m && index.entity(m.entity);
    }).ms);
    if (index.needsRelink) relinkTimes.push(measure(() => index.relink()).ms);
  }
  console.log(JSON.stringify({
    docs: paths.length,
    words: paths.reduce((n, p) => n + (readFileSync(p, 'utf8').match(/\S+/g)?.length ?? 0), 0),
    cold: { ms: cold.ms, cpuMs: cold.cpuMs, ...cold.value },
    heapMB,
    maxRssMB: process.resourceUsage().maxRSS / 1024,
    snapshot: { ms: snap.ms, bytes: snap.value },
    refsFrequent, refsRare,
    frequentMentions: frequent.map(e => e.mentions), rareMentions: rare.map(e => e.mentions),
    hover: percentiles(hoverTimes),
    edit: percentiles(editTimes),
    relink: percentiles(relinkTimes),
    rssAfterCold, rssAfterSnapshot, rssAfterQueries,
  }));
} else if (role === 'warm') {
  const core = require(coreBundle);
  let index;
  const warm = measure(() => {
    index = new core.CorpusIndex();
    index.loadSnapshot(readFileSync(snapshotFile, 'utf8'));
    const counts = readAndIndex(index, files());
    index.relink();
    return { ...counts, ...firstQuery(index) };
  });
  console.log(JSON.stringify({ ms: warm.ms, cpuMs: warm.cpuMs, ...warm.value, heapMB: heapAfterGc(), maxRssMB: process.resourceUsage().maxRSS / 1024 }));
} else {
  if (!existsSync(corpusDir) || files().length !== docCount) {
    execFileSync(process.execPath, ['scripts/makeCorpus.mjs', '--docs', String(docCount), '--out', corpusDir], { stdio: 'inherit' });
  }
  const esbuild = await import('esbuild');
  await esbuild.build({ entryPoints: ['src/core/index.ts'], bundle: true, platform: 'node', format: 'cjs', target: 'node20', outfile: coreBundle, logLevel: 'warning' });
  const child = name => {
    const r = spawnSync(process.execPath, ['--expose-gc', 'scripts/benchCorpus.mjs', '--child', name, '--corpus', corpusDir, ...args], { encoding: 'utf8', maxBuffer: 1 << 26 });
    if (r.status !== 0) throw new Error(`${name} failed: ${r.stderr}`);
    return JSON.parse(r.stdout.trim().split('\n').pop());
  };
  const c = child('cold');
  const w = child('warm');
  const fmt = n => Math.round(n).toLocaleString('en-US');
  const ms = n => (n < 10 ? n.toFixed(2) : fmt(n));
  const rows = [
    ['cold index (read files, index all, link, first query)', `${fmt(c.cold.ms)} ms (CPU ${fmt(c.cold.cpuMs)} ms)`, '≤ 10,000 ms', c.cold.ms <= 10_000],
    ['warm start (read snapshot and files, hash, restore, link, first query)', `${fmt(w.ms)} ms (CPU ${fmt(w.cpuMs)} ms); ${fmt(w.reused)} documents from the snapshot, ${fmt(w.analyzed)} analyzed`, '≤ 1,500 ms', w.ms <= 1500],
    ['memory, cold: peak RSS / heap used after indexing', `${fmt(c.maxRssMB)} MB / ${fmt(c.heapMB)} MB (peak RSS after indexing ${fmt(c.rssAfterCold)}, after the snapshot ${fmt(c.rssAfterSnapshot)}, after hovers and references ${fmt(c.rssAfterQueries)} MB)`, '≤ 400 MB', c.maxRssMB <= 400],
    ['memory, warm: peak RSS / heap used', `${fmt(w.maxRssMB)} MB / ${fmt(w.heapMB)} MB`, '≤ 400 MB', w.maxRssMB <= 400],
    [`hover (mention at + card), ${c.hover.n} random mentions`, `p50 ${ms(c.hover.p50)} ms, p95 ${ms(c.hover.p95)} ms, max ${ms(c.hover.max)} ms`, 'p95 ≤ 10 ms', c.hover.p95 <= 10],
    [`references, 20 most mentioned entities (${fmt(c.frequentMentions.at(-1))}–${fmt(c.frequentMentions[0])} mentions)`, `p50 ${ms(c.refsFrequent.p50)} ms, p95 ${ms(c.refsFrequent.p95)} ms`, '', null],
    [`references, 20 least mentioned entities (${fmt(c.rareMentions.at(-1))}–${fmt(c.rareMentions[0])} mentions)`, `p50 ${ms(c.refsRare.p50)} ms, p95 ${ms(c.refsRare.p95)} ms`, '', null],
    [`one-character edit: setDocument + analyzed + entity, ${c.edit.n} edits`, `p50 ${ms(c.edit.p50)} ms, p95 ${ms(c.edit.p95)} ms`, 'p95 ≤ 20 ms', c.edit.p95 <= 20],
    [`relink when idle, after the ${c.relink.n} edits that changed what linking reads`, c.relink.n ? `p50 ${fmt(c.relink.p50)} ms, p95 ${fmt(c.relink.p95)} ms` : 'none', '', null],
    ['snapshot (encode and write)', `${fmt(c.snapshot.ms)} ms, ${(c.snapshot.bytes / 2 ** 20).toFixed(1)} MB`, '', null],
  ];
  console.log(`corpus index: ${corpusDir} (${fmt(c.docs)} documents, ${fmt(c.words)} words); node scripts/benchCorpus.mjs --docs ${docCount}`);
  const width = Math.max(...rows.map(r => r[0].length));
  for (const [what, value, target, ok] of rows) {
    console.log(`  ${what.padEnd(width)}  ${value}${target ? `  [target ${target}: ${ok ? 'met' : 'MISSED'}]` : ''}`);
  }
  console.log(`machine: ${cpus().length} cores, load average ${loadavg()[0].toFixed(2)} (other processes slow the wall-clock figures)`);
}
