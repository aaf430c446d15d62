// Finding 2 of issue 13 (the extension's side): the export writes the articles as saved, never over
// an article, and asks before replacing a file it did not write.
import * as assert from 'assert';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import * as vscode from 'vscode';
import { failureOf, workspaceUri } from './helpers';

const WIRE = 'korea-china/wire-lee-arrives-beijing.txt';

function exportTo(output: string, format: string, extra: Record<string, unknown> = {}): Thenable<string[]> {
  return vscode.commands.executeCommand<string[]>('marginalia.exportAnnotations', { format, output, scope: 'workspace', ...extra });
}

describe('export never loses or replaces files', () => {
  const out = mkdtempSync(join(tmpdir(), 'marginalia-export-safety-'));
  const elsewhere = mkdtempSync(join(tmpdir(), 'marginalia-export-elsewhere-'));

  before(() => vscode.commands.executeCommand('marginalia.reindex'));

  after(async () => {
    for (const document of vscode.workspace.textDocuments.filter(d => d.isDirty)) {
      await vscode.window.showTextDocument(document);
      await vscode.commands.executeCommand('workbench.action.files.revert');
    }
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    rmSync(out, { recursive: true, force: true });
    rmSync(elsewhere, { recursive: true, force: true });
  });

  it("refuses to export BRAT into the articles' own folder: no article is replaced, nothing is written", async () => {
    const root = vscode.workspace.workspaceFolders![0].uri.fsPath;
    const article = readFileSync(join(root, WIRE));
    const before = readdirSync(join(root, 'korea-china')).sort();
    assert.match(await failureOf('marginalia.exportAnnotations', { format: 'brat', output: root, scope: 'workspace' }), /article or sidecar/);
    assert.deepStrictEqual(readFileSync(join(root, WIRE)), article);
    assert.deepStrictEqual(readdirSync(join(root, 'korea-china')).sort(), before, 'a file was added next to the articles');
    assert.ok(!existsSync(join(root, 'annotation.conf')));
  });

  it('asks before replacing a file it did not write: a script gets a refusal unless it passes overwrite', async () => {
    const folder = join(out, 'foreign');
    mkdirSync(folder, { recursive: true });
    writeFileSync(join(folder, 'annotations.csv'), 'my own spreadsheet\n');
    assert.match(await failureOf('marginalia.exportAnnotations', { format: 'csv', output: folder, scope: 'workspace' }), /not written by an earlier export/);
    assert.strictEqual(readFileSync(join(folder, 'annotations.csv'), 'utf8'), 'my own spreadsheet\n');
    const [file] = await exportTo(folder, 'csv', { overwrite: true });
    assert.match(readFileSync(file, 'utf8'), /^document,start,end/);
  });

  it('replaces its own earlier export without asking, but not once it was edited', async () => {
    const folder = join(out, 'again');
    const [first] = await exportTo(folder, 'jsonl');
    const [second] = await exportTo(folder, 'jsonl');
    assert.strictEqual(second, first);
    writeFileSync(first, 'edited by hand\n');
    assert.match(await failureOf('marginalia.exportAnnotations', { format: 'jsonl', output: folder, scope: 'workspace' }), /not written by an earlier export/);
    assert.strictEqual(readFileSync(first, 'utf8'), 'edited by hand\n');
  });

  it('never writes through a link in the export folder that leads elsewhere', async () => {
    const folder = join(out, 'linked');
    mkdirSync(folder, { recursive: true });
    symlinkSync(elsewhere, join(folder, 'korea-china'), 'dir');
    assert.match(await failureOf('marginalia.exportAnnotations', { format: 'brat', output: folder, scope: 'workspace' }), /outside/);
    assert.deepStrictEqual(readdirSync(elsewhere), []);
  });

  it('exports an article with unsaved edits as saved, every span inside the saved text', async () => {
    const uri = workspaceUri(WIRE);
    const saved = new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
    const editor = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
    await editor.edit(b => b.insert(new vscode.Position(0, 0), 'UNSAVED Xi Jinping LINE\n'));
    assert.ok(editor.document.isDirty);
    const [file] = await exportTo(join(out, 'unsaved'), 'jsonl', { includeSuggestions: true });
    const line = readFileSync(file, 'utf8')
      .split('\n')
      .filter(Boolean)
      .map(l => JSON.parse(l))
      .find(d => d.meta?.path === WIRE);
    assert.ok(line, `${WIRE} is not in the export`);
    assert.strictEqual(line.text, saved);
    assert.ok(line.spans.length > 0);
    for (const span of line.spans) assert.ok(span.end <= saved.length && span.start >= 0, JSON.stringify(span));
    assert.ok(line.spans.some((s: { start: number; end: number }) => saved.slice(s.start, s.end) === 'Lee Jae Myung'));
  });
});
