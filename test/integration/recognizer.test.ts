// The external recognizer in the real VS Code: fake recognizers (test/fixtures/recognizers) that
// answer, hang, print garbage or fail. None blocks the editor while it runs, and none loses an
// annotation; the good one's spans arrive as suggestions with their source.
import * as assert from 'assert';
import { join } from 'path';
import * as vscode from 'vscode';
import { failureOf } from './helpers';

const FAKES = join(__dirname, '..', '..', '..', 'test', 'fixtures', 'recognizers');
const fake = (name: string): string => `"${process.execPath}" "${join(FAKES, `${name}.mjs`)}"`;
const TEXT = '😀 𠀀 Published: 5 January 2026\r\nWi Sung-lac met reporters in Seoul.\r\n';

describe('external recognizer from VS Code', function () {
  this.timeout(120_000);
  const folder = vscode.Uri.joinPath(vscode.workspace.workspaceFolders![0].uri, 'recognizer-it');
  const article = vscode.Uri.joinPath(folder, 'note.txt');
  const sidecar = vscode.Uri.joinPath(folder, 'note.txt.annotations.yaml');
  const config = () => vscode.workspace.getConfiguration('marginalia');
  const sidecarText = async (): Promise<string> => new TextDecoder().decode(await vscode.workspace.fs.readFile(sidecar));

  before(async () => {
    await vscode.workspace.fs.writeFile(article, new TextEncoder().encode(TEXT));
    const editor = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(article));
    const start = TEXT.indexOf('Wi Sung-lac');
    editor.selection = new vscode.Selection(editor.document.positionAt(start), editor.document.positionAt(start + 11));
    await vscode.commands.executeCommand('marginalia.annotateSelection', { label: 'person', note: 'adviser', status: 'confirmed' });
    await config().update('recognizer.timeoutSeconds', 10, vscode.ConfigurationTarget.Global);
  });

  after(async () => {
    await config().update('recognizer.command', undefined, vscode.ConfigurationTarget.Global);
    await config().update('recognizer.timeoutSeconds', undefined, vscode.ConfigurationTarget.Global);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await vscode.workspace.fs.delete(folder, { recursive: true });
  });

  it('says what to set when no recognizer is configured', async () => {
    assert.match(await failureOf('marginalia.suggestWithRecognizer', { uri: article.toString() }), /set "marginalia.recognizer.command" in your user settings/);
  });

  for (const [name, why] of [
    ['hang', /gave no answer within 10 s; stopped/],
    ['garbage', /output line 2 is not a JSON object/],
    ['fail', /exited with status 3: OSError/],
  ] as const) {
    it(`a recognizer that ${name === 'hang' ? 'hangs' : name === 'fail' ? 'exits non-zero' : 'prints garbage'} blocks nothing, changes nothing and says why`, async () => {
      await config().update('recognizer.command', fake(name), vscode.ConfigurationTarget.Global);
      const before = await sidecarText();
      let settled = false;
      const run = failureOf('marginalia.suggestWithRecognizer', { uri: article.toString() }).finally(() => {
        settled = true;
      });
      // The extension host answers while the recognizer runs: a hover on the article comes back first.
      const document = await vscode.workspace.openTextDocument(article);
      const hovers = await vscode.commands.executeCommand<vscode.Hover[]>(
        'vscode.executeHoverProvider',
        article,
        document.positionAt(TEXT.indexOf('Seoul') + 1),
      );
      if (name === 'hang') assert.ok(!settled, 'the hover waited for the hanging recognizer');
      assert.ok(Array.isArray(hovers));
      assert.match(await run, why);
      assert.strictEqual(await sidecarText(), before, 'the sidecar is unchanged');
      assert.match(before, /quote: Wi Sung-lac/);
      assert.match(before, /note: adviser/);
    });
  }

  it("a good recognizer's spans arrive as suggestions with their source; the reviewer's annotation keeps its status; twice adds nothing", async () => {
    await config().update('recognizer.command', fake('good'), vscode.ConfigurationTarget.Global);
    assert.strictEqual(await vscode.commands.executeCommand<number>('marginalia.suggestWithRecognizer', { uri: article.toString() }), 1);
    assert.strictEqual(await vscode.commands.executeCommand<number>('marginalia.suggestWithRecognizer', { uri: article.toString() }), 0);
    const yaml = await sidecarText();
    assert.match(yaml, /quote: Seoul[\s\S]*status: suggested\n\s+source: recognizer:fake/);
    assert.match(yaml, /quote: Wi Sung-lac[\s\S]*status: confirmed\n\s+note: adviser/);
    assert.strictEqual((yaml.match(/source: recognizer:fake/g) ?? []).length, 1);
    const start = TEXT.indexOf('Seoul');
    assert.match(yaml, new RegExp(`start: ${start}\\b`), 'UTF-16 offsets after astral characters and CRLF');
  });
});
