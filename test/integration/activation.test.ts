import * as assert from 'assert';
import * as vscode from 'vscode';

const EXTENSION_ID = 'marginalia.marginalia';

const articleLanguages = new Set(['article', 'plaintext', 'markdown']);

async function waitFor(condition: () => boolean, timeoutMs: number): Promise<boolean> {
  const end = Date.now() + timeoutMs;
  while (Date.now() < end) {
    if (condition()) return true;
    await new Promise(r => setTimeout(r, 100));
  }
  return condition();
}

describe('activation', () => {
  it('the extension under development is installed', () => {
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(extension, `${EXTENSION_ID} is not loaded: check extensionDevelopmentPath`);
    assert.strictEqual(extension.packageJSON.name, 'marginalia');
  });

  it('declares only lazy activation events (no `*`, no onStartupFinished)', () => {
    const events: string[] = vscode.extensions.getExtension(EXTENSION_ID)?.packageJSON.activationEvents ?? [];
    const eager = events.filter(e => e === '*' || e === 'onStartupFinished');
    assert.deepStrictEqual(eager, [], `eager activation events: ${eager.join(', ')}`);
  });

  it('opening an article of the workspace activates the extension', async () => {
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(extension);
    const candidates = await vscode.workspace.findFiles('**/*.txt', '**/{node_modules,.git}/**');
    assert.ok(candidates.length > 0, 'the test workspace has no .txt article');
    // A non-empty plain .txt (language plaintext: `onLanguage:plaintext`), else any .txt.
    const uri = candidates.find(u => !u.path.endsWith('.article.txt') && !u.path.endsWith('empty.txt')) ?? candidates[0];
    const document = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(document);
    assert.ok(articleLanguages.has(document.languageId), `unexpected language ${document.languageId} for ${uri.path}`);
    const active = await waitFor(() => extension.isActive, 15_000);
    assert.ok(active, `opening ${vscode.workspace.asRelativePath(uri)} did not activate ${EXTENSION_ID} within 15 s`);
  });

  it('an *.article.txt file gets the `article` language', async () => {
    const [uri] = await vscode.workspace.findFiles('**/*.article.txt', '**/node_modules/**', 1);
    assert.ok(uri, 'the test workspace (a copy of samples/) has no *.article.txt');
    const document = await vscode.workspace.openTextDocument(uri);
    assert.strictEqual(document.languageId, 'article');
  });

  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });
});
