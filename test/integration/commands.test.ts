import * as assert from 'assert';
import * as vscode from 'vscode';

const EXTENSION_ID = 'marginalia.marginalia';

interface ContributedCommand {
  command: string;
  title: string;
}

describe('commands', () => {
  let extension: vscode.Extension<unknown>;

  before(async () => {
    const found = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(found, `${EXTENSION_ID} is not loaded`);
    extension = found;
    await extension.activate();
  });

  it('registers every command of contributes.commands', async () => {
    const contributed: ContributedCommand[] = extension.packageJSON.contributes?.commands ?? [];
    assert.ok(contributed.length > 0, 'package.json contributes no command');
    const registered = new Set(await vscode.commands.getCommands(true));
    const missing = contributed.map(c => c.command).filter(id => !registered.has(id));
    assert.deepStrictEqual(missing, [], `contributed but not registered: ${missing.join(', ')}`);
  });

  it('registers no marginalia command that package.json does not contribute', async () => {
    const contributed = new Set((extension.packageJSON.contributes?.commands ?? []).map((c: ContributedCommand) => c.command));
    // VS Code adds commands of its own for each view (`marginalia.entities.focus`, ...).
    const views: string[] = Object.values(extension.packageJSON.contributes?.views ?? {})
      .flat()
      .map(v => (v as { id: string }).id);
    const ours = (await vscode.commands.getCommands(true)).filter(id => id.startsWith('marginalia.') && !views.some(view => id.startsWith(`${view}.`)));
    const extra = ours.filter(id => !contributed.has(id));
    assert.deepStrictEqual(extra, [], `registered but not contributed: ${extra.join(', ')}`);
    assert.ok(ours.length >= contributed.size);
  });

  it('marginalia.reindex returns the totals of the workspace', async () => {
    const result = await vscode.commands.executeCommand<{ documents: number; entities: number; mentions: number }>('marginalia.reindex');
    assert.ok(result && typeof result === 'object', `reindex returned ${JSON.stringify(result)}`);
    for (const key of ['documents', 'entities', 'mentions'] as const) {
      assert.strictEqual(typeof result[key], 'number', `${key} is ${JSON.stringify(result[key])}`);
      assert.ok(Number.isInteger(result[key]) && result[key] >= 0, `${key} is ${result[key]}`);
    }
    assert.ok(result.documents > 0, `reindex found no document: ${JSON.stringify(result)}`);
  });
});
