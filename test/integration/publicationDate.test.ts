import * as assert from 'assert';
import * as vscode from 'vscode';
import { hoverText } from './helpers';

describe('publication date', () => {
  const folder = vscode.Uri.joinPath(vscode.workspace.workspaceFolders![0].uri, 'pubdate-it');
  const article = vscode.Uri.joinPath(folder, 'undated.txt');
  const sidecar = vscode.Uri.joinPath(folder, 'undated.txt.annotations.yaml');

  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await vscode.workspace.fs.delete(folder, { recursive: true });
  });

  it('setPublicationDate stores the date in the sidecar and relative dates resolve against it', async () => {
    await vscode.workspace.fs.writeFile(article, new TextEncoder().encode('The minister said on Friday that talks would resume.\n'));
    const doc = await vscode.workspace.openTextDocument(article);
    await vscode.window.showTextDocument(doc);
    const friday = doc.positionAt(doc.getText().indexOf('Friday') + 2);
    const hover = async () => hoverText(await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', article, friday));
    assert.match(await hover(), /unresolved/);

    const result = await vscode.commands.executeCommand('marginalia.setPublicationDate', { date: '2026-01-05', uri: article.toString() });
    assert.strictEqual(result, '2026-01-05');
    assert.match(new TextDecoder().decode(await vscode.workspace.fs.readFile(sidecar)), /^dct: ['"]?2026-01-05/m);
    const text = await hover();
    assert.match(text, /2026-01-02/);
    assert.match(text, /publication date 2026-01-05/);
  });
});
