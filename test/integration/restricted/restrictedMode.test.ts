// Workspace Trust (issue 13): in Restricted Mode, highlighting and hovers work read-only; every
// command that writes refuses with a clear message and nothing is written; the workspace's
// `marginalia.registryPath` setting is ignored (package.json: capabilities.untrustedWorkspaces).
import * as assert from 'assert';
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import * as vscode from 'vscode';
import { failureOf, hoverText, workspaceUri } from '../helpers';

const EXTENSION_ID = 'marginalia.marginalia';
const WIRE = 'korea-china/wire-lee-arrives-beijing.txt';

/** Every file of the workspace with its size and modification time. */
function snapshot(dir: string, prefix = ''): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .flatMap(e => {
      const path = join(dir, e.name);
      if (e.isDirectory()) return snapshot(path, `${prefix}${e.name}/`);
      const s = statSync(path);
      return [`${prefix}${e.name} ${s.size} ${s.mtimeMs}`];
    })
    .sort();
}

describe('Restricted Mode', () => {
  const root = vscode.workspace.workspaceFolders![0].uri.fsPath;
  const out = join(mkdtempSync(join(tmpdir(), 'marginalia-restricted-')), 'export');
  let files: string[];
  let editor: vscode.TextEditor;

  before(async () => {
    assert.strictEqual(vscode.workspace.isTrusted, false, 'the workspace is trusted: this suite must run in Restricted Mode (offline.mjs --restricted)');
    files = snapshot(root);
    editor = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(workspaceUri(WIRE)));
    await vscode.extensions.getExtension(EXTENSION_ID)!.activate();
    await vscode.commands.executeCommand('marginalia.reindex');
  });

  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    rmSync(join(out, '..'), { recursive: true, force: true });
  });

  it("shows hover cards; the workspace's registryPath setting is ignored", async () => {
    assert.strictEqual(vscode.workspace.getConfiguration('marginalia').get('registryPath'), '.marginalia/entities.yaml');
    const text = editor.document.getText();
    const xi = editor.document.positionAt(text.indexOf('Xi Jinping') + 1);
    assert.match(hoverText(await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', editor.document.uri, xi)), /Xi Jinping/);
    // review/entities.yaml (named by the ignored setting) says Beijing is not an entity.
    const beijing = editor.document.positionAt(text.indexOf('Beijing') + 1);
    assert.match(
      hoverText(await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', editor.document.uri, beijing)),
      /Beijing\*\* · place/,
    );
  });

  it("uses the workspace's learned model (.marginalia/model.json: data, read-only), which says Wang Yi is not a name", async () => {
    const text = editor.document.getText();
    const referencesAt = (name: string) =>
      vscode.commands.executeCommand<vscode.Location[] | undefined>(
        'vscode.executeReferenceProvider',
        editor.document.uri,
        editor.document.positionAt(text.indexOf(name) + 1),
      );
    assert.ok(((await referencesAt('Xi Jinping')) ?? []).length > 0);
    assert.deepStrictEqual((await referencesAt('Wang Yi')) ?? [], []);
  });

  it('references and cross-references work', async () => {
    const locations = await vscode.commands.executeCommand<vscode.Location[]>('marginalia.crossReference', { entity: 'Xi Jinping' });
    assert.ok(locations.length > 1);
  });

  const uri = () => workspaceUri(WIRE).toString();
  const writes: [string, () => unknown][] = [
    ['marginalia.annotateSelection', () => ({ label: 'person' })],
    ['marginalia.annotateAllOccurrences', () => ({ text: 'Xi Jinping', label: 'person', scope: 'workspace' })],
    ['marginalia.setStatus', () => ({ status: 'rejected', id: 'a1b2c3d4', uri: uri() })],
    ['marginalia.deleteAnnotation', () => ({ id: 'a1b2c3d4', uri: uri() })],
    ['marginalia.confirmMention', () => ({})],
    ['marginalia.setPublicationDate', () => ({ date: '2026-01-05', uri: uri() })],
    ['marginalia.mergeEntities', () => ({ from: 'Wang Yi', into: 'Xi Jinping' })],
    ['marginalia.renameEntity', () => ({ id: 'Xi Jinping', name: 'President Xi' })],
    ['marginalia.markNotEntity', () => ({ text: 'Beijing' })],
    ['marginalia.exportAnnotations', () => ({ format: 'csv', output: out, scope: 'workspace' })],
    ['marginalia.importAnnotations', () => ({ format: 'brat', input: root })],
    ['marginalia.importAnnotations', () => ({ format: 'conll', input: join(root, 'none.conll') })],
    ['marginalia.learnFromReviews', () => ({})],
    ['marginalia.forgetLearnedModel', () => ({})],
    // Even with a recognizer in the user's settings, no process is started in Restricted Mode.
    ['marginalia.suggestWithRecognizer', () => ({ uri: uri() })],
  ];
  before(async () => {
    await vscode.workspace.getConfiguration('marginalia').update('recognizer.command', 'touch recognizer-ran', vscode.ConfigurationTarget.Global);
  });
  after(async () => {
    await vscode.workspace.getConfiguration('marginalia').update('recognizer.command', undefined, vscode.ConfigurationTarget.Global);
  });
  for (const [command, args] of writes) {
    it(`${command} refuses with the Restricted Mode message`, async () => {
      const start = editor.document.getText().indexOf('Lee Jae Myung');
      editor.selection = new vscode.Selection(editor.document.positionAt(start), editor.document.positionAt(start + 13));
      assert.match(await failureOf(command, args()), /Restricted Mode/);
    });
  }

  it('wrote nothing: the workspace is as it was, no export folder', () => {
    assert.deepStrictEqual(snapshot(root), files);
    assert.ok(!existsSync(out));
  });

  it('shows annotation threads read-only', async () => {
    const threads = await vscode.commands.executeCommand<{ contextValue?: string }[]>('marginalia.internal.commentThreads', { uri: uri() });
    assert.ok(threads.length > 0, 'the sample sidecar has annotations');
    for (const thread of threads) assert.match(thread.contextValue ?? '', /readonly/);
  });
});
