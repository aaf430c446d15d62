import { strict as assert } from 'node:assert';
import { mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CorpusIndex } from '../../src/core';
import { SnapshotChecksum } from '../../src/core/corpus/snapshotChecksum';
import { writeSnapshotFile } from '../../src/vscode/corpus/snapshotFile';
import { readArticles } from './helpers/samples';

// An index snapshot written a piece at a time (src/vscode/corpus/snapshotFile.ts) is the snapshot
// made in one buffer, its checksum the same whatever pieces its words come in.
describe('index snapshot written in pieces', () => {
  const docs = readArticles();
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'marginalia-snapshot-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const linked = () => {
    const index = new CorpusIndex();
    for (const d of docs) index.setDocument(d);
    index.relink();
    return index;
  };

  it('is the snapshot made in one buffer, in place of the file there, with nothing left beside it', async () => {
    const index = linked();
    const path = join(dir, 'corpus-index.bin');
    writeFileSync(path, 'an older snapshot, longer than nothing');
    await writeSnapshotFile(path, sink => index.snapshotSteps(sink, undefined, 1));
    assert.deepEqual(new Uint8Array(readFileSync(path)), index.snapshot(1));
    assert.deepEqual(readdirSync(dir), ['corpus-index.bin']);
    const restored = new CorpusIndex();
    assert.deepEqual(restored.restore(readFileSync(path), docs), { reused: docs.length, analyzed: 0 });
  });

  it('is the shorter snapshot when the corpus changes while it is written (begun again, without links)', async () => {
    const index = linked();
    const path = join(dir, 'corpus-index.bin');
    let changed = false;
    await writeSnapshotFile(path, function* (sink) {
      const steps = index.snapshotSteps(sink, undefined, 1);
      for (let r = steps.next(); !r.done; r = steps.next()) {
        if (!changed) index.deleteDocument(docs[0].path);
        changed = true;
        yield;
      }
    });
    assert.deepEqual(new Uint8Array(readFileSync(path)), index.snapshot(1));
  });

  it('writes nothing through a link planted where its file of its own goes, nor leaves one cut short', async () => {
    const index = linked();
    const path = join(dir, 'corpus-index.bin');
    const outside = join(dir, 'outside');
    writeFileSync(outside, 'not to be written');
    symlinkSync(outside, `${path}.tmp`);
    await writeSnapshotFile(path, sink => index.snapshotSteps(sink, undefined, 1));
    assert.equal(readFileSync(outside, 'utf8'), 'not to be written');
    assert.deepEqual(new Uint8Array(readFileSync(path)), index.snapshot(1));
    // a write cut short left its file: the next takes its place
    writeFileSync(`${path}.tmp`, 'cut short');
    await writeSnapshotFile(path, sink => index.snapshotSteps(sink, undefined, 1));
    assert.deepEqual(readdirSync(dir).sort(), ['corpus-index.bin', 'outside']);
    assert.deepEqual(new Uint8Array(readFileSync(path)), index.snapshot(1));
  });

  it('leaves the old snapshot and no file of its own when writing fails', async () => {
    const index = linked();
    const path = join(dir, 'corpus-index.bin');
    writeFileSync(path, 'old');
    await assert.rejects(
      writeSnapshotFile(path, function* (sink) {
        yield* index.snapshotSteps(sink, undefined, 1);
        throw new Error('stopped');
      }),
      /stopped/,
    );
    assert.equal(readFileSync(path, 'utf8'), 'old');
    assert.deepEqual(readdirSync(dir), ['corpus-index.bin']);
  });

  it('has the checksum of its words in one part, whatever parts they come in', () => {
    const words = Int32Array.from({ length: 37 }, (_, i) => Math.imul(i + 1, 0x9e3779b1));
    const tail = new Uint8Array([7, 9]);
    const whole = new SnapshotChecksum();
    whole.add(words);
    const expected = whole.end(tail);
    for (const cuts of [[0], [1], [2, 3], [1, 1, 1, 5], [36], [5, 0, 7, 12]]) {
      const parts = new SnapshotChecksum();
      let at = 0;
      for (const n of cuts) parts.add(words.subarray(at, (at += n)));
      parts.add(words.subarray(at));
      assert.deepEqual(parts.end(tail), expected, cuts.join());
    }
  });
});
