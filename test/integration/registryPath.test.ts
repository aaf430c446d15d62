// Finding 8 of issue 13: `marginalia.registryPath` comes from the workspace's settings, which a
// cloned repository controls; it must not lead Marginalia to read or write outside the folder.
import * as assert from 'assert';
import { existsSync, mkdtempSync, readdirSync, rmSync, symlinkSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import * as vscode from 'vscode';
import { waitFor, workspaceUri } from './helpers';

const DEFAULT_REGISTRY = '.marginalia/entities.yaml';

async function setRegistryPath(value: string | undefined): Promise<void> {
  await vscode.workspace.getConfiguration('marginalia').update('registryPath', value, vscode.ConfigurationTarget.Workspace);
  const expected = value ?? DEFAULT_REGISTRY;
  await waitFor(`registryPath = ${expected}`, () => vscode.workspace.getConfiguration('marginalia').get('registryPath') === expected);
}

/** Records "not an entity" for a made-up surface form and returns the default registry's text after it. */
async function recordSomething(text: string): Promise<string> {
  assert.strictEqual(await vscode.commands.executeCommand('marginalia.markNotEntity', { text }), true);
  const registry = workspaceUri(DEFAULT_REGISTRY);
  return waitFor(`"${text}" in ${DEFAULT_REGISTRY}`, async () => {
    const onDisk = new TextDecoder().decode(await vscode.workspace.fs.readFile(registry));
    return onDisk.includes(text) && onDisk;
  });
}

describe('the registry path setting stays inside the workspace', () => {
  const outside = mkdtempSync(join(tmpdir(), 'marginalia-registry-outside-'));
  const link = workspaceUri('linked-review');

  after(async () => {
    await setRegistryPath(undefined);
    await vscode.workspace.fs.delete(workspaceUri(DEFAULT_REGISTRY)).then(undefined, () => undefined);
    rmSync(link.fsPath, { force: true });
    rmSync(outside, { recursive: true, force: true });
    await vscode.commands.executeCommand('marginalia.reindex');
  });

  for (const [name, path] of [
    ['a path with ..', () => join('..', outside.split(/[\\/]/).pop()!, 'entities.yaml')],
    ['an absolute path', () => join(outside, 'entities.yaml')],
    ['a path through a link that leads outside', () => 'linked-review/entities.yaml'],
  ] as const) {
    it(`refuses ${name}: nothing is written outside, the default registry is used`, async () => {
      if (!existsSync(link.fsPath)) symlinkSync(outside, link.fsPath, 'dir');
      await setRegistryPath(path());
      const surface = `Outside Registry Probe ${name.length}`;
      const onDisk = await recordSomething(surface);
      assert.match(onDisk, /notEntities:/);
      assert.deepStrictEqual(readdirSync(outside), [], `written outside the workspace: ${readdirSync(outside).join(', ')}`);
    });
  }

  it('uses a registry path inside the workspace', async () => {
    await setRegistryPath('review/entities.yaml');
    const inside = workspaceUri('review/entities.yaml');
    try {
      await waitFor('the registry to move', async () => {
        await vscode.commands.executeCommand('marginalia.markNotEntity', { text: 'Inside Registry Probe' });
        return existsSync(inside.fsPath);
      });
      assert.match(new TextDecoder().decode(await vscode.workspace.fs.readFile(inside)), /Inside Registry Probe/);
    } finally {
      await vscode.workspace.fs.delete(workspaceUri('review'), { recursive: true }).then(undefined, () => undefined);
    }
  });
});
