import * as assert from 'assert';
import { mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import * as path from 'path';
import * as vscode from 'vscode';
import { parseSidecar, serializeSidecar, targetFor, type Annotation, type ParsedSidecar } from '../../src/core';
import { waitFor, workspaceUri } from './helpers';

const EXTENSION_ID = 'marginalia.marginalia';
const EMOJI = 'korea-china/social-reactions-emoji.txt';
const WIRE = 'korea-china/wire-lee-arrives-beijing.txt';
/** Articles this suite copies and changes live here, so other suites never see them. */
const SCRATCH = 'annotations-it';

interface StoredAnnotation {
  id: string;
  label: string;
  status: string;
  entity?: string;
  note?: string;
  replies: number;
  quote: string;
  prefix: string;
  suffix: string;
  start: number;
  end: number;
}
interface StoreView {
  annotations: StoredAnnotation[];
  orphans: StoredAnnotation[];
  writable: boolean;
  problems: number;
}
interface ThreadView {
  id: string;
  uri: string;
  range?: [number, number, number, number];
  label?: string;
  contextValue?: string;
  collapsed: boolean;
  comments: { author: string; body: string }[];
}

function sidecarUri(article: vscode.Uri): vscode.Uri {
  return article.with({ path: `${article.path}.annotations.yaml` });
}

async function readText(uri: vscode.Uri): Promise<string | undefined> {
  try {
    return new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
  } catch {
    return undefined;
  }
}

async function writeText(uri: vscode.Uri, text: string): Promise<void> {
  await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
}

async function sidecarOf(article: vscode.Uri): Promise<ParsedSidecar> {
  const text = await readText(sidecarUri(article));
  assert.ok(text !== undefined, `no sidecar for ${vscode.workspace.asRelativePath(article)}`);
  return parseSidecar(text);
}

/** A copy of a sample article (and, if asked, its sidecar) in the suite's own folder. */
async function copyArticle(from: string, name: string, withSidecar = false): Promise<vscode.Uri> {
  const target = workspaceUri(`${SCRATCH}/${name}`);
  await vscode.workspace.fs.copy(workspaceUri(from), target, { overwrite: true });
  if (withSidecar) await vscode.workspace.fs.copy(sidecarUri(workspaceUri(from)), sidecarUri(target), { overwrite: true });
  return target;
}

async function open(uri: vscode.Uri): Promise<vscode.TextEditor> {
  return vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
}

/** Selects the n-th occurrence of `text` in the editor and returns its UTF-16 offsets. */
function select(editor: vscode.TextEditor, text: string, occurrence = 0): { start: number; end: number } {
  const content = editor.document.getText();
  let start = -1;
  for (let i = 0; i <= occurrence; i++) start = content.indexOf(text, start + 1);
  assert.ok(start >= 0, `"${text}" not in ${editor.document.uri.path}`);
  const end = start + text.length;
  editor.selection = new vscode.Selection(editor.document.positionAt(start), editor.document.positionAt(end));
  return { start, end };
}

function storeView(uri: vscode.Uri): Thenable<StoreView> {
  return vscode.commands.executeCommand<StoreView>('marginalia.internal.annotations', { uri: uri.toString() });
}

function threadsOf(uri: vscode.Uri): Thenable<ThreadView[]> {
  return vscode.commands.executeCommand<ThreadView[]>('marginalia.internal.commentThreads', { uri: uri.toString() });
}

function annotation(text: string, id: string, quote: string, fields: Partial<Annotation> = {}): Annotation {
  const start = text.indexOf(quote);
  assert.ok(start >= 0, `"${quote}" not in the text`);
  return { id, target: targetFor(text, start, start + quote.length), label: 'person', status: 'confirmed', thread: [], ...fields };
}

async function closeEditors(): Promise<void> {
  for (const document of vscode.workspace.textDocuments.filter(d => d.isDirty)) {
    await vscode.window.showTextDocument(document);
    await vscode.commands.executeCommand('workbench.action.files.revert');
  }
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
}

describe('annotations', () => {
  let wireSidecar: string | undefined;

  before(async () => {
    wireSidecar = await readText(sidecarUri(workspaceUri(WIRE)));
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(extension, `${EXTENSION_ID} is not loaded`);
    await extension.activate();
    await vscode.workspace.fs.createDirectory(workspaceUri(SCRATCH));
  });

  afterEach(closeEditors);

  after(async () => {
    await closeEditors();
    assert.strictEqual(await readText(sidecarUri(workspaceUri(WIRE))), wireSidecar, 'the sample sidecar other suites use changed');
    await vscode.workspace.fs.delete(workspaceUri(SCRATCH), { recursive: true, useTrash: false }).then(undefined, () => undefined);
  });

  it('annotateSelection with arguments writes quote, context and UTF-16 offsets to the sidecar (emoji before names)', async () => {
    const article = workspaceUri(EMOJI);
    const sidecar = sidecarUri(article);
    assert.strictEqual(await readText(sidecar), undefined, 'the sample already has a sidecar');
    const editor = await open(article);
    const text = editor.document.getText();
    const ids: string[] = [];
    try {
      const lee = select(editor, 'Lee Jae Myung');
      ids.push(
        await vscode.commands.executeCommand<string>('marginalia.annotateSelection', { label: 'person', note: 'Sitting **president**.', status: 'suggested' }),
      );
      const twitter = select(editor, 'Twitter'); // just after "𝕏 On 𝕏, formerly": surrogate pairs in its prefix
      ids.push(await vscode.commands.executeCommand<string>('marginalia.annotateSelection', { label: 'source' }));
      assert.ok(
        ids.every(id => typeof id === 'string' && id.length > 0),
        `ids: ${JSON.stringify(ids)}`,
      );

      const parsed = await sidecarOf(article);
      assert.ok(parsed.writable, JSON.stringify(parsed.problems));
      for (const [id, span, quote] of [
        [ids[0], lee, 'Lee Jae Myung'],
        [ids[1], twitter, 'Twitter'],
      ] as const) {
        const stored = parsed.annotations.find(a => a.id === id);
        assert.ok(stored, `${id} is not in the sidecar`);
        const t = stored.target;
        assert.deepStrictEqual([t.start, t.end, t.quote], [span.start, span.end, quote]);
        // UTF-16 code units, not code points: the emoji before the name count twice.
        assert.notStrictEqual(t.start, [...text.slice(0, t.start)].length);
        assert.strictEqual(text.slice(t.start - t.prefix.length, t.start), t.prefix);
        assert.strictEqual(text.slice(t.end, t.end + t.suffix.length), t.suffix);
        assert.ok(t.prefix.length >= 31 && t.suffix.length >= 31, `context too short: ${JSON.stringify(t)}`);
        assert.ok(!/^[\udc00-\udfff]/.test(t.prefix) && !/[\ud800-\udbff]$/.test(t.suffix), 'the context splits a surrogate pair');
      }
      assert.match(parsed.annotations.find(a => a.id === ids[1])!.target.prefix, /𝕏/);
      const first = parsed.annotations.find(a => a.id === ids[0])!;
      assert.strictEqual(first.label, 'person');
      assert.strictEqual(first.status, 'suggested');
      assert.strictEqual(first.note, 'Sitting **president**.');
      assert.ok(first.author && first.created, 'author and created are recorded');

      const threads = await threadsOf(article);
      const thread = threads.find(t => t.id === ids[0]);
      assert.ok(thread, `no comment thread for ${ids[0]}`);
      const start = editor.document.positionAt(lee.start),
        end = editor.document.positionAt(lee.end);
      assert.deepStrictEqual(thread.range, [start.line, start.character, end.line, end.character]);
      assert.strictEqual(thread.label, 'person · suggested');
      assert.strictEqual(thread.comments[0].body, 'Sitting **president**.');
    } finally {
      for (const id of ids) await vscode.commands.executeCommand('marginalia.deleteAnnotation', { id });
      await vscode.workspace.fs.delete(sidecar).then(undefined, () => undefined);
    }
  });

  it('typing before an annotation moves it, and saving the article stores the new offsets', async () => {
    const article = await copyArticle(EMOJI, 'typing.txt');
    const editor = await open(article);
    const before = select(editor, 'Xi Jinping');
    const id = await vscode.commands.executeCommand<string>('marginalia.annotateSelection', { label: 'person' });
    const inserted = 'UPDATE 🔔 ';
    await editor.edit(b => b.insert(new vscode.Position(0, 0), inserted));
    const moved = (await storeView(article)).annotations.find(a => a.id === id);
    assert.ok(moved);
    assert.deepStrictEqual([moved.start, moved.end], [before.start + inserted.length, before.end + inserted.length]);
    assert.strictEqual(editor.document.getText().slice(moved.start, moved.end), 'Xi Jinping');
    const thread = (await threadsOf(article)).find(t => t.id === id);
    const position = editor.document.positionAt(moved.start);
    assert.deepStrictEqual(thread?.range?.slice(0, 2), [position.line, position.character], 'the thread follows the text');
    assert.strictEqual((await sidecarOf(article)).annotations.find(a => a.id === id)?.target.start, before.start, 'saved before the article was');

    assert.ok(await editor.document.save());
    const stored = (await sidecarOf(article)).annotations.find(a => a.id === id)!.target;
    const text = editor.document.getText();
    assert.deepStrictEqual([stored.start, stored.end], [moved.start, moved.end]);
    assert.strictEqual(text.slice(stored.start, stored.end), stored.quote);
    assert.strictEqual(text.slice(stored.start - stored.prefix.length, stored.start), stored.prefix);
  });

  it('an article changed on disk while closed is re-anchored when opened, and the stored offsets follow', async () => {
    const article = workspaceUri(`${SCRATCH}/outside.txt`);
    const original = (await readText(workspaceUri(EMOJI)))!;
    await writeText(article, original);
    await writeText(
      sidecarUri(article),
      serializeSidecar(undefined, [annotation(original, 'out001', 'Hankuk University of Foreign Studies', { label: 'organization' })]),
    );
    // Edited outside VS Code before anyone opened it.
    const changed = `EDITOR'S NOTE 📝: corrected the caption.\n\n${original}`;
    await writeText(article, changed);

    await open(article);
    const expected = changed.indexOf('Hankuk University of Foreign Studies');
    const view = await storeView(article);
    assert.strictEqual(view.annotations.find(a => a.id === 'out001')?.start, expected);
    const stored = await waitFor('the sidecar to get the new offsets', async () => {
      const t = (await sidecarOf(article)).annotations.find(a => a.id === 'out001')?.target;
      return t && t.start === expected ? t : undefined;
    });
    assert.strictEqual(changed.slice(stored.start, stored.end), stored.quote);
  });

  it('an open article reverted to a version changed on disk re-anchors and stores the offsets', async () => {
    const article = await copyArticle(EMOJI, 'revert.txt');
    const editor = await open(article);
    select(editor, 'Wi Sung-lac');
    const id = await vscode.commands.executeCommand<string>('marginalia.annotateSelection', { label: 'person' });
    const changed = `Correction appended below.\n${editor.document.getText()}`;
    writeFileSync(article.fsPath, changed);
    await vscode.commands.executeCommand('workbench.action.files.revert');
    await waitFor('the editor to show the file on disk', () => editor.document.getText() === changed);
    const expected = changed.indexOf('Wi Sung-lac');
    await waitFor('the sidecar to get the new offsets', async () => (await sidecarOf(article)).annotations.find(a => a.id === id)?.target.start === expected);
    assert.ok(!editor.document.isDirty);
  });

  it('an annotation whose quote was deleted outside becomes an orphan: listed in the Annotations view, kept in the sidecar', async () => {
    const article = workspaceUri(`${SCRATCH}/orphan.txt`);
    const original = (await readText(workspaceUri(EMOJI)))!;
    const paragraph = original.split('\n').find(l => l.includes('calligraphy'))!;
    await writeText(article, original);
    await writeText(
      sidecarUri(article),
      serializeSidecar(undefined, [
        annotation(original, 'orph01', 'a calligraphy gift presented by Xi', { label: 'claim', note: 'Which poem?' }),
        annotation(original, 'kept01', 'Wi Sung-lac'),
      ]),
    );
    await writeText(article, original.replace(`${paragraph}\n`, ''));

    await open(article);
    const view = await storeView(article);
    assert.deepStrictEqual(
      view.orphans.map(a => a.id),
      ['orph01'],
    );
    assert.deepStrictEqual(
      view.annotations.map(a => a.id),
      ['kept01'],
    );
    const orphans = await vscode.commands.executeCommand<string[]>('marginalia.internal.orphans');
    assert.ok(orphans.includes('orph01'), `the view lists ${JSON.stringify(orphans)}`);
    assert.ok(!(await threadsOf(article)).some(t => t.id === 'orph01'), 'an orphan has no place for a thread');
    // Any save keeps the orphan in the file.
    await vscode.commands.executeCommand('marginalia.setStatus', { status: 'disputed', id: 'kept01' });
    const parsed = await sidecarOf(article);
    assert.deepStrictEqual(parsed.annotations.map(a => a.id).sort(), ['kept01', 'orph01']);
    assert.strictEqual(parsed.annotations.find(a => a.id === 'orph01')?.note, 'Which poem?');
  });

  it('a sidecar with a YAML syntax error gets a diagnostic at its line, and Marginalia does not save over it', async () => {
    const article = await copyArticle(EMOJI, 'broken.txt');
    const sidecar = sidecarUri(article);
    const broken = [
      'version: 1',
      'annotations:',
      '  - id: abc123',
      '    label: person',
      '    status: confirmed: yes',
      '    note: the line above is not YAML',
      '',
    ].join('\n');
    await writeText(sidecar, broken);
    const editor = await open(article);
    const diagnostics = await waitFor('a diagnostic on the sidecar', () => {
      const found = vscode.languages.getDiagnostics(sidecar).filter(d => d.severity === vscode.DiagnosticSeverity.Error);
      return found.length ? found : undefined;
    });
    assert.strictEqual(diagnostics[0].range.start.line, 4, diagnostics.map(d => `${d.range.start.line}: ${d.message}`).join('\n'));

    select(editor, 'Xi Jinping');
    await assert.rejects(
      Promise.resolve(vscode.commands.executeCommand('marginalia.annotateSelection', { label: 'person' })),
      /fix it before Marginalia saves it/,
    );
    assert.strictEqual(await readText(sidecar), broken, 'the broken sidecar was written over');
    const view = await storeView(article);
    assert.strictEqual(view.writable, false);
    assert.strictEqual(view.annotations.length, 0, 'an annotation that was not saved is shown');
  });

  it('setStatus and deleteAnnotation change the sidecar file; hand-written comments survive', async () => {
    await storeView(workspaceUri(WIRE)); // the sample has the same ids: the active article's annotation is meant
    const article = await copyArticle(WIRE, 'status.txt', true);
    const editor = await open(article);
    assert.strictEqual(await vscode.commands.executeCommand('marginalia.setStatus', { status: 'rejected', id: 'a1b2c3' }), 'a1b2c3');
    let parsed = await sidecarOf(article);
    assert.strictEqual(parsed.annotations.find(a => a.id === 'a1b2c3')?.status, 'rejected');

    const xinhua = select(editor, 'Xinhua');
    editor.selection = new vscode.Selection(editor.document.positionAt(xinhua.start + 2), editor.document.positionAt(xinhua.start + 2));
    assert.strictEqual(await vscode.commands.executeCommand('marginalia.setStatus', { status: 'disputed' }), '7a8b9c', 'the annotation at the cursor');
    parsed = await sidecarOf(article);
    assert.strictEqual(parsed.annotations.find(a => a.id === '7a8b9c')?.status, 'disputed');

    assert.strictEqual(await vscode.commands.executeCommand('marginalia.deleteAnnotation', { id: '7a8b9c' }), true);
    assert.strictEqual(await vscode.commands.executeCommand('marginalia.deleteAnnotation', { id: 'nosuch' }), false);
    const text = (await readText(sidecarUri(article)))!;
    parsed = parseSidecar(text);
    assert.deepStrictEqual(parsed.annotations.map(a => a.id).sort(), ['a1b2c3', 'd4e5f6']);
    assert.match(text, /# Reviewer annotations for wire-lee-arrives-beijing\.txt/);
    assert.strictEqual(parsed.dct, '2026-01-04');
    await assert.rejects(Promise.resolve(vscode.commands.executeCommand('marginalia.setStatus', { status: 'maybe', id: 'a1b2c3' })));
    // An explicit article picks among equal ids; the sample's sidecar is never touched.
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    assert.strictEqual(await vscode.commands.executeCommand('marginalia.setStatus', { status: 'suggested', id: 'd4e5f6', uri: article.toString() }), 'd4e5f6');
    assert.strictEqual((await sidecarOf(article)).annotations.find(a => a.id === 'd4e5f6')?.status, 'suggested');
    assert.strictEqual(await readText(sidecarUri(workspaceUri(WIRE))), wireSidecar);
  });

  it('each annotation of an open article is a collapsed comment thread with its note and replies', async () => {
    const article = await copyArticle(WIRE, 'threads.txt', true);
    const editor = await open(article);
    const threads = await threadsOf(article);
    assert.deepStrictEqual(threads.map(t => t.id).sort(), ['7a8b9c', 'a1b2c3', 'd4e5f6']);
    const claim = threads.find(t => t.id === 'd4e5f6')!;
    assert.strictEqual(claim.label, 'claim · disputed');
    assert.match(claim.contextValue ?? '', /status:disputed/);
    assert.match(claim.contextValue ?? '', /canReply/);
    assert.ok(claim.collapsed);
    assert.deepStrictEqual(
      claim.comments.map(c => c.author),
      ['Martin Hale', 'Hana Cho', 'Martin Hale'],
    );
    assert.match(claim.comments[0].body, /Check the count/);
    const start = editor.document.positionAt(244),
      end = editor.document.positionAt(291);
    assert.deepStrictEqual(claim.range, [start.line, start.character, end.line, end.character]);

    // A status change updates the thread in place.
    await vscode.commands.executeCommand('marginalia.setStatus', { status: 'confirmed', id: 'd4e5f6' });
    const updated = (await threadsOf(article)).find(t => t.id === 'd4e5f6')!;
    assert.strictEqual(updated.label, 'claim · confirmed');
    assert.strictEqual(updated.comments.length, 3);
    await vscode.commands.executeCommand('marginalia.deleteAnnotation', { id: 'a1b2c3' });
    assert.ok(!(await threadsOf(article)).some(t => t.id === 'a1b2c3'), 'the thread of a deleted annotation is gone');
  });

  it('a change written to the sidecar on disk while an annotation is being added is merged, not overwritten', async () => {
    const article = await copyArticle(WIRE, 'merge.txt', true);
    const sidecar = sidecarUri(article);
    const editor = await open(article);
    await storeView(article); // loaded
    const onDisk = (await readText(sidecar))!;
    const changed = onDisk.replace(/(id: a1b2c3[\s\S]*?status: )confirmed/, '$1rejected');
    assert.notStrictEqual(changed, onDisk);
    select(editor, 'Xi Jinping');
    // The outside write lands just before the add: no file event has been handled yet.
    writeFileSync(sidecar.fsPath, changed);
    const id = await vscode.commands.executeCommand<string>('marginalia.annotateSelection', { label: 'person', note: 'merged' });
    const parsed = await sidecarOf(article);
    assert.strictEqual(parsed.annotations.find(a => a.id === 'a1b2c3')?.status, 'rejected', 'the change on disk was lost');
    assert.strictEqual(parsed.annotations.find(a => a.id === id)?.note, 'merged', 'the new annotation was lost');
    assert.strictEqual(parsed.annotations.length, 4);
    assert.match((await readText(sidecar))!, /# Reviewer annotations/);
    await waitFor('the store to hold both', async () => {
      const view = await storeView(article);
      return view.annotations.some(a => a.id === id) && view.annotations.find(a => a.id === 'a1b2c3')?.status === 'rejected';
    });
  });

  it('annotateAllOccurrences annotates every whole-word, case-sensitive occurrence once', async () => {
    const article = await copyArticle(EMOJI, 'all.txt');
    const editor = await open(article);
    const text = editor.document.getText();
    const expected = [...text.matchAll(/(?<![\p{L}\p{N}_])Lee(?![\p{L}\p{N}_])/gu)].length;
    assert.ok(expected >= 5 && text.includes('#LeeInBeijing'));
    const created = await vscode.commands.executeCommand<number>('marginalia.annotateAllOccurrences', { text: 'Lee', label: 'person' });
    assert.strictEqual(created, expected);
    assert.strictEqual(
      await vscode.commands.executeCommand('marginalia.annotateAllOccurrences', { text: 'Lee', label: 'person', scope: 'document' }),
      0,
      'annotated twice',
    );
    assert.strictEqual(await vscode.commands.executeCommand('marginalia.annotateAllOccurrences', { text: 'lee', label: 'person' }), 0, 'not case-sensitive');
    const parsed = await sidecarOf(article);
    assert.strictEqual(parsed.annotations.length, expected);
    for (const a of parsed.annotations) assert.strictEqual(text.slice(a.target.start, a.target.end), 'Lee');
    // Another label is another annotation.
    select(editor, 'Lee', 1);
    assert.strictEqual(await vscode.commands.executeCommand('marginalia.annotateAllOccurrences', { label: 'quote' }), expected, 'the selection is the text');
  });

  it('confirmMention and rejectMention make the mention at the cursor a reviewed annotation', async () => {
    const article = await copyArticle(EMOJI, 'review.txt');
    const editor = await open(article);
    const xi = select(editor, 'Xi Jinping');
    editor.selection = new vscode.Selection(editor.document.positionAt(xi.start + 3), editor.document.positionAt(xi.start + 3));
    const id = await vscode.commands.executeCommand<string>('marginalia.confirmMention');
    assert.ok(id);
    let stored = (await storeView(article)).annotations.find(a => a.id === id)!;
    assert.deepStrictEqual([stored.quote, stored.label, stored.status], ['Xi Jinping', 'person', 'confirmed']);
    assert.ok(stored.entity, 'the entity id is recorded');
    assert.strictEqual(await vscode.commands.executeCommand('marginalia.rejectMention'), id, 'the same annotation');
    stored = (await storeView(article)).annotations.find(a => a.id === id)!;
    assert.strictEqual(stored.status, 'rejected');
    const parsed = await sidecarOf(article);
    assert.strictEqual(parsed.annotations.length, 1);
    assert.strictEqual(parsed.annotations[0].status, 'rejected');
  });

  it('nextAnnotation and previousAnnotation move the cursor and wrap around', async () => {
    const article = await copyArticle(WIRE, 'navigate.txt', true);
    const editor = await open(article);
    await storeView(article);
    editor.selection = new vscode.Selection(0, 0, 0, 0);
    const offset = () => editor.document.offsetAt(editor.selection.active);
    assert.strictEqual(await vscode.commands.executeCommand('marginalia.nextAnnotation'), 'a1b2c3');
    assert.strictEqual(offset(), 173);
    assert.strictEqual(await vscode.commands.executeCommand('marginalia.nextAnnotation'), 'd4e5f6');
    assert.strictEqual(await vscode.commands.executeCommand('marginalia.nextAnnotation'), '7a8b9c');
    assert.strictEqual(offset(), 945);
    assert.strictEqual(await vscode.commands.executeCommand('marginalia.nextAnnotation'), 'a1b2c3', 'wraps to the first');
    assert.strictEqual(await vscode.commands.executeCommand('marginalia.previousAnnotation'), '7a8b9c', 'wraps to the last');
    assert.strictEqual(await vscode.commands.executeCommand('marginalia.previousAnnotation'), 'd4e5f6');
    assert.strictEqual(offset(), 244);
  });

  it('a sidecar without its article gets a warning; a sidecar linked to outside the workspace is ignored', async function () {
    const outside = mkdtempSync(path.join(tmpdir(), 'marginalia-outside-'));
    try {
      const outsideSidecar = path.join(outside, 'elsewhere.txt.annotations.yaml');
      const outsideText = serializeSidecar(undefined, [annotation('Xi Jinping met Lee.', 'far001', 'Xi Jinping')]);
      writeFileSync(outsideSidecar, outsideText);
      const linkedArticle = await copyArticle(EMOJI, 'linked.txt');
      try {
        symlinkSync(outsideSidecar, sidecarUri(linkedArticle).fsPath);
        symlinkSync(outsideSidecar, workspaceUri(`${SCRATCH}/no-article-linked.txt.annotations.yaml`).fsPath);
      } catch (e) {
        this.skip(); // no symbolic links here (Windows without the privilege)
      }
      const lonely = workspaceUri(`${SCRATCH}/lonely.txt.annotations.yaml`);
      await writeText(lonely, serializeSidecar(undefined, [annotation('Xi Jinping met Lee.', 'lone01', 'Lee')]));

      const warnings = await waitFor(
        'a warning on the sidecar without article',
        () => {
          const found = vscode.languages.getDiagnostics(lonely).filter(d => d.severity === vscode.DiagnosticSeverity.Warning && /missing/.test(d.message));
          return found.length ? found : undefined;
        },
        10_000,
      );
      assert.strictEqual(warnings[0].range.start.line, 0);
      assert.deepStrictEqual(vscode.languages.getDiagnostics(workspaceUri(`${SCRATCH}/no-article-linked.txt.annotations.yaml`)), []);

      const editor = await open(linkedArticle);
      await assert.rejects(Promise.resolve(storeView(linkedArticle)), /not a file of the workspace/);
      select(editor, 'Xi Jinping');
      await assert.rejects(Promise.resolve(vscode.commands.executeCommand('marginalia.annotateSelection', { label: 'person' })));
      assert.strictEqual(await readText(vscode.Uri.file(outsideSidecar)), outsideText, 'the file outside the workspace changed');
      assert.ok(!(await vscode.commands.executeCommand<string[]>('marginalia.internal.orphans')).includes('far001'));
    } finally {
      rmSync(outside, { recursive: true, force: true });
    }
  });
});
