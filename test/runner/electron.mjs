// `npm run test:electron`: the integration suites (out/test/integration) under @vscode/test-electron,
// which downloads desktop VS Code builds into .vscode-test/: first the minimum version Marginalia
// supports, then the current stable (as rust-analyzer's editors/code/tests/runTests.ts does).
// It needs the internet (the download) and a display: on a Linux machine without one, run it under
// `xvfb-run -a npm run test:electron`. Machines without internet use `npm run test:integration`.
//
//   node test/runner/electron.mjs [VERSION...]   # default: 1.100.3 stable; or VSCODE_TEST_VERSIONS=a,b
//
// On each version it runs the suites twice: in a trusted workspace (test/integration), then in
// Restricted Mode (test/integration/restricted, the folder untrusted, test/fixtures/restricted-workspace
// laid over it). The suites' mocha output reaches this terminal through VS Code's stdout; the runner
// also reads the results file the suites write (see test/integration/runSuites.ts) and ends with
// `N passed, N failed`.
import { runTests } from '@vscode/test-electron';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { repoRoot, VSCODE_VERSION } from './codeServer.mjs';

// The oldest VS Code that engines.vscode (^1.100.0) accepts and that the offline runner also uses.
const MINIMUM_VERSION = VSCODE_VERSION;

const versions = process.argv.slice(2).length
  ? process.argv.slice(2)
  : (process.env.VSCODE_TEST_VERSIONS?.split(',')
      .map(v => v.trim())
      .filter(Boolean) ?? [MINIMUM_VERSION, 'stable']);

const extensionDevelopmentPath = repoRoot;
const extensionTestsPath = join(repoRoot, 'out', 'test', 'integration', 'index.js');
const restrictedTestsPath = join(repoRoot, 'out', 'test', 'integration', 'restricted', 'index.js');

function readResults(file) {
  const counts = { passed: 0, failed: 0, pending: 0, ended: false };
  if (!existsSync(file)) return counts;
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    if (!line.trim()) continue;
    try {
      const e = JSON.parse(line);
      if (e.event === 'pass') counts.passed++;
      else if (e.event === 'fail') counts.failed++;
      else if (e.event === 'pending') counts.pending++;
      else if (e.event === 'end') counts.ended = true;
    } catch {
      /* a line cut by a crash */
    }
  }
  return counts;
}

async function runOn(version, restricted) {
  const tmp = mkdtempSync(join(tmpdir(), `marginalia-electron-${version}-`));
  const workspace = join(tmp, 'workspace');
  mkdirSync(workspace);
  // The suites may change files of the workspace: they get a copy, never the repo's samples/.
  if (existsSync(join(repoRoot, 'samples'))) cpSync(join(repoRoot, 'samples'), workspace, { recursive: true });
  if (restricted) {
    cpSync(join(repoRoot, 'test', 'fixtures', 'restricted-workspace'), workspace, { recursive: true });
    mkdirSync(join(tmp, 'user-data', 'User'), { recursive: true });
    writeFileSync(
      join(tmp, 'user-data', 'User', 'settings.json'),
      JSON.stringify({
        'security.workspace.trust.enabled': true,
        'security.workspace.trust.startupPrompt': 'never',
        'security.workspace.trust.banner': 'never',
      }),
    );
  }
  const resultsFile = join(tmp, 'results.jsonl');

  const launchArgs = [
    workspace, // the first launch argument is the folder to open
    '--disable-extensions', // other extensions (not the one under development) stay off
    ...(restricted ? [] : ['--disable-workspace-trust']),
    '--skip-welcome',
    '--skip-release-notes',
    '--disable-gpu',
    '--user-data-dir',
    join(tmp, 'user-data'),
  ];
  // Electron refuses to run as root without it (containers, CI images).
  if (process.platform === 'linux' && process.getuid?.() === 0) launchArgs.push('--no-sandbox');

  console.log(`\n=== VS Code ${version}${restricted ? ', Restricted Mode' : ''} ===`);
  let exitCode;
  try {
    exitCode = await runTests({
      version,
      extensionDevelopmentPath,
      extensionTestsPath: restricted ? restrictedTestsPath : extensionTestsPath,
      launchArgs,
      extensionTestsEnv: { MARGINALIA_TEST_RESULTS: resultsFile },
    });
  } catch (e) {
    // runTests rejects (TestRunFailedError) when VS Code exits non-zero, and on download failures.
    console.error(`VS Code ${version}: ${e instanceof Error ? e.message : e}`);
    exitCode = typeof e?.code === 'number' ? e.code || 1 : 1;
  }
  const counts = readResults(resultsFile);
  if (!counts.ended && exitCode === 0) exitCode = 1; // the suites did not finish
  if (counts.failed > 0 && exitCode === 0) exitCode = 1;
  console.log(
    `VS Code ${version}: ${counts.passed} passing, ${counts.failed} failing, ${counts.pending} pending${counts.ended ? '' : ' (run did not complete)'}; exit ${exitCode}`,
  );
  if (exitCode !== 0) console.log(`kept ${tmp} (workspace, user data and logs, results.jsonl)`);
  else rmSync(tmp, { recursive: true, force: true });
  return { ...counts, exitCode };
}

async function main() {
  if (!existsSync(extensionTestsPath)) {
    console.error(`${extensionTestsPath} is missing: run \`npm run build\` first`);
    console.log('0 passed, 1 failed');
    return 2;
  }
  if (process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) {
    console.error('warning: no DISPLAY: on a headless Linux machine run `xvfb-run -a npm run test:electron`');
  }
  let passed = 0;
  let failed = 0;
  let code = 0;
  for (const version of versions) {
    for (const restricted of [false, true]) {
      const result = await runOn(version, restricted);
      passed += result.passed;
      failed += result.failed + (result.exitCode !== 0 && result.failed === 0 ? 1 : 0);
      if (result.exitCode !== 0) code = 1;
    }
  }
  console.log(`${passed} passed, ${failed} failed`);
  return code;
}

main().then(
  code => process.exit(code),
  e => {
    console.error(e);
    console.log('0 passed, 1 failed');
    process.exit(1);
  },
);
