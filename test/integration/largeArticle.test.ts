// A very large article is analyzed in the worker: the extension host answers meanwhile, and edits made
// while an analysis runs give the latest version's result only. No timing is asserted: the order of
// events is (docs/contracts.md, Extension API).
import * as assert from 'assert';
import * as vscode from 'vscode';
import type { MarginaliaApi } from '../../src/vscode/extension';
import { waitFor, workspaceUri } from './helpers';

const LARGE = 'large/very-large-article.txt';
/** Past the analysis limit (1.5M characters), so that analyzing it takes the worker a while. */
const LARGE_CHARS = 3_000_000;
const WIRE = 'korea-china/wire-lee-arrives-beijing.txt';
const ANALYSIS_TIMEOUT_MS = 120_000;

describe('a very large article is analyzed off the extension host', function () {
  this.timeout(4 * ANALYSIS_TIMEOUT_MS);
  const uri = workspaceUri(LARGE);
  const events: string[] = [];
  let api: MarginaliaApi;
  let listening: vscode.Disposable;

  before(async () => {
    api = await vscode.extensions.getExtension<MarginaliaApi>('marginalia.marginalia')!.activate();
    listening = api.onDidAnalyze(e => {
      if (e.uri === uri.toString()) events.push(`${e.phase} ${e.version}`);
    });
    // an article of the workspace, repeated
    const wire = new TextDecoder().decode(await vscode.workspace.fs.readFile(workspaceUri(WIRE)));
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(`${wire}\n\n`.repeat(Math.ceil(LARGE_CHARS / (wire.length + 2)))));
  });

  after(async () => {
    listening.dispose();
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await vscode.workspace.fs.delete(vscode.Uri.joinPath(uri, '..'), { recursive: true });
  });

  it('answers a command while the article is analyzed, then applies the analysis', async () => {
    const order: string[] = [];
    const applied = api.onDidAnalyze(e => {
      if (e.uri === uri.toString() && e.phase === 'applied') order.push('analysis applied');
    });
    try {
      const doc = await vscode.workspace.openTextDocument(uri);
      await vscode.window.showTextDocument(doc);
      const reply = await vscode.commands.executeCommand<{ annotations: unknown[] }>('marginalia.internal.annotations', { uri: workspaceUri(WIRE).toString() });
      order.push('command answered');
      assert.ok(Array.isArray(reply?.annotations));
      await waitFor('the analysis of the large article', () => order.includes('analysis applied'), ANALYSIS_TIMEOUT_MS);
      assert.deepEqual(order, ['command answered', 'analysis applied']);
      assert.ok(events.includes(`applied ${doc.version}`), events.join(', '));
    } finally {
      applied.dispose();
    }
  });

  it('an edit made while the article is analyzed gives the latest version only', async () => {
    const doc = await vscode.workspace.openTextDocument(uri);
    const editor = await vscode.window.showTextDocument(doc);
    await waitFor('the opened version analyzed', () => events.includes(`applied ${doc.version}`), ANALYSIS_TIMEOUT_MS);
    const insert = (text: string) => editor.edit(b => b.insert(new vscode.Position(0, 0), text));

    assert.ok(await insert('Breaking: '));
    const first = doc.version;
    await waitFor(`the analysis of version ${first} under way`, () => events.includes(`started ${first}`), ANALYSIS_TIMEOUT_MS);
    assert.ok(await insert('Update. '));
    const latest = doc.version;
    await waitFor(`version ${latest} analyzed`, () => events.includes(`applied ${latest}`), ANALYSIS_TIMEOUT_MS);
    assert.ok(!events.includes(`applied ${first}`), `the superseded version ${first} was applied: ${events.join(', ')}`);

    // the result is the latest text's: a hover on a name finds it where it now is
    const offset = doc.getText().indexOf('Xi Jinping');
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, doc.positionAt(offset + 1));
    assert.match(
      hovers
        .flatMap(h => h.contents)
        .map(c => (typeof c === 'string' ? c : c.value))
        .join('\n'),
      /Xi Jinping/,
    );
  });
});
