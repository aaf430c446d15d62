// Agreement of two reviewers at scale: 10,000 articles, 50,000 annotations per reviewer.
//   node scripts/benchAgreement.mjs [--docs N] [--per-doc N] [--runs N] [--corpus DIR]
// Generates the corpus when it is missing (seeded, scripts/random.mjs: the same on every run): per
// article about 300 words and, for each of the two reviewers ("Ann", "Bob"), `per-doc` annotations
// in the same sidecar; Bob agrees with Ann on most spans, shifts some boundaries, labels some
// differently, misses some and adds his own. Then measures, each in its own child process (so the
// peak memory is its own): the core in process (parse the sidecars, place the spans, compute the
// report, list every disagreement, settle one disagreement and recount as the extension host does
// after a curation), the extension's comparison job (what its worker thread runs, files read
// through the workspace core), and `marginalia agreement` end to end, by author and with another
// folder of sidecars. Times are medians of `runs`; memory is peak RSS.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { benchFile, bundleForNode, childCpuMs, measure } from './measure.mjs';
import { seededRandom } from './random.mjs';

const args = process.argv.slice(2);
const opt = (name, def) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : def;
};
const docs = Number(opt('--docs', 10_000));
const perDoc = Number(opt('--per-doc', 5));
const runs = Number(opt('--runs', 3));
const corpusDir = resolve(opt('--corpus', join(tmpdir(), `marginalia-bench-agreement-${docs}x${perDoc}`)));
const role = opt('--child', null);
const coreBundle = benchFile('bench-agreement-core.cjs');
const jobBundle = benchFile('bench-agreement-job.cjs');
/** Curations timed in the core child (one disagreement settled in each of that many documents). */
const CURATIONS = 50;

const WORDS = [
  'the',
  'minister',
  'said',
  'on',
  'Tuesday',
  'that',
  'talks',
  'with',
  'would',
  'resume',
  'in',
  'next',
  'week',
  'officials',
  'confirmed',
  'a',
  'visit',
  'state',
  'of',
  'and',
  'river',
  'levels',
  'council',
  'aid',
  'package',
  'residents',
];
const NAMES = [
  'Katrin Albers',
  'Lee Min-ji',
  'Tobias Renner',
  'Helga Simon',
  'Haldenbruck',
  'Regensburg',
  'German Red Cross',
  'Federal Agency for Technical Relief',
  'Bavarian State Ministry',
  'Passau',
  'Jonas Weber',
  'European Commission',
];
const LABELS = ['person', 'person', 'person', 'person', 'place', 'place', 'organization', 'organization', 'organization', 'place', 'person', 'organization'];

/** Writes the corpus: articles and their sidecars (two reviewers in each), and Bob's alone in `bob/` for --with. */
async function generate() {
  const core = await import(coreBundle).then(m => m.default ?? m);
  const random = seededRandom(0xa9ee);
  const pick = n => Math.floor(random() * n);
  mkdirSync(join(corpusDir, 'bob'), { recursive: true });
  let id = 0;
  const newId = p => `${p}${(id++).toString(36).padStart(7, '0')}`;
  const time = '2026-01-07T09:00:00Z';
  for (let d = 0; d < docs; d++) {
    const parts = [];
    const spans = [];
    let length = 0;
    const push = s => {
      parts.push(s);
      length += s.length;
    };
    for (let k = 0; k < perDoc + 1; k++) {
      for (let w = 0; w < Math.floor(300 / (perDoc + 1)); w++) push(WORDS[pick(WORDS.length)] + (pick(14) === 0 ? '.\n' : ' '));
      if (k === perDoc) break;
      const n = pick(NAMES.length);
      spans.push({ start: length, end: length + NAMES[n].length, label: LABELS[n] });
      push(NAMES[n] + ' ');
    }
    const text = parts.join('');
    const annotation = (author, s, label) => ({
      id: newId(author[0].toLowerCase()),
      target: core.targetFor(text, s.start, s.end),
      label,
      status: 'confirmed',
      thread: [],
      author,
      created: time,
      modified: time,
    });
    const ann = spans.map(s => annotation('Ann', s, s.label));
    const bob = [];
    for (const s of spans) {
      const r = random();
      if (r < 0.8)
        bob.push(annotation('Bob', s, s.label)); // the same
      else if (r < 0.88)
        bob.push(annotation('Bob', { start: s.start, end: Math.max(s.start + 1, s.end - 3) }, s.label)); // a shorter span
      else if (r < 0.94)
        bob.push(annotation('Bob', s, s.label === 'person' ? 'organization' : 'person')); // another label
      else if (r < 0.97)
        continue; // missed
      else {
        bob.push(annotation('Bob', s, s.label));
        const at = pick(Math.max(1, text.length - 12));
        bob.push(annotation('Bob', { start: at, end: at + 7 }, 'claim')); // and one of his own
      }
    }
    const name = `article-${String(d).padStart(5, '0')}.txt`;
    writeFileSync(join(corpusDir, name), text);
    writeFileSync(join(corpusDir, `${name}.annotations.yaml`), core.serializeSidecar(undefined, [...ann, ...bob]));
    writeFileSync(join(corpusDir, 'bob', `${name}.annotations.yaml`), core.serializeSidecar(undefined, bob));
  }
}

function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

/** Child: the core in process, phase by phase. */
async function child() {
  const core = await import(coreBundle).then(m => m.default ?? m);
  const files = readdirSync(corpusDir)
    .filter(f => f.endsWith('.txt'))
    .sort();
  const read = measure(() =>
    files.map(f => ({ path: f, text: readFileSync(join(corpusDir, f), 'utf8'), sidecar: readFileSync(join(corpusDir, `${f}.annotations.yaml`), 'utf8') })),
  );
  const parse = measure(() => read.value.map(f => ({ file: f.path, path: f.path, text: f.text, annotations: core.loadSidecar(f.sidecar).annotations })));
  const annotations = parse.value.reduce((n, a) => n + a.annotations.length, 0);
  const place = measure(() => core.collectByAuthor(parse.value));
  const report = measure(() => core.computeAgreement(place.value.documents, place.value.reviewers));
  const listed = measure(() => place.value.documents.reduce((n, d) => n + core.disagreementsOf(d).length, 0));
  const r = report.value;
  const curationMs = curations(core, parse.value, place.value.documents, r);
  console.log(
    JSON.stringify({
      curationMs: median(curationMs),
      curationMaxMs: Math.max(...curationMs),
      documents: files.length,
      annotations,
      reviewers: r.reviewers,
      pair: r.pairs[0],
      overall: r.overall,
      readMs: read.ms,
      parseMs: parse.ms,
      parseCpuMs: parse.cpuMs,
      placeMs: place.ms,
      placeCpuMs: place.cpuMs,
      reportMs: report.ms,
      reportCpuMs: report.cpuMs,
      disagreementsMs: listed.ms,
      disagreementsCpuMs: listed.cpuMs,
      disagreements: listed.value,
      maxRssMB: process.resourceUsage().maxRSS / 1024,
    }),
  );
}

/**
 * What the extension host does after a curation, in `CURATIONS` documents: settle the document's
 * first disagreement (take Ann's version), place the document's spans again and recount its
 * disagreements into the report (`afterCuration`). Milliseconds of each.
 */
function curations(core, inputs, documents, report) {
  const times = [];
  const byPath = new Map(inputs.map(i => [i.path, i]));
  for (const before of documents) {
    if (times.length === CURATIONS) break;
    const unit = core.disagreementsOf(before).find(d => !d.settled);
    if (!unit) continue;
    const input = byPath.get(before.path);
    const t0 = performance.now();
    const result = core.curate(
      unit,
      { decision: 'take', reviewer: 'Ann' },
      { text: input.text, annotations: input.annotations, curator: 'Cleo', now: '2026-01-08T10:00:00Z' },
    );
    const after = core.reviewsByAuthor(input.path, input.text, core.applyCuration(input.annotations, result)).document;
    const next = core.afterCuration(report, before, after);
    times.push(performance.now() - t0);
    if (!next || next.overall.disagreements.settled < 1) throw new Error(`the curation of ${before.path} was not counted as settled`);
  }
  return times;
}

/** Child: the extension's comparison job, as its worker thread runs it. */
async function jobChild() {
  const { runAgreementJob } = await import(jobBundle).then(m => m.default ?? m);
  const articles = readdirSync(corpusDir)
    .filter(f => f.endsWith('.txt'))
    .sort()
    .map(f => ({ file: join(corpusDir, f), path: f }));
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  const result = await runAgreementJob({ root: corpusDir, articles });
  const ms = performance.now() - t0;
  const c = process.cpuUsage(c0);
  console.log(
    JSON.stringify({
      ms,
      cpuMs: (c.user + c.system) / 1000,
      exact: result.report.pairs[0].spanF1.exact,
      documents: result.documents.length,
      maxRssMB: process.resourceUsage().maxRSS / 1024,
    }),
  );
}

/** Runs `node args...` `runs` times; its wall and CPU time (medians) and its peak RSS (the largest). */
function timeNode(nodeArgs) {
  const times = [];
  const cpu = [];
  let rss = 0;
  let out = '';
  for (let i = 0; i < runs; i++) {
    const c0 = childCpuMs();
    const t0 = performance.now();
    const r = spawnSync(process.execPath, nodeArgs, { encoding: 'utf8', maxBuffer: 1 << 28 });
    times.push(performance.now() - t0);
    cpu.push(childCpuMs() - c0);
    if (r.status !== 0) throw new Error(`node ${nodeArgs.join(' ')}: exit ${r.status}\n${r.stderr}`);
    const m = /MAXRSS (\d+)/.exec(r.stderr);
    rss = Math.max(rss, m ? Number(m[1]) / 1024 : 0);
    out = r.stdout;
  }
  return { ms: median(times), cpuMs: median(cpu), maxRssMB: rss, out };
}

if (role === 'core') {
  await child();
} else if (role === 'job') {
  await jobChild();
} else {
  await bundleForNode('src/core/index.ts', coreBundle);
  await bundleForNode('src/vscode/agreement/agreementJob.ts', jobBundle);
  if (!existsSync(join(corpusDir, 'bob'))) {
    const t = measure(() => generate());
    await t.value;
    console.log(`generated ${docs} articles with ${perDoc} annotations per reviewer each in ${corpusDir}`);
  }
  if (!existsSync('dist/cli.js')) execFileSync(process.execPath, ['esbuild.mjs'], { stdio: 'inherit' });
  console.log(
    `agreement of two reviewers, ${docs} articles, ${docs * perDoc} annotations per reviewer (${cpus().length} CPUs, load ${loadavg()[0].toFixed(1)}):`,
  );
  const cores = [];
  for (let i = 0; i < runs; i++) {
    const r = spawnSync(process.execPath, ['scripts/benchAgreement.mjs', '--child', 'core', '--corpus', corpusDir], { encoding: 'utf8', maxBuffer: 1 << 26 });
    if (r.status !== 0) throw new Error(r.stderr);
    cores.push(JSON.parse(r.stdout));
  }
  const c = cores[0];
  const pick = key => median(cores.map(x => x[key]));
  const f = ms => (ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : ms >= 10 ? `${ms.toFixed(0)} ms` : `${ms.toFixed(1)} ms`);
  const phase = (name, key) => `${name} ${f(pick(`${key}Ms`))} (${f(pick(`${key}CpuMs`))} CPU)`;
  console.log(
    `  core, in process (median of ${runs}, wall and CPU time): read the files ${f(pick('readMs'))}, ${phase('parse the sidecars', 'parse')}, ` +
      `${phase('place the spans', 'place')}, ${phase('compute the report', 'report')}, ${phase(`list the ${c.disagreements} disagreements`, 'disagreements')}; ` +
      `peak RSS ${Math.max(...cores.map(x => x.maxRssMB)).toFixed(0)} MB`,
  );
  console.log(
    `    ${c.annotations} annotations; span F1 exact ${c.pair.spanF1.exact.toFixed(3)}, overlap ${c.pair.spanF1.overlap.toFixed(3)}, kappa ${c.pair.kappa.toFixed(3)}, ` +
      `Fleiss ${c.overall.fleissKappa.toFixed(3)}, alpha ${c.overall.alpha.toFixed(3)}, alpha_u ${c.overall.alphaU.toFixed(3)}`,
  );
  console.log(
    `    a curation as the extension host recounts it (settle one disagreement, place the document again, afterCuration), ${CURATIONS} documents: ` +
      `median ${f(pick('curationMs'))}, slowest ${f(Math.max(...cores.map(x => x.curationMaxMs)))}`,
  );
  const jobs = [];
  for (let i = 0; i < runs; i++) {
    const r = spawnSync(process.execPath, ['scripts/benchAgreement.mjs', '--child', 'job', '--corpus', corpusDir], { encoding: 'utf8', maxBuffer: 1 << 26 });
    if (r.status !== 0) throw new Error(r.stderr);
    jobs.push(JSON.parse(r.stdout));
  }
  if (jobs[0].exact !== c.pair.spanF1.exact) throw new Error("the extension's job and the core disagree");
  console.log(
    `  the extension's comparison job (its worker thread's work: read through the workspace core, place, report; median of ${runs}): ` +
      `${f(median(jobs.map(j => j.ms)))} (${f(median(jobs.map(j => j.cpuMs)))} CPU), peak RSS ${Math.max(...jobs.map(j => j.maxRssMB)).toFixed(0)} MB`,
  );
  const rss = ['--import', pathToFileURL(resolve('scripts/printMaxRss.mjs')).href, 'dist/cli.js', 'agreement', '--format', 'json'];
  const byAuthor = timeNode([...rss, '--by', 'author', corpusDir]);
  const report = JSON.parse(byAuthor.out);
  if (report.pairs[0].spanF1.exact !== c.pair.spanF1.exact) throw new Error('the CLI and the core disagree');
  console.log(
    `  marginalia agreement --by author (CLI, end to end, median of ${runs}): ${f(byAuthor.ms)} (${f(byAuthor.cpuMs)} CPU), peak RSS ${byAuthor.maxRssMB.toFixed(0)} MB`,
  );
  const withFolder = timeNode([...rss, '--with', join(corpusDir, 'bob'), corpusDir]);
  console.log(
    `  marginalia agreement --with FOLDER (the workspace, both reviewers, against Bob's sidecars alone): ${f(withFolder.ms)} (${f(withFolder.cpuMs)} CPU), peak RSS ${withFolder.maxRssMB.toFixed(0)} MB`,
  );
}
