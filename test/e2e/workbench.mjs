// Helpers for the end-to-end tests: a real VS Code 1.100.3 web workbench (code-server, see
// test/runner/codeServer.mjs) in headless Chromium, with Marginalia installed and a temp copy of
// samples/ open, driven the way a person drives it: Quick Open, the command palette, the mouse,
// the keyboard. Nothing here calls the extension's API directly.
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { closeBrowser, ensureCodeServer, launchBrowser, openWorkbench, QUIET_SETTINGS, repoRoot, startServer } from '../runner/codeServer.mjs';

export { repoRoot };

/** Where screenshots go: MARGINALIA_E2E_SHOTS (set by run.mjs), else out/e2e/screenshots. */
export const shotsDir = process.env.MARGINALIA_E2E_SHOTS ?? join(repoRoot, 'out', 'e2e', 'screenshots');

/** The viewport of every screenshot (small enough for PNGs under ~300 KB). */
export const VIEWPORT = { width: 1280, height: 800 };

const note = text => process.stderr.write(`[e2e] ${text}\n`);
const verbose = process.env.MARGINALIA_E2E_VERBOSE === '1';

/**
 * Starts code-server with Marginalia installed (the repo symlinked into its extensions folder, as
 * test/runner/demo.mjs does) on a temp copy of samples/, and opens the workbench in Chromium.
 * Returns {page, workspace, tmp, server, browser, close({keep})}: close removes the temp folder
 * unless `keep` (a test failed) or MARGINALIA_E2E_KEEP=1, and then says where it is.
 */
export async function startWorkbench({ headed = process.env.MARGINALIA_E2E_HEADED === '1', settings = {}, browserArgs = [] } = {}) {
  if (!existsSync(join(repoRoot, 'dist', 'extension.js'))) throw new Error('dist/extension.js is missing: run `npm run build` first');
  const codeServer = await ensureCodeServer();
  const manifest = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8'));
  const tmp = mkdtempSync(join(tmpdir(), 'marginalia-e2e-'));
  const workspace = join(tmp, 'samples');
  cpSync(join(repoRoot, 'samples'), workspace, { recursive: true });
  const userDataDir = join(tmp, 'user-data');
  const extensionsDir = join(tmp, 'extensions');
  mkdirSync(extensionsDir, { recursive: true });
  // MARGINALIA_E2E_EXTENSION: another build of the extension to install (e.g. a deliberately broken
  // one, to see the tests fail); by default the repository itself.
  const extension = process.env.MARGINALIA_E2E_EXTENSION || repoRoot;
  symlinkSync(extension, join(extensionsDir, `${manifest.publisher}.${manifest.name}-${manifest.version}`));

  let server;
  let browser;
  try {
    server = await startServer({
      folder: workspace,
      userDataDir,
      extensionsDir,
      codeServer,
      settings: {
        ...QUIET_SETTINGS,
        'workbench.colorTheme': 'Default Dark Modern',
        'editor.wordWrap': 'on',
        'editor.minimap.enabled': false,
        'editor.hover.delay': 300,
        'workbench.editor.enablePreviewFromQuickOpen': false,
        'files.simpleDialog.enable': true,
        'comments.openView': 'never',
        'marginalia.author': 'E2E Reviewer',
        ...settings,
      },
      onOutput: verbose ? text => process.stderr.write(text) : undefined,
    });
    browser = await launchBrowser({ headless: !headed, args: browserArgs });
    const { page } = await openWorkbench({ browser, server, folder: workspace, viewport: VIEWPORT });
    if (verbose) page.on('console', msg => note(`[console.${msg.type()}] ${msg.text()}`));
    page.setDefaultTimeout(15_000);
    await page.waitForSelector('.part.editor', { timeout: 60_000 });
    await page.waitForSelector('.explorer-folders-view .monaco-list-row', { timeout: 60_000 }).catch(() => {});
    const close = async ({ keep = false } = {}) => {
      await closeBrowser(browser);
      await server.stop();
      if (keep || process.env.MARGINALIA_E2E_KEEP === '1') note(`kept ${tmp} (workspace, user data and logs)`);
      else rmSync(tmp, { recursive: true, force: true });
    };
    return { page, workspace, tmp, server, browser, close };
  } catch (e) {
    await closeBrowser(browser);
    await server?.stop();
    note(`kept ${tmp} (workspace, user data and logs): the workbench did not start`);
    throw e;
  }
}

/** Saves a screenshot of the page as `<shotsDir>/<name>.png` and returns its path. */
export async function screenshot(page, name) {
  mkdirSync(shotsDir, { recursive: true });
  const path = join(shotsDir, `${name}.png`);
  await page.screenshot({ path });
  return path;
}

/** `fn` as a test body that saves FAILED-<shot>.png of `getPage()` when it fails, so the failure can be seen. */
export function failureShot(getPage, shot, fn) {
  return async () => {
    try {
      await fn();
    } catch (e) {
      const page = getPage();
      if (page) await screenshot(page, `FAILED-${shot}`).catch(() => {});
      throw e;
    }
  };
}

/**
 * Waits until Marginalia has indexed the folder: its status bar item counts every article of the
 * workspace, with some entities, and the progress notification has gone.
 */
export async function waitForIndexing(page, workspace) {
  const articles = (function count(dir) {
    return readdirSync(dir, { withFileTypes: true }).reduce((n, e) => n + (e.isDirectory() ? count(join(dir, e.name)) : /\.(txt|md)$/.test(e.name) ? 1 : 0), 0);
  })(workspace);
  await eventually(
    async () => {
      const m = /(\d+) articles · (\d+) entities/.exec(await statusBarText(page, /articles · /));
      return m && Number(m[1]) === articles && Number(m[2]) > 0 && !/indexing articles/.test(await notificationsText(page));
    },
    async () => `Marginalia did not index the ${articles} articles (status bar: "${await statusBarText(page, /articles · /)}")`,
    { timeout: 60_000 },
  );
}

/** Waits until `predicate()` (async) returns a truthy value, polling; throws `message` after `timeout`. */
export async function eventually(predicate, message, { timeout = 10_000, interval = 200 } = {}) {
  const end = Date.now() + timeout;
  let last;
  for (;;) {
    try {
      const value = await predicate();
      if (value) return value;
      last = value;
    } catch (e) {
      last = e;
    }
    if (Date.now() > end) {
      const why = last instanceof Error ? `: ${last.message}` : last !== undefined ? ` (last value ${JSON.stringify(last)})` : '';
      throw new Error(`${typeof message === 'function' ? await message() : message}${why}`);
    }
    await new Promise(r => setTimeout(r, interval));
  }
}

/** The visible quick input (Quick Open, command palette, an extension's quick pick or input box). */
export const QUICK_INPUT = '.quick-input-widget';

/** Waits for the quick input to be visible; returns its title text ('' when it has none). */
export async function waitForQuickInput(page, { title } = {}) {
  await page.waitForSelector(`${QUICK_INPUT} .quick-input-box input`, { state: 'visible' });
  if (title !== undefined) {
    await eventually(
      async () => (await quickInputTitle(page)).includes(title),
      async () => `quick input titled "${title}" did not appear (title: "${await quickInputTitle(page)}")`,
    );
  }
  return quickInputTitle(page);
}

export async function quickInputTitle(page) {
  return page.evaluate(sel => document.querySelector(`${sel} .quick-input-title`)?.textContent ?? '', QUICK_INPUT);
}

export async function quickInputVisible(page) {
  return page.evaluate(sel => {
    const w = document.querySelector(sel);
    return !!w && w.style.display !== 'none' && w.getBoundingClientRect().height > 0;
  }, QUICK_INPUT);
}

/** Labels (with descriptions) of the quick input's visible rows, top to bottom, and which one is focused. */
export async function quickPickRows(page) {
  return page.evaluate(
    sel =>
      [...document.querySelectorAll(`${sel} .quick-input-list .monaco-list-row`)]
        .sort((a, b) => a.getBoundingClientRect().top - b.getBoundingClientRect().top)
        .map(row => ({
          label: row.querySelector('.quick-input-list-row .label-name')?.textContent?.trim() ?? '',
          description: row.querySelector('.quick-input-list-row .label-description')?.textContent?.trim() ?? '',
          detail: [...row.querySelectorAll('.quick-input-list-label-meta .monaco-icon-label')]
            .filter(e => e.style.display !== 'none')
            .map(e => e.textContent.trim())
            .join(''),
          text: (row.querySelector('.quick-input-list-row') ?? row).textContent.trim(),
          focused: row.classList.contains('focused'),
        })),
    QUICK_INPUT,
  );
}

/** Types into the quick input, waits until the focused row matches `expect` (RegExp on its text), presses Enter. */
export async function typeAndAccept(page, text, expect) {
  await page.keyboard.type(text, { delay: 15 });
  if (expect) {
    await eventually(
      async () => (await quickPickRows(page)).find(r => r.focused && expect.test(r.text)),
      async () => `no focused row matching ${expect} after typing "${text}"; rows: ${JSON.stringify((await quickPickRows(page)).map(r => r.text))}`,
    );
  }
  await page.keyboard.press('Enter');
}

/** Runs a command from the command palette (F1, its title, Enter), as a person would. */
export async function runCommand(page, title) {
  await page.keyboard.press('Escape');
  await page.keyboard.press('F1');
  await waitForQuickInput(page);
  const escaped = title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  await typeAndAccept(page, title, new RegExp(`^${escaped}`));
}

/**
 * Opens a file with Quick Open (Ctrl+P, its name, Enter) and waits for its tab to be the active one.
 * For an article (`article`, the default), also waits until Marginalia has decorated it and the
 * editor's layout has settled: the gutter widens when the comment controller's ranges arrive, which
 * moves the text a little to the right a moment after the editor opens.
 */
export async function quickOpen(page, fileName, { article = true } = {}) {
  await page.keyboard.press('Escape');
  await page.keyboard.press('Control+P');
  await waitForQuickInput(page);
  await typeAndAccept(page, fileName, new RegExp(fileName.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')));
  await eventually(
    async () => (await activeTabTitle(page)) === fileName,
    async () => `the tab of ${fileName} did not become active (active: ${await activeTabTitle(page)})`,
  );
  await waitForEditorText(page);
  if (article) {
    await eventually(
      () =>
        page.evaluate(sel => {
          const editor = document.querySelector(sel);
          return (
            !!editor &&
            editor.querySelectorAll('.view-overlays .cdr[class*="ced-"]').length > 0 &&
            editor.querySelectorAll('.margin-view-overlays .comment-range-glyph').length > 0
          );
        }, ACTIVE_EDITOR),
      `${fileName} shows no Marginalia highlights and no commenting ranges`,
    );
  }
  await waitForStableLayout(page);
}

/** Waits until the active editor's text stops moving (same position over `quietMs`). */
export async function waitForStableLayout(page, { quietMs = 400, timeout = 5000 } = {}) {
  const where = () =>
    page.evaluate(sel => {
      const lines = document.querySelector(`${sel} .view-lines`);
      const r = lines?.getBoundingClientRect();
      return r ? `${r.left},${r.top},${r.width},${lines.childElementCount}` : '';
    }, ACTIVE_EDITOR);
  const end = Date.now() + timeout;
  let last = await where();
  let since = Date.now();
  while (Date.now() < end) {
    await new Promise(r => setTimeout(r, 100));
    const now = await where();
    if (now !== last) {
      last = now;
      since = Date.now();
      continue;
    }
    if (Date.now() - since >= quietMs) return;
  }
}

/** The label of the active editor tab. */
export async function activeTabTitle(page) {
  return page.evaluate(
    () =>
      document.querySelector('.editor-group-container.active .tab.active .label-name')?.textContent?.trim() ??
      document.querySelector('.editor-group-container.active .title-label .label-name')?.textContent?.trim() ??
      '',
  );
}

/** The CSS selector of the active editor's Monaco instance. */
export const ACTIVE_EDITOR = '.editor-group-container.active .editor-instance .monaco-editor';

async function waitForEditorText(page) {
  await page.waitForSelector(`${ACTIVE_EDITOR} .view-lines .view-line`, { state: 'visible' });
}

/**
 * The screen rectangle of the `nth` occurrence of `text` in the active editor's rendered lines
 * (found in the text nodes of `.view-line`, which Monaco splits into token spans), or undefined.
 */
export async function textRect(page, text, nth = 0) {
  return page.evaluate(
    ({ editorSel, text, nth }) => {
      const editor = document.querySelector(editorSel);
      if (!editor) return undefined;
      const lines = [...editor.querySelectorAll('.view-lines .view-line')].sort((a, b) => a.getBoundingClientRect().top - b.getBoundingClientRect().top);
      let seen = 0;
      for (const line of lines) {
        const nodes = [];
        const walker = document.createTreeWalker(line, NodeFilter.SHOW_TEXT);
        for (let n = walker.nextNode(); n; n = walker.nextNode()) nodes.push(n);
        const full = nodes
          .map(n => n.data)
          .join('')
          .replace(/\u00a0/g, ' ');
        for (let at = full.indexOf(text); at !== -1; at = full.indexOf(text, at + 1)) {
          if (seen++ < nth) continue;
          const locate = offset => {
            let rest = offset;
            for (const n of nodes) {
              if (rest <= n.data.length) return [n, rest];
              rest -= n.data.length;
            }
            return [nodes[nodes.length - 1], nodes[nodes.length - 1].data.length];
          };
          const range = document.createRange();
          range.setStart(...locate(at));
          range.setEnd(...locate(at + text.length));
          const r = range.getBoundingClientRect();
          return { x: r.x, y: r.y, width: r.width, height: r.height, cx: r.x + r.width / 2, cy: r.y + r.height / 2 };
        }
      }
      return undefined;
    },
    { editorSel: ACTIVE_EDITOR, text, nth },
  );
}

/** `textRect`, waiting for the text to be rendered; throws when it never is. */
export async function findText(page, text, nth = 0) {
  return eventually(() => textRect(page, text, nth), `"${text}" is not shown in the active editor`);
}

/** The status bar's cursor item, parsed: {line, column, selected} (selected: characters, 0 when none). */
export async function cursorStatus(page) {
  const text = await page.evaluate(() => {
    const item =
      document.querySelector('#status\\.editor\\.selection') ??
      [...document.querySelectorAll('.statusbar-item')].find(e => /Ln \d+, Col \d+/.test(e.textContent));
    return item?.textContent ?? '';
  });
  const m = /Ln (\d+), Col (\d+)(?: \((\d+) selected\))?/.exec(text);
  return m ? { line: Number(m[1]), column: Number(m[2]), selected: Number(m[3] ?? 0), text } : undefined;
}

/**
 * The text of `file` that the status bar's cursor item describes: the `selected` characters before
 * the cursor (a selection made by a command ends at the cursor), on the cursor's line.
 */
export function selectedTextOnDisk(file, { line, column, selected }) {
  const text = readFileSync(file, 'utf8').split(/\r?\n/)[line - 1] ?? '';
  return text.slice(Math.max(0, column - 1 - selected), column - 1);
}

/** Parses '#rrggbbaa' / '#rrggbb' into [r, g, b, a(0..1)]. */
export function hexColor(hex) {
  const h = hex.replace('#', '');
  const n = i => parseInt(h.slice(i, i + 2), 16);
  return [n(0), n(2), n(4), h.length >= 8 ? n(6) / 255 : 1];
}

/** Parses a computed CSS color ('rgb(...)' / 'rgba(...)') into [r, g, b, a]. */
export function cssColor(css) {
  const m = /rgba?\(([^)]+)\)/.exec(css ?? '');
  if (!m) return undefined;
  const parts = m[1].split(',').map(s => Number(s.trim()));
  return [parts[0], parts[1], parts[2], parts[3] ?? 1];
}

export function sameColor(a, b) {
  return !!a && !!b && a.slice(0, 3).every((v, i) => Math.abs(v - b[i]) <= 1) && Math.abs(a[3] - b[3]) < 0.02;
}

/**
 * The background colors of the editor's decoration overlays (`.cdr` in `.view-overlays`) under the
 * given screen point, outermost first.
 */
export async function decorationColorsAt(page, x, y) {
  return page.evaluate(
    ({ editorSel, x, y }) => {
      const editor = document.querySelector(editorSel);
      if (!editor) return [];
      return [...editor.querySelectorAll('.view-overlays .cdr')]
        .filter(el => {
          const r = el.getBoundingClientRect();
          return r.width > 0 && x >= r.left && x <= r.right && y >= r.top && y <= r.bottom;
        })
        .map(el => getComputedStyle(el).backgroundColor)
        .filter(c => c && c !== 'rgba(0, 0, 0, 0)' && c !== 'transparent');
    },
    { editorSel: ACTIVE_EDITOR, x, y },
  );
}

/** Selects text in the active editor by dragging the mouse from its first to its last character. */
export async function selectText(page, text, nth = 0) {
  const r = await findText(page, text, nth);
  await page.mouse.move(r.x + 1, r.cy);
  await page.mouse.down();
  await page.mouse.move(r.x + r.width / 2, r.cy, { steps: 4 });
  await page.mouse.move(r.x + r.width - 1, r.cy, { steps: 4 });
  await page.mouse.up();
  return r;
}

/** The text of the status bar item whose text matches `re`, or ''. */
export async function statusBarText(page, re) {
  return page.evaluate(source => {
    const re = new RegExp(source);
    return [...document.querySelectorAll('.statusbar-item')].map(e => e.textContent.trim()).find(t => re.test(t)) ?? '';
  }, re.source);
}

/** The text of the visible notification toasts. */
export async function notificationsText(page) {
  return page.evaluate(() => document.querySelector('.notifications-toasts')?.innerText ?? '');
}

/** Presses Escape a few times and closes every editor (View: Close All Editors) for a fresh start. */
export async function resetWorkbench(page) {
  for (let i = 0; i < 3; i++) await page.keyboard.press('Escape');
  await runCommand(page, 'View: Close All Editors');
  await eventually(async () => (await page.locator('.editor-group-container .tab').count()) === 0, 'editors did not close');
}

/** The panes of the side bar: title, whether expanded, and the rows each renders. */
export async function sidebarPanes(page) {
  return page.evaluate(() =>
    [...document.querySelectorAll('.sidebar .pane')].map(p => ({
      title: p.querySelector('.pane-header .title')?.textContent?.trim() ?? '',
      expanded: p.querySelector('.pane-header')?.getAttribute('aria-expanded') === 'true',
      rows: [...p.querySelectorAll('.monaco-list-row')].map(r => r.getAttribute('aria-label') ?? r.textContent),
    })),
  );
}

/**
 * Expands the side bar's panes whose titles start with one of `titles` and collapses the others:
 * a tree renders only the rows that fit, and the Marginalia view holds several.
 */
export async function showOnlyPanes(page, titles) {
  const wanted = title => titles.some(t => title.toLowerCase().startsWith(t.toLowerCase()));
  for (const pane of await sidebarPanes(page)) {
    if (wanted(pane.title) === pane.expanded) continue;
    await page.locator('.sidebar .pane-header', { hasText: pane.title }).first().click();
  }
  await eventually(async () => (await sidebarPanes(page)).every(p => wanted(p.title) === p.expanded), `the panes ${titles} did not open alone`);
}
