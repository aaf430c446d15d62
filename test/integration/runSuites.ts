// The mocha run shared by the integration entry points (index.ts, restricted/index.ts): VS Code loads
// an entry from `--extensionTestsPath` (test-electron) or the `extensionTestsPath` payload
// (code-server, test/runner/offline.mjs) and calls its `run()` in the extension host, with the real
// `vscode` API and the extension under development.
//
// Results travel two ways:
// - mocha's `spec` reporter writes to the console. Under test-electron that reaches the terminal;
//   under code-server it only reaches the browser's console.
// - when MARGINALIA_TEST_RESULTS names a file, every event (start, pass, fail, pending, end) is
//   appended to it as one JSON line, synchronously, so the runner can follow it while the suites run
//   and still has everything if the extension host dies. The runner sets the variable in the
//   server's environment, which the extension host inherits.
// MARGINALIA_TEST_GREP (a regular expression) runs only the matching tests.
import { appendFileSync, readdirSync } from 'fs';
import * as path from 'path';
import Mocha from 'mocha';
import * as vscode from 'vscode';

const TEST_TIMEOUT_MS = 20_000;

/** Runs every `*.test.js` of `folder` (the compiled suites beside the entry point). */
export function runSuites(folder: string): Promise<void> {
  const mocha = new Mocha({ ui: 'bdd', timeout: TEST_TIMEOUT_MS, color: false, reporter: 'spec' });
  if (process.env.MARGINALIA_TEST_GREP) mocha.grep(new RegExp(process.env.MARGINALIA_TEST_GREP));
  const files = readdirSync(folder)
    .filter(f => f.endsWith('.test.js'))
    .sort();
  for (const file of files) mocha.addFile(path.join(folder, file));

  return new Promise((resolve, reject) => {
    let runner: Mocha.Runner;
    try {
      runner = mocha.run(failures => {
        if (failures > 0) reject(new Error(`${failures} test(s) failed`));
        else resolve();
      });
    } catch (e) {
      // A suite file that throws while loading: report it like a failure so the runner shows it.
      report({ event: 'fail', title: 'loading the suites', fullTitle: 'loading the suites', file: '', duration: 0, error: errorText(e) });
      report({ event: 'end', passes: 0, failures: 1, pending: 0, tests: 1, duration: 0 });
      reject(e);
      return;
    }
    const { EVENT_RUN_BEGIN, EVENT_TEST_PASS, EVENT_TEST_FAIL, EVENT_TEST_PENDING, EVENT_RUN_END, EVENT_SUITE_BEGIN } = Mocha.Runner.constants;
    runner.on(EVENT_RUN_BEGIN, () => report({ event: 'start', total: runner.total, files: files.length, vscode: versionInfo() }));
    runner.on(EVENT_SUITE_BEGIN, suite => {
      if (suite.title) report({ event: 'suite', title: suite.title, fullTitle: suite.fullTitle(), file: base(suite.file) });
    });
    runner.on(EVENT_TEST_PASS, test => report({ event: 'pass', ...describeTest(test) }));
    runner.on(EVENT_TEST_FAIL, (test, err) => report({ event: 'fail', ...describeTest(test), error: errorText(err) }));
    runner.on(EVENT_TEST_PENDING, test => report({ event: 'pending', ...describeTest(test) }));
    runner.on(EVENT_RUN_END, () => {
      const s = runner.stats;
      report({ event: 'end', passes: s?.passes ?? 0, failures: s?.failures ?? 0, pending: s?.pending ?? 0, tests: s?.tests ?? 0, duration: s?.duration ?? 0 });
    });
  });
}

function report(event: Record<string, unknown>): void {
  const file = process.env.MARGINALIA_TEST_RESULTS;
  if (!file) return;
  try {
    appendFileSync(file, JSON.stringify({ ...event, time: Date.now() }) + '\n');
  } catch (e) {
    console.error(`marginalia tests: cannot write ${file}: ${errorText(e)}`);
  }
}

function describeTest(test: Mocha.Runnable): Record<string, unknown> {
  return { title: test.title, fullTitle: test.fullTitle(), file: base(test.file), duration: test.duration ?? 0 };
}

function base(file: string | undefined): string {
  return file ? path.basename(file) : '';
}

function errorText(e: unknown): string {
  if (e instanceof Error) return e.stack ?? `${e.name}: ${e.message}`;
  return String(e);
}

function versionInfo(): string {
  return `${vscode.version} (${vscode.env.appName}, ${vscode.env.appHost})`;
}
