// Scores `marginalia analyze` on eval folders (each with docs/, gold.json and optionally dates.json):
//   npm run eval -- ../shared/eval/gum-dev ../shared/eval/ecb-dev [--verbose]
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const args = process.argv.slice(2);
const verbose = args.includes('--verbose');
const sets = args.filter(a => !a.startsWith('--'));
if (sets.length === 0) {
  console.error('usage: npm run eval -- EVAL_FOLDER... [--verbose]');
  process.exit(2);
}
const work = mkdtempSync(join(tmpdir(), 'marginalia-eval-'));
for (const set of sets.map(s => resolve(s))) {
  const scorer = [join(set, 'score.py'), join(set, '..', 'score.py')].find(existsSync);
  if (!scorer) throw new Error(`no score.py in or beside ${set}`);
  const dates = join(set, 'dates.json');
  const cliArgs = ['dist/cli.js', 'analyze', '--format', 'json', ...(existsSync(dates) ? ['--dates', dates] : []), join(set, 'docs')];
  const started = process.hrtime.bigint();
  const pred = execFileSync(process.execPath, cliArgs, { maxBuffer: 1 << 30 });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const predFile = join(work, 'pred.json');
  writeFileSync(predFile, pred);
  const out = execFileSync('python3', [scorer, '--gold', join(set, 'gold.json'), '--docs', join(set, 'docs'), '--pred', predFile, ...(verbose ? [] : ['--quiet'])], { encoding: 'utf8', maxBuffer: 1 << 28 });
  console.log(`== ${set} (analyze ${seconds.toFixed(2)} s)`);
  process.stdout.write(verbose ? out : out.split('\n').filter(l => l.startsWith('SCORE')).join('\n') + '\n');
}
