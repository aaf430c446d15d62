// Scores `marginalia analyze` on eval folders (each with docs/, gold.json and optionally dates.json):
//   npm run eval                                  (the news development sets in data/eval/)
//   npm run eval -- data/eval/gum-dev FOLDER... [--verbose]
//   npm run eval -- --names rules|model [...]     (the CLI's --names: the rules alone, the default,
//                                                  or the rules and the committed model)
//   npm run eval -- --leave-one-out [--verbose]   (per training set: a model trained in memory on
//                                                  the two others, scored on it; with --names rules,
//                                                  the rules alone on the training sets)
//   npm run eval -- --leave-one-out --seed N    (another seed of the order of training runs: figures
//                                                  move by about 0.005 with it, so compare means of several)
//   npm run eval -- ... --save DIR                (also writes each set's predictions, DIR/SET.json)
//   npm run eval -- --learning-curve [FOLDER...]  (a workspace model learned from a simulated
//                                                  reviewer's decisions on the first k documents,
//                                                  scored on the rest: scripts/learningCurve.mjs)
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { learningCurve } from './learningCurve.mjs';
import { bundleForNode } from './measure.mjs';
import { chooseRulePrior, loadGoldSet, SETTINGS, trainer, trainModel, TRAINING_SETS, writeWeightsModule } from './nameModel.mjs';

const DEFAULT_SETS = ['data/eval/gum-dev', 'data/eval/ecb-dev'];
const SCORER = 'data/eval/score.py';

const args = process.argv.slice(2);
const verbose = args.includes('--verbose');
const leaveOneOut = args.includes('--leave-one-out');
const namesAt = args.indexOf('--names');
const saveAt = args.indexOf('--save');
const saveDir = saveAt >= 0 ? resolve(args[saveAt + 1]) : null;
const seedAt = args.indexOf('--seed');
const settings = seedAt >= 0 ? { ...SETTINGS, seed: Number(args[seedAt + 1]) } : SETTINGS;
const names = namesAt >= 0 ? args[namesAt + 1] : leaveOneOut ? 'model' : undefined;
const given = args.filter((a, i) => !a.startsWith('--') && !(i > 0 && [namesAt, saveAt, seedAt].includes(i - 1)));
const sets = (given.length ? given : leaveOneOut ? TRAINING_SETS : DEFAULT_SETS).map(s => resolve(s));
const missing = sets.filter(s => !existsSync(join(s, 'docs')) || !existsSync(join(s, 'gold.json')));
if (missing.length) {
  for (const s of missing) console.error(`not an evaluation folder (needs docs/ and gold.json): ${s}`);
  process.exit(2);
}
if (args.includes('--learning-curve')) {
  const t = await trainer();
  for (const set of sets) learningCurve(t, set);
  process.exit(0);
}
const work = mkdtempSync(join(tmpdir(), 'marginalia-eval-'));
try {
  const t = leaveOneOut && names === 'model' ? await trainer() : null;
  for (const set of sets) {
    let cli = 'dist/cli.js';
    let note = '';
    if (t) {
      const others = TRAINING_SETS.map(s => resolve(s)).filter(s => s !== set);
      const started = Date.now();
      const sets = others.map(loadGoldSet);
      // the prior is chosen inside the training sets too: each read by a model trained on the other
      const { rulePrior } = chooseRulePrior(t, sets, settings);
      const { encoded } = trainModel(t, sets.flat(), rulePrior, settings);
      cli = await cliWithModel(encoded);
      note = `, model trained on ${others.map(s => s.split('/').pop()).join(' + ')} with rule prior ${rulePrior} in ${((Date.now() - started) / 1000).toFixed(1)} s`;
    }
    const { out, seconds } = score(set, cli);
    console.log(`== ${set} (analyze ${seconds.toFixed(2)} s${note})`);
    process.stdout.write(
      verbose
        ? out
        : out
            .split('\n')
            .filter(l => l.startsWith('SCORE') || (leaveOneOut && /^(organization|entities)/.test(l)))
            .join('\n') + '\n',
    );
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}

/** Runs the CLI on a set and scores its output; returns the scorer's report. */
function score(set, cli) {
  const scorer = [join(set, 'score.py'), join(set, '..', 'score.py'), resolve(SCORER)].find(existsSync);
  const dates = join(set, 'dates.json');
  const cliArgs = [
    cli,
    'analyze',
    '--format',
    'json',
    ...(names ? ['--names', names] : []),
    ...(existsSync(dates) ? ['--dates', dates] : []),
    join(set, 'docs'),
  ];
  const started = process.hrtime.bigint();
  // exit status 1 only flags documents analyzed in part; the output is still whole
  let pred;
  try {
    pred = execFileSync(process.execPath, cliArgs, { maxBuffer: 1 << 30 });
  } catch (e) {
    if (e.status !== 1 || !e.stdout) throw e;
    pred = e.stdout;
  }
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const predFile = join(work, 'pred.json');
  writeFileSync(predFile, pred);
  if (saveDir) {
    mkdirSync(saveDir, { recursive: true });
    writeFileSync(join(saveDir, `${basename(set)}.json`), pred);
  }
  const out = execFileSync(
    'python3',
    [scorer, '--gold', join(set, 'gold.json'), '--docs', join(set, 'docs'), '--pred', predFile, ...(verbose ? [] : ['--quiet'])],
    { encoding: 'utf8', maxBuffer: 1 << 28 },
  );
  return { out, seconds };
}

/** The CLI bundled with another model in place of the committed one. */
async function cliWithModel(encoded) {
  const weights = join(work, 'weights.ts');
  writeWeightsModule(weights, encoded, 'Leave-one-out fold.');
  const outfile = join(work, 'cli.js');
  await bundleForNode('src/cli/main.ts', outfile, [
    {
      name: 'fold-weights',
      setup(build) {
        build.onResolve({ filter: /^\.\/weights$/ }, a => (a.importer.endsWith(join('model', 'nameModel.ts')) ? { path: weights } : undefined));
      },
    },
  ]);
  return outfile;
}
