import * as assert from 'assert';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import * as vscode from 'vscode';
import { parse as parseYaml } from 'yaml';
import type { AgreementReport } from '../../src/core';
import { workspaceUri } from './helpers';

const FLOOD = 'europe-floods/wire-haldenbruck-danube-flood.txt';

interface Stepped {
  path: string;
  start: number;
  end: number;
  kinds: string[];
}

describe('agreement of reviewers, disagreements and curation', () => {
  const sidecar = workspaceUri(`${FLOOD}.annotations.yaml`);
  let original: Uint8Array;

  before(async function () {
    this.timeout(120_000);
    original = await vscode.workspace.fs.readFile(sidecar);
    // Indexing runs in the background after activation; opening editors waits behind it.
    await vscode.commands.executeCommand('marginalia.reindex');
  });

  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await vscode.workspace.fs.writeFile(sidecar, original);
  });

  it('marginalia.agreementReport by author compares the two reviewers of the samples', async () => {
    const report = await vscode.commands.executeCommand<AgreementReport>('marginalia.agreementReport', { by: 'author' });
    assert.deepStrictEqual(report.reviewers, ['Hana Cho', 'Martin Hale']);
    assert.ok(report.documents >= 3, `documents: ${report.documents}`);
    const [pair] = report.pairs;
    assert.ok(pair.spanF1.exact! > 0.5 && pair.spanF1.overlap! >= pair.spanF1.exact!, JSON.stringify(pair.spanF1));
    assert.ok(report.overall.disagreements.open > 0);
    assert.ok(report.perDocument.some(d => d.path === FLOOD));
  });

  it("nextDisagreement opens both places side by side, each selecting a reviewer's span", async function () {
    this.timeout(60_000);
    const first = await vscode.commands.executeCommand<Stepped>('marginalia.nextDisagreement');
    assert.ok(first, 'a disagreement');
    const second = await vscode.commands.executeCommand<Stepped>('marginalia.nextDisagreement');
    assert.notDeepStrictEqual([second.path, second.start], [first.path, first.start]);
    const back = await vscode.commands.executeCommand<Stepped>('marginalia.previousDisagreement');
    assert.deepStrictEqual([back.path, back.start, back.end], [first.path, first.start, first.end]);
    const editors = vscode.window.visibleTextEditors.filter(e => e.document.uri.path.endsWith(first.path));
    assert.ok(editors.length >= 1, 'the article is shown');
    for (const e of editors) {
      const start = e.document.offsetAt(e.selection.start);
      assert.ok(start >= first.start && start <= first.end, `the selection ${start} is in the disagreement ${first.start}-${first.end}`);
    }
  });

  it('marginalia.curate takes one version: the sidecar gets the curated annotation, the originals kept, and the disagreement is settled', async function () {
    this.timeout(60_000);
    const before = await vscode.commands.executeCommand<AgreementReport>('marginalia.agreementReport', { by: 'author' });
    const text = readFileSync(workspaceUri(FLOOD).fsPath, 'utf8');
    const at = text.indexOf('Federal Agency for Technical Relief');
    const ids = await vscode.commands.executeCommand<string[]>('marginalia.curate', { document: FLOOD, at, decision: 'take', reviewer: 'Hana Cho' });
    assert.strictEqual(ids.length, 1);
    const yaml = parseYaml(readFileSync(sidecar.fsPath, 'utf8'));
    const curated = yaml.annotations.find((a: { id: string }) => a.id === ids[0]);
    assert.strictEqual(curated.target.quote, 'Federal Agency for Technical Relief');
    assert.strictEqual(curated.status, 'confirmed');
    assert.strictEqual(curated.author, 'Hana Cho');
    assert.ok(typeof curated.curatedBy === 'string' && curated.curatedBy.length > 0);
    assert.deepStrictEqual(
      curated.curation.from.map((o: { author: string; quote: string }) => [o.author, o.quote]),
      [
        ['Hana Cho', 'Federal Agency for Technical Relief'],
        ['Martin Hale', 'Federal Agency for Technical Relief (THW)'],
      ],
    );
    assert.ok(
      !yaml.annotations.some((a: { target: { quote: string }; curation?: unknown }) => a.target.quote.endsWith('(THW)') && !a.curation),
      "Martin's original left the list",
    );

    const after = await vscode.commands.executeCommand<AgreementReport>('marginalia.agreementReport', { by: 'author' });
    assert.strictEqual(after.overall.disagreements.settled, before.overall.disagreements.settled + 1);
    assert.strictEqual(after.overall.disagreements.open, before.overall.disagreements.open - 1);
    assert.deepStrictEqual(after.pairs, before.pairs, 'agreement before curation is unchanged');
  });

  it('marginalia.exportAgreementCsv writes the report; --with a folder compares the workspace with it', async () => {
    const out = mkdtempSync(join(tmpdir(), 'marginalia-agreement-'));
    const written = await vscode.commands.executeCommand<string>('marginalia.exportAgreementCsv', { output: join(out, 'agreement.csv') });
    assert.match(readFileSync(written, 'utf8'), /^scope,reviewer_a,reviewer_b,label,document,/);
    // Never over an article or a sidecar, whatever path is given.
    const article = workspaceUri(FLOOD);
    const before = readFileSync(article.fsPath);
    for (const target of [article, sidecar]) {
      await assert.rejects(Promise.resolve(vscode.commands.executeCommand('marginalia.exportAgreementCsv', { output: target.fsPath })), /article or a sidecar/);
    }
    assert.deepStrictEqual(readFileSync(article.fsPath), before);

    const theirs = join(out, 'theirs', 'europe-floods');
    mkdirSync(theirs, { recursive: true });
    writeFileSync(join(theirs, 'wire-haldenbruck-danube-flood.txt.annotations.yaml'), readFileSync(sidecar.fsPath, 'utf8'));
    const report = await vscode.commands.executeCommand<AgreementReport>('marginalia.agreementReport', { with: join(out, 'theirs') });
    assert.strictEqual(report.reviewers[0], 'workspace');
    const pair = report.pairs[0];
    assert.deepStrictEqual(pair.spanF1, { exact: 1, overlap: 1 }, 'a copy of the same sidecar agrees fully');
  });
});
