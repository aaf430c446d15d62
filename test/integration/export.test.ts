import * as assert from 'assert';
import { readFileSync, readdirSync } from 'fs';
import { join } from 'path';
import * as vscode from 'vscode';
import { tempFolders } from '../fixtures/tempFolders';

const FORMATS = ['w3c', 'brat', 'conll', 'jsonl', 'csv'] as const;
const ANNOTATED = 'korea-china/wire-lee-arrives-beijing.txt';

describe('export from VS Code', () => {
  const tempFolder = tempFolders('marginalia-export-');

  for (const format of FORMATS) {
    it(`marginalia.exportAnnotations writes ${format}`, async () => {
      const output = join(tempFolder(), format);
      const written = await vscode.commands.executeCommand<string[]>('marginalia.exportAnnotations', { format, output, scope: 'workspace' });
      assert.ok(written.length > 0);
      for (const file of written) assert.ok(file.startsWith(output), file);
      const names = readdirSync(output, { recursive: true }).map(String);
      assert.ok(!names.some(n => /[.-]tmp$/.test(n)), 'a temporary file was left');
      const all = written.map(f => readFileSync(f, 'utf8')).join('\n');
      // The sample sidecar's confirmed annotation of "Lee Jae Myung" is in every format.
      assert.match(all, /Lee/);
      if (format === 'w3c') {
        const graph = JSON.parse(readFileSync(written[0], 'utf8'));
        assert.strictEqual(graph['@context'], 'http://www.w3.org/ns/anno.jsonld');
      }
      if (format === 'brat') {
        assert.ok(names.includes('annotation.conf'));
        const ann = readFileSync(join(output, ANNOTATED.replace(/\.txt$/, '.ann')), 'utf8');
        const text = readFileSync(join(output, ANNOTATED), 'utf8');
        for (const line of ann.split('\n').filter(l => l.startsWith('T'))) {
          const [, , s, e, quote] = /^T\d+\t(\S+) (\d+) (\d+)\t(.*)$/.exec(line)!;
          assert.strictEqual(Array.from(text).slice(+s, +e).join(''), quote);
        }
      }
    });
  }

  it('includes recognized mentions when asked', async () => {
    const output = join(tempFolder(), 'suggest');
    const [file] = await vscode.commands.executeCommand<string[]>('marginalia.exportAnnotations', { format: 'csv', output, includeSuggestions: true });
    const rows = readFileSync(file, 'utf8').split('\r\n').filter(Boolean);
    assert.ok(rows.length > 50, `only ${rows.length} rows`);
    assert.ok(rows.some(r => r.includes(',suggested,')));
  });
});

describe('import into sidecars from VS Code', () => {
  const folder = vscode.Uri.joinPath(vscode.workspace.workspaceFolders![0].uri, 'import-it');
  const tempFolder = tempFolders('marginalia-import-');

  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await vscode.workspace.fs.delete(folder, { recursive: true });
  });

  for (const format of ['brat', 'w3c', 'conll', 'jsonl', 'doccano', 'csv'] as const) {
    it(`marginalia.importAnnotations brings a ${format} export back, without duplicates`, async () => {
      const article = vscode.Uri.joinPath(folder, `note-${format}.txt`);
      const sidecar = vscode.Uri.joinPath(folder, `note-${format}.txt.annotations.yaml`);
      await vscode.workspace.fs.writeFile(
        article,
        new TextEncoder().encode(`😀 Published: 5 January 2026\r\nWi Sung-lac met reporters in Seoul (${format}).\r\n`),
      );
      const doc = await vscode.workspace.openTextDocument(article);
      const editor = await vscode.window.showTextDocument(doc);
      const start = doc.getText().indexOf('Wi Sung-lac');
      editor.selection = new vscode.Selection(doc.positionAt(start), doc.positionAt(start + 11));
      const id = await vscode.commands.executeCommand<string>('marginalia.annotateSelection', { label: 'person', note: 'adviser' });
      await vscode.commands.executeCommand('marginalia.reindex');
      const output = join(tempFolder(), format);
      const [written] = await vscode.commands.executeCommand<string[]>('marginalia.exportAnnotations', { format, output, scope: 'workspace' });
      assert.ok(await vscode.commands.executeCommand<boolean>('marginalia.deleteAnnotation', { id, uri: article.toString() }));
      assert.doesNotMatch(new TextDecoder().decode(await vscode.workspace.fs.readFile(sidecar)), /Wi Sung-lac/);

      const input = format === 'brat' ? output : written;
      assert.strictEqual(await vscode.commands.executeCommand<number>('marginalia.importAnnotations', { format, input }), 1);
      assert.strictEqual(await vscode.commands.executeCommand<number>('marginalia.importAnnotations', { format, input }), 0);
      const yaml = new TextDecoder().decode(await vscode.workspace.fs.readFile(sidecar));
      assert.match(yaml, /quote: (")?Wi Sung-lac/);
      if (format !== 'conll' && format !== 'doccano') assert.match(yaml, /note: adviser/);
      assert.match(yaml, new RegExp(`start: ${start}\\b`));
      // Other tools' formats arrive with their source; as suggestions unless the file carries a status (ours: JSONL, CSV).
      if (format === 'conll' || format === 'doccano') assert.match(yaml, new RegExp(`status: suggested\\n\\s+source: ${format}:annotations\\.`));
      if (format === 'jsonl' || format === 'csv') assert.match(yaml, new RegExp(`status: confirmed\\n\\s+source: ${format}:annotations\\.`));
    });
  }
});
