import * as assert from 'assert';
import * as vscode from 'vscode';
import { parseSidecar, type Comparison, type Discrepancy } from '../../src/core';
import { workspaceUri } from './helpers';

// The commands of docs/contracts.md that compare statements across articles, on the samples:
// samples/rail-summit reports one summit in four outlets that disagree on dates, counts and wording.
const WIRE = 'rail-summit/nordic-wire-tallinn-summit-opens.txt';
const OBSERVER = 'rail-summit/tallinn-observer-ministers-back-tunnel.txt';

async function lineOf(relative: string, text: string): Promise<{ uri: vscode.Uri; line: number; character: number }> {
  const uri = workspaceUri(relative);
  const doc = await vscode.workspace.openTextDocument(uri);
  const offset = doc.getText().indexOf(text);
  assert.ok(offset >= 0, `${text} not in ${relative}`);
  const at = doc.positionAt(offset);
  return { uri, line: at.line, character: at.character };
}

describe('compare across articles', function () {
  this.timeout(60_000);
  let discrepancies: Discrepancy[];

  before(async () => {
    discrepancies = await vscode.commands.executeCommand<Discrepancy[]>('marginalia.findDiscrepancies', {});
  });

  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('findDiscrepancies returns the disagreements of the samples in the contract shape', () => {
    assert.ok(Array.isArray(discrepancies));
    assert.deepEqual([...new Set(discrepancies.map(d => d.kind))].sort(), ['date', 'number', 'quote']);
    for (const d of discrepancies) {
      assert.strictEqual(typeof d.subject, 'string');
      assert.ok(new Set(d.statements.map(s => s.value)).size >= 2, `${d.subject}: the statements agree`);
      for (const s of d.statements) {
        for (const key of ['path', 'text', 'value'] as const) assert.strictEqual(typeof s[key], 'string', key);
        assert.ok(Number.isInteger(s.start) && Number.isInteger(s.end) && s.start < s.end);
        assert.ok(s.path.startsWith('file:'), s.path);
      }
    }
    const values = discrepancies.flatMap(d => d.statements.map(s => s.value));
    assert.ok(values.includes('some 300 protesters'));
    assert.ok(!values.some(v => /modernis|modernize/.test(v)), 'a spelling variant is no discrepancy');
  });

  it('compareAcrossArticles {uri, line, character} compares that sentence, with the differences of each report', async () => {
    const at = await lineOf(WIRE, 'Transport ministers from five countries opened');
    const result = await vscode.commands.executeCommand<Comparison>('marginalia.compareAcrossArticles', {
      uri: at.uri.toString(),
      line: at.line,
      character: at.character,
    });
    assert.match(result.statement.text, /^Transport ministers from five countries opened a two-day summit/);
    const dates = result.matches.flatMap(m => m.differences.filter(d => d.kind === 'date').map(d => [d.here, d.there]));
    assert.deepEqual(dates, [['March 3 (2026-03-03)', 'Wednesday, 4 March (2026-03-04)']]);
    for (const m of result.matches) {
      assert.ok(m.score > 0 && m.score <= 1);
      const doc = await vscode.workspace.openTextDocument(vscode.Uri.parse(m.path));
      assert.strictEqual(doc.getText().slice(m.start, m.end), m.text);
    }
  });

  it('compareAcrossArticles at the cursor marks a spelling-only variant of a quotation as wording, not a disagreement', async () => {
    const at = await lineOf(WIRE, 'We must modernize');
    const editor = await vscode.window.showTextDocument(at.uri);
    editor.selection = new vscode.Selection(at.line, at.character + 5, at.line, at.character + 5);
    const result = await vscode.commands.executeCommand<Comparison>('marginalia.compareAcrossArticles');
    const observer = result.matches.find(m => m.path.endsWith(OBSERVER));
    assert.ok(observer, JSON.stringify(result.matches.map(m => m.path)));
    assert.deepEqual(
      observer.differences.map(d => [d.kind, (d as { detail?: string }).detail]),
      [['wording', 'spelling']],
    );
  });

  it('showTimeline opens the panel', async () => {
    assert.strictEqual(await vscode.commands.executeCommand('marginalia.showTimeline', {}), true);
  });

  it('confirming a discrepancy stores a discrepancy annotation whose links name the other statements', async () => {
    const d = discrepancies.find(x => x.kind === 'number' && x.statements.some(s => s.value === 'some 300 protesters'))!;
    const id = await vscode.commands.executeCommand<string>('marginalia.internal.confirmDiscrepancy', { type: 'discrepancy', discrepancy: d });
    const first = vscode.Uri.parse(d.statements[0].path);
    const sidecar = first.with({ path: `${first.path}.annotations.yaml` });
    try {
      const parsed = parseSidecar(new TextDecoder().decode(await vscode.workspace.fs.readFile(sidecar)));
      const annotation = parsed.annotations.find(a => a.id === id)!;
      assert.strictEqual(annotation.label, 'discrepancy');
      assert.strictEqual(annotation.status, 'confirmed');
      assert.deepEqual(
        annotation.links!.map(l => l.quote).sort(),
        d.statements
          .slice(1)
          .map(s => s.text)
          .sort(),
      );
      assert.ok(
        annotation.links!.every(l => !l.document.includes(':')),
        'links are relative paths',
      );
      // dismissing it afterwards changes the same annotation
      const again = await vscode.commands.executeCommand<string>('marginalia.internal.dismissDiscrepancy', { type: 'discrepancy', discrepancy: d });
      assert.strictEqual(again, id);
      const after = parseSidecar(new TextDecoder().decode(await vscode.workspace.fs.readFile(sidecar)));
      assert.strictEqual(after.annotations.find(a => a.id === id)!.status, 'rejected');
    } finally {
      await vscode.commands.executeCommand('marginalia.deleteAnnotation', { id, uri: first.toString() });
    }
  });
});
