import { strict as assert } from 'node:assert';
import { CorpusIndex } from '../../src/core/corpus/corpusIndex';
import { listLocationMaker, sharedRanges, type LocationParts } from '../../src/vscode/common/locationLists';
import { gatherLocations } from '../../src/vscode/entities/mentionLists';

// The locations of a list of mentions as the references provider makes them
// (src/vscode/common/locationLists.ts): the same locations as made one by one, with one range
// object for mentions at the same lines and characters.
describe('lists of locations', () => {
  interface Range {
    start: { line: number; character: number };
    end: { line: number; character: number };
  }
  interface Location {
    uri: { path: string };
    range: Range;
  }
  const made = { uris: 0, ranges: 0 };
  const parts: LocationParts<{ path: string }, Range, Location> = {
    uri: path => (made.uris++, { path }),
    range: (startLine, startCharacter, endLine, endCharacter) => (
      made.ranges++,
      { start: { line: startLine, character: startCharacter }, end: { line: endLine, character: endCharacter } }
    ),
    location: (uri, range) => ({ uri, range }),
  };

  /** A person at the same places in most documents, elsewhere in some; an astral character and CRLF before. */
  function corpus(): CorpusIndex {
    const index = new CorpusIndex();
    const line = 'On 3 March 2026 😀 Harriet Okonjo said the port would reopen.\r\n';
    index.setDocuments(
      Array.from({ length: 40 }, (_, i) => ({
        path: `doc-${String(i).padStart(3, '0')}.txt`,
        text: `Published: 4 March 2026\r\n\r\n${i % 5 === 0 ? 'Later. '.repeat(i) : ''}${line.repeat(30)}`,
      })),
    );
    index.relink();
    return index;
  }

  it('gives the locations made one by one, one range for mentions at the same lines and characters', async () => {
    const index = corpus();
    const person = index.entities().find(e => e.name === 'Harriet Okonjo')!;
    made.uris = made.ranges = 0;
    const shared = (await gatherLocations(index, { entity: person.id }, listLocationMaker(index, parts)))!;
    const oneByOne = index.mentionsOf(person.id).map(ref => {
      const s = index.positionAt(ref.path, ref.mention.start);
      const e = index.positionAt(ref.path, ref.mention.end);
      return { uri: { path: ref.path }, range: { start: s, end: e } };
    });
    assert.equal(shared.length, 40 * 30);
    assert.deepEqual(shared, oneByOne);
    const distinct = new Set(oneByOne.map(l => JSON.stringify(l.range))).size;
    assert.equal(new Set(shared.map(l => l.range)).size, distinct, 'a range object for each distinct range');
    assert.equal(made.ranges, distinct);
    assert.equal(made.uris, 40, 'a URI per document');
    assert.ok(distinct < shared.length / 2, `${distinct} distinct ranges`);
    // the same places in documents 1 and 2: the same object; another place: another one
    assert.equal(shared[30].range, shared[60].range);
    assert.notEqual(shared[30].range, shared[31].range);
  });

  it('gives the lines and characters positionAt gives, for any offsets, across lines too', () => {
    const index = new CorpusIndex();
    const text = 'Harriet 😀 Okonjo\r\nsaid\rthe\n\nport 😀\r\n';
    index.setDocuments([{ path: 'a.txt', text }]);
    const locate = listLocationMaker(index, parts);
    for (let start = 0; start <= text.length; start++) {
      for (let end = start; end <= text.length; end++) {
        const { range } = locate('a.txt', start, end);
        assert.deepEqual(range, { start: index.positionAt('a.txt', start), end: index.positionAt('a.txt', end) }, `${start}-${end}`);
      }
    }
    assert.deepEqual(locate('unknown.txt', 3, 5).range, { start: { line: 0, character: 3 }, end: { line: 0, character: 5 } });
  });

  it('never gives a range made for other numbers, however few ranges it remembers', () => {
    for (const [max, first] of [
      [1, 1],
      [3, 3],
      [64, 1],
      [1024, 4],
    ]) {
      let count = 0;
      const range = sharedRanges((a, b, c, d) => (count++, [a, b, c, d]), max, first);
      const quads: number[][] = [];
      for (let i = 0; i < 2000; i++) quads.push([i % 7, (i * 13) % 11, (i % 7) + (i % 2), (i * 5) % 17]);
      for (const q of quads) assert.deepEqual(range(q[0], q[1], q[2], q[3]), q);
      // asked twice in a row: the same object, made once
      const before = count;
      const [a, b, c, d] = quads[5];
      assert.equal(range(a, b, c, d), range(a, b, c, d));
      assert.ok(count <= before + 1);
    }
  });
});
