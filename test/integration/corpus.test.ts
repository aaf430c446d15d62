import * as assert from 'assert';
import * as vscode from 'vscode';
import { hoverText, workspaceUri } from './helpers';

const WIRE = 'korea-china/wire-lee-arrives-beijing.txt';

/** Opens an article and returns the position inside the first occurrence of `text`. */
async function positionOf(relative: string, text: string): Promise<{ doc: vscode.TextDocument; position: vscode.Position }> {
  const doc = await vscode.workspace.openTextDocument(workspaceUri(relative));
  await vscode.window.showTextDocument(doc);
  const offset = doc.getText().indexOf(text);
  assert.ok(offset >= 0, `${text} not in ${relative}`);
  return { doc, position: doc.positionAt(offset + 1) };
}

function filesOf(locations: vscode.Location[]): Set<string> {
  return new Set(locations.map(l => vscode.workspace.asRelativePath(l.uri)));
}

describe('corpus: hover, references, symbols, merge', () => {
  before(async () => {
    await positionOf(WIRE, 'Xi Jinping');
    await vscode.commands.executeCommand('marginalia.reindex');
  });

  it('a hover on a name lists other documents that mention the same entity', async () => {
    const { doc, position } = await positionOf(WIRE, 'Xi Jinping');
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, position);
    const text = hoverText(hovers);
    assert.match(text, /Xi Jinping/);
    assert.match(text, /person/);
    assert.match(text, /Other documents/);
    assert.match(text, /herald-xi-lee-summit-talks\.txt/);
    assert.match(text, /command:marginalia\.openMention/);
  });

  it('a hover on a name shows the notes reviewers wrote on the entity', async () => {
    const { doc, position } = await positionOf('korea-china/herald-xi-lee-summit-talks.txt', 'Lee Jae Myung');
    const text = hoverText(await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, position));
    assert.match(text, /Reviewers' notes/);
    assert.match(text, /Hana Cho \(confirmed\): Sitting \\\*\\\*President of South Korea/);
  });

  it('a hover on a date gives its ISO value and the publication date it was resolved against', async () => {
    const { doc, position } = await positionOf(WIRE, 'Jan. 5');
    const text = hoverText(await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, position));
    assert.match(text, /2026-01-05/);
    assert.match(text, /Monday/);
    assert.match(text, /publication date 2026-01-04/);
  });

  it('references of a name span several files', async () => {
    const { doc, position } = await positionOf(WIRE, 'Xi Jinping');
    const locations = await vscode.commands.executeCommand<vscode.Location[]>('vscode.executeReferenceProvider', doc.uri, position);
    assert.ok(filesOf(locations).size >= 3, `only in ${[...filesOf(locations)].join(', ')}`);
    for (const l of locations) {
      const other = await vscode.workspace.openTextDocument(l.uri);
      assert.match(other.getText(l.range), /^(Xi|Xi Jinping)$/);
    }
  });

  it('workspace symbols find an entity by an alias', async () => {
    const symbols = await vscode.commands.executeCommand<vscode.SymbolInformation[]>('vscode.executeWorkspaceSymbolProvider', 'Wi Sung Lac');
    assert.ok(
      symbols.some(s => s.name.startsWith('Wi Sung')),
      symbols.map(s => s.name).join(', '),
    );
  });

  it('crossReference with an argument returns the locations of every mention', async () => {
    const locations = await vscode.commands.executeCommand<vscode.Location[]>('marginalia.crossReference', { entity: 'Xi Jinping' });
    assert.ok(locations.length >= 5);
    assert.ok(locations.every(l => l instanceof vscode.Location));
  });

  it("an edit updates the document's mentions without a save", async () => {
    const { doc } = await positionOf(WIRE, 'Xi Jinping');
    const before = await vscode.commands.executeCommand<vscode.Location[]>('marginalia.crossReference', { entity: 'Xi Jinping' });
    const editor = await vscode.window.showTextDocument(doc);
    await editor.edit(b => b.insert(new vscode.Position(0, 0), 'Xi Jinping spoke. '));
    try {
      const after = await vscode.commands.executeCommand<vscode.Location[]>('marginalia.crossReference', { entity: 'Xi Jinping' });
      assert.strictEqual(after.length, before.length + 1);
      assert.ok(after.some(l => l.uri.toString() === doc.uri.toString() && l.range.start.line === 0 && l.range.start.character === 0));
      assert.ok(doc.isDirty);
    } finally {
      await vscode.commands.executeCommand('undo');
    }
  });

  it('a merge changes what hover and references return, and the registry on disk records it', async () => {
    const wang = await positionOf(WIRE, 'Wang Yi');
    const wangRefs = await vscode.commands.executeCommand<vscode.Location[]>('vscode.executeReferenceProvider', wang.doc.uri, wang.position);
    const xi = await positionOf(WIRE, 'Xi Jinping');
    const xiBefore = await vscode.commands.executeCommand<vscode.Location[]>('vscode.executeReferenceProvider', xi.doc.uri, xi.position);
    const from = (await vscode.commands.executeCommand<vscode.Location[]>('marginalia.crossReference', { entity: 'Wang Yi' })).length;
    assert.ok(from > 0);
    const survivor = await vscode.commands.executeCommand<string>('marginalia.mergeEntities', { from: 'Wang Yi', into: 'Xi Jinping' });
    const registry = workspaceUri('.marginalia/entities.yaml');
    try {
      const onDisk = new TextDecoder().decode(await vscode.workspace.fs.readFile(registry));
      assert.match(onDisk, new RegExp(`id: ${survivor}`));
      assert.match(onDisk, /merged:/);
      const xiAfter = await vscode.commands.executeCommand<vscode.Location[]>('vscode.executeReferenceProvider', xi.doc.uri, xi.position);
      assert.strictEqual(xiAfter.length, xiBefore.length + wangRefs.length);
      const text = hoverText(await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', wang.doc.uri, wang.position));
      assert.match(text, /Xi Jinping/);
      assert.match(text, /Wang Yi/);
    } finally {
      await vscode.workspace.fs.delete(registry);
      await vscode.commands.executeCommand('marginalia.reindex');
    }
  });
});
