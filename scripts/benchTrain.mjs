// Time of `marginalia train` on a workspace of 1,000+ reviewed mentions (issue 15: seconds, not
// minutes), against `marginalia analyze` of the same folder as the peer (same machine, runs
// alternating, medians):
//   node scripts/benchTrain.mjs [--runs N] [--mentions N]   (npm run bench runs it; it bundles src/cli itself)
// The workspace is made of the news development sets (data/eval: gum-dev, then ecb-dev), each
// article reviewed by the simulated reviewer of src/core/model/simulatedReview.ts, its decisions
// written as sidecars (JSON, which YAML reads). Afterwards, every surface the reviewer rejected is
// checked to be no longer suggested by analyze. Then the extension's Learn from Reviews: the same
// training in the analysis worker (src/vscode/corpus/analysisClient.ts, as the extension runs it),
// with the longest step of the host's thread meanwhile, and the host's own part of a model change
// (reading .marginalia/model.json and hashing it: WorkspaceModels).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { bundleForNode, longestStep } from './measure.mjs';
import { loadGoldSet, trainer } from './nameModel.mjs';

const args = process.argv.slice(2);
const opt = (name, def) => {
  const i = args.indexOf(name);
  return i >= 0 ? Number(args[i + 1]) : def;
};
const runs = opt('--runs', 5);
const wanted = opt('--mentions', 1000);
const t = await trainer();
const base = t.nameModel();
const dir = mkdtempSync(join(tmpdir(), 'marginalia-train-'));
const cliFile = join(tmpdir(), `marginalia-bench-train-cli-${process.pid}.cjs`);
const hostFile = join(tmpdir(), `marginalia-bench-train-host-${process.pid}.cjs`);
const workerFile = join(tmpdir(), `marginalia-bench-train-worker-${process.pid}.cjs`);
try {
  await bundleForNode('src/cli/main.ts', cliFile);
  await bundleForNode('src/vscode/corpus/analysisWorker.ts', workerFile);
  await bundleForNode(
    {
      contents:
        "export { AnalysisClient } from './src/vscode/corpus/analysisClient'; export { WorkspaceModels } from './src/vscode/corpus/workspaceModels'; export { Workspace } from './src/core'; export { NodeFileSystem, toCorePath } from './src/node/nodeFileSystem';",
      resolveDir: resolve('.'),
      loader: 'ts',
    },
    hostFile,
  );
  let mentions = 0;
  let articles = 0;
  const rejected = new Set();
  for (const set of ['data/eval/gum-dev', 'data/eval/ecb-dev']) {
    for (const doc of loadGoldSet(set)) {
      if (mentions >= wanted) break;
      const { annotations } = t.simulateReview(doc, base);
      const name = `${set.split('/').pop()}-${doc.file.replace(/[^\w.-]/g, '_')}`.replace(/(\.txt)?$/, '.txt');
      writeFileSync(join(dir, name), doc.text);
      writeFileSync(join(dir, `${name}.annotations.yaml`), JSON.stringify({ version: 1, annotations }, null, 1));
      for (const a of annotations) if (a.status === 'rejected') rejected.add(a.target.quote);
      mentions += annotations.length;
      articles++;
    }
  }
  const cli = (...a) => {
    const started = process.hrtime.bigint();
    const out = execFileSync(process.execPath, [cliFile, ...a], { encoding: 'utf8', maxBuffer: 1 << 28, stdio: ['ignore', 'pipe', 'pipe'] });
    return { out, seconds: Number(process.hrtime.bigint() - started) / 1e9 };
  };
  const train = [];
  const analyze = [];
  for (let i = 0; i < runs; i++) {
    analyze.push(cli('analyze', '--names', 'model', '--format', 'jsonl', dir).seconds);
    train.push(cli('train', '--workspace', dir).seconds);
  }
  const median = xs => [...xs].sort((a, b) => a - b)[xs.length >> 1];
  const after = cli('analyze', '--format', 'jsonl', dir).out;
  const suggested = new Set(
    after
      .split('\n')
      .filter(Boolean)
      .flatMap(l => (JSON.parse(l).mentions ?? []).map(m => m.text)),
  );
  const again = [...rejected].filter(s => suggested.has(s));

  // the extension: Learn from Reviews in the analysis worker, then the host's part of the change
  const { AnalysisClient, WorkspaceModels, Workspace, NodeFileSystem, toCorePath } = createRequire(import.meta.url)(hostFile);
  const fs = new NodeFileSystem();
  const workspace = new Workspace(fs, toCorePath(dir));
  const client = new AnalysisClient(workerFile, () => ({ version: 0, words: [] }), fs);
  const inWorker = [];
  const cpu = [];
  const steps = [];
  const reads = [];
  try {
    for (let i = 0; i < runs; i++) {
      let seconds = 0;
      steps.push(
        await longestStep(async () => {
          const started = process.hrtime.bigint();
          const cpuBefore = process.cpuUsage();
          const trained = await client.train(workspace.root, {});
          seconds = Number(process.hrtime.bigint() - started) / 1e9;
          const used = process.cpuUsage(cpuBefore);
          cpu.push((used.user + used.system) / 1e6);
          if (trained.problems.length) throw new Error(trained.problems.join('; '));
        }),
      );
      inWorker.push(seconds);
      const models = new WorkspaceModels(client, message => {
        throw new Error(message);
      });
      const started = process.hrtime.bigint();
      await models.load([workspace]);
      reads.push(Number(process.hrtime.bigint() - started) / 1e6);
    }
  } finally {
    client.dispose();
  }
  console.log(
    `train in the analysis worker (Learn from Reviews): median ${median(inWorker).toFixed(2)} s wall, ${median(cpu).toFixed(2)} s CPU (the process, both threads); longest step of the host's thread meanwhile ${median(steps).toFixed(0)} ms (median); ` +
      `the host reading and hashing .marginalia/model.json: ${median(reads).toFixed(1)} ms (median of ${runs})`,
  );
  console.log(
    `train: ${mentions} reviewed mentions in ${articles} articles: median ${median(train).toFixed(2)} s over ${runs} runs ` +
      `(analyze --names model of the same folder: ${median(analyze).toFixed(2)} s; ratio ${(median(train) / median(analyze)).toFixed(2)}); ` +
      `rejected surfaces suggested again by analyze: ${again.length} of ${rejected.size}${again.length ? ` (${again.slice(0, 5).join(', ')})` : ''}`,
  );
} finally {
  rmSync(dir, { recursive: true, force: true });
  rmSync(cliFile, { force: true });
  rmSync(hostFile, { force: true });
  rmSync(workerFile, { force: true });
}
