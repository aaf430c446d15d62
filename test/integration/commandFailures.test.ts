// One error policy (issue 13): a command that fails says so and returns failure. Before, renameEntity
// and markNotEntity reported an error and then returned success.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { failureOf, workspaceUri } from './helpers';

const BROKEN_REGISTRY = 'version: 1\nentities: [\n  - id: broken\n';

describe('a command that fails says so and returns failure', () => {
  const registry = workspaceUri('.marginalia/entities.yaml');

  before(() => vscode.commands.executeCommand('marginalia.reindex'));

  after(async () => {
    await vscode.workspace.fs.delete(registry).then(undefined, () => undefined);
    await vscode.commands.executeCommand('marginalia.reindex');
  });

  it('renameEntity and markNotEntity reject when the registry has errors, and leave it as it was', async () => {
    await vscode.workspace.fs.writeFile(registry, new TextEncoder().encode(BROKEN_REGISTRY));
    assert.match(await failureOf('marginalia.renameEntity', { id: 'Xi Jinping', name: 'President Xi' }), /has errors/);
    assert.match(await failureOf('marginalia.markNotEntity', { text: 'Beijing' }), /has errors/);
    assert.match(await failureOf('marginalia.mergeEntities', { from: 'Wang Yi', into: 'Xi Jinping' }), /has errors/);
    assert.strictEqual(new TextDecoder().decode(await vscode.workspace.fs.readFile(registry)), BROKEN_REGISTRY);
  });

  it('renameEntity rejects an entity that is not in the corpus', async () => {
    assert.match(await failureOf('marginalia.renameEntity', { id: 'no-such-entity', name: 'Anyone' }), /no entity/);
  });

  it('importAnnotations rejects an input that does not exist, naming it, and an unknown format', async () => {
    assert.match(await failureOf('marginalia.importAnnotations', { format: 'w3c', input: '/nonexistent/export.jsonld' }), /export\.jsonld not found/);
    assert.match(await failureOf('marginalia.importAnnotations', { format: 'xml', input: '/nonexistent' }), /cannot import the format "xml"/);
    assert.match(await failureOf('marginalia.importAnnotations', { format: 'conll', input: '/nonexistent', status: 'maybe' }), /unknown status "maybe"/);
  });

  it('exportAnnotations rejects an unknown format and a missing output folder', async () => {
    assert.match(await failureOf('marginalia.exportAnnotations', { format: 'xml', output: '/tmp' }), /unknown export format/);
    assert.match(await failureOf('marginalia.exportAnnotations', { format: 'csv' }), /needs an output folder/);
  });
});
