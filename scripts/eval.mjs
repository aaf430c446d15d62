// Scores `marginalia analyze` on eval folders (each with docs/, gold.json and optionally dates.json):
//   npm run eval                                  (the news development sets in data/eval/)
//   npm run eval -- data/eval/gum-dev FOLDER... [--verbose]
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const DEFAULT_SETS = ['data/eval/gum-dev', 'data/eval/ecb-dev'];
const SCORER = 'data/eval/score.py';

const args = process.argv.slice(2);
const verbose = args.includes('--verbose');
const given = args.filter(a => !a.startsWith('--'));
const sets = (given.length ? given : DEFAULT_SETS).map(s => resolve(s));
const missing = sets.filter(s => !existsSync(join(s, 'docs')) || !existsSync(join(s, 'gold.json')));
if (missing.length) {
  for (const s of missing) console.error(`not an evaluation folder (needs docs/ and gold.json): ${s}`);
  process.exit(2);
}
const work = mkdtempSync(join(tmpdir(), 'marginalia-eval-'));
try {
  for (const set of sets) {
    const scorer = [join(set, 'score.py'), join(set, '..', 'score.py'), resolve(SCORER)].find(existsSync);
    const dates = join(set, 'dates.json');
    const cliArgs = ['dist/cli.js', 'analyze', '--format', 'json', ...(existsSync(dates) ? ['--dates', dates] : []), join(set, 'docs')];
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
    const out = execFileSync('python3', [scorer, '--gold', join(set, 'gold.json'), '--docs', join(set, 'docs'), '--pred', predFile, ...(verbose ? [] : ['--quiet'])], { encoding: 'utf8', maxBuffer: 1 << 28 });
    console.log(`== ${set} (analyze ${seconds.toFixed(2)} s)`);
    process.stdout.write(verbose ? out : out.split('\n').filter(l => l.startsWith('SCORE')).join('\n') + '\n');
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}
