// End-to-end: two reviewers' annotations of the same articles (the samples' flood articles, by
// Hana Cho and Martin Hale), compared in the real web workbench: the agreement report from the
// command palette, the Disagreements view, both places of a disagreement opened side by side, and
// one disagreement settled by taking one reviewer's version, checked in the sidecar on disk.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { parse as parseYaml } from 'yaml';
import {
  eventually,
  notificationsText,
  quickPickRows,
  resetWorkbench,
  runCommand,
  screenshot,
  startWorkbench,
  statusBarText,
  typeAndAccept,
  waitForQuickInput,
} from './workbench.mjs';

process.on('SIGTERM', () => process.exit(143));

const FLOOD = 'europe-floods/wire-haldenbruck-danube-flood.txt';
const TEST_TIMEOUT = 90_000;

let wb;
let page;

function e2e(name, shot, fn) {
  test(name, { timeout: TEST_TIMEOUT }, async () => {
    try {
      await fn();
    } catch (e) {
      if (page) await screenshot(page, `FAILED-${shot}`).catch(() => {});
      throw e;
    }
  });
}

const sidecar = () => parseYaml(readFileSync(join(wb.workspace, `${FLOOD}.annotations.yaml`), 'utf8'));

/** The text of the report webview (its content frame), or '' while it is not shown. */
async function reportText() {
  for (const frame of page.frames()) {
    const text = await frame
      .evaluate(() => (document.querySelector('h1')?.textContent?.startsWith('Agreement of') ? document.body.innerText : ''))
      .catch(() => '');
    if (text) return text;
  }
  return '';
}

/** The rows of the Disagreements view: their accessible labels. */
async function disagreementRows() {
  return page.evaluate(() => {
    const pane = [...document.querySelectorAll('.sidebar .pane')].find(p => /Disagreements/i.test(p.querySelector('.pane-header .title')?.textContent ?? ''));
    return pane ? [...pane.querySelectorAll('.monaco-list-row')].map(r => r.getAttribute('aria-label') ?? r.textContent) : undefined;
  });
}

/** The labels Marginalia puts after each reviewer's span (decorations: CSS generated content), by editor group, left to right. */
async function placeLabels() {
  return page.evaluate(() =>
    [...document.querySelectorAll('.editor-group-container')]
      .sort((a, b) => a.getBoundingClientRect().left - b.getBoundingClientRect().left)
      .flatMap(group =>
        [...group.querySelectorAll('.view-lines span')]
          .map(e => getComputedStyle(e, '::after').content)
          .filter(c => c.includes('◂'))
          .map(c => JSON.parse(c)),
      ),
  );
}

const row = text =>
  page
    .locator('.sidebar .pane', { hasText: /Disagreements/i })
    .locator('.monaco-list-row', { hasText: text })
    .first();

describe('Marginalia in VS Code: two reviewers, their agreement and a curation', () => {
  before(
    async () => {
      wb = await startWorkbench();
      page = wb.page;
      await eventually(
        async () => /\d+ articles · \d+ entities/.test(await statusBarText(page, /articles · /)) && !/indexing articles/.test(await notificationsText(page)),
        'Marginalia did not index the workspace',
        { timeout: 60_000 },
      );
    },
    { timeout: 120_000 },
  );

  after(async () => {
    await wb?.close();
  });

  e2e('a. the agreement report from the command palette: figures per pair, per label with a chart, overall', 'agreement-report', async () => {
    await resetWorkbench(page);
    // The Marginalia side bar with only the Disagreements view open, beside the report.
    await page.locator('.activitybar .action-item .action-label[aria-label^="Marginalia"]').click();
    for (const name of ['Entities', 'Annotations']) {
      const header = page.locator('.sidebar .pane-header', { hasText: new RegExp(name, 'i') });
      await header.waitFor();
      if ((await header.getAttribute('aria-expanded')) === 'true') await header.click();
    }
    await runCommand(page, 'Marginalia: Agreement Report...');
    await waitForQuickInput(page, { title: 'compare reviewers' });
    assert.deepEqual(
      (await quickPickRows(page)).map(r => r.label),
      ['By author', 'Against a git revision or branch…', 'With another folder of sidecars…'],
    );
    await typeAndAccept(page, 'By author', /By author/);
    const text = await eventually(
      async () => {
        const t = await reportText();
        return /Hana Cho · Martin Hale/.test(t) ? t : undefined;
      },
      'the report webview did not show the two reviewers',
      { timeout: 30_000 },
    );
    assert.match(text, /Agreement of 2 reviewers/);
    assert.match(text, /span F1, exact/);
    assert.match(text, /Fleiss' kappa/);
    for (const label of ['person', 'organization', 'place']) assert.match(text, new RegExp(`\\n${label}\\t`), `a row for ${label}`);
    assert.match(text, /wire-haldenbruck-danube-flood\.txt/);
    await page.mouse.move(700, 790);
    await screenshot(page, 'agreement-report');
  });

  e2e('b. the Disagreements view lists documents, then disagreements; a disagreement opens both places side by side', 'disagreements', async () => {
    const rows = await eventually(
      async () => {
        const r = await disagreementRows();
        return r?.some(t => /wire-haldenbruck-danube-flood\.txt/.test(t)) ? r : undefined;
      },
      async () => `the Disagreements view does not list the flood article (rows: ${JSON.stringify(await disagreementRows())})`,
    );
    assert.ok(
      rows.some(t => /danube-courier/.test(t)),
      `rows: ${rows}`,
    );
    await row('wire-haldenbruck-danube-flood.txt').click();
    await page.keyboard.press('ArrowRight');
    await eventually(
      async () => (await disagreementRows()).some(t => /Federal Agency for Technical Relief/.test(t)),
      async () => `the document lists no disagreement on the Federal Agency (rows: ${JSON.stringify(await disagreementRows())})`,
    );
    await row('Federal Agency for Technical Relief').click();
    // Both places: the article in two editor groups, each selecting one reviewer's span.
    await eventually(async () => (await page.locator('.editor-group-container').count()) >= 2, 'the disagreement did not open in two editor groups');
    const labels = await eventually(
      async () => {
        const found = await placeLabels();
        return found.length >= 2 ? found : undefined;
      },
      async () => `the two places are not labelled with their reviewers (labels: ${JSON.stringify(await placeLabels())})`,
      { timeout: 15_000 },
    );
    assert.match(labels[0], /^◂ Hana Cho: organization/);
    assert.match(labels[1], /^◂ Martin Hale: organization .*\(THW\)/);
    // The focus stays in the view: the keyboard opens the disagreement's versions.
    await page.keyboard.press('ArrowRight');
    await eventually(async () => (await disagreementRows()).some(t => /^Martin Hale/.test(t)), "the disagreement does not list the reviewers' versions");
    await page.mouse.move(700, 790);
    await screenshot(page, 'disagreements');
  });

  e2e('c. "Take This Version" on Hana Cho\'s version writes the curated annotation, the originals kept', 'curation', async () => {
    const version = row(/^Hana Cho.*Federal Agency for Technical Relief"/);
    await version.hover();
    await version.locator('.action-label[aria-label="Take This Version"]').click();
    const curated = await eventually(() => sidecar().annotations.find(a => a.curation), `no curated annotation in ${FLOOD}.annotations.yaml`, {
      timeout: 20_000,
    });
    assert.equal(curated.target.quote, 'Federal Agency for Technical Relief');
    assert.equal(curated.status, 'confirmed');
    assert.equal(curated.author, 'Hana Cho');
    assert.equal(curated.curatedBy, 'E2E Reviewer');
    assert.equal(curated.curation.decision, 'take');
    assert.deepEqual(
      curated.curation.from.map(o => [o.author, o.quote]),
      [
        ['Hana Cho', 'Federal Agency for Technical Relief'],
        ['Martin Hale', 'Federal Agency for Technical Relief (THW)'],
      ],
    );
    const left = sidecar().annotations.filter(a => /Federal Agency/.test(a.target.quote));
    assert.equal(left.length, 1, 'the two originals were replaced by the curated annotation');
    // The view and the report follow: the disagreement is settled.
    await eventually(
      async () => !(await disagreementRows()).some(t => /Federal Agency for Technical Relief \(THW\)/.test(t)),
      'the settled disagreement is still listed',
    );
    await eventually(
      async () => /Hana Cho · Martin Hale: 11 open, 1 settled/.test(await page.locator('.sidebar .pane', { hasText: /Disagreements/i }).innerText()),
      'the Disagreements view does not count the settled disagreement',
    );
    await page.locator('.editor-group-container .tab', { hasText: 'Agreement' }).click();
    await eventually(async () => /11 open disagreements .*, 1 settled/.test(await reportText()), 'the report does not count the settled disagreement');
    await page.mouse.move(700, 790);
    await screenshot(page, 'curation');
  });
});
