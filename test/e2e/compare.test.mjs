// End-to-end: comparing statements across articles in a real VS Code (web workbench of code-server),
// on a temp copy of samples/ (samples/rail-summit reports one summit in four invented outlets that
// disagree). What a reviewer does: compare the sentence at the cursor, go through the Discrepancies
// view and mark one, read the timeline and open a statement from it with the keyboard.
// Every test saves a screenshot; run with `npm run test:e2e` (test/e2e/run.mjs).
import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { parse as parseYaml } from 'yaml';
import {
  ACTIVE_EDITOR,
  activeTabTitle,
  cursorStatus,
  eventually,
  failureShot,
  findText,
  quickOpen,
  resetWorkbench,
  runCommand,
  screenshot,
  selectedTextOnDisk,
  startWorkbench,
  waitForIndexing,
} from './workbench.mjs';

process.on('SIGTERM', () => process.exit(143));

const WIRE = 'nordic-wire-tallinn-summit-opens.txt';
const TEST_TIMEOUT = 90_000;

let wb;
let page;

function e2e(name, shot, fn) {
  test(
    name,
    { timeout: TEST_TIMEOUT },
    failureShot(() => page, shot, fn),
  );
}

const inWorkspace = rel => join(wb.workspace, rel);

/** The frame of a Marginalia webview panel: the one whose page has an h1 with `heading`. */
async function webview(heading) {
  return eventually(
    async () => {
      for (const frame of page.frames()) {
        const h1 = await frame.evaluate(() => document.querySelector('h1')?.textContent ?? '').catch(() => '');
        if (h1 === heading) return frame;
      }
      return undefined;
    },
    `no webview titled "${heading}"`,
    { timeout: 30_000 },
  );
}

/** The panes of the Marginalia side bar: title, expanded, row labels. */
async function panes() {
  return page.evaluate(() =>
    [...document.querySelectorAll('.sidebar .pane')].map(p => ({
      title: p.querySelector('.pane-header .title')?.textContent?.trim(),
      expanded: p.querySelector('.pane-header')?.getAttribute('aria-expanded') === 'true',
      rows: [...p.querySelectorAll('.monaco-list-row')].map(r => r.getAttribute('aria-label') ?? r.textContent),
    })),
  );
}

describe('Comparing the same story, outlet by outlet', () => {
  before(
    async () => {
      wb = await startWorkbench();
      page = wb.page;
      await waitForIndexing(page, wb.workspace);
    },
    { timeout: 120_000 },
  );

  after(async () => {
    await wb?.close();
  });

  e2e('i. Compare Across Articles from the cursor: the other outlets side by side, differences marked; Enter opens one', 'compare', async () => {
    await resetWorkbench(page);
    await quickOpen(page, WIRE);
    const sentence = await findText(page, 'opened a two-day summit');
    await page.mouse.click(sentence.cx, sentence.cy);
    await runCommand(page, 'Marginalia: Compare Across Articles');
    const frame = await webview('Compare across articles');
    const reports = await eventually(async () => {
      const r = await frame.evaluate(() =>
        [...document.querySelectorAll('.report')].map(li => ({
          file: li.querySelector('.file')?.textContent,
          state: li.className,
          marks: [...li.querySelectorAll('mark')].map(m => [m.className, m.textContent]),
          diffs: li.querySelector('.diffs')?.textContent ?? '',
        })),
      );
      return r.length ? r : undefined;
    }, 'the comparison lists no report');
    const post = reports.find(r => r.diffs.includes('Wednesday, 4 March'));
    assert.ok(post, `no report with the date "Wednesday, 4 March": ${JSON.stringify(reports)}`);
    assert.match(post.file, /helsinki-evening-post/);
    assert.match(post.state, /differs/);
    assert.deepEqual(
      post.marks.filter(([kind]) => kind === 'date'),
      [['date', 'Wednesday, 4 March']],
    );
    const here = await frame.evaluate(() => [...document.querySelectorAll('.here .text mark.date')].map(m => m.textContent));
    assert.deepEqual(here, ['March 3']);
    // strict content security policy, nothing but the page's own nonce'd style and script
    const csp = await frame.evaluate(() => document.querySelector('meta[http-equiv="Content-Security-Policy"]')?.getAttribute('content'));
    assert.match(csp, /default-src 'none'; style-src 'nonce-[^']+'; script-src 'nonce-[^']+'/);
    await page.mouse.move(5, 790);
    await screenshot(page, 'compare');

    // the keyboard: the first report's Open button has the focus; Enter opens that article at the statement
    const focused = await frame.evaluate(() => document.activeElement?.closest('.report')?.querySelector('.file')?.textContent);
    assert.ok(focused, 'no report button has the focus');
    await page.keyboard.press('Enter');
    await eventually(
      async () => (await activeTabTitle(page)) === focused,
      async () => `Enter did not open ${focused} (active: ${await activeTabTitle(page)})`,
    );
    const cursor = await eventually(async () => {
      const c = await cursorStatus(page);
      return c?.selected ? c : undefined;
    }, 'the opened article has no selection');
    const file = readdirSync(inWorkspace('rail-summit')).find(f => f === focused);
    assert.ok(selectedTextOnDisk(inWorkspace(`rail-summit/${file}`), cursor).length > 0);
  });

  e2e('j. the Discrepancies view: dates, numbers, quotations; an entry opens all its places; a reviewer confirms one', 'discrepancies', async () => {
    await resetWorkbench(page);
    await page.locator('.activitybar .action-item .action-label[aria-label^="Marginalia"]').click();
    await eventually(async () => (await panes()).some(p => /Discrepancies/i.test(p.title)), 'no Discrepancies view');
    // the panes this test does not read are collapsed: the tree renders only the rows it has room for
    for (const name of ['Entities', 'Annotations', 'Quotes', 'Disagreements']) {
      const pane = (await panes()).find(p => new RegExp(`^${name}`, 'i').test(p.title));
      if (pane?.expanded)
        await page
          .locator('.sidebar .pane-header', { hasText: new RegExp(`^${name}`, 'i') })
          .first()
          .click();
    }
    const pane = (await panes()).find(p => /Discrepancies/i.test(p.title));
    if (!pane.expanded) await page.locator('.sidebar .pane-header', { hasText: /Discrepancies/i }).click();
    const rows = await eventually(
      async () => {
        const p = (await panes()).find(x => /Discrepancies/i.test(x.title));
        return ['Dates', 'Numbers', 'Quotations'].every(k => p.rows.some(r => r.startsWith(k))) && p.rows.some(r => /protesters/.test(r)) ? p.rows : undefined;
      },
      async () => `the Discrepancies view does not list the three kinds: ${JSON.stringify((await panes()).find(x => /Discrepancies/i.test(x.title))?.rows)}`,
      { timeout: 30_000 },
    );
    assert.ok(
      rows.some(r => /summit opens in Tallinn/.test(r) && /2026-03-03 versus 2026-03-04/.test(r)),
      JSON.stringify(rows),
    );
    assert.ok(!rows.some(r => /modernis|modernize/i.test(r)), 'a spelling variant is listed as a discrepancy');

    // an entry opens all its places: the first in the editor, all of them in a peek view
    const protest = page.locator('.sidebar .pane .monaco-list-row', { hasText: /protesters/ }).first();
    await protest.click();
    await eventually(() => page.isVisible(`${ACTIVE_EDITOR} .peekview-widget`), 'no peek view with the places');
    const peekRows = await eventually(async () => {
      const r = await page.evaluate(() => [...document.querySelectorAll('.peekview-widget .monaco-list-row')].map(e => e.textContent));
      return r.length >= 3 ? r : undefined;
    }, 'the peek view lists fewer than 3 places');
    assert.ok(peekRows.join(' ').includes('helsinki-evening-post'), JSON.stringify(peekRows));
    await page.mouse.move(5, 790);
    await screenshot(page, 'discrepancies');
    await page.keyboard.press('Escape');

    // the inline action "Confirm Discrepancy" stores a discrepancy annotation beside the first article
    await protest.hover();
    await protest.locator('.action-label[aria-label="Confirm Discrepancy"]').click();
    const sidecar = inWorkspace('rail-summit/helsinki-evening-post-tunnel-pact.txt.annotations.yaml');
    const annotation = await eventually(() => {
      if (!existsSync(sidecar)) return undefined;
      return parseYaml(readFileSync(sidecar, 'utf8'))?.annotations?.find(a => a.label === 'discrepancy');
    }, 'no discrepancy annotation in the sidecar of the first article');
    assert.equal(annotation.status, 'confirmed');
    assert.deepEqual(annotation.links.map(l => l.document).sort(), ['nordic-wire-tallinn-summit-opens.txt', 'tallinn-observer-ministers-back-tunnel.txt']);
    await eventually(
      async () => (await panes()).find(x => /Discrepancies/i.test(x.title)).rows.some(r => /protesters/.test(r) && /confirmed/.test(r)),
      'the view does not show the entry as confirmed',
    );
  });

  e2e('k. the Timeline: dated statements by day and article, disagreements marked; the keyboard opens one', 'timeline', async () => {
    await resetWorkbench(page);
    await runCommand(page, 'View: Close Primary Side Bar');
    await runCommand(page, 'Marginalia: Show Timeline');
    const frame = await webview('Timeline');
    const head = await eventually(async () => {
      const h = await frame.evaluate(() =>
        [...document.querySelectorAll('thead th')].map(th => ({ text: th.textContent, disagree: th.classList.contains('disagree') })),
      );
      return h.length > 3 ? h : undefined;
    }, 'the timeline has no days');
    const march3 = head.find(h => /^Tue,? 3 Mar 2026/.test(h.text));
    assert.ok(march3?.disagree, `3 March is not marked as a day of disagreement: ${JSON.stringify(head.map(h => h.text))}`);
    const lanes = await frame.evaluate(() => [...document.querySelectorAll('tbody th')].map(th => th.textContent));
    assert.ok(lanes.includes(WIRE) && lanes.includes('helsinki-evening-post-tunnel-pact.txt'), JSON.stringify(lanes));
    const flagged = await frame.evaluate(() => [...document.querySelectorAll('button.chip.disagree .when')].map(e => e.textContent));
    assert.ok(
      flagged.some(t => /Wednesday, 4 March/.test(t)),
      JSON.stringify(flagged),
    );
    await page.mouse.move(5, 790);
    await screenshot(page, 'timeline');

    // the first disagreeing chip has the focus; the arrow keys move, Enter opens the statement
    const first = await frame.evaluate(() => document.activeElement?.getAttribute('aria-label'));
    assert.ok(first, 'no chip has the focus');
    await page.keyboard.press('ArrowRight');
    const moved = await frame.evaluate(() => document.activeElement?.getAttribute('aria-label'));
    const target = moved ?? first;
    await page.keyboard.press('Enter');
    await eventually(async () => /\.txt$|\.md$/.test(await activeTabTitle(page)), 'Enter on a chip opened no article');
    const cursor = await eventually(async () => {
      const c = await cursorStatus(page);
      return c?.selected ? c : undefined;
    }, 'the opened article has no selection');
    const tab = await activeTabTitle(page);
    const path = (function find(dir) {
      for (const e of readdirSync(dir, { withFileTypes: true })) {
        const full = join(dir, e.name);
        if (e.isDirectory()) {
          const f = find(full);
          if (f) return f;
        } else if (e.name === tab) return full;
      }
      return undefined;
    })(wb.workspace);
    const selected = selectedTextOnDisk(path, cursor);
    assert.ok(target.startsWith(`${selected}:`), `the selection "${selected}" is not the date of the chip "${target}"`);
  });
});
