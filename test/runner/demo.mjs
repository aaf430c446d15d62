// `npm run demo`: a real VS Code 1.100.3 in the browser with Marginalia installed and a copy of
// samples/ open. Prints the URL and runs until Ctrl+C.
//
//   node test/runner/demo.mjs                 # PORT env or 8080 (a free port if taken), 127.0.0.1
//   node test/runner/demo.mjs --check [PNG]   # start, open an article in headless Chromium, check
//                                             # that Marginalia highlights it, screenshot, exit
//   options: --port N, --host H, --open REL/PATH.txt (the article --check opens)
//
// The extension is loaded as an installed extension: the repo is symlinked into the server's
// --extensions-dir as `<publisher>.<name>-<version>` (code-server rejects --extensionDevelopmentPath),
// so the plain URL shows Marginalia active, no payload needed. It runs dist/ as built: `npm run demo`
// builds first.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import {
  closeBrowser,
  ensureCodeServer,
  findFreePort,
  launchBrowser,
  openWorkbench,
  QUIET_SETTINGS,
  repoRoot,
  startServer,
  VSCODE_VERSION,
} from './codeServer.mjs';

const { values: options, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    check: { type: 'boolean', default: false },
    port: { type: 'string' },
    host: { type: 'string', default: '127.0.0.1' },
    open: { type: 'string' },
  },
});
const screenshot = resolve(positionals[0] ?? '/tmp/demo.png');
const note = text => process.stderr.write(`[demo] ${text}\n`);

function prepare() {
  if (!existsSync(join(repoRoot, 'dist', 'extension.js'))) throw new Error('dist/extension.js is missing: run `npm run build` (npm run demo does)');
  const manifest = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8'));
  const tmp = mkdtempSync(join(tmpdir(), 'marginalia-demo-'));
  const workspace = join(tmp, 'samples');
  mkdirSync(workspace);
  if (existsSync(join(repoRoot, 'samples'))) cpSync(join(repoRoot, 'samples'), workspace, { recursive: true });
  const userDataDir = join(tmp, 'user-data');
  const extensionsDir = join(tmp, 'extensions');
  mkdirSync(extensionsDir, { recursive: true });
  const id = `${manifest.publisher}.${manifest.name}-${manifest.version}`;
  symlinkSync(repoRoot, join(extensionsDir, id));
  note(`workspace ${workspace} (a copy of samples/), extension ${id} -> ${repoRoot}`);
  return { tmp, workspace, userDataDir, extensionsDir };
}

/** The article with the most mentions according to the CLI, so the check has something to see. */
function pickArticle(workspace) {
  if (options.open) return options.open;
  const run = spawnSync(process.execPath, [join(repoRoot, 'dist', 'cli.js'), 'analyze', '--format', 'json', '.'], {
    cwd: workspace,
    encoding: 'utf8',
    maxBuffer: 256 << 20,
  });
  try {
    const { documents } = JSON.parse(run.stdout);
    const best = [...documents].sort((a, b) => b.mentions.length - a.mentions.length)[0];
    if (best) return best.path;
  } catch {
    /* fall through */
  }
  throw new Error(`cannot pick an article: dist/cli.js analyze exited ${run.status}: ${run.stderr}`);
}

/** Opens `relPath` with Quick Open and waits for Marginalia's decorations in the editor. */
async function checkPage(page, relPath) {
  await page.waitForSelector('.monaco-workbench .part.editor', { timeout: 60_000 });
  await page.waitForSelector('.explorer-folders-view .monaco-list-row', { timeout: 60_000 }).catch(() => {});
  await page.waitForTimeout(1000);
  await page.keyboard.press('Control+P');
  await page.waitForSelector('.quick-input-widget input', { state: 'visible', timeout: 15_000 });
  await page.keyboard.type(relPath, { delay: 10 });
  await page.waitForSelector('.quick-input-list .monaco-list-row', { timeout: 15_000 });
  await page.waitForTimeout(300);
  await page.keyboard.press('Enter');
  const name = relPath.split('/').pop();
  await page.waitForSelector(`.tab.active[aria-label*="${name}"], .tab.active :text("${name}")`, { timeout: 15_000 }).catch(() => {});
  // Decorations with a background are drawn as `.cdr` elements in the editor's view overlays.
  const found = await page
    .waitForFunction(
      () => {
        const editor = document.querySelector('.editor-instance .monaco-editor, .editor-group-container.active .monaco-editor');
        return editor ? editor.querySelectorAll('.view-overlays .cdr[class*="ced-"]').length : 0;
      },
      undefined,
      { timeout: 20_000, polling: 250 },
    )
    .then(h => h.jsonValue())
    .catch(() => 0);
  return found;
}

async function main() {
  const codeServer = await ensureCodeServer();
  const { tmp, workspace, userDataDir, extensionsDir } = prepare();
  const preferred = Number(options.port ?? process.env.PORT ?? 8080);
  const port = await findFreePort(preferred, options.host);
  if (port !== preferred) note(`port ${preferred} is taken: using ${port}`);

  const server = await startServer({
    folder: workspace,
    userDataDir,
    extensionsDir,
    port,
    host: options.host,
    codeServer,
    settings: { ...QUIET_SETTINGS, 'security.workspace.trust.enabled': false, 'workbench.startupEditor': 'none' },
  });
  let stopping = false;
  const shutdown = async code => {
    if (stopping) return;
    stopping = true;
    await server.stop();
    rmSync(tmp, { recursive: true, force: true });
    process.exit(code);
  };
  process.on('SIGINT', () => {
    note('stopping');
    shutdown(0);
  });
  process.on('SIGTERM', () => shutdown(0));
  process.on('SIGHUP', () => shutdown(0));

  const url = server.url;
  if (options.check) {
    let code = 1;
    let browser;
    try {
      const article = pickArticle(workspace);
      browser = await launchBrowser();
      const { page } = await openWorkbench({ browser, url, waitForWorkbench: true });
      const decorations = await checkPage(page, article);
      await page.screenshot({ path: screenshot });
      note(`opened ${url}, then ${article}: ${decorations} highlight decoration(s); screenshot ${screenshot}`);
      if (decorations > 0) code = 0;
      else note('FAILED: no Marginalia decoration in the editor (extension not active, or no mention found)');
    } catch (e) {
      note(`FAILED: ${e.stack ?? e}`);
    } finally {
      await closeBrowser(browser);
    }
    console.log(code === 0 ? `demo check passed: ${url}` : 'demo check failed');
    return shutdown(code);
  }

  console.log(
    `\nMarginalia demo (VS Code ${VSCODE_VERSION}, code-server) with a copy of samples/:\n\n  ${url}\n\nOpen it in a browser; Ctrl+C stops the server.`,
  );
  server.exited.then(({ code, signal }) => {
    if (stopping) return;
    note(`code-server exited (${code ?? signal})`);
    shutdown(code || 1);
  });
}

main().catch(e => {
  note(e.stack ?? String(e));
  process.exit(1);
});
