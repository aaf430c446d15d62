// The host-neutral workspace (src/core/workspace) over the in-memory file system: the write
// policy, and the core side of each finding of issue 13 (the CLI side: cliWorkspace.test.ts).
import { strict as assert } from 'node:assert';
import {
  AnnotationBook,
  editRegistry,
  importIntoWorkspace,
  importW3c,
  loadCorpus,
  corpusDocuments,
  type CorpusDocument,
  type CorpusProblem,
  MemoryFileSystem,
  outsideReason,
  parentOf,
  parseSidecar,
  printable,
  printableJson,
  readRegistry,
  readSidecar,
  reconcileSidecar,
  recordRename,
  registryLocation,
  relativeTo,
  saveSidecar,
  serializeSidecar,
  targetFor,
  tempPathFor,
  updateTextFile,
  withFileLock,
  Workspace,
  WriteRefusedError,
  writeExport,
  ExportRefusedError,
  cleanPath,
  MAX_SIDECAR_BYTES,
  type Annotation,
  type AnnotationHost,
} from '../../src/core';
import { deepEqual } from '../../src/core/annotations/sidecar';
import { csvField } from '../../src/core/export';

const TEXT = 'Published: 5 January 2026\n\nLee Jae Myung met Xi Jinping in Beijing on Sunday.\n';

function annotation(id: string, quote: string, label = 'person', text = TEXT): Annotation {
  const start = text.indexOf(quote);
  return { id, target: targetFor(text, start, start + quote.length), label, status: 'confirmed', thread: [] };
}

/** A workspace `/ws` holding `files` (paths relative to it). */
function workspace(files: Record<string, string | Uint8Array> = {}): { fs: MemoryFileSystem; ws: Workspace } {
  const fs = new MemoryFileSystem().mkdir('/ws');
  for (const [path, content] of Object.entries(files)) fs.put(`/ws/${path}`, content);
  return { fs, ws: new Workspace(fs, '/ws', { lock: { timeoutMs: 200 } }) };
}

function failOn(fs: MemoryFileSystem, op: string, path: RegExp, code: string): void {
  fs.hook = (o, p) => {
    if (o === op && path.test(p)) throw Object.assign(new Error(`${code}: ${o} ${p}`), { code });
  };
}

function host(texts: Record<string, string>, dirty = false): AnnotationHost & { reports: string[] } {
  const reports: string[] = [];
  return {
    reports,
    text: async article => texts[article] ?? '',
    isDirty: () => dirty,
    author: async () => 'ann',
    report: (_article, message) => reports.push(message),
    now: () => '2026-01-06T00:00:00.000Z',
  };
}

describe('workspace paths', () => {
  it('joins, splits and compares absolute paths, drives included', () => {
    assert.equal(cleanPath('/a/./b//c/../d/'), '/a/b/d');
    assert.equal(cleanPath('C:/a/../b'), 'C:/b');
    assert.equal(parentOf('/a/b.txt'), '/a');
    assert.equal(parentOf('/a'), '/');
    assert.equal(parentOf('C:/a'), 'C:/');
    assert.equal(relativeTo('/ws', '/ws/a/b.txt'), 'a/b.txt');
    assert.equal(relativeTo('/ws', '/ws'), '');
    assert.equal(relativeTo('/ws', '/wsx/a'), undefined);
    assert.equal(relativeTo('/ws', '/ws/../etc/passwd'), undefined);
    assert.equal(relativeTo('C:/WS', 'c:/ws/a', true), 'a');
  });
});

describe('write policy', () => {
  it('gives temporary files unpredictable names beside the file', () => {
    const names = new Set(Array.from({ length: 1000 }, () => tempPathFor('/ws/a.txt.annotations.yaml')));
    assert.equal(names.size, 1000);
    for (const n of names) assert.match(n, /^\/ws\/\.a\.txt\.annotations\.yaml\.[a-z0-9]{16}\.marginalia-tmp$/);
  });

  it('creates files exclusively: a planted link is never followed', async () => {
    const fs = new MemoryFileSystem().put('/outside/victim', 'precious').symlink('/outside/victim', '/ws/planted');
    await assert.rejects(fs.createFile('/ws/planted', new TextEncoder().encode('x')), { code: 'EEXIST' });
    assert.equal(fs.text('/outside/victim'), 'precious');
  });

  it('refuses a write outside the root, through a linked folder, or at a link', async () => {
    const fs = new MemoryFileSystem()
      .mkdir('/ws/sub')
      .mkdir('/outside')
      .symlink('/outside', '/ws/linked')
      .put('/outside/f', 'x')
      .symlink('/outside/f', '/ws/link');
    assert.equal(await outsideReason(fs, '/ws', '/ws/sub/new.txt'), undefined);
    assert.match((await outsideReason(fs, '/ws', '/ws/../outside/f'))!, /is outside/);
    assert.match((await outsideReason(fs, '/ws', '/ws/linked/new/deeper.txt'))!, /through a symbolic link/);
    const update = (path: string) => updateTextFile(fs, { root: '/ws', path, maxBytes: 100, update: () => ({ text: 'new' }) });
    await assert.rejects(update('/ws/linked/a.yaml'), WriteRefusedError);
    await assert.rejects(update('/ws/link'), /leads outside/);
    fs.put('/ws/target', 'y').symlink('/ws/target', '/ws/inner-link');
    await assert.rejects(update('/ws/inner-link'), /is a symbolic link/);
    assert.equal(fs.text('/outside/f'), 'x');
    assert.deepEqual(fs.filesMatching(/./, '/outside'), ['/outside/f']);
  });

  it('never writes a file that could not be read (a read error is not "empty")', async () => {
    const fs = new MemoryFileSystem().put('/ws/a.yaml', 'old');
    failOn(fs, 'readFile', /a\.yaml$/, 'EIO');
    await assert.rejects(updateTextFile(fs, { root: '/ws', path: '/ws/a.yaml', maxBytes: 100, update: () => ({ text: 'new' }) }), /input\/output error/);
    fs.hook = undefined;
    assert.equal(fs.text('/ws/a.yaml'), 'old');
    assert.deepEqual(fs.filesMatching(/marginalia-(tmp|lock)$/), []);
  });

  it('re-reads right before the rename and computes again from what another writer wrote', async () => {
    const fs = new MemoryFileSystem().put('/ws/a.txt', '1');
    let interfered = false;
    fs.hook = (op, path) => {
      if (op === 'createFile' && path.endsWith('.marginalia-tmp') && !interfered) {
        interfered = true;
        fs.put('/ws/a.txt', '1+theirs');
      }
    };
    const seen: (string | undefined)[] = [];
    const result = await updateTextFile(fs, {
      root: '/ws',
      path: '/ws/a.txt',
      maxBytes: 100,
      update: current => {
        const now = current.status === 'ok' ? current.text : undefined;
        seen.push(now);
        return { text: `${now}+mine` };
      },
    });
    assert.deepEqual(seen, ['1', '1+theirs']);
    assert.equal(fs.text('/ws/a.txt'), '1+theirs+mine');
    assert.equal(result.written, true);
  });

  it('serializes writers with a lock, breaks a stale one, and gives up on a held one with a message', async () => {
    const fs = new MemoryFileSystem().mkdir('/ws');
    const order: string[] = [];
    await Promise.all(
      ['a', 'b', 'c'].map(name =>
        withFileLock(fs, '/ws/f', async () => {
          order.push(`${name}+`);
          await new Promise(resolve => setTimeout(resolve, 5));
          order.push(`${name}-`);
        }),
      ),
    );
    for (let i = 0; i < order.length; i += 2) assert.equal(order[i].slice(0, 1), order[i + 1].slice(0, 1), order.join(' '));
    fs.put('/ws/.f.marginalia-lock', 'left by a crashed writer');
    await assert.rejects(
      withFileLock(fs, '/ws/f', async () => 1, { timeoutMs: 30 }),
      /another writer holds/,
    );
    assert.equal(await withFileLock(fs, '/ws/f', async () => 2, { staleMs: 1000, now: () => Date.now() + 5000 }), 2);
    assert.equal(fs.text('/ws/.f.marginalia-lock'), undefined);
  });
});

describe('issue 13 findings, core side', () => {
  // 1: a read error is never taken for "no sidecar"
  it('1: an unreadable sidecar is read-only with an error, and never written', async () => {
    const original = serializeSidecar(undefined, [annotation('keep0001', 'Xi Jinping')]);
    const { fs, ws } = workspace({ 'a.txt': TEXT, 'a.txt.annotations.yaml': original });
    fs.setReadable('/ws/a.txt.annotations.yaml', false);
    const read = await ws.readSidecar('/ws/a.txt');
    assert.equal(read.status, 'unreadable');
    assert.equal(read.parsed.writable, false);
    assert.match(read.parsed.problems[0].message, /permission denied \(EACCES\)/);
    await assert.rejects(
      ws.saveSidecar('/ws/a.txt', { lastRead: undefined, annotations: [annotation('new00001', 'Beijing', 'place')], text: TEXT }),
      /permission denied/,
    );
    fs.setReadable('/ws/a.txt.annotations.yaml', true);
    assert.equal(fs.text('/ws/a.txt.annotations.yaml'), original);
  });

  // 2: the extension's confirmation, and what no confirmation overrides
  it('2: an export never replaces an article, and asks before replacing a file no export wrote', async () => {
    const fs = new MemoryFileSystem().put('/ws/a.txt', TEXT).put('/ws/annotation.conf', 'mine');
    const files = [
      { path: 'a.txt', content: TEXT.toUpperCase() },
      { path: 'annotation.conf', content: 'conf' },
    ];
    await assert.rejects(writeExport(fs, '/ws', files, { protect: ['/ws/a.txt'], force: true }), /a\.txt is an article or sidecar of the export/);
    const asked: string[][] = [];
    const confirm = async (paths: string[]) => {
      asked.push(paths);
      return false;
    };
    await assert.rejects(writeExport(fs, '/ws', files.slice(1), { confirm }), ExportRefusedError);
    assert.deepEqual(asked, [['/ws/annotation.conf']]);
    assert.equal(fs.text('/ws/annotation.conf'), 'mine');
    assert.deepEqual(await writeExport(fs, '/ws', files.slice(1), { confirm: async () => true }), ['/ws/annotation.conf']);
    assert.equal(fs.text('/ws/annotation.conf'), 'conf');
    assert.deepEqual(
      await writeExport(fs, '/ws', [{ path: 'annotation.conf', content: 'conf 2' }]),
      ['/ws/annotation.conf'],
      'what an export wrote, the next may replace',
    );
    fs.put('/ws/annotation.conf', 'edited by hand');
    await assert.rejects(writeExport(fs, '/ws', [{ path: 'annotation.conf', content: 'conf 3' }]), /not written by an earlier export/);
    assert.equal(fs.text('/ws/a.txt'), TEXT);
  });

  // 3: links in the output folder
  it('3: an export refuses a planted link and a linked subfolder, and writes nothing then', async () => {
    const fs = new MemoryFileSystem().mkdir('/out').put('/elsewhere/victim', 'precious').symlink('/elsewhere/victim', '/out/annotations.csv');
    await assert.rejects(writeExport(fs, '/out', [{ path: 'annotations.csv', content: 'x' }], { force: true }), /is a symbolic link/);
    const fs2 = new MemoryFileSystem().mkdir('/out').mkdir('/elsewhere').symlink('/elsewhere', '/out/sub');
    await assert.rejects(
      writeExport(
        fs2,
        '/out',
        [
          { path: 'top.ann', content: 'x' },
          { path: 'sub/a.ann', content: 'x' },
        ],
        { force: true },
      ),
      /through a symbolic link/,
    );
    assert.equal(fs.text('/elsewhere/victim'), 'precious');
    assert.deepEqual(fs2.filesMatching(/./), []);
  });

  // 4: a concurrent edit during an import
  it('4: an import keeps an annotation another writer added while it ran', async () => {
    const { fs, ws } = workspace({ 'a.txt': TEXT, 'a.txt.annotations.yaml': serializeSidecar(undefined, [annotation('keep0001', 'Xi Jinping')]) });
    const theirs = annotation('their001', 'Lee Jae Myung');
    fs.hook = (op, path) => {
      if (op === 'readFile' && path.endsWith('.ann')) {
        fs.hook = undefined;
        fs.put('/ws/a.txt.annotations.yaml', serializeSidecar(fs.text('/ws/a.txt.annotations.yaml'), [annotation('keep0001', 'Xi Jinping'), theirs]));
      }
    };
    const start = TEXT.indexOf('Beijing');
    fs.put('/brat/a.ann', `T1\tplace ${start} ${start + 7}\tBeijing\n`);
    const summary = await importIntoWorkspace(ws, 'brat', { fs, path: '/brat' });
    assert.deepEqual(summary.problems, []);
    assert.equal(summary.added, 1);
    const ids = parseSidecar(fs.text('/ws/a.txt.annotations.yaml')!)
      .annotations.map(a => a.id)
      .sort();
    assert.equal(ids.length, 3);
    assert.ok(ids.includes('keep0001') && ids.includes('their001'), ids.join());
  });

  // 5: an empty label is refused on the way in and on the way out
  it('5: an empty W3C tagging body is left out, and a sidecar is never written with label ""', async () => {
    const w3c = {
      type: 'Annotation',
      id: 'urn:marginalia:a.txt#x',
      body: { type: 'TextualBody', purpose: 'tagging', value: '' },
      target: { source: 'urn:marginalia:a.txt', selector: { type: 'TextQuoteSelector', exact: 'Beijing' } },
    };
    const imported = importW3c(w3c, [{ path: 'a.txt', text: TEXT, annotations: [] }]);
    assert.equal(imported.documents[0].added.length, 0);
    assert.match(imported.problems[0].message, /empty tagging body/);
    const { fs, ws } = workspace({ 'a.txt': TEXT });
    await assert.rejects(
      ws.saveSidecar('/ws/a.txt', { lastRead: undefined, annotations: [{ ...annotation('bad00001', 'Beijing'), label: '' }], text: TEXT }),
      /label must not be empty/,
    );
    await assert.rejects(
      ws.saveSidecar('/ws/a.txt', { lastRead: undefined, annotations: [annotation('far00001', 'Beijing')], text: 'short' }),
      /past the end of the article/,
    );
    assert.equal(fs.text('/ws/a.txt.annotations.yaml'), undefined);
  });

  // 6: the core check the extension's import, publication date and export go through
  it('6: a sidecar outside the workspace (an outside article, a linked folder) is neither read nor written', async () => {
    const { fs, ws } = workspace({ 'a.txt': TEXT });
    fs.put('/elsewhere/b.txt', TEXT).symlink('/elsewhere', '/ws/linked');
    for (const article of ['/elsewhere/b.txt', '/ws/linked/b.txt']) {
      assert.ok(await ws.sidecarOutside(article), article);
      assert.equal((await ws.readSidecar(article)).status, 'outside');
      await assert.rejects(ws.saveSidecar(article, { lastRead: undefined, annotations: [], dct: '2026-01-05' }), /writes sidecars only inside the workspace/);
      const book = new AnnotationBook(ws, host({ [article]: TEXT }));
      await assert.rejects(book.setPublicationDate(article, '2026-01-05'), WriteRefusedError);
      await assert.rejects(book.create(article, { start: 0, end: 9, label: 'claim' }), WriteRefusedError);
      assert.deepEqual((await book.get(article)).annotations, [], 'the refused change is undone');
    }
    assert.deepEqual(fs.filesMatching(/annotations\.yaml$/), []);
    assert.equal(await ws.sidecarOutside('/ws/a.txt'), undefined);
  });

  // 8: the registry path setting
  it('8: a registry path outside the workspace folder, or through a link, is neither read nor written', async () => {
    assert.ok('problem' in registryLocation('/ws', '../elsewhere/entities.yaml'));
    assert.ok('problem' in registryLocation('/ws', '/etc/entities.yaml'));
    assert.ok('problem' in registryLocation('/ws', 'C:\\entities.yaml'));
    assert.deepEqual(registryLocation('/ws', 'sub/../.marginalia/e.yaml'), { path: '/ws/.marginalia/e.yaml' });
    const fs = new MemoryFileSystem().mkdir('/ws').put('/elsewhere/entities.yaml', 'version: 1\nnotEntities: [x]\n').symlink('/elsewhere', '/ws/.marginalia');
    const ws = new Workspace(fs, '/ws');
    assert.equal((await ws.readRegistry()).status, 'outside');
    await assert.rejects(
      ws.editRegistry(doc => recordRename(doc, 'x', 'X')),
      /through a symbolic link/,
    );
    const escaping = new Workspace(fs, '/ws', { registryPath: '../elsewhere/entities.yaml' });
    assert.equal((await escaping.readRegistry()).status, 'outside');
    await assert.rejects(
      escaping.editRegistry(doc => recordRename(doc, 'x', 'X')),
      WriteRefusedError,
    );
    assert.equal(fs.text('/elsewhere/entities.yaml'), 'version: 1\nnotEntities: [x]\n');
  });

  it('8: a registry inside the workspace is edited under the policy, its comments kept', async () => {
    const { fs, ws } = workspace({ '.marginalia/entities.yaml': '# ours\nversion: 1\nentities: []\n' });
    const edited = await ws.editRegistry(doc => recordRename(doc, 'lee', 'Lee Jae Myung'));
    assert.equal(edited.registry.entities[0].name, 'Lee Jae Myung');
    assert.match(fs.text('/ws/.marginalia/entities.yaml')!, /^# ours\n/);
    assert.equal((await readRegistry(fs, '/ws/.marginalia/entities.yaml', '/ws')).status, 'ok');
    fs.put('/ws/.marginalia/entities.yaml', 'entities: [\n');
    await assert.rejects(
      editRegistry(fs, '/ws', '/ws/.marginalia/entities.yaml', () => undefined),
      /has errors/,
    );
  });

  // 9: undecodable bytes and BOMs
  it('9: a sidecar with bytes that are not UTF-8 is read-only with a diagnostic at its line; a BOM is kept', async () => {
    const good = serializeSidecar(undefined, [annotation('keep0001', 'Xi Jinping')]);
    const bytes = new Uint8Array([...new TextEncoder().encode(`${good}# caf`), 0xe9, 0x0a]);
    const fs = new MemoryFileSystem().put('/ws/a.txt', TEXT).put('/ws/a.txt.annotations.yaml', bytes);
    const read = await readSidecar(fs, '/ws/a.txt');
    assert.equal(read.status, 'undecodable');
    assert.equal(read.parsed.writable, false);
    assert.equal(read.parsed.problems[0].line, good.split('\n').length - 1);
    await assert.rejects(saveSidecar(fs, '/ws', '/ws/a.txt', { lastRead: undefined, annotations: [], dct: '2026-01-05' }), /not UTF-8/);
    assert.deepEqual(await fs.readFile('/ws/a.txt.annotations.yaml'), bytes);

    fs.put('/ws/a.txt.annotations.yaml', `\uFEFF${good}`);
    const withBom = await readSidecar(fs, '/ws/a.txt');
    assert.equal(withBom.status, 'ok');
    await saveSidecar(fs, '/ws', '/ws/a.txt', {
      lastRead: withBom.text,
      annotations: [...withBom.parsed.annotations, annotation('new00001', 'Beijing', 'place')],
      text: TEXT,
    });
    const saved = await fs.readFile('/ws/a.txt.annotations.yaml');
    assert.deepEqual([...saved.subarray(0, 3)], [0xef, 0xbb, 0xbf]);
  });

  // 10: size limit
  it('10: a sidecar over the size limit is refused unparsed, with a clear message, and never written', async () => {
    const big = `# ${'x'.repeat(MAX_SIDECAR_BYTES)}\nversion: 1\n`;
    const { fs, ws } = workspace({ 'a.txt': TEXT, 'a.txt.annotations.yaml': big });
    const read = await ws.readSidecar('/ws/a.txt');
    assert.equal(read.status, 'too-large');
    assert.match(read.parsed.problems[0].message, /is 2\.0 MiB, over Marginalia's limit of 2\.0 MiB: not read, and never written/);
    await assert.rejects(
      ws.saveSidecar('/ws/a.txt', { lastRead: undefined, annotations: [annotation('new00001', 'Beijing', 'place')], text: TEXT }),
      /over Marginalia's limit/,
    );
    assert.equal(fs.text('/ws/a.txt.annotations.yaml'), big);
  });

  // 11: cycles and depth
  it('11: a self-referencing YAML anchor and deeply nested W3C JSON are compared and read without overflowing', () => {
    const text = 'version: 1\nannotations:\n  - id: a1\n    target: {quote: ab, start: 0, end: 2}\n    label: person\n    x: &a [*a]\n';
    const parsed = parseSidecar(text);
    const changed = structuredClone(parsed.annotations[0]);
    changed.status = 'confirmed';
    assert.match(serializeSidecar(text, [changed]), /status: confirmed/);
    const merged = reconcileSidecar(`${text}# theirs\n`, text, { annotations: [changed] });
    assert.equal(merged.annotations[0].status, 'confirmed');
    const a: unknown[] = [];
    a.push(a);
    const b: unknown[] = [];
    b.push(b);
    assert.equal(deepEqual(a, b), true);
    assert.equal(deepEqual({ x: a }, { x: [[1]] }), false);
    const deep = '['.repeat(200_000) + ']'.repeat(200_000);
    assert.deepEqual(importW3c(`{"a": ${deep}}`, [{ path: 'a.txt', text: 'x', annotations: [] }]).problems, []);
  });

  // 12: terminal output
  it('12: control characters are shown as escapes on a terminal', () => {
    assert.equal(printable('a\u001b[2Jb\r\n\u0007\u009b\u202e'), 'a\\x1B[2Jb\\x0D\\x0A\\x07\\x9B\\u202E');
    assert.equal(printableJson(JSON.stringify({ t: 'x\u009b\u202ey\u001b' })), '{"t":"x\\u009B\\u202Ey\\u001b"}');
    assert.deepEqual(JSON.parse(printableJson(JSON.stringify({ t: 'x\u009b\u202e' }))), { t: 'x\u009b\u202e' });
  });

  // 13: CSV guard
  it('13: every formula starter is defused in CSV cells', () => {
    for (const cell of [
      '=1',
      '+1',
      '-1',
      '@x',
      '\t=1',
      '\r=1',
      '\u0000=1',
      '\n=1',
      ' =1',
      '  +1',
      '\uff1d1',
      '\uff0b1',
      '\uff0d1',
      '\uff20x',
      ' \uff1d1',
      '\u3000=1',
      '|cmd',
      '\u0000',
    ]) {
      assert.match(csvField(cell).replace(/^"/, ''), /^'/, JSON.stringify(cell));
    }
    for (const cell of ['Beijing', 'a=b', '5', 'Lee "Jae"']) assert.doesNotMatch(csvField(cell).replace(/^"/, ''), /^'/, cell);
    assert.equal(csvField(-5), '-5');
  });

  // 15: one unreadable sidecar
  it('15: a scan goes on past sidecars it cannot read (EACCES, EIO), reporting each', async () => {
    const { fs, ws } = workspace({
      'a.txt': TEXT,
      'a.txt.annotations.yaml': serializeSidecar(undefined, [annotation('keep0001', 'Xi Jinping')]),
      'b.txt': TEXT,
      'b.txt.annotations.yaml': 'version: 1\n',
      'c.txt': TEXT,
      'c.txt.annotations.yaml': 'version: 1\n',
    });
    fs.setReadable('/ws/b.txt.annotations.yaml', false);
    fs.hook = (op, path) => {
      if (op === 'readFile' && path.endsWith('c.txt.annotations.yaml')) throw Object.assign(new Error('EIO'), { code: 'EIO' });
    };
    const corpus = await loadCorpus(fs, [{ path: '/ws', name: 'ws' }]);
    assert.deepEqual(
      corpus.documents.map(d => d.path),
      ['ws/a.txt', 'ws/b.txt', 'ws/c.txt'],
    );
    assert.equal(corpus.documents[0].annotations.length, 1);
    assert.deepEqual(
      corpus.problems.map(p => p.path),
      ['ws/b.txt.annotations.yaml', 'ws/c.txt.annotations.yaml'],
    );
    const reads = await Promise.all((await ws.listArticles()).map(a => ws.readSidecar(a)));
    assert.deepEqual(
      reads.map(r => r.status),
      ['ok', 'unreadable', 'unreadable'],
    );
  });

  it('reads articles ahead and still gives them, and their problems, in order when later reads finish first', async () => {
    const files: Record<string, string | Uint8Array> = {};
    for (let i = 0; i < 40; i++) {
      const name = `${String(i).padStart(2, '0')}.txt`;
      files[name] = i % 7 === 3 ? new Uint8Array([0, 1, 2, 0, 255]) : `${TEXT}😀 Lee met Xi ${i} times.\r\n`;
      if (i % 5 === 1) files[`${name}.annotations.yaml`] = i % 10 === 1 ? 'version: [' : serializeSidecar(undefined, [], { dct: `2026-02-0${(i % 9) + 1}` });
    }
    const { fs } = workspace(files);
    fs.setReadable('/ws/20.txt', false);
    // later files answer first
    const slow: MemoryFileSystem = Object.create(fs);
    slow.readFile = async (path: string) => {
      await new Promise(resolve => setTimeout(resolve, 40 - Number(/(\d\d)\.txt/.exec(path)![1])));
      return fs.readFile(path);
    };
    const problems: CorpusProblem[] = [];
    const one: CorpusDocument[] = [];
    for await (const doc of corpusDocuments(fs, [{ path: '/ws', name: 'ws' }], {}, problems)) one.push(doc);
    const ahead = await loadCorpus(slow, [{ path: '/ws', name: 'ws' }]);
    assert.equal(one.length, 40 - 6 - 1);
    assert.deepEqual(ahead.documents, one);
    assert.deepEqual(ahead.problems, problems);
    assert.ok(
      problems.some(p => p.path === 'ws/20.txt') && problems.some(p => p.path === 'ws/11.txt.annotations.yaml') && problems.some(p => p.path === 'ws/03.txt'),
    );
  });
});

describe('Workspace', () => {
  it('lists articles with the include/exclude globs, without following links, and says what changed', async () => {
    const { fs, ws } = workspace({ 'b.md': 'x', 'a/one.txt': 'x', 'node_modules/x.txt': 'x', 'notes.csv': 'x' });
    fs.put('/elsewhere/loop.txt', 'x').symlink('/elsewhere', '/ws/linked').symlink('/ws', '/ws/a/self');
    assert.deepEqual(await ws.listArticles(), ['/ws/a/one.txt', '/ws/b.md']);
    assert.deepEqual(await new Workspace(fs, '/ws', { include: ['**/*.md'] }).listArticles(), ['/ws/b.md']);
    assert.ok(ws.isArticle('/ws/a/one.txt') && !ws.isArticle('/ws/node_modules/x.txt') && !ws.isArticle('/elsewhere/loop.txt'));
    const seen: string[] = [];
    const watcher = ws.watch(change => seen.push(`${change.kind} ${change.type} ${change.path}`))!;
    await ws.saveSidecar('/ws/b.md', { lastRead: undefined, annotations: [], dct: '2026-01-05' });
    fs.put('/ws/b.md', 'y');
    await ws.editRegistry(doc => recordRename(doc, 'x', 'X'));
    watcher.dispose();
    fs.put('/ws/b.md', 'z');
    assert.deepEqual(
      seen.filter(s => !s.startsWith('other')),
      ['sidecar created /ws/b.md.annotations.yaml', 'article changed /ws/b.md', 'registry created /ws/.marginalia/entities.yaml'],
    );
  });
});

describe('AnnotationBook', () => {
  it('loads, places (re-anchors moved text, keeps orphans), changes, saves and undoes failed saves', async () => {
    const old = serializeSidecar(undefined, [annotation('keep0001', 'Xi Jinping'), annotation('gone0001', 'Lee Jae Myung')]);
    const edited = `EDITOR'S NOTE.\n${TEXT.replace('Lee Jae Myung', 'The president')}`;
    const { fs, ws } = workspace({ 'a.txt': edited, 'a.txt.annotations.yaml': old });
    const h = host({ '/ws/a.txt': edited });
    const book = new AnnotationBook(ws, h);
    const changes: string[] = [];
    book.onDidChange(article => changes.push(article));
    const state = await book.get('/ws/a.txt');
    assert.deepEqual(
      state.annotations.map(a => a.id),
      ['keep0001'],
    );
    assert.deepEqual(
      state.orphans.map(a => a.id),
      ['gone0001'],
    );
    assert.match(h.reports[0], /1 annotation\(s\) could not be placed/);
    const onDisk = parseSidecar(fs.text('/ws/a.txt.annotations.yaml')!).annotations;
    assert.equal(onDisk.find(a => a.id === 'keep0001')!.target.start, edited.indexOf('Xi Jinping'), 'moved offsets saved');
    assert.ok(
      onDisk.some(a => a.id === 'gone0001'),
      'an orphan stays in the file',
    );
    const created = await book.create('/ws/a.txt', { start: edited.indexOf('Beijing'), end: edited.indexOf('Beijing') + 7, label: 'place' });
    await book.update(created.id, a => {
      a.status = 'disputed';
    });
    await book.reply(created.id, 'Which Beijing?');
    assert.equal(parseSidecar(fs.text('/ws/a.txt.annotations.yaml')!).annotations.find(a => a.id === created.id)!.thread[0].body, 'Which Beijing?');
    fs.setWritable('/ws', false);
    await assert.rejects(book.delete(created.id), { code: 'EACCES' });
    assert.ok(book.find(created.id), 'the failed delete is undone in memory');
    fs.setWritable('/ws', true);
    assert.equal(await book.delete(created.id), true);
    assert.ok(!fs.text('/ws/a.txt.annotations.yaml')!.includes(created.id));
    assert.ok(changes.length >= 4);
  });

  it('follows edits and stores moved offsets when the file itself changed', async () => {
    const { fs, ws } = workspace({ 'a.txt': TEXT, 'a.txt.annotations.yaml': serializeSidecar(undefined, [annotation('keep0001', 'Xi Jinping')]) });
    const texts = { '/ws/a.txt': TEXT };
    const book = new AnnotationBook(ws, host(texts));
    await book.get('/ws/a.txt');
    const next = `Hello. ${TEXT}`;
    texts['/ws/a.txt'] = next;
    book.follow('/ws/a.txt', next, [{ start: 0, end: 0, newText: 'Hello. ' }], true);
    assert.equal(book.peek('/ws/a.txt')!.annotations[0].target.start, next.indexOf('Xi Jinping'));
    assert.equal(parseSidecar(fs.text('/ws/a.txt.annotations.yaml')!).annotations[0].target.start, TEXT.indexOf('Xi Jinping'), 'dirty: saved with the article');
    await book.willSave('/ws/a.txt', next);
    assert.equal(parseSidecar(fs.text('/ws/a.txt.annotations.yaml')!).annotations[0].target.start, next.indexOf('Xi Jinping'));
  });

  it('merges with a change another window made on disk, and reloads on outside changes', async () => {
    const { fs, ws } = workspace({ 'a.txt': TEXT, 'a.txt.annotations.yaml': serializeSidecar(undefined, [annotation('keep0001', 'Xi Jinping')]) });
    const one = new AnnotationBook(ws, host({ '/ws/a.txt': TEXT }));
    const two = new AnnotationBook(new Workspace(fs, '/ws'), host({ '/ws/a.txt': TEXT }));
    await one.get('/ws/a.txt');
    await two.get('/ws/a.txt');
    await Promise.all([
      one.create('/ws/a.txt', { start: TEXT.indexOf('Beijing'), end: TEXT.indexOf('Beijing') + 7, label: 'place' }),
      two.update('keep0001', a => {
        a.note = 'checked';
      }),
      two.setPublicationDate('/ws/a.txt', '2026-01-05'),
    ]);
    const final = parseSidecar(fs.text('/ws/a.txt.annotations.yaml')!);
    assert.equal(final.annotations.length, 2);
    assert.equal(final.annotations.find(a => a.id === 'keep0001')!.note, 'checked');
    assert.equal(final.dct, '2026-01-05');
    await one.sidecarChanged('/ws/a.txt.annotations.yaml');
    assert.equal(one.peek('/ws/a.txt')!.dct, '2026-01-05');
    assert.equal(one.peek('/ws/a.txt')!.annotations.find(a => a.id === 'keep0001')!.note, 'checked');
  });
});
