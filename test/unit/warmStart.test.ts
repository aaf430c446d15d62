// A warm start that takes files unread from the snapshot when their size and modification time are
// those it recorded (CorpusIndex.trustSteps), then verifies them in the background: it answers as
// `analyze` of the files' texts, once verified even for a file changed with its size and time kept.
import { strict as assert } from 'node:assert';
import { analyze } from '../../src/core/analyze';
import { CorpusIndex } from '../../src/core/corpus/corpusIndex';
import { fileStamp, RACY_MS } from '../../src/core/corpus/fileStamp';
import type { SourceFile } from '../../src/core/corpus/prepareDocument';
import { finish } from '../../src/core/steps';
import type { SourceDocument } from '../../src/core/types';
import { MemoryFileSystem } from '../../src/core/workspace/memoryFileSystem';
import { readArticles } from './helpers/samples';

const DOCS: SourceDocument[] = [
  ...readArticles().map(d => ({ ...d, path: `/ws/${d.path}` })),
  { path: '/ws/a.txt', text: 'Lee Jae-myung met Xi Jinping in Beijing on Monday. Lee said the talks went well.\n' },
  { path: '/ws/b.txt', text: 'Lee arrived in Seoul. Reid Hoffman and Harry Reid spoke in Washington last week.\n' },
  { path: '/ws/emoji 😀/e.txt', text: '😀 Lee Jae-myung met 𝒳 Xi Jinping in Beijing on Monday 🇰🇷. Lee said so.\n' },
  { path: '/ws/g.txt', text: 'Published: 5 January 2026\r\n\r\nHarry Reid met Xi Jinping in Geneva on Monday.\r\nReid said so. 😀\r\n' },
];

/** The files of `docs` at time `at` on a file system whose clock is then moved on. */
function filesAt(docs: readonly SourceDocument[], at: number): MemoryFileSystem {
  const fs = new MemoryFileSystem();
  fs.now = () => at;
  for (const d of docs) fs.put(d.path, d.text);
  return fs;
}

/** A file as a host reads it: stat first, then the bytes, stamped at the clock's time (fileStamp). */
async function read(fs: MemoryFileSystem, path: string): Promise<SourceFile> {
  const stamp = fileStamp(await fs.stat(path), fs.now());
  return { path, utf8: await fs.readFile(path), ...(stamp && { stamp }) };
}

/** A cold index of the files, read at the clock's time, linked; its snapshot written at `writtenAt`. */
async function coldSnapshot(fs: MemoryFileSystem, paths: readonly string[], writtenAt: number): Promise<Uint8Array> {
  const cold = new CorpusIndex();
  cold.setFiles(await Promise.all(paths.map(p => read(fs, p))));
  cold.relink();
  return cold.snapshot(writtenAt);
}

/** A warm start: the snapshot loaded, the files it holds stat'ed and trusted, the others read; linked. */
async function warmStart(fs: MemoryFileSystem, paths: readonly string[], snapshot: Uint8Array): Promise<{ index: CorpusIndex; trusted: string[] }> {
  const index = new CorpusIndex();
  index.loadSnapshot(snapshot);
  const stats = await Promise.all(paths.map(async path => ({ path, stat: await fs.stat(path) })));
  const reader = (path: string) => {
    const text = fs.text(path);
    return text === undefined ? undefined : new TextEncoder().encode(text);
  };
  index.readTextsWith(reader);
  const trusted = finish(index.trustSteps(stats));
  index.setFiles(await Promise.all(paths.filter(p => !trusted.includes(p)).map(p => read(fs, p))));
  index.relink();
  return { index, trusted };
}

/** The background verification: every unverified file read, hashed and entered (a changed one analyzed again), then the corpus linked. */
async function verify(fs: MemoryFileSystem, index: CorpusIndex): Promise<void> {
  index.setFiles(await Promise.all(index.unverified().map(u => read(fs, u.path))));
  index.relink();
}

function assertSameAsAnalyze(index: CorpusIndex, docs: readonly SourceDocument[]): void {
  const expected = analyze([...docs].sort((a, b) => (a.path < b.path ? -1 : 1)));
  assert.deepEqual(
    index.paths(),
    expected.documents.map(d => d.path),
  );
  for (const doc of expected.documents) assert.deepEqual(index.analyzed(doc.path), doc, doc.path);
  assert.deepEqual(index.entities(), expected.entities);
  for (const e of expected.entities) {
    const refs = expected.documents.flatMap(d => d.mentions.filter(m => m.entity === e.id).map(mention => ({ path: d.path, mention })));
    assert.deepEqual(index.mentionsOf(e.id), refs, e.id);
  }
}

describe('Warm start trusting files by size and modification time', () => {
  const paths = DOCS.map(d => d.path);

  it('answers from the snapshot unread as analyze does (astral characters, CRLF), reads texts when needed, then verifies them', async () => {
    const fs = filesAt(DOCS, 1_000);
    fs.now = () => 60_000;
    const snapshot = await coldSnapshot(fs, paths, 60_000);
    const { index, trusted } = await warmStart(fs, paths, snapshot);
    assert.deepEqual(trusted, paths);
    assert.equal(index.unverified().length, DOCS.length);
    assert.equal(index.needsRelink, false);
    assertSameAsAnalyze(index, DOCS);
    // a text needed before the verification is read (not kept; its hash is the analysis's: verified)
    const crlf = DOCS.find(d => d.path === '/ws/g.txt')!;
    assert.equal(index.text(crlf.path), crlf.text);
    const m = index.analyzed(crlf.path)!.mentions.find(x => x.text === 'Reid')!;
    assert.deepEqual(index.positionAt(crlf.path, m.start), { line: 3, character: 0 });
    assert.equal(index.unverified().length, DOCS.length - 1);
    await verify(fs, index);
    assert.deepEqual(index.unverified(), []);
    assertSameAsAnalyze(index, DOCS);
    for (const d of DOCS) assert.equal(index.text(d.path), d.text);
    // what was trusted keeps its stamp: the next snapshot trusts it again
    const again = await warmStart(fs, paths, index.snapshot(60_000));
    assert.deepEqual(again.trusted, paths);
  });

  it('corrects, in the background verification, a file changed with the same size and its modification time kept', async () => {
    const fs = filesAt(DOCS, 1_000);
    fs.now = () => 60_000;
    const snapshot = await coldSnapshot(fs, paths, 60_000);
    // as `cp -p` or `rsync -t` leave it: other bytes, same length, same time
    const changed = DOCS.map(d => (d.path.endsWith('/a.txt') ? { ...d, text: d.text.replace('Xi Jinping', 'Xu Jinpong') } : d));
    assert.equal(changed.find(d => d.path.endsWith('/a.txt'))!.text.length, DOCS.find(d => d.path.endsWith('/a.txt'))!.text.length);
    fs.now = () => 1_000;
    fs.put('/ws/a.txt', changed.find(d => d.path.endsWith('/a.txt'))!.text);
    fs.now = () => 70_000;
    const { index, trusted } = await warmStart(fs, paths, snapshot);
    assert.deepEqual(trusted, paths); // the stamp cannot tell
    assertSameAsAnalyze(index, DOCS); // the snapshot's analysis, until verified
    assert.equal(index.text('/ws/a.txt'), undefined, 'no text that its mentions are not of');
    await verify(fs, index);
    assert.deepEqual(index.unverified(), []);
    assertSameAsAnalyze(index, changed);
    assert.ok(index.entities().some(e => e.name === 'Xu Jinpong'));
  });

  it('reads and hashes a racy file: modified as recently as RACY_MS before it was read or the snapshot written', async () => {
    const fs = filesAt(DOCS, 1_000);
    fs.now = () => 50_000;
    fs.put('/ws/b.txt', DOCS.find(d => d.path.endsWith('/b.txt'))!.text);
    fs.put('/ws/a.txt', DOCS.find(d => d.path.endsWith('/a.txt'))!.text);
    fs.now = () => 50_000 + RACY_MS - 1; // b.txt is read within RACY_MS of its modification: no stamp
    const cold = new CorpusIndex();
    cold.setFiles(await Promise.all(paths.map(p => read(fs, p))));
    cold.relink();
    // a.txt is stamped as if read long after, but the snapshot is written in the same tick as its modification
    const a = await read(fs, '/ws/a.txt');
    cold.setFiles([{ ...a, stamp: fileStamp(await fs.stat('/ws/a.txt'), 100_000) }]);
    cold.relink();
    const snapshot = cold.snapshot(50_000);
    // both changed since, within the same millisecond, with the same size
    const changed = DOCS.map(d => (d.path.endsWith('/a.txt') || d.path.endsWith('/b.txt') ? { ...d, text: d.text.replace('Lee', 'Lim') } : d));
    fs.now = () => 50_000;
    for (const d of changed) if (/\/[ab]\.txt$/.test(d.path)) fs.put(d.path, d.text);
    fs.now = () => 100_000;
    const { index, trusted } = await warmStart(fs, paths, snapshot);
    assert.deepEqual(
      trusted,
      paths.filter(p => !/\/[ab]\.txt$/.test(p)),
    );
    assert.equal(index.unverified().length, DOCS.length - 2);
    assertSameAsAnalyze(index, changed);
  });

  it('refuses a snapshot of the format before (6) and indexes every file again', async () => {
    const fs = filesAt(DOCS, 1_000);
    fs.now = () => 60_000;
    const snapshot = await coldSnapshot(fs, paths, 60_000);
    const old = snapshot.slice();
    new DataView(old.buffer).setInt32(4, 6, true);
    const index = new CorpusIndex();
    assert.equal(index.loadSnapshot(old), 0);
    const { index: warm, trusted } = await warmStart(fs, paths, old);
    assert.deepEqual(trusted, []);
    assert.deepEqual(warm.unverified(), []);
    assertSameAsAnalyze(warm, DOCS);
  });
});
