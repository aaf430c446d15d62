// Findings 10 and 15 of issue 13 (the extension's side): sidecars are read off the extension
// host's thread, and one that cannot be read is reported while every other article and sidecar is
// still indexed (before, the whole reindex rejected).
import * as assert from 'assert';
import { closeSync, openSync, ftruncateSync } from 'fs';
import * as vscode from 'vscode';
import { hoverText, waitFor, workspaceUri } from './helpers';

const SCRATCH = 'reindex-it';

describe('reindex with a sidecar that cannot be read', () => {
  const unreadable = workspaceUri(`${SCRATCH}/huge.txt.annotations.yaml`);
  const dated = workspaceUri(`${SCRATCH}/dated.txt`);

  before(async () => {
    await vscode.workspace.fs.writeFile(workspaceUri(`${SCRATCH}/huge.txt`), new TextEncoder().encode('Seoul and Beijing.\n'));
    // A sparse file over 2 GiB: Node refuses to read it whole (ERR_FS_FILE_TOO_LARGE), on any
    // machine and for any user, while it takes no room on disk.
    const fd = openSync(unreadable.fsPath, 'w');
    ftruncateSync(fd, 2 ** 31 + 4096);
    closeSync(fd);
    await vscode.workspace.fs.writeFile(dated, new TextEncoder().encode('The minister said on Friday that talks would resume.\n'));
    await vscode.workspace.fs.writeFile(
      dated.with({ path: `${dated.path}.annotations.yaml` }),
      new TextEncoder().encode('version: 1\ndct: 2026-01-05\nannotations: []\n'),
    );
  });

  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await vscode.workspace.fs.delete(workspaceUri(SCRATCH), { recursive: true }).then(undefined, () => undefined);
    await vscode.commands.executeCommand('marginalia.reindex');
  });

  it('indexes every article, uses the other sidecars, and reports the unreadable one', async () => {
    const stats = await vscode.commands.executeCommand<{ documents: number }>('marginalia.reindex');
    assert.ok(stats.documents >= 3, JSON.stringify(stats));
    const diagnostics = await waitFor(
      'a diagnostic on the unreadable sidecar',
      () => vscode.languages.getDiagnostics(unreadable).length > 0 && vscode.languages.getDiagnostics(unreadable),
    );
    assert.ok(
      diagnostics.some(d => /cannot read this sidecar/.test(d.message)),
      diagnostics.map(d => d.message).join('; '),
    );
    // The publication date of another sidecar, read in the same scan, still resolves dates.
    const doc = await vscode.workspace.openTextDocument(dated);
    await vscode.window.showTextDocument(doc);
    const friday = doc.positionAt(doc.getText().indexOf('Friday') + 2);
    const hover = hoverText(await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', dated, friday));
    assert.match(hover, /2026-01-02/);
  });
});
