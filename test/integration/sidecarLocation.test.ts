// Finding 6 of issue 13: an article opened from outside the workspace never gets a sidecar written
// beside it, whatever the path: import, publication date, export, annotating.
import * as assert from 'assert';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import * as vscode from 'vscode';
import { failureOf } from './helpers';

const TEXT = 'Published: 5 January 2026\nWi Sung-lac met reporters in Seoul on Friday.\n';
// Stale offsets: loading this sidecar re-anchors the annotation, which would store the new offsets.
const SIDECAR = `version: 1
annotations:
  - id: out1
    target: {quote: Wi Sung-lac, prefix: '', suffix: '', start: 2, end: 13}
    label: person
    status: confirmed
`;

describe('an article outside the workspace gets no sidecar', () => {
  const folder = mkdtempSync(join(tmpdir(), 'marginalia-outside-'));
  const article = join(folder, 'outside.txt');
  const sidecar = `${article}.annotations.yaml`;
  const exports = mkdtempSync(join(tmpdir(), 'marginalia-outside-export-'));

  before(async () => {
    writeFileSync(article, TEXT);
    writeFileSync(sidecar, SIDECAR);
    const editor = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(vscode.Uri.file(article)));
    const start = TEXT.indexOf('Wi Sung-lac');
    editor.selection = new vscode.Selection(editor.document.positionAt(start), editor.document.positionAt(start + 11));
  });

  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    rmSync(folder, { recursive: true, force: true });
    rmSync(exports, { recursive: true, force: true });
  });

  afterEach(() => {
    assert.strictEqual(readFileSync(sidecar, 'utf8'), SIDECAR, 'the sidecar beside the outside article changed');
    assert.deepStrictEqual(readdirSync(folder).sort(), ['outside.txt', 'outside.txt.annotations.yaml']);
  });

  it('setPublicationDate refuses it', async () => {
    assert.match(
      await failureOf('marginalia.setPublicationDate', { date: '2026-01-05', uri: vscode.Uri.file(article).toString() }),
      /not a file of the workspace/,
    );
  });

  it('annotateSelection refuses it', async () => {
    assert.match(await failureOf('marginalia.annotateSelection', { label: 'person' }), /not a file of the workspace/);
  });

  it('an export of it reads its text and writes only into the export folder', async () => {
    const written = await vscode.commands.executeCommand<string[]>('marginalia.exportAnnotations', {
      format: 'csv',
      output: exports,
      scope: 'document',
      includeSuggestions: true,
    });
    assert.ok(written.length > 0 && written.every(f => f.startsWith(exports)), JSON.stringify(written));
  });

  it('an import writes no sidecar beside it', async () => {
    const w3c = join(exports, 'outside.jsonld');
    writeFileSync(
      w3c,
      JSON.stringify({
        '@context': 'http://www.w3.org/ns/anno.jsonld',
        type: 'AnnotationCollection',
        first: {
          type: 'AnnotationPage',
          items: [
            {
              type: 'Annotation',
              motivation: 'tagging',
              body: { type: 'TextualBody', value: 'person', purpose: 'tagging' },
              target: {
                source: article,
                selector: [
                  { type: 'TextQuoteSelector', exact: 'Wi Sung-lac' },
                  { type: 'TextPositionSelector', start: 26, end: 37 },
                ],
              },
            },
          ],
        },
      }),
    );
    await vscode.commands.executeCommand('marginalia.importAnnotations', { format: 'w3c', input: w3c });
  });
});
