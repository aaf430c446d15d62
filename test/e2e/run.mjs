// `npm run test:e2e`: the end-to-end tests (test/e2e/*.test.mjs, node:test) against a real VS Code
// 1.100.3 web workbench (code-server) in headless Debian Chromium, Marginalia installed, on a temp
// copy of samples/. Run `npm run build` first (npm test does).
//
// Options: --grep REGEX (only tests whose name matches), --headed, --keep (keep the temp folder),
//          --timeout SECONDS (overall, default 600), --update-screenshots (when every test passed,
//          copy the screenshots listed in MEDIA_SHOTS into media/screenshots/).
// Env: CHROMIUM_PATH, MARGINALIA_E2E_VERBOSE=1 (server output and the workbench console).
// Screenshots go to out/e2e/screenshots/ (a failing test adds FAILED-<name>.png).
// The last line printed is `N passed, N failed`. Exit code: 0 when every test passed, 1 when one
// failed, 2 on a setup problem, 124 on the overall timeout.
import { copyFileSync, existsSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { run } from 'node:test';
import { spec } from 'node:test/reporters';
import { parseArgs } from 'node:util';
import { repoRoot } from '../runner/codeServer.mjs';

/** The screenshots worth committing: media/screenshots/<name>.png (the walkthrough shows some). */
export const MEDIA_SHOTS = [
  'entities',
  'hover-card',
  'cross-reference',
  'annotate-label',
  'comment-thread',
  'marginalia-view',
  'export-format',
  'walkthrough',
  'agreement-report',
  'disagreements',
  'compare',
  'discrepancies',
  'timeline',
];

const { values: options } = parseArgs({
  options: {
    grep: { type: 'string' },
    headed: { type: 'boolean', default: false },
    keep: { type: 'boolean', default: false },
    timeout: { type: 'string', default: process.env.MARGINALIA_E2E_TIMEOUT ?? '600' },
    'update-screenshots': { type: 'boolean', default: false },
  },
});

const say = text => process.stdout.write(text + '\n');
const note = text => process.stderr.write(`[test:e2e] ${text}\n`);
const shotsDir = join(repoRoot, 'out', 'e2e', 'screenshots');
const mediaDir = join(repoRoot, 'media', 'screenshots');

function finish(passed, failed, code) {
  say(`${passed} passed, ${failed} failed`);
  process.exitCode = code;
  setTimeout(() => process.exit(code), 1000).unref();
}

async function main() {
  const started = Date.now();
  if (!existsSync(join(repoRoot, 'dist', 'extension.js'))) {
    note('dist/extension.js is missing: run `npm run build` first');
    return finish(0, 1, 2);
  }
  const here = join(repoRoot, 'test', 'e2e');
  const files = readdirSync(here)
    .filter(f => f.endsWith('.test.mjs'))
    .sort()
    .map(f => join(here, f));

  rmSync(shotsDir, { recursive: true, force: true });
  mkdirSync(shotsDir, { recursive: true });
  // The test files run in child processes, which inherit these.
  process.env.MARGINALIA_E2E_SHOTS = shotsDir;
  if (options.headed) process.env.MARGINALIA_E2E_HEADED = '1';
  if (options.keep) process.env.MARGINALIA_E2E_KEEP = '1';

  const overallMs = Number(options.timeout) * 1000;
  const abort = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    abort.abort();
  }, overallMs);

  let passed = 0;
  let failed = 0;
  const stream = run({
    files,
    concurrency: 1,
    signal: abort.signal,
    ...(options.grep ? { testNamePatterns: [new RegExp(options.grep)] } : {}),
  });
  // Leaf tests only: a describe block reports as a test too (details.type 'suite').
  stream.on('test:pass', data => {
    if (data.details?.type !== 'suite' && !data.skip && !data.todo) passed++;
  });
  stream.on('test:fail', data => {
    if (data.details?.type !== 'suite') failed++;
  });
  const done = new Promise(resolve => stream.on('end', resolve).on('close', resolve));
  stream.compose(spec).pipe(process.stdout);
  await done;
  clearTimeout(timer);
  await new Promise(r => setImmediate(r)); // let the reporter flush

  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  const shots = existsSync(shotsDir) ? readdirSync(shotsDir).filter(f => f.endsWith('.png')) : [];
  say(`\n  ${shots.length} screenshot(s) in ${relative(repoRoot, shotsDir)}/ (${seconds} s)`);
  if (timedOut) {
    say(`  run failed: not done within ${overallMs / 1000} s (overall timeout)`);
    return finish(passed, Math.max(failed, 1), 124);
  }
  if (passed + failed === 0) {
    say('  run failed: no test ran');
    return finish(0, 1, 2);
  }
  if (options['update-screenshots']) {
    if (failed > 0 || options.grep) {
      note('screenshots not copied to media/screenshots: only after a full, passing run');
    } else {
      mkdirSync(mediaDir, { recursive: true });
      for (const name of MEDIA_SHOTS) {
        const from = join(shotsDir, `${name}.png`);
        if (!existsSync(from)) {
          note(`missing screenshot ${name}.png`);
          continue;
        }
        copyFileSync(from, join(mediaDir, `${name}.png`));
        say(`  copied ${name}.png to ${relative(repoRoot, mediaDir)}/ (${Math.round(statSync(from).size / 1024)} KB)`);
      }
    }
  }
  return finish(passed, failed, failed > 0 ? 1 : 0);
}

main().catch(e => {
  process.stderr.write(`${e.stack ?? e}\n`);
  finish(0, 1, 2);
});
