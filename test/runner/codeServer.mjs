// A real VS Code (the one inside the npm package code-server) for tests, demos and UI checks on
// machines that cannot download VS Code: install it into a git-ignored cache, start its server, and
// open its web workbench in headless Chromium through playwright-core.
//
//   const { entry } = await ensureCodeServer();           // first use installs, later uses reuse
//   const server = await startServer({ folder, userDataDir });
//   const browser = await launchBrowser();
//   const { page } = await openWorkbench({ browser, server, folder, payload });
//   ...
//   await closeBrowser(browser); await server.stop();
//
// Nothing here depends on files outside the repository and the cache folder.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, symlinkSync, lstatSync, writeFileSync, realpathSync } from 'node:fs';
import { createServer } from 'node:net';
import { dirname, join, resolve, delimiter } from 'node:path';
import { fileURLToPath } from 'node:url';

export const CODE_SERVER_VERSION = '4.100.3';
/** The VS Code inside that code-server. */
export const VSCODE_VERSION = '1.100.3';
export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

const MARKER = '.marginalia-install-complete';

/** Messages of this module go to stderr with a prefix, so a runner's stdout stays its own. */
function defaultLog(message) {
  process.stderr.write(`[code-server] ${message}\n`);
}

/** The cache folder for a code-server version: `<repo>/.vscode-test/code-server-<version>/`. */
export function cacheDir({ root = repoRoot, version = CODE_SERVER_VERSION } = {}) {
  return join(root, '.vscode-test', `code-server-${version}`);
}

function run(command, args, cwd, log) {
  log(`$ (cd ${cwd} && ${command} ${args.join(' ')})`);
  // npm's output goes to our stderr: stdout is kept for the caller's results.
  const result = spawnSync(command, args, { cwd, stdio: ['ignore', 2, 2], env: { ...process.env, npm_config_update_notifier: 'false' } });
  if (result.error) throw result.error;
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed in ${cwd} (exit ${result.status ?? result.signal})`);
}

function which(name) {
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    const candidate = join(dir, name);
    if (dir && existsSync(candidate)) return candidate;
  }
  return undefined;
}

function isLink(path) {
  try {
    return lstatSync(path).isSymbolicLink();
  } catch {
    return false;
  }
}

/** Points VS Code's bundled ripgrep (which code-server's install script would download) at the system's `rg`. */
function linkRipgrep(vscodeDir, log) {
  const target = join(vscodeDir, 'node_modules', '@vscode', 'ripgrep', 'bin', 'rg');
  if (existsSync(target)) return; // a working link or a real binary
  const rg = process.env.RG_PATH ?? which('rg');
  if (!rg) {
    log('warning: no `rg` on PATH (Debian package ripgrep): text search inside VS Code will not work');
    return;
  }
  mkdirSync(dirname(target), { recursive: true });
  if (isLink(target)) rmSync(target); // a dangling link
  symlinkSync(realpathSync(rg), target);
  log(`linked ${rg} -> ${target}`);
}

function describe(dir) {
  const vscodeDir = join(dir, 'node_modules', 'code-server', 'lib', 'vscode');
  return {
    dir,
    entry: join(dir, 'node_modules', 'code-server', 'out', 'node', 'entry.js'),
    vscodeDir,
    version: CODE_SERVER_VERSION,
    vscodeVersion: VSCODE_VERSION,
  };
}

/**
 * Installs code-server into the cache on first use and returns where it is. Idempotent: a marker
 * file is written when the install is complete, and later calls only check it. The install happens
 * in a scratch folder renamed into place at the end, so an interrupted install leaves nothing that
 * looks complete and two concurrent first runs do not corrupt each other.
 */
export async function ensureCodeServer({ root = repoRoot, log = defaultLog } = {}) {
  const dir = cacheDir({ root });
  const found = describe(dir);
  if (existsSync(join(dir, MARKER)) && existsSync(found.entry)) {
    linkRipgrep(found.vscodeDir, log);
    return found;
  }

  const started = Date.now();
  const scratch = `${dir}.partial-${process.pid}`;
  log(`installing code-server@${CODE_SERVER_VERSION} (VS Code ${VSCODE_VERSION}) into ${dir} (first use; about a minute)`);
  rmSync(scratch, { recursive: true, force: true });
  mkdirSync(scratch, { recursive: true });
  try {
    writeFileSync(
      join(scratch, 'package.json'),
      JSON.stringify(
        {
          name: 'marginalia-code-server-cache',
          private: true,
          description: 'Made by test/runner/codeServer.mjs; safe to delete.',
        },
        null,
        2,
      ) + '\n',
    );
    // Its install script refuses root, builds kerberos and downloads ripgrep: skip it and do the needed parts by hand.
    run('npm', ['install', '--ignore-scripts', '--no-audit', '--no-fund', '--loglevel=error', `code-server@${CODE_SERVER_VERSION}`], scratch, log);
    // code-server loads argon2 at start, even with `--auth none`.
    run('npm', ['rebuild', '--loglevel=error', 'argon2'], scratch, log);
    const { vscodeDir } = describe(scratch);
    run('npm', ['install', '--omit=dev', '--ignore-scripts', '--no-audit', '--no-fund', '--loglevel=error'], vscodeDir, log);
    // node-pty and kerberos are not needed to run extensions and tests.
    run('npm', ['rebuild', '--loglevel=error', '@vscode/spdlog', 'native-watchdog', '@parcel/watcher'], vscodeDir, log);
    const asar = join(vscodeDir, 'node_modules.asar');
    if (!existsSync(asar)) symlinkSync('node_modules', asar);
    linkRipgrep(vscodeDir, log);
    writeFileSync(join(scratch, MARKER), `code-server@${CODE_SERVER_VERSION} installed ${new Date().toISOString()}\n`);
    try {
      renameSync(scratch, dir);
    } catch (e) {
      if (!existsSync(join(dir, MARKER))) {
        // An incomplete earlier attempt under the final name: replace it.
        rmSync(dir, { recursive: true, force: true });
        renameSync(scratch, dir);
      } else {
        rmSync(scratch, { recursive: true, force: true }); // another process finished first
      }
    }
  } catch (e) {
    rmSync(scratch, { recursive: true, force: true });
    throw e;
  }
  // The rg link was made inside the scratch folder with an absolute target: still valid after the rename.
  log(`installed in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return found;
}

/** A TCP port free on `host` right now: `preferred` when it is free, else one the OS picks. */
export async function findFreePort(preferred, host = '127.0.0.1') {
  const tryPort = port =>
    new Promise(resolvePort => {
      const probe = createServer();
      probe.once('error', () => resolvePort(undefined));
      probe.listen(port, host, () => {
        const { port: got } = probe.address();
        probe.close(() => resolvePort(got));
      });
    });
  if (preferred) {
    const got = await tryPort(preferred);
    if (got) return got;
  }
  return tryPort(0);
}

/** Writes VS Code user settings (`<userDataDir>/User/settings.json`), merged over what is there. */
export function writeUserSettings(userDataDir, settings) {
  const file = join(userDataDir, 'User', 'settings.json');
  mkdirSync(dirname(file), { recursive: true });
  let current = {};
  try {
    current = JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    /* none yet */
  }
  writeFileSync(file, JSON.stringify({ ...current, ...settings }, null, 2) + '\n');
}

/** Settings that keep a test or demo workbench quiet and deterministic. */
export const QUIET_SETTINGS = {
  'security.workspace.trust.enabled': false,
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'extensions.ignoreRecommendations': true,
  'git.enabled': false,
  'chat.disableAIFeatures': true,
};

const liveServers = new Set();
let exitHookInstalled = false;
function installExitHook() {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  // Last resort when the caller forgot stop() or died: never leave a server group behind.
  process.on('exit', () => {
    for (const pid of liveServers) {
      try {
        process.kill(-pid, 'SIGKILL');
      } catch {
        /* gone */
      }
    }
  });
}

/**
 * Starts code-server in its own process group and waits for "HTTP server listening".
 * Returns {url, port, host, pid, output(), stop()}; stop() ends the whole group (server, extension
 * host, file watcher). `port` defaults to a free one. `onOutput(text)` sees the server's output.
 * `workspaceTrust: true` keeps Workspace Trust on (with `security.workspace.trust.enabled` in
 * `settings`), so that the folder opens untrusted, in Restricted Mode.
 */
export async function startServer({
  folder,
  userDataDir,
  extensionsDir = userDataDir && join(userDataDir, 'extensions'),
  port,
  host = '127.0.0.1',
  settings = QUIET_SETTINGS,
  env = {},
  extraArgs = [],
  timeoutMs = 60_000,
  onOutput,
  log = defaultLog,
  codeServer,
  // Workspace Trust off by default; on, an untrusted folder opens in Restricted Mode.
  workspaceTrust = false,
} = {}) {
  if (!userDataDir) throw new Error('startServer: userDataDir is required');
  const { entry } = codeServer ?? (await ensureCodeServer({ log }));
  mkdirSync(userDataDir, { recursive: true });
  mkdirSync(extensionsDir, { recursive: true });
  if (settings) writeUserSettings(userDataDir, settings);
  const chosenPort = port ?? (await findFreePort(undefined, host));

  const args = [
    entry,
    '--auth',
    'none',
    '--bind-addr',
    `${host}:${chosenPort}`,
    '--disable-telemetry',
    '--disable-update-check',
    ...(workspaceTrust ? [] : ['--disable-workspace-trust']),
    '--disable-getting-started-override',
    '--user-data-dir',
    userDataDir,
    // Otherwise code-server writes ~/.config/code-server/config.yaml.
    '--config',
    join(userDataDir, 'code-server.yaml'),
    '--extensions-dir',
    extensionsDir,
    ...extraArgs,
    ...(folder ? [folder] : []),
  ];
  log(`starting VS Code ${VSCODE_VERSION} server on http://${host}:${chosenPort}/`);
  const child = spawn(process.execPath, args, {
    detached: true, // its own process group: stop() kills the group
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, ...env },
  });
  liveServers.add(child.pid);
  installExitHook();

  let output = '';
  let exited = null;
  const exitPromise = new Promise(resolveExit =>
    child.once('exit', (code, signal) => {
      exited = { code, signal };
      liveServers.delete(child.pid);
      resolveExit(exited);
    }),
  );
  const onData = chunk => {
    const text = chunk.toString();
    output += text;
    if (output.length > 2_000_000) output = output.slice(-1_000_000);
    onOutput?.(text);
  };
  child.stdout.on('data', onData);
  child.stderr.on('data', onData);

  const stop = async () => {
    if (exited) {
      try {
        process.kill(-child.pid, 'SIGKILL');
      } catch {
        /* group gone */
      }
      return;
    }
    try {
      process.kill(-child.pid, 'SIGTERM');
    } catch {
      /* gone */
    }
    const timer = new Promise(r => setTimeout(r, 3000, 'timeout'));
    await Promise.race([exitPromise, timer]);
    // Whatever of the group is still there (extension host, watcher) goes now.
    try {
      process.kill(-child.pid, 'SIGKILL');
    } catch {
      /* group gone */
    }
    liveServers.delete(child.pid);
  };

  try {
    await new Promise((resolveReady, rejectReady) => {
      const timer = setTimeout(() => rejectReady(new Error(`code-server did not report "HTTP server listening" within ${timeoutMs} ms`)), timeoutMs);
      const check = () => {
        if (/HTTP server listening/.test(output)) {
          clearTimeout(timer);
          resolveReady();
        }
      };
      child.stdout.on('data', check);
      child.stderr.on('data', check);
      exitPromise.then(({ code, signal }) => {
        clearTimeout(timer);
        rejectReady(new Error(`code-server exited early (${code ?? signal})`));
      });
    });
  } catch (e) {
    await stop();
    e.message += `\n--- code-server output ---\n${output.slice(-4000)}`;
    throw e;
  }

  const url = `http://${host}:${chosenPort}/`;
  return { url, port: chosenPort, host, pid: child.pid, process: child, output: () => output, exited: exitPromise, stop };
}

/** Chromium flags that work as root on these machines (no sandbox, no background network). */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
];

export function chromiumPath() {
  return process.env.CHROMIUM_PATH || '/usr/bin/chromium';
}

/** Launches (headless by default) Debian's Chromium through playwright-core. */
export async function launchBrowser({ headless = true, args = [], executablePath = chromiumPath() } = {}) {
  if (!existsSync(executablePath)) {
    throw new Error(`no Chromium at ${executablePath}: install Debian's \`chromium\` or set CHROMIUM_PATH`);
  }
  const { chromium } = await import('playwright-core');
  return chromium.launch({ executablePath, headless, args: [...CHROMIUM_ARGS, ...args] });
}

/**
 * `browser.close()` can hang for a minute: give it `ms`, then move on. A browser still running then
 * is killed by playwright when this process exits (runners end with process.exit).
 */
export async function closeBrowser(browser, ms = 5000) {
  if (!browser) return;
  let timer;
  await Promise.race([
    browser.close().catch(() => {}),
    new Promise(r => {
      timer = setTimeout(r, ms);
    }),
  ]);
  clearTimeout(timer);
}

/** A `vscode-remote://host:port/abs/path` URI of a path on the server, as the web workbench wants. */
export function remoteUri(server, absPath) {
  return `vscode-remote://${server.host}:${server.port}${resolve(absPath)}`;
}

/**
 * The `payload` pairs that load an extension under development (and optionally run its tests), as
 * `--extensionDevelopmentPath` / `--extensionTestsPath` would on a desktop VS Code.
 */
export function developmentPayload(server, { extensionDevelopmentPath, extensionTestsPath } = {}) {
  const pairs = [];
  if (extensionDevelopmentPath) pairs.push(['extensionDevelopmentPath', remoteUri(server, extensionDevelopmentPath)]);
  if (extensionTestsPath) pairs.push(['extensionTestsPath', remoteUri(server, extensionTestsPath)]);
  return pairs;
}

/** The workbench URL for a folder, with optional payload pairs. */
export function workbenchUrl(server, { folder, payload } = {}) {
  const params = [];
  if (folder) params.push(`folder=${encodeURIComponent(resolve(folder))}`);
  if (payload?.length) params.push(`payload=${encodeURIComponent(JSON.stringify(payload))}`);
  return server.url + (params.length ? `?${params.join('&')}` : '');
}

/**
 * Opens the workbench in a new page. `exposeFunctions` ({name: fn}) are installed before navigation
 * (e.g. codeAutomationLog / codeAutomationExit, which VS Code calls when it runs extension tests).
 * Waits for `.monaco-workbench` unless `waitForWorkbench` is false. Returns {page, context, url}.
 */
export async function openWorkbench({
  browser,
  server,
  url,
  folder,
  payload,
  exposeFunctions = {},
  viewport = { width: 1400, height: 900 },
  waitForWorkbench = true,
  timeoutMs = 60_000,
  onConsole,
  onPageError,
} = {}) {
  const target = url ?? workbenchUrl(server, { folder, payload });
  const context = await browser.newContext({ viewport });
  const page = await context.newPage();
  for (const [name, fn] of Object.entries(exposeFunctions)) await page.exposeFunction(name, fn);
  if (onConsole) page.on('console', onConsole);
  if (onPageError) page.on('pageerror', onPageError);
  await page.goto(target, { waitUntil: 'domcontentloaded', timeout: timeoutMs });
  if (waitForWorkbench) await page.waitForSelector('.monaco-workbench', { timeout: timeoutMs });
  return { page, context, url: target };
}
