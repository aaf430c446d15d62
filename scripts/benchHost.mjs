// How long analyzing one very long document holds the extension host's thread: the worker path the
// extension takes (src/vscode/corpus/analysisClient.ts: the text posted in parts, recognition and
// linking in dist/analysisWorker.js, the result entered into the index, the corpus relinked in
// slices) against the old synchronous path (CorpusIndex.setDocument on the host), in the same
// process, on a 1.5M-character article and 50 MB files of news text and of noise. Each document is
// opened (analyzed), then edited twice in a row while its analysis runs (the first job is cancelled)
// and the latest version's result applied. A timer ticking every millisecond on the host records the
// longest gap between ticks: the longest step, whatever ran in it (posting, receiving a result,
// entering it into the index, relinking, collecting garbage); and the most CPU time the host's thread
// ran within one gap (Linux), which a loaded machine does not stretch.
//   node scripts/benchHost.mjs [--runs 3] [--mb 50]
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { PerformanceObserver } from 'node:perf_hooks';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { news, noise } from './hugeTexts.mjs';
import { longestStep, longestSteps } from './measure.mjs';

const args = process.argv.slice(2);
const opt = (name, def) => {
  const i = args.indexOf(name);
  return i >= 0 ? Number(args[i + 1]) : def;
};
const runs = opt('--runs', 3);
// a full collection before each run, so that neither path is charged with the other's garbage
setFlagsFromString('--expose-gc');
const collect = runInNewContext('gc');
const mb = opt('--mb', 50);
/** As src/vscode/corpus/documentParts.ts. */
const PART_CHARS = 1 << 20;
/** As src/vscode/entities/decorations.ts, around a first screen of 50 lines. */
const MARGIN_CHARS = 64 * 1024;
const SCREEN_CHARS = 50 * 80;

const dir = mkdtempSync(join(tmpdir(), 'marginalia-host-'));
try {
  const esbuild = await import('esbuild');
  const common = { bundle: true, platform: 'node', format: 'cjs', target: 'node20', logLevel: 'warning' };
  const host = join(dir, 'host.cjs');
  const worker = join(dir, 'analysisWorker.js');
  await esbuild.build({
    ...common,
    outfile: host,
    stdin: {
      contents:
        "export { AnalysisClient } from './src/vscode/corpus/analysisClient'; export { inSlices } from './src/vscode/common/slices'; export { CorpusIndex } from './src/core'; export { NodeFileSystem } from './src/node/nodeFileSystem';",
      resolveDir: resolve('.'),
      loader: 'ts',
    },
  });
  await esbuild.build({ ...common, entryPoints: ['src/vscode/corpus/analysisWorker.ts'], outfile: worker });
  const { AnalysisClient, CorpusIndex, NodeFileSystem, inSlices } = createRequire(import.meta.url)(host);
  // the lexicons loaded once, as the workspace scan has done by the time an article is opened
  const warm = new CorpusIndex();
  warm.setDocument({ path: 'warm', text: news(4096) });
  warm.relink();
  const mbText = n => news(n << 20);
  const documents = [
    ['news, 1.5M characters', news(2 << 20).slice(0, 1536 * 1024)],
    [`news, ${mb} MB`, mbText(mb)],
    [`noise, ${mb} MB`, noise(mb << 20)],
  ];
  const fmt = n => Math.round(n).toLocaleString('en-US');
  const median = xs => xs.slice().sort((a, b) => a - b)[xs.length >> 1];
  console.log(`longest host-thread step (median of ${runs} runs; a document opened, then edited twice during its analysis):`);
  for (const [name, text] of documents) {
    // the editor's versions (its own memory, not the extension's work), made before measuring
    const versions = [text, edited(text, 'Breaking: '), edited(text, 'Breaking: Update. ')];
    const worker = [];
    const workerCpu = [];
    const sync = [];
    const collections = [];
    for (let run = 0; run < runs; run++) {
      collect();
      // the host's garbage collections: pauses of its thread that are no step of the work, but count in the longest
      let gcMs = 0;
      const gc = new PerformanceObserver(list => {
        for (const e of list.getEntries()) gcMs = Math.max(gcMs, e.duration);
      });
      gc.observe({ entryTypes: ['gc'] });
      const steps = await longestSteps(() => viaWorker(versions), { cpu: true });
      worker.push(steps.wall);
      workerCpu.push(steps.cpu);
      gc.disconnect();
      collections.push(gcMs);
      collect();
      sync.push(await longestStep(async () => synchronously(versions)));
    }
    const w = median(worker);
    const wc = median(workerCpu);
    const s = median(sync);
    console.log(
      `  ${name}: worker path ${fmt(w)} ms (runs ${worker.map(fmt).join(', ')}; the host's longest garbage collection ${collections.map(fmt).join(', ')} ms; most CPU time the host's thread ran in one step ${fmt(wc)} ms, runs ${workerCpu.map(fmt).join(', ')}), synchronous path ${fmt(s)} ms; ${(s / w).toFixed(0)}× shorter  [target ≤ 50 ms: ${w <= 50 ? 'met' : 'MISSED'}; in CPU time: ${wc <= 50 ? 'met' : 'MISSED'}]`,
    );
  }
  console.log(`machine: ${cpus().length} cores, load average ${loadavg()[0].toFixed(2)} (other processes lengthen the steps of both paths)`);

  /** The extension's path: open, two edits in a row during the analysis, the latest entered in slices, the corpus relinked in slices. */
  async function viaWorker(versions) {
    const index = new CorpusIndex();
    const client = new AnalysisClient(worker, () => index.surnameWords(), new NodeFileSystem());
    const analyze = async version => {
      const r = await client.analyzeText('doc', { path: 'doc', held: index.heldSources('doc') }, parts(versions[version]), () => false);
      if (!r) return false;
      await inSlices(index.setPreparedSteps(r.prepared));
      index.setLineStarts('doc', r.prepared.hash, r.lines, false);
      // what the highlights read (src/vscode/entities/decorations.ts): the mentions around the first screen
      index.mentionsBetween('doc', 0, SCREEN_CHARS + MARGIN_CHARS);
      index.publicationDate('doc');
      return true;
    };
    await analyze(0);
    const first = analyze(1);
    await new Promise(resolve => setTimeout(resolve, 50)); // the first edit's analysis under way
    const [cancelled, applied] = await Promise.all([first, analyze(2)]);
    if (cancelled || !applied) throw new Error('the first edit was not superseded by the second');
    await inSlices(index.relinkSteps());
    client.dispose();
  }

  /** The old path: each version analyzed and indexed on the host in one step. */
  function synchronously(versions) {
    const index = new CorpusIndex();
    index.setDocument({ path: 'doc', text: versions[0] });
    index.setDocument({ path: 'doc', text: versions[2] });
    index.relink();
    index.analyzed('doc');
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}

/** `text` with `prefix` inserted, as one flat string (as an editor's getText gives it). */
function edited(text, prefix) {
  const joined = prefix + text;
  joined.charCodeAt(joined.length >> 1); // reading a character flattens it
  return joined;
}

/** The text in parts, yielding between them, as documentParts gives an editor's text. */
async function* parts(text) {
  for (let i = 0; i < text.length; i += PART_CHARS) {
    yield text.slice(i, i + PART_CHARS);
    await new Promise(resolve => setImmediate(resolve));
  }
}
