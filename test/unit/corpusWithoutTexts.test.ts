// Documents entered from their files without their texts, as a scan enters them (the analysis worker
// sends a file's analysis and line starts, not its text): the index reads a text again through the
// host's reader when something needs it, and keeps it only when given it (an edit).
import { strict as assert } from 'node:assert';
import { analyze } from '../../src/core/analyze';
import { entityCard } from '../../src/core/corpus/cards';
import { CorpusIndex } from '../../src/core/corpus/corpusIndex';
import { prepareDocument, withoutText } from '../../src/core/corpus/prepareDocument';
import { lineStarts, positionAt } from '../../src/core/textPositions';
import type { SourceDocument } from '../../src/core/types';

const encoder = new TextEncoder();

/** "Lee" alone in b.txt is a name only because a.txt names Lee Jae-myung; astral characters and CRLF in e.txt and g.txt. */
const DOCS: SourceDocument[] = [
  { path: '/ws/a.txt', text: 'Lee Jae-myung met Xi Jinping in Beijing on Monday. Lee said the talks went well.\n' },
  { path: '/ws/b.txt', text: 'Lee arrived in Seoul. Reid Hoffman and Harry Reid spoke in Washington last week.\n' },
  { path: '/ws/e.txt', text: '😀 Lee Jae-myung met 𝒳 Xi Jinping\nin Beijing on Monday 🇰🇷. Lee said so.\n' },
  { path: '/ws/g.txt', text: 'Published: 5 January 2026\r\n\r\nHarry Reid met Xi Jinping in Geneva on Monday.\r\nReid said so. 😀\r\n' },
];

/** Files as texts, read by the index's reader into one buffer reused by every read (as TextReader allows); counts the reads. */
class Files {
  readonly texts = new Map(DOCS.map(d => [d.path, d.text]));
  reads = 0;
  private buffer = new Uint8Array(16);

  readonly read = (path: string): Uint8Array | undefined => {
    const text = this.texts.get(path);
    if (text === undefined) return undefined;
    this.reads++;
    if (this.buffer.length < 3 * text.length) this.buffer = new Uint8Array(3 * text.length);
    return this.buffer.subarray(0, encoder.encodeInto(text, this.buffer).written);
  };
}

/**
 * A cold scan as the extension makes it: every file prepared elsewhere against the family names
 * known when it was sent (none), entered without its text (with its line starts unless `noLines`),
 * then linked: names whose lookups changed are linked again from the texts read back.
 */
function scanned(files: Files, noLines = false): CorpusIndex {
  const index = new CorpusIndex();
  index.readTextsWith(files.read);
  const prepared = DOCS.map(d => prepareDocument(d, new Set()));
  for (const [i, p] of prepared.entries()) {
    assert.ok(index.setPrepared(withoutText(p), false));
    if (!noLines) index.setLineStarts(p.path, p.hash, lineStarts(DOCS[i].text), true);
  }
  index.relink();
  return index;
}

function assertSameAsAnalyze(index: CorpusIndex, docs: readonly SourceDocument[]): void {
  const expected = analyze(docs);
  for (const doc of expected.documents) assert.deepEqual(index.analyzed(doc.path), doc, doc.path);
  assert.deepEqual(index.entities(), expected.entities);
}

describe('CorpusIndex: documents entered from their files without their texts', () => {
  it('answers as analyze does, its outdated names linked again from the texts read back, none kept, none left to verify', () => {
    const files = new Files();
    const index = scanned(files);
    assertSameAsAnalyze(index, DOCS);
    // b.txt's lone "Lee" rests on a family name it did not know when prepared
    assert.ok(files.reads > 0);
    for (const d of DOCS) assert.equal(index.holdsText(d.path), false, d.path);
    assert.deepEqual(index.unverified(), []);
  });

  it('gives texts, positions (astral characters, CRLF) and lines of context read from the files, with or without line starts', () => {
    for (const noLines of [false, true]) {
      const files = new Files();
      const index = scanned(files, noLines);
      for (const d of DOCS) {
        assert.equal(index.text(d.path), d.text);
        assert.deepEqual(index.utf8(d.path), encoder.encode(d.text));
        const starts = lineStarts(d.text);
        for (const m of index.analyzed(d.path)!.mentions) {
          assert.deepEqual(index.positionAt(d.path, m.start), positionAt(starts, m.start), `${d.path} ${m.start}`);
          assert.deepEqual(index.positionAt(d.path, m.end), positionAt(starts, m.end), `${d.path} ${m.end}`);
        }
      }
      const reid = index.entities().find(e => e.name === 'Harry Reid')!;
      const card = entityCard(index, reid.id, '/ws/b.txt', 8)!;
      assert.deepEqual(
        card.documents.map(x => [x.path, x.context]),
        [['/ws/g.txt', 'Harry Reid met Xi Jinping in Geneva on Monday.']],
      );
      assert.equal(index.holdsText('/ws/g.txt'), false, 'read for the card, not kept');
    }
  });

  it('gives a copy of a text read into the reader’s buffer, which the next read reuses', () => {
    const files = new Files();
    const index = scanned(files);
    const a = index.utf8('/ws/a.txt')!;
    index.text('/ws/b.txt');
    assert.equal(new TextDecoder().decode(a), DOCS[0].text);
  });

  it('gives no stale text of a file changed on disk since it was scanned, keeps its names and positions, then takes it again', () => {
    const files = new Files();
    const index = scanned(files);
    const b = { ...DOCS[1], text: DOCS[1].text.replace('Seoul', 'Busan') };
    files.texts.set(b.path, b.text);
    assert.equal(index.text(b.path), undefined);
    assert.equal(index.utf8(b.path), undefined);
    const reid = index.analyzed(b.path)!.mentions.find(x => x.text === 'Harry Reid')!;
    assert.deepEqual(index.positionAt(b.path, reid.start), positionAt(lineStarts(DOCS[1].text), reid.start));
    // its lone "Lee" rests on the family name of a.txt and e.txt: gone, a relink would link it again from its text
    index.deleteDocument('/ws/a.txt');
    index.deleteDocument('/ws/e.txt');
    assert.deepEqual(
      index.outdatedLookups().map(o => o.path),
      [b.path],
    );
    const reads = files.reads;
    index.relink();
    assert.equal(files.reads, reads + 1);
    assert.ok(
      index.analyzed(b.path)!.mentions.some(x => x.text === 'Lee' && x.entity),
      'its names as they were',
    );
    // as the watcher does: the file read and prepared again
    index.setPrepared(withoutText(prepareDocument(b, new Set(index.surnameWords().words), {}, index.heldSources(b.path))), false);
    index.relink();
    assertSameAsAnalyze(index, [b, DOCS[3]]);
    assert.equal(index.text(b.path), b.text);
  });

  it('holds the text of an edit, whatever its file holds', () => {
    const files = new Files();
    const index = scanned(files);
    const edited = DOCS[1].text.replace('Seoul', 'Busan');
    index.setDocument({ path: '/ws/b.txt', text: edited });
    assert.ok(index.holdsText('/ws/b.txt'));
    const reads = files.reads;
    assert.equal(index.text('/ws/b.txt'), edited);
    assert.equal(files.reads, reads);
    index.relink();
    assertSameAsAnalyze(index, [DOCS[0], { ...DOCS[1], text: edited }, DOCS[2], DOCS[3]]);
  });
});
