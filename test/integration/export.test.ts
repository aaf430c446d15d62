import * as assert from 'assert';
import { mkdtempSync, readFileSync, readdirSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import * as vscode from 'vscode';

const FORMATS = ['w3c', 'brat', 'conll', 'jsonl', 'csv'] as const;
const ANNOTATED = 'korea-china/wire-lee-arrives-beijing.txt';

describe('export from VS Code', () => {
  const out = mkdtempSync(join(tmpdir(), 'marginalia-export-'));

  for (const format of FORMATS) {
    it(`marginalia.exportAnnotations writes ${format}`, async () => {
      const output = join(out, format);
      const written = await vscode.commands.executeCommand<string[]>('marginalia.exportAnnotations', { format, output, scope: 'workspace' });
      assert.ok(written.length > 0);
      for (const file of written) assert.ok(file.startsWith(output), file);
      const names = readdirSync(output, { recursive: true }).map(String);
      assert.ok(!names.some(n => n.endsWith('.tmp')), 'a temporary file was left');
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
    const output = join(out, 'suggest');
    const [file] = await vscode.commands.executeCommand<string[]>('marginalia.exportAnnotations', { format: 'csv', output, includeSuggestions: true });
    const rows = readFileSync(file, 'utf8').split('\r\n').filter(Boolean);
    assert.ok(rows.length > 50, `only ${rows.length} rows`);
    assert.ok(rows.some(r => r.includes(',suggested,')));
  });
});
