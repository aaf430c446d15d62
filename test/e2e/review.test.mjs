// End-to-end: a reviewer's session in a real VS Code (web workbench of code-server) with Marginalia
// installed, on a temp copy of samples/. Each test does what a person does (Quick Open, the command
// palette, the mouse, keybindings) and checks what a person would see, plus the files on disk.
// Every test saves a screenshot (run.mjs says where); a failing test saves FAILED-<name>.png.
// Run with `npm run test:e2e` (test/e2e/run.mjs).
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readFileSync, readdirSync } from 'node:fs';
import { basename, join } from 'node:path';
import { after, afterEach, before, describe, test } from 'node:test';
import { parse as parseYaml } from 'yaml';
import {
  ACTIVE_EDITOR,
  activeTabTitle,
  cssColor,
  cursorStatus,
  decorationColorsAt,
  eventually,
  findText,
  hexColor,
  QUICK_INPUT,
  notificationsText,
  quickInputTitle,
  quickInputVisible,
  quickOpen,
  quickPickRows,
  repoRoot,
  resetWorkbench,
  runCommand,
  sameColor,
  showOnlyPanes,
  sidebarPanes,
  failureShot,
  screenshot,
  selectedTextOnDisk,
  selectText,
  startWorkbench,
  statusBarText,
  typeAndAccept,
  waitForIndexing,
  waitForQuickInput,
  waitForStableLayout,
} from './workbench.mjs';

// A SIGTERM from the runner (overall timeout) must still stop code-server: exit runs its exit hook.
process.on('SIGTERM', () => process.exit(143));

const HERALD = 'herald-xi-lee-summit-talks.txt';
const WIRE = 'wire-lee-arrives-beijing.txt';
const TEST_TIMEOUT = 60_000;

/** The dark theme's default colors of the entity kinds, from the manifest. */
const manifest = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8'));
const kindColor = kind => hexColor(manifest.contributes.colors.find(c => c.id === `marginalia.${kind}Background`).defaults.dark);

let wb;
let page;
/** Set when a test fails: the workbench's temp folder is then kept (and named) for a look. */
let failed = false;

/** A test that saves FAILED-<shot>.png when it fails, so the failure can be seen. */
function e2e(name, shot, fn) {
  test(
    name,
    { timeout: TEST_TIMEOUT },
    failureShot(() => page, shot, fn),
  );
}

/** The workspace path of a sample article. */
const inWorkspace = rel => join(wb.workspace, rel);

/** The parsed sidecar (`<article>.annotations.yaml`) of an article of the workspace, if there is one. */
function readSidecar(rel) {
  const file = inWorkspace(`${rel}.annotations.yaml`);
  return existsSync(file) ? parseYaml(readFileSync(file, 'utf8')) : undefined;
}

/** The text of the editor hover shown, or '' when none is. */
async function hoverText() {
  return page.evaluate(() =>
    [...document.querySelectorAll('.monaco-hover:not(.hidden)')]
      .filter(e => e.getBoundingClientRect().height > 0)
      .map(e => e.innerText)
      .join('\n'),
  );
}

/** The comment thread widgets shown in the active editor: their title and text. */
async function threadWidgets() {
  return page.evaluate(
    sel =>
      [...document.querySelectorAll(`${sel} .review-widget`)]
        .filter(e => e.getBoundingClientRect().height > 0)
        .map(e => ({
          title: e.querySelector('.head .review-title, .head .filename')?.textContent?.trim() ?? e.querySelector('.head')?.textContent?.trim() ?? '',
          text: e.innerText,
          actions: [...e.querySelectorAll('.head .action-label')].map(a => a.getAttribute('aria-label')),
        })),
    ACTIVE_EDITOR,
  );
}

/**
 * Opens the comment thread on the row that shows `text` by clicking its glyph in the gutter, and
 * returns the thread widget whose text contains `expect` (see threadWidgets). Clicks once the glyph
 * has been there for a moment, as a person would: the extension host is still sending the new
 * thread's fields, and one of them (collapsed, as threads start) can fold a widget opened earlier.
 * A second click is made only when the first opened nothing.
 */
async function openThreadAt(text, expect, { ready = () => true } = {}) {
  const glyphAt = async () => {
    const r = await findText(page, text);
    return page.evaluate(
      ({ sel, y }) => {
        const el = [
          ...document
            .querySelector(sel)
            .querySelectorAll(
              '.margin-view-overlays .comment-range-glyph.comment-thread, .margin-view-overlays .comment-range-glyph.comment-thread-unresolved',
            ),
        ].find(e => {
          const b = e.getBoundingClientRect();
          return y >= b.top && y <= b.bottom;
        });
        const b = el?.getBoundingClientRect();
        return b && { x: Math.round(b.x + b.width / 2), y: Math.round(b.y + b.height / 2) };
      },
      { sel: ACTIVE_EDITOR, y: r.cy },
    );
  };
  await eventually(glyphAt, `no comment thread glyph in the gutter next to "${text}"`);
  await page.waitForTimeout(600);
  await waitForStableLayout(page);
  const opened = async () => (await threadWidgets()).find(w => w.text.includes(expect));
  for (let attempt = 1; attempt <= 2; attempt++) {
    if (attempt > 1) process.stderr.write(`[e2e] the thread next to "${text}" did not open on the first click: clicking again\n`);
    const glyph = await eventually(glyphAt, `the comment thread glyph next to "${text}" went away`);
    await page.mouse.move(glyph.x, glyph.y);
    await page.mouse.click(glyph.x, glyph.y);
    if (await eventually(opened, '', { timeout: attempt === 1 ? 3000 : 10_000 }).catch(() => undefined)) {
      return eventually(
        async () => {
          const w = await opened();
          return w && ready(w) ? w : undefined;
        },
        async () => `the comment thread showing "${expect}" is incomplete: ${JSON.stringify(await threadWidgets())}`,
      );
    }
  }
  throw new Error(
    `no comment thread widget showing "${expect}" after clicking the gutter glyph next to "${text}" twice (widgets: ${JSON.stringify(await threadWidgets())})`,
  );
}

describe('Marginalia in VS Code, as a reviewer uses it', () => {
  before(
    async () => {
      failed = true; // until the workbench is ready
      wb = await startWorkbench();
      page = wb.page;
      // Marginalia activates on the sample sidecar and indexes the folder
      await waitForIndexing(page, wb.workspace);
      failed = false;
    },
    { timeout: 120_000 },
  );

  afterEach(t => {
    if (t.passed === false) failed = true;
  }); // a timeout too

  after(async () => {
    await wb?.close({ keep: failed });
  });

  e2e('a. an article opened with Quick Open shows its entities colored by kind', 'entities', async () => {
    await resetWorkbench(page);
    await quickOpen(page, HERALD);
    const expected = { 'Xi Jinping': 'person', Xinhua: 'organization', 'Great Hall of the People': 'place', Monday: 'date' };
    for (const [word, kind] of Object.entries(expected)) {
      const colors = await eventually(async () => {
        const r = await findText(page, word);
        const found = (await decorationColorsAt(page, r.cx, r.cy)).map(cssColor);
        return found.length ? found : undefined;
      }, `no highlight under "${word}" (a ${kind})`);
      assert.ok(
        colors.some(c => sameColor(c, kindColor(kind))),
        `"${word}" should have the ${kind} background ${kindColor(kind)}, has ${JSON.stringify(colors)}`,
      );
    }
    // Four kinds, four different colors; a word that is no entity has none of them.
    assert.equal(new Set(Object.values(expected).map(k => String(kindColor(k)))).size, 4);
    const plain = await findText(page, 'memorandums');
    const plainColors = (await decorationColorsAt(page, plain.cx, plain.cy)).map(cssColor);
    for (const kind of ['person', 'organization', 'place', 'date']) {
      assert.ok(!plainColors.some(c => sameColor(c, kindColor(kind))), `"memorandums" should not be highlighted as a ${kind}`);
    }
    const count = await page.evaluate(sel => document.querySelector(sel).querySelectorAll('.view-overlays .cdr[class*="ced-"]').length, ACTIVE_EDITOR);
    assert.ok(count >= 20, `expected many highlighted mentions, found ${count} decorations`);
    await page.mouse.move(5, 790);
    await screenshot(page, 'entities');
  });

  e2e('b. hovering a name shows the other documents; a link opens the mention there', 'hover-card', async () => {
    await resetWorkbench(page);
    await quickOpen(page, HERALD);
    const name = await findText(page, 'Xi Jinping');
    await page.mouse.move(name.cx - 10, name.cy);
    await page.mouse.move(name.cx, name.cy, { steps: 3 });
    const text = await eventually(async () => {
      const t = await hoverText();
      return /Other documents/.test(t) ? t : undefined;
    }, 'no hover card with "Other documents" over "Xi Jinping"');
    assert.match(text, /Xi Jinping · person/);
    assert.match(text, /\d+ mentions in \d+ documents/);
    const links = await page.$$eval('.monaco-hover:not(.hidden) a', as => as.map(a => ({ text: a.textContent, href: a.getAttribute('data-href') ?? '' })));
    const documents = links.filter(l => l.href.startsWith('command:marginalia.openMention'));
    assert.ok(documents.length >= 3, `the card should link several documents, links: ${JSON.stringify(links.map(l => l.text))}`);
    assert.ok(
      documents.every(l => !l.text.includes(HERALD)),
      'the card lists other documents, not the one hovered',
    );
    const target = documents.find(l => l.text.endsWith(WIRE));
    assert.ok(target, `the card should list ${WIRE}: ${JSON.stringify(documents.map(l => l.text))}`);
    await screenshot(page, 'hover-card');

    const link = page.locator('.monaco-hover:not(.hidden) a', { hasText: target.text });
    const box = await link.boundingBox();
    await page.mouse.move(box.x + 10, box.y + box.height / 2, { steps: 8 });
    await page.mouse.click(box.x + 10, box.y + box.height / 2);
    await eventually(
      async () => (await activeTabTitle(page)) === WIRE,
      async () => `clicking the link did not open ${WIRE} (active tab: ${await activeTabTitle(page)})`,
    );
    const cursor = await eventually(async () => {
      const c = await cursorStatus(page);
      return c?.selected ? c : undefined;
    }, 'nothing is selected in the opened document');
    assert.match(
      selectedTextOnDisk(inWorkspace(`korea-china/${WIRE}`), cursor),
      /^(Xi Jinping|President Xi|Xi)$/,
      `the selection (${cursor.text}) should be the mention of Xi Jinping`,
    );
    await screenshot(page, 'hover-link-opened');
  });

  e2e('c. Cross-reference Entity from the command palette: type an alias, pick, step through mentions', 'cross-reference', async () => {
    await resetWorkbench(page); // no editor: the command asks for the entity instead of taking the one at the cursor
    await runCommand(page, 'Marginalia: Cross-reference Entity...');
    await waitForQuickInput(page, { title: 'Cross-reference' });
    // "Sung-lac" is in an alias only (the entity is named "Wi Sung Lac").
    await typeAndAccept(page, 'Sung-lac', /^Wi Sung Lac/);
    const title = await eventually(
      async () => {
        const t = await quickInputTitle(page);
        return /^Wi Sung Lac: \d+ mentions in \d+ documents/.test(t) ? t : undefined;
      },
      async () => `no list of mentions after picking Wi Sung Lac (title: "${await quickInputTitle(page)}")`,
    );
    const rows = await quickPickRows(page);
    assert.ok(rows.length >= 3, `several mentions expected, got ${rows.length}`);
    const where = rows.map(r => {
      const m = /^(.*):(\d+)$/.exec(r.description);
      assert.ok(m, `a mention row should say path:line, says "${r.description}"`);
      return { path: m[1], line: Number(m[2]), label: r.label };
    });
    // Each mention is previewed as it becomes the active row.
    const previewed = async i => {
      const expected = where[i];
      const state = await eventually(
        async () => {
          const tab = await activeTabTitle(page);
          const c = await cursorStatus(page);
          return tab === basename(expected.path) && c?.line === expected.line && c.selected > 0 ? { tab, c } : undefined;
        },
        async () =>
          `mention ${i + 1} (${expected.path}:${expected.line}) is not previewed (active: ${await activeTabTitle(page)}, ${(await cursorStatus(page))?.text})`,
      );
      assert.equal(selectedTextOnDisk(inWorkspace(expected.path), state.c), expected.label, 'the previewed selection is the mention');
      return state;
    };
    const first = await previewed(0);
    await screenshot(page, 'cross-reference');
    await page.keyboard.press('ArrowDown');
    const second = await previewed(1);
    assert.notDeepEqual(
      [second.tab, second.c.line, second.c.column],
      [first.tab, first.c.line, first.c.column],
      'Arrow Down should change the previewed mention',
    );
    assert.ok(await quickInputVisible(page), 'the list stays open while stepping');
    await page.keyboard.press('Enter');
    await eventually(async () => !(await quickInputVisible(page)), 'Enter should close the list');
    assert.equal(await activeTabTitle(page), basename(where[1].path));
    assert.ok(title.includes('Wi Sung Lac'));
  });

  e2e('d. select text, Ctrl+Alt+A, pick a label, type a note: a comment thread and a sidecar entry', 'comment-thread', async () => {
    await resetWorkbench(page);
    await quickOpen(page, HERALD);
    const article = `korea-china/${HERALD}`;
    assert.equal(readSidecar(article), undefined, 'the article has no sidecar yet');
    const quote = 'Fourteen memorandums were signed';
    await selectText(page, quote);
    const selection = await eventually(
      async () => {
        const c = await cursorStatus(page);
        return c?.selected === quote.length ? c : undefined;
      },
      async () => `dragging should select "${quote}" (${(await cursorStatus(page))?.text})`,
    );
    assert.equal(selectedTextOnDisk(inWorkspace(article), selection), quote);

    await page.keyboard.press('Control+Alt+A');
    await waitForQuickInput(page, { title: `Annotate "${quote}"` });
    const labels = (await quickPickRows(page)).map(r => r.label);
    assert.deepEqual(labels.slice(0, 4), ['person', 'organization', 'place', 'date']);
    assert.ok(labels.includes('claim'), `labels: ${labels}`);
    await screenshot(page, 'annotate-label');
    await typeAndAccept(page, 'claim', /^claim/);
    await waitForQuickInput(page, { title: 'as claim' });
    const note = 'Check the count: the ministry readout says **fourteen**, Xinhua says thirteen.';
    await page.keyboard.type(note, { delay: 5 });
    await page.keyboard.press('Enter');

    const annotation = await eventually(
      () => readSidecar(article)?.annotations?.find(a => a.target?.quote === quote),
      `no annotation of "${quote}" in ${article}.annotations.yaml`,
    );
    assert.equal(annotation.label, 'claim');
    assert.equal(annotation.note.trim(), note);
    assert.equal(annotation.author, 'E2E Reviewer');
    const text = readFileSync(inWorkspace(article), 'utf8').replace(/^\uFEFF/, '');
    assert.equal(text.slice(annotation.target.start, annotation.target.end), quote, 'the sidecar offsets point at the quote');

    const widget = await openThreadAt('Fourteen', 'the ministry readout says');
    assert.match(widget.text, /claim · confirmed/);
    assert.match(widget.text, /E2E Reviewer/);
    assert.ok(widget.text.includes('fourteen') && !widget.text.includes('**'), 'the note is rendered as Markdown');
    await page.mouse.move(5, 790);
    await screenshot(page, 'comment-thread');
  });

  e2e('e. a status set from the thread title bar (Dispute) changes the sidecar', 'thread-status', async () => {
    await resetWorkbench(page);
    await quickOpen(page, WIRE);
    const article = `korea-china/${WIRE}`;
    const before = readSidecar(article).annotations.find(a => a.target.quote === 'Xinhua');
    assert.equal(before.status, 'confirmed');
    // The title actions come a moment after the thread (they depend on its context value).
    const widget = await openThreadAt('Xinhua', 'State news agency', { ready: w => w.actions.length > 1 });
    assert.match(widget.text, /source · confirmed/);
    assert.ok(widget.actions.includes('Dispute'), `title actions: ${widget.actions}`);
    assert.ok(!widget.actions.includes('Confirm'), 'a confirmed annotation offers no Confirm');

    const dispute = page.locator(`${ACTIVE_EDITOR} .review-widget .head .action-label[aria-label="Dispute"]`);
    await dispute.click();
    await eventually(
      () => readSidecar(article).annotations.find(a => a.id === before.id)?.status === 'disputed',
      'the sidecar does not say status: disputed after clicking Dispute',
    );
    await eventually(async () => (await threadWidgets()).find(w => /source · disputed/.test(w.text)), 'the thread title does not show the new status');
    // The title actions follow the status: a disputed annotation can be confirmed, not disputed again.
    await eventually(
      async () => (await threadWidgets()).find(w => w.actions.includes('Confirm') && !w.actions.includes('Dispute')),
      async () => `the thread's title actions did not change with the status: ${JSON.stringify((await threadWidgets()).map(w => w.actions))}`,
    );
    const others = readSidecar(article)
      .annotations.filter(a => a.id !== before.id)
      .map(a => a.status);
    assert.deepEqual(others, ['confirmed', 'disputed'], 'the other annotations keep their status');
    await page.mouse.move(5, 790);
    await screenshot(page, 'thread-status');
  });

  e2e('f. Export Annotations from the command palette writes the files into the chosen folder', 'export', async () => {
    await resetWorkbench(page);
    await quickOpen(page, WIRE);
    const out = join(wb.tmp, 'exported');
    mkdirSync(out, { recursive: true });
    await runCommand(page, 'Marginalia: Export Annotations...');
    await waitForQuickInput(page, { title: '(1/4)' });
    await typeAndAccept(page, 'Workspace', /^Workspace/);
    await waitForQuickInput(page, { title: '(2/4)' });
    await typeAndAccept(page, 'Reviewed annotations', /^Reviewed annotations$/);
    await waitForQuickInput(page, { title: '(3/4)' });
    const formats = (await quickPickRows(page)).map(r => r.label);
    assert.deepEqual(formats, ['w3c', 'brat', 'conll', 'jsonl', 'doccano', 'csv']);
    await screenshot(page, 'export-format');
    await typeAndAccept(page, 'csv', /^csv/);
    // The folder dialog of the web workbench is VS Code's own: type the path, then its button accepts it.
    await waitForQuickInput(page, { title: '(4/4)' });
    // The dialog fills in its starting folder and lists it a moment after it opens: type after that.
    const input = `${QUICK_INPUT} .quick-input-box input`;
    await eventually(
      async () => (await page.inputValue(input)).endsWith('/') && (await quickPickRows(page)).length > 0,
      'the folder dialog did not show a folder',
    );
    await page.waitForTimeout(300);
    await page.keyboard.press('Control+A');
    // Pasted, not typed key by key: the dialog completes folder names while one types, and its
    // completions race keystrokes sent faster than a person types.
    await page.keyboard.insertText(`${out}/`);
    await eventually(
      async () => (await page.inputValue(input)) === `${out}/`,
      async () => `the path was not typed (input: ${await page.inputValue(input)})`,
    );
    // Typing a folder's path ending in "/" opens it in the dialog: it lists only "..", as the folder is empty.
    await eventually(
      async () => JSON.stringify((await quickPickRows(page)).map(r => r.label)) === '[".."]',
      async () => `the dialog did not open the typed folder (rows: ${JSON.stringify((await quickPickRows(page)).map(r => r.label))})`,
    );
    const accept = page.locator(`${QUICK_INPUT} .monaco-button`, { hasText: 'Export here' });
    await accept.click();
    await eventually(async () => !(await quickInputVisible(page)), 'the folder dialog did not close');

    const csv = join(out, 'annotations.csv');
    await eventually(
      () => existsSync(csv),
      () => `no annotations.csv in ${out} (found: ${readdirSync(out)})`,
    );
    const content = readFileSync(csv, 'utf8');
    assert.match(content, /^document,start,end,quote,label,entity,status,note/);
    assert.match(content, /korea-china\/wire-lee-arrives-beijing\.txt,173,186,Lee Jae Myung,person,/);
    assert.match(content, /korea-china\/wire-lee-arrives-beijing\.txt,945,951,Xinhua,source,/);
    assert.ok(
      readdirSync(out).every(f => !f.endsWith('.marginalia.tmp')),
      'no temporary file is left',
    );
    await eventually(async () => /exported \d+ spans to 1 files/.test(await notificationsText(page)), 'no notification that the export is done');
    await screenshot(page, 'export-done');
    // Closing the notification ends the export's progress.
    const toast = page.locator('.notification-toast', { hasText: /exported \d+ spans/ });
    await toast.hover();
    await toast.locator('.action-label.codicon-notifications-clear').click();
    await eventually(
      async () => !/exporting/.test(await notificationsText(page)) && !(await statusBarText(page, /exporting/)),
      'the export still shows its progress after its notification was closed',
    );
  });

  e2e('g. the Marginalia view lists entities by kind and the annotations of each article', 'marginalia-view', async () => {
    await resetWorkbench(page);
    await quickOpen(page, WIRE);
    await page.locator('.activitybar .action-item .action-label[aria-label^="Marginalia"]').click();
    const panes = () => sidebarPanes(page);
    await eventually(async () => (await panes()).some(p => /Entities/i.test(p.title)), 'the Marginalia view did not open');
    await showOnlyPanes(page, ['Entities', 'Annotations']);
    const entities = await eventually(async () => {
      const p = (await panes()).find(p => /Entities/i.test(p.title));
      return p.rows.some(r => /^People \d+/.test(r)) ? p : undefined;
    }, 'the Entities view does not list People');
    for (const group of ['People', 'Organizations', 'Places'])
      assert.ok(
        entities.rows.some(r => r.startsWith(group)),
        `no ${group} group: ${entities.rows}`,
      );
    await page
      .locator('.sidebar .pane .monaco-list-row', { hasText: /^People/ })
      .first()
      .click();
    await eventually(async () => (await panes()).find(p => /Entities/i.test(p.title)).rows.some(r => /Xi Jinping/.test(r)), 'People does not list Xi Jinping');
    // the other articles' annotations come first: the list shows this article's alone
    await showOnlyPanes(page, ['Entities', 'Annotations']);
    const header = page.locator('.sidebar .pane-header', { hasText: /^Annotations/i });
    await header.hover();
    await header.locator('.codicon-collapse-all').click();
    await page.locator('.sidebar .pane .monaco-list-row', { hasText: WIRE }).first().click();
    const annotations = await eventually(async () => {
      const p = (await panes()).find(p => /Annotations/i.test(p.title));
      return p.rows.some(r => /"Xinhua"/.test(r)) ? p : undefined;
    }, 'the Annotations view does not list the annotations of the sample sidecar');
    assert.ok(
      annotations.rows.some(r => r.includes(WIRE)),
      `rows: ${annotations.rows}`,
    );
    assert.ok(
      annotations.rows.some(r => /person · confirmed "Lee Jae Myung"/.test(r)),
      `rows: ${annotations.rows}`,
    );
    await page.mouse.move(700, 790);
    await page.waitForTimeout(300);
    await screenshot(page, 'marginalia-view');
  });

  e2e('h. the walkthrough "Get started with Marginalia" lists its steps', 'walkthrough', async () => {
    await resetWorkbench(page);
    // Without the side bar the page has room for the step's media beside the list of steps. (Toggled
    // before the walkthrough opens: Escape, which runCommand presses first, leaves a walkthrough.)
    await runCommand(page, 'View: Toggle Primary Side Bar Visibility');
    try {
      await eventually(async () => !(await page.isVisible('.part.sidebar')), 'the side bar did not close');
      await runCommand(page, 'Welcome: Open Walkthrough...');
      await waitForQuickInput(page);
      await typeAndAccept(page, 'Get started with Marginalia', /Get started with Marginalia/);
      const text = await eventually(async () => {
        const t = await page.evaluate(() => document.querySelector('.gettingStartedContainer')?.innerText ?? '');
        return t.includes('Get started with Marginalia') ? t : undefined;
      }, 'the walkthrough page did not open');
      for (const step of ['Open a folder of articles', 'Set the publication date', 'Review entities', 'Annotate', 'Export', 'Compare reviewers']) {
        assert.ok(text.includes(step), `the walkthrough lacks the step "${step}"`);
      }
      await page.locator('.gettingStartedContainer .getting-started-step', { hasText: 'Review entities' }).first().click();
      await page.waitForTimeout(2000); // the step's Markdown is rendered in a webview
      await page.mouse.move(700, 790);
      await screenshot(page, 'walkthrough');
    } finally {
      await runCommand(page, 'View: Toggle Primary Side Bar Visibility');
    }
  });
});
