// Learning from reviews in the editor (issue 15): a reviewer rejects a recognized name, confirms
// names the rules missed and marks one not an entity, all in one article; in the other, Learn from Reviews writes
// .marginalia/model.json and the highlights of both change at once; the file pulled in or removed on disk
// changes them too; Forget Learned Model brings the rules' highlights back; a sidecar that cannot be
// read stops learning with a message, nothing written.
import * as assert from 'assert';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'fs';
import { join } from 'path';
import * as vscode from 'vscode';
import { failureOf, waitFor, workspaceUri } from './helpers';

const FOLDER = 'learn-reviews';
const A = `${FOLDER}/moss-leeds.txt`;
const B = `${FOLDER}/moss-returns.txt`;
const TEXT_A = `Published: 5 January 2026

Kelvin Moss met reporters in Leeds on Monday. Harrow Vale said little. Anchor signed the deal.
Later, Kelvin Moss left for Harrow Vale. Summit bought a farm.
`;
const TEXT_B = `Published: 6 January 2026

On Friday Kelvin Moss returned to Harrow Vale with Dana Whitfield. Anchor said nothing. Summit grew.
`;

interface LearnResult {
  path: string;
  written: boolean;
  learnedFrom: Record<string, number>;
  mentions: { before: number; after: number };
}

const root = () => vscode.workspace.workspaceFolders![0].uri.fsPath;
const modelFile = () => join(root(), '.marginalia', 'model.json');
const registryFile = () => join(root(), '.marginalia', 'entities.yaml');

/**
 * True when the first occurrence of `text` in the article is a recognized mention (highlighted):
 * its references include it. (Document highlights would not do: VS Code falls back to a textual
 * highlighter for words that no provider answers for.)
 */
async function highlighted(relative: string, text: string): Promise<boolean> {
  const doc = await vscode.workspace.openTextDocument(workspaceUri(relative));
  const offset = doc.getText().indexOf(text);
  assert.ok(offset >= 0, `${text} not in ${relative}`);
  const locations = await vscode.commands.executeCommand<vscode.Location[] | undefined>('vscode.executeReferenceProvider', doc.uri, doc.positionAt(offset + 1));
  return (locations ?? []).some(
    l => l.uri.toString() === doc.uri.toString() && doc.offsetAt(l.range.start) === offset && doc.offsetAt(l.range.end) === offset + text.length,
  );
}

/** What the highlights of the article nobody reviewed say of the names reviewed in the other: Moss (rejected), Summit (confirmed). */
async function state(): Promise<{ moss: boolean; summit: boolean }> {
  return { moss: await highlighted(B, 'Kelvin Moss'), summit: await highlighted(B, 'Summit') };
}

/** Selects the first occurrence of `text` in the active editor. */
function select(editor: vscode.TextEditor, text: string): void {
  const start = editor.document.getText().indexOf(text);
  editor.selection = new vscode.Selection(editor.document.positionAt(start), editor.document.positionAt(start + text.length));
}

describe('Learn from Reviews', () => {
  let registryBefore: string | undefined;

  before(async () => {
    registryBefore = existsSync(registryFile()) ? readFileSync(registryFile(), 'utf8') : undefined;
    mkdirSync(join(root(), FOLDER), { recursive: true });
    writeFileSync(join(root(), A), TEXT_A);
    writeFileSync(join(root(), B), TEXT_B);
    await vscode.commands.executeCommand('marginalia.reindex');
  });

  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    rmSync(join(root(), FOLDER), { recursive: true, force: true });
    rmSync(modelFile(), { force: true });
    if (registryBefore === undefined) rmSync(registryFile(), { force: true });
    else writeFileSync(registryFile(), registryBefore);
    await vscode.commands.executeCommand('marginalia.reindex');
  });

  it('the rules highlight the name the reviewer will reject, and miss the one they will confirm', async () => {
    assert.deepStrictEqual(await state(), { moss: true, summit: false });
  });

  it('learns from a rejection, a confirmation and "not an entity": the model is written and the highlights change at once', async () => {
    const editor = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(workspaceUri(A)));
    select(editor, 'Kelvin Moss');
    await vscode.commands.executeCommand('marginalia.rejectMention');
    // two companies the rules miss at the start of a sentence
    for (const missed of ['Anchor', 'Summit']) {
      select(editor, missed);
      await vscode.commands.executeCommand('marginalia.annotateSelection', { label: 'organization', status: 'confirmed' });
    }
    assert.strictEqual(await vscode.commands.executeCommand('marginalia.markNotEntity', { text: 'Harrow Vale' }), true);

    const result = await vscode.commands.executeCommand<LearnResult>('marginalia.learnFromReviews', {});
    assert.ok(existsSync(modelFile()), '.marginalia/model.json written');
    assert.strictEqual(result.path.toLowerCase(), modelFile().replace(/\\/g, '/').toLowerCase());
    assert.strictEqual(result.written, true);
    // the rejection and Harrow Vale's two places here (other sidecars of the workspace add theirs)
    assert.ok(result.learnedFrom.none >= 3, JSON.stringify(result.learnedFrom));
    assert.ok(result.learnedFrom.organization >= 2, JSON.stringify(result.learnedFrom));
    assert.ok(result.mentions.before > 0 && result.mentions.after > 0, JSON.stringify(result.mentions));
    assert.deepStrictEqual(await state(), { moss: false, summit: true });
  });

  it('follows the file on disk: removed (as by a git checkout), the rules are back; restored, the model again', async function () {
    this.timeout(70_000);
    const learned = readFileSync(modelFile());
    rmSync(modelFile());
    await waitFor(
      'the rules after the model file is removed',
      async () => {
        const s = await state();
        return s.moss && !s.summit;
      },
      30_000,
    );
    writeFileSync(modelFile(), learned);
    await waitFor(
      'the model after the file is back',
      async () => {
        const s = await state();
        return !s.moss && s.summit;
      },
      30_000,
    );
  });

  it("Forget Learned Model removes the file and the highlights are the rules' again", async () => {
    const result = await vscode.commands.executeCommand<{ removed: boolean }>('marginalia.forgetLearnedModel', {});
    assert.strictEqual(result.removed, true);
    assert.ok(!existsSync(modelFile()));
    assert.deepStrictEqual(await state(), { moss: true, summit: false });
    assert.strictEqual((await vscode.commands.executeCommand<{ removed: boolean }>('marginalia.forgetLearnedModel', {})).removed, false);
  });

  it('a sidecar that cannot be read stops learning with a message naming it, and nothing is written', async () => {
    const broken = join(root(), `${B}.annotations.yaml`);
    writeFileSync(broken, Buffer.from([0x76, 0x65, 0xff, 0x0a]));
    try {
      const message = await failureOf('marginalia.learnFromReviews', {});
      assert.match(message, /cannot learn from reviews: .*moss-returns\.txt\.annotations\.yaml/);
      assert.match(message, /Nothing was written/);
      assert.ok(!existsSync(modelFile()));
    } finally {
      rmSync(broken, { force: true });
    }
  });
});
