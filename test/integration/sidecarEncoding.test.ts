// Finding 9 of issue 13 (the extension's side): a sidecar's BOM is kept (docs/sidecar-schema.md),
// and bytes that are not UTF-8 make it read-only with a diagnostic, never replaced and saved back.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { failureOf, waitFor, workspaceUri } from './helpers';

const SCRATCH = 'encoding-it';
const TEXT = 'Lee Jae Myung arrived in Beijing on Sunday.\n';
const SIDECAR = `version: 1
annotations:
  - id: enc1
    target: {quote: Lee Jae Myung, prefix: '', suffix: ' arrived in Beijing on Sunday.\\n', start: 0, end: 13}
    label: person
    status: suggested
    note: NOTE
`;

async function article(name: string, sidecar: Uint8Array): Promise<vscode.Uri> {
  const uri = workspaceUri(`${SCRATCH}/${name}`);
  await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(TEXT));
  await vscode.workspace.fs.writeFile(uri.with({ path: `${uri.path}.annotations.yaml` }), sidecar);
  return uri;
}

describe('sidecar encodings', () => {
  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await vscode.workspace.fs.delete(workspaceUri(SCRATCH), { recursive: true }).then(undefined, () => undefined);
  });

  it('keeps the BOM of a sidecar when it saves it', async () => {
    const bom = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(SIDECAR)]);
    const uri = await article('bom.txt', bom);
    const id = await vscode.commands.executeCommand<string>('marginalia.setStatus', { status: 'confirmed', id: 'enc1', uri: uri.toString() });
    assert.strictEqual(id, 'enc1');
    const saved = await vscode.workspace.fs.readFile(uri.with({ path: `${uri.path}.annotations.yaml` }));
    assert.deepStrictEqual([...saved.slice(0, 3)], [0xef, 0xbb, 0xbf], 'the BOM was dropped');
    const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(saved);
    assert.ok(!text.slice(1).includes('\uFEFF'), 'a second BOM');
    assert.match(text, /status: confirmed/);
  });

  it('leaves a sidecar with bytes that are not UTF-8 as it is, read-only, with a diagnostic', async () => {
    const bytes = new TextEncoder().encode(SIDECAR);
    const at = bytes.indexOf('N'.charCodeAt(0), new TextDecoder().decode(bytes).indexOf('note:'));
    bytes[at] = 0xff; // "note: \xffOTE"
    const uri = await article('latin.txt', bytes);
    const sidecar = uri.with({ path: `${uri.path}.annotations.yaml` });
    const view = await vscode.commands.executeCommand<{ writable: boolean }>('marginalia.internal.annotations', { uri: uri.toString() });
    assert.strictEqual(view.writable, false);
    assert.match(await failureOf('marginalia.setPublicationDate', { date: '2026-01-05', uri: uri.toString() }), /not UTF-8/);
    assert.deepStrictEqual([...(await vscode.workspace.fs.readFile(sidecar))], [...bytes], 'the sidecar was written');
    const diagnostics = await waitFor(
      'a diagnostic on the sidecar',
      () => vscode.languages.getDiagnostics(sidecar).length > 0 && vscode.languages.getDiagnostics(sidecar),
    );
    assert.ok(
      diagnostics.some(d => /not UTF-8/.test(d.message)),
      diagnostics.map(d => d.message).join('; '),
    );
  });
});
