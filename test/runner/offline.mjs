// `npm run test:integration`: runs the integration suites (out/test/integration/*.test.js) inside a
// real VS Code 1.100.3 extension host, without downloading VS Code: the VS Code of the npm package
// code-server, its web workbench opened in headless Chromium. See codeServer.mjs.
//
// How results come back: the suites' index.js appends one JSON line per mocha event to the file
// named by MARGINALIA_TEST_RESULTS (set in the server's environment, inherited by the extension
// host); this runner follows that file and prints each test as it finishes. The exit code comes
// from the workbench calling `codeAutomationExit(code)` when the extension host's run() settles.
//
// Options: --grep REGEX (only matching tests), --keep (keep the temp folder), --headed,
//          --timeout SECONDS (overall, default 600), --workspace DIR (copy DIR instead of samples/),
//          --restricted (the suites of test/integration/restricted, in an untrusted workspace:
//          Workspace Trust on, the folder not trusted, test/fixtures/restricted-workspace laid over it).
// Env: CHROMIUM_PATH, MARGINALIA_IT_TIMEOUT (seconds), MARGINALIA_IT_VERBOSE=1 (server, workbench
// console and log lines as they come).
// The last line printed is `N passed, N failed`. Exit code: 0 when every test passed, 1 on a
// failing test, 2 on a crash or a setup problem, 124 on the overall timeout.
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, openSync, readSync, closeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { format, parseArgs } from 'node:util';
import {
  closeBrowser,
  developmentPayload,
  ensureCodeServer,
  launchBrowser,
  openWorkbench,
  QUIET_SETTINGS,
  repoRoot,
  startServer,
  VSCODE_VERSION,
} from './codeServer.mjs';

const { values: options } = parseArgs({
  options: {
    grep: { type: 'string' },
    keep: { type: 'boolean', default: false },
    headed: { type: 'boolean', default: false },
    timeout: { type: 'string', default: process.env.MARGINALIA_IT_TIMEOUT ?? '600' },
    workspace: { type: 'string' },
    restricted: { type: 'boolean', default: false },
  },
});
const overallTimeoutMs = Number(options.timeout) * 1000;
const verbose = process.env.MARGINALIA_IT_VERBOSE === '1';
const testsIndex = join(repoRoot, 'out', 'test', 'integration', ...(options.restricted ? ['restricted'] : []), 'index.js');
const restrictedOverlay = join(repoRoot, 'test', 'fixtures', 'restricted-workspace');
const samples = options.workspace ? resolve(options.workspace) : join(repoRoot, 'samples');

const say = text => process.stdout.write(text + '\n');
const note = text => process.stderr.write(`[test:integration] ${text}\n`);

// Workbench and server lines that are expected on this offline machine and say nothing about the tests.
const NOISE = [
  /ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ERR_NAME_NOT_RESOLVED|ERR_INTERNET_DISCONNECTED|net::ERR_/,
  /open-vsx\.org|marketplace|gallery|update\.code\.visualstudio|vscode-cdn|vscode-unpkg|default\.ext\.vscode|main\.vscode-cdn/,
  /Failed to load resource/,
  /punycode/,
  /Ignoring the error while validating workspace folder/,
  /vsda/, // a Microsoft-only module code-server does not ship
  /Overwriting extension <<|sandbox attribute can escape/,
  /Found additional workspace folder|Found additional/,
  /The web worker extension host is started in a same-origin iframe/,
];
const isNoise = line => NOISE.some(re => re.test(line));

function checkPrerequisites() {
  if (!existsSync(testsIndex)) {
    note(`${relative(repoRoot, testsIndex)} is missing: run \`npm run build\` first`);
    return false;
  }
  if (!existsSync(join(repoRoot, 'dist', 'extension.js'))) {
    note('dist/extension.js is missing: run `npm run build` first');
    return false;
  }
  return true;
}

/** Copies samples/ into the temp folder: the suites may change files there, never the repo's. */
function makeWorkspace(tmp) {
  const workspace = join(tmp, 'workspace');
  mkdirSync(workspace, { recursive: true });
  if (existsSync(samples) && statSync(samples).isDirectory()) {
    cpSync(samples, workspace, { recursive: true });
  } else {
    note(`warning: ${samples} is missing: the suites get an empty workspace`);
  }
  if (options.restricted) cpSync(restrictedOverlay, workspace, { recursive: true });
  const count = (function walk(dir) {
    return readdirSync(dir, { withFileTypes: true }).reduce((n, e) => n + (e.isDirectory() ? walk(join(dir, e.name)) : 1), 0);
  })(workspace);
  note(`workspace: ${workspace} (${count} files copied from ${relative(repoRoot, samples) || samples})`);
  return workspace;
}

/** Follows the JSON-lines results file, handing every complete line to `onEvent`. */
function followResults(file, onEvent) {
  let offset = 0;
  let partial = '';
  const poll = () => {
    if (!existsSync(file)) return;
    const size = statSync(file).size;
    if (size <= offset) return;
    const fd = openSync(file, 'r');
    try {
      const buffer = Buffer.alloc(size - offset);
      readSync(fd, buffer, 0, buffer.length, offset);
      offset = size;
      partial += buffer.toString('utf8');
    } finally {
      closeSync(fd);
    }
    const lines = partial.split('\n');
    partial = lines.pop();
    for (const line of lines) {
      if (!line.trim()) continue;
      try {
        onEvent(JSON.parse(line));
      } catch {
        note(`unreadable result line: ${line}`);
      }
    }
  };
  const timer = setInterval(poll, 150);
  return {
    poll,
    stop: () => {
      clearInterval(timer);
      poll();
    },
  };
}

function indent(text, prefix) {
  return text
    .split('\n')
    .map(l => prefix + l)
    .join('\n');
}

/** Log files VS Code wrote under the user data dir (server, extension host, window), newest last. */
function logFiles(userDataDir) {
  const found = [];
  const walk = dir => {
    if (!existsSync(dir)) return;
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const p = join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.name.endsWith('.log')) found.push(p);
    }
  };
  walk(join(userDataDir, 'logs'));
  return found;
}

/** The error and warning lines of VS Code's own logs that are not offline noise, each message once. */
function interestingLogLines(userDataDir, limit = 60) {
  const seen = new Map();
  for (const file of logFiles(userDataDir)) {
    const name = relative(join(userDataDir, 'logs'), file).replace(/^[^/]+\//, ''); // without the session folder
    for (const line of readFileSync(file, 'utf8').split('\n')) {
      if (!/\[(error|warning)\]/i.test(line) || isNoise(line) || /Test runner finished with error/.test(line)) continue;
      const message = `${name}: ${line.replace(/^\S+ \S+ /, '')}`; // without the time stamp
      seen.set(message, (seen.get(message) ?? 0) + 1);
    }
  }
  return [...seen].map(([message, n]) => (n > 1 ? `${message} (${n} times)` : message)).slice(-limit);
}

class OverallTimeout extends Error {}
// Everything from here on (install, server start, page load, the suites) shares one deadline.
const deadline = new Promise(resolveDeadline => {
  setTimeout(resolveDeadline, overallTimeoutMs, { timeout: true }).unref();
});
const within = promise =>
  Promise.race([
    promise,
    deadline.then(() => {
      throw new OverallTimeout();
    }),
  ]);

async function main() {
  const started = Date.now();
  if (!checkPrerequisites()) return finish({ passed: 0, failed: 0, crashed: 'not built' }, 2);

  const codeServer = await ensureCodeServer(); // synchronous steps: not cut by the deadline
  const tmp = mkdtempSync(join(tmpdir(), 'marginalia-it-'));
  const workspace = makeWorkspace(tmp);
  const userDataDir = join(tmp, 'user-data');
  const resultsFile = join(tmp, 'results.jsonl');

  const serverEnv = { MARGINALIA_TEST_RESULTS: resultsFile };
  if (options.grep) serverEnv.MARGINALIA_TEST_GREP = options.grep;

  const counts = { passed: 0, failed: 0, pending: 0, ended: false, failures: [] };
  const onEvent = e => {
    switch (e.event) {
      case 'start':
        say(`Running ${e.total} test(s) from ${e.files} file(s) in VS Code ${e.vscode}`);
        break;
      case 'suite':
        say(`\n  ${e.fullTitle}  (${e.file})`);
        break;
      case 'pass':
        counts.passed++;
        say(`    ✓ pass  ${e.title} (${e.duration} ms)`);
        break;
      case 'fail':
        counts.failed++;
        counts.failures.push(e);
        say(`    ✗ FAIL  ${e.title}`);
        break;
      case 'pending':
        counts.pending++;
        say(`    - skip  ${e.title}`);
        break;
      case 'end':
        counts.ended = true;
        break;
    }
  };

  const pageErrors = [];
  // What the workbench's log service and the extension host's console send to codeAutomationLog.
  const automationLog = [];
  let server;
  let browser;
  let follower;
  let exitCode;
  let crashed;
  try {
    server = await within(
      startServer({
        folder: workspace,
        userDataDir,
        codeServer,
        env: serverEnv,
        // The web workbench saves files after a delay by default; desktop VS Code, which the suites
        // describe, does not: without this, a slow machine saves articles in the middle of a test.
        settings: {
          ...QUIET_SETTINGS,
          'files.autoSave': 'off',
          ...(options.restricted
            ? { 'security.workspace.trust.enabled': true, 'security.workspace.trust.startupPrompt': 'never', 'security.workspace.trust.banner': 'never' }
            : { 'security.workspace.trust.enabled': false }),
        },
        workspaceTrust: options.restricted,
        onOutput: verbose ? text => process.stderr.write(indent(text.trimEnd(), '[server] ') + '\n') : undefined,
      }),
    );
    follower = followResults(resultsFile, onEvent);
    browser = await within(launchBrowser({ headless: !options.headed }));

    let resolveExit;
    const exited = new Promise(r => {
      resolveExit = r;
    });
    const payload = developmentPayload(server, { extensionDevelopmentPath: repoRoot, extensionTestsPath: testsIndex });
    note(`VS Code ${VSCODE_VERSION}: extension ${repoRoot}, tests ${relative(repoRoot, testsIndex)}`);
    const { page } = await within(
      openWorkbench({
        browser,
        server,
        folder: workspace,
        payload,
        waitForWorkbench: false,
        exposeFunctions: {
          codeAutomationLog: (type, args) => {
            const text = format(...(Array.isArray(args) ? args : [args]));
            automationLog.push({ type, text });
            if (automationLog.length > 5000) automationLog.splice(0, 1000);
            if (verbose) note(`[log.${type}] ${text}`);
          },
          codeAutomationExit: code => {
            resolveExit({ code });
          },
        },
        onConsole: verbose ? msg => note(`[console.${msg.type()}] ${msg.text()}`) : undefined,
        onPageError: err => pageErrors.push(err.stack ?? String(err)),
      }),
    );
    page.on('crash', () => resolveExit({ crash: 'the workbench page crashed' }));

    const serverDied = server.exited.then(({ code, signal }) => ({ crash: `code-server exited (${code ?? signal}) before the tests finished` }));
    const outcome = await Promise.race([exited, deadline, serverDied]);
    follower.stop();

    if (outcome.timeout) {
      crashed = `no result within ${overallTimeoutMs / 1000} s (overall timeout)`;
      exitCode = 124;
    } else if (outcome.crash) {
      crashed = outcome.crash;
      exitCode = 2;
    } else {
      exitCode = outcome.code;
      if (!counts.ended) {
        crashed =
          `the extension host exited with ${outcome.code} before mocha finished` +
          (existsSync(resultsFile) ? '' : ' (no results file: did the suites run at all?)');
        if (exitCode === 0) exitCode = 2;
      } else if (counts.failed > 0 && exitCode === 0) {
        exitCode = 1; // never report success with a failing test
      }
    }
  } catch (e) {
    if (e instanceof OverallTimeout) {
      crashed = `not done within ${overallTimeoutMs / 1000} s (overall timeout)`;
      exitCode = 124;
    } else {
      crashed = e.stack ?? String(e);
      exitCode = 2;
    }
  } finally {
    follower?.stop();
    await closeBrowser(browser);
    await server?.stop();
  }

  // Failures in full, then a mocha-like summary.
  for (const [i, f] of counts.failures.entries()) {
    say(`\n  ${i + 1}) ${f.fullTitle}  (${f.file})\n${indent(f.error ?? '', '     ')}`);
  }
  say(
    `\n  ${counts.passed} passing, ${counts.failed} failing${counts.pending ? `, ${counts.pending} pending` : ''} (${((Date.now() - started) / 1000).toFixed(1)} s)`,
  );

  if (exitCode !== 0) {
    if (crashed) say(`\n  run failed: ${crashed}`);
    // Errors already shown above as failing tests are not repeated; long stacks are cut.
    const shown = counts.failures.map(f => (f.error ?? '').split('\n')[0]);
    const logged = automationLog
      .filter(l => /^(error|warn|warning)$/i.test(l.type) && !isNoise(l.text))
      .filter(l => !/^Error: \d+ test\(s\) failed/.test(l.text) && !shown.includes(l.text.split('\n')[0]))
      .map(l => `${l.type}: ${l.text.split('\n').slice(0, 12).join('\n')}`);
    const extras = [
      ['page errors', pageErrors],
      ['workbench and extension host errors', logged],
      ['VS Code log files, errors and warnings', interestingLogLines(userDataDir)],
    ];
    // Without a results file (the suites never ran, or could not write it), what the extension
    // host printed is the only trace: show the end of it.
    if (!existsSync(resultsFile)) extras.push(['workbench and extension host output (end)', automationLog.slice(-80).map(l => `${l.type}: ${l.text}`)]);
    for (const [title, lines] of extras) {
      if (lines.length) say(`\n  ${title}:\n${indent(lines.slice(-40).join('\n'), '    ')}`);
    }
    if (server && (crashed || verbose)) say(`\n  code-server output (end):\n${indent(server.output().slice(-3000).trimEnd(), '    ')}`);
  }

  if (options.keep || exitCode !== 0) note(`kept ${tmp} (workspace, user data and logs, results.jsonl)`);
  else rmSync(tmp, { recursive: true, force: true });

  return finish({ ...counts, crashed }, exitCode);
}

function finish({ passed, failed, crashed }, code) {
  // A run that did not complete counts as one more failure, so the closing line never reads as a pass.
  const shownFailed = failed + (crashed && code !== 0 && failed === 0 ? 1 : 0);
  say(`${passed} passed, ${shownFailed} failed`);
  process.exitCode = code;
  // Playwright or a stray handle must not keep the process alive.
  setTimeout(() => process.exit(code), 1000).unref();
  return code;
}

main().catch(e => {
  process.stderr.write(`${e.stack ?? e}\n`);
  finish({ passed: 0, failed: 0, crashed: 'runner error' }, 2);
});
