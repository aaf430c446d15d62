import { strict as assert } from 'node:assert';
import { CorpusIndex } from '../../src/core/corpus/corpusIndex';
import { gatherLocations, gatherMentions } from '../../src/vscode/entities/mentionLists';

// An entity's whole list of mentions, as the extension's references, cross-reference and view read
// it (src/vscode/entities/mentionLists.ts): in pages, in slices, the same list as mentionsOf, never
// a mix of two versions of the index.
describe('lists of mentions gathered in pages', () => {
  /** Over two pages of mentions of one person and one date; astral characters and CRLF before them. */
  function corpus(docs: number): CorpusIndex {
    const index = new CorpusIndex();
    const line = 'On 3 March 2026 😀 Harriet Okonjo said the port would reopen.\r\n';
    index.setDocuments(
      Array.from({ length: docs }, (_, i) => ({ path: `doc-${String(i).padStart(4, '0')}.txt`, text: `Published: 4 March 2026\r\n\r\n${line.repeat(60)}` })),
    );
    index.relink();
    return index;
  }
  const index = corpus(120);
  const person = index.entities().find(e => e.name === 'Harriet Okonjo')!;
  const refOf = (r: { path: string; mention: { start: number; end: number } }) => `${r.path}:${r.mention.start}-${r.mention.end}`;

  it('gives what mentionsOf gives, for an entity and a date', async () => {
    assert.ok(person.mentions > 5000, `${person.mentions} mentions: more than one page`);
    const pages: number[] = [];
    const gathered = await gatherMentions(index, { entity: person.id }, refOf, undefined, soFar => pages.push(soFar.length));
    assert.deepEqual(gathered, index.mentionsOf(person.id).map(refOf));
    assert.ok(pages.length > 1 && pages[0] < person.mentions, `pages ${pages}`);
    const dates = await gatherMentions(index, { date: '2026-03-03' }, refOf);
    assert.equal(dates!.length, 120 * 60);
    assert.deepEqual(dates, index.mentionsOfDate('2026-03-03').map(refOf));
  });

  it('gives the locations of what mentionsOf gives, with no Mention object (gatherLocations), for an entity and a date', async () => {
    const spanOf = (path: string, start: number, end: number) => `${path}:${start}-${end}`;
    assert.deepEqual(await gatherLocations(index, { entity: person.id }, spanOf), index.mentionsOf(person.id).map(refOf));
    assert.deepEqual(await gatherLocations(index, { date: '2026-03-03' }, spanOf), index.mentionsOfDate('2026-03-03').map(refOf));
    assert.deepEqual(await gatherLocations(index, { entity: 'no-such-entity' }, spanOf), []);
    // after the 😀 and CRLF of each line: UTF-16 offsets
    const text = index.text('doc-0000.txt')!;
    const [first] = (await gatherLocations(index, { entity: person.id }, (path, start, end) => ({ path, start, end })))!;
    assert.equal(text.slice(first.start, first.end), 'Harriet Okonjo');
  });

  it('pages read in any order, after one another or not, are slices of the whole list', () => {
    const fresh = corpus(30);
    const id = fresh.entities().find(e => e.name === 'Harriet Okonjo')!.id;
    const reads: [number, number][] = [
      [0, 7],
      [7, 60],
      [67, 1],
      [68, 0],
      [68, 59],
      [3, 100],
      [103, 1000],
      [1103, 5000],
      [0, 1],
      [1, 1],
      [1799, 5],
      [1, 59],
    ];
    const pages = reads.map(([from, count]) => fresh.mentionsOfPage(id, from, count).refs.map(refOf)); // before mentionsOf keeps the whole list
    const whole = fresh.mentionsOf(id).map(refOf);
    assert.equal(whole.length, 1800);
    reads.forEach(([from, count], i) => assert.deepEqual(pages[i], whole.slice(from, from + count), `from ${from}, ${count}`));
    // the same reads as spans, each after a page of references that ends elsewhere (where a page ended is kept for the next)
    reads.forEach(([from, count]) => {
      fresh.mentionsOfPage(id, from + 1, 2);
      const { paths, doc, start, end, total } = fresh.mentionSpansOfPage(id, from, count);
      assert.equal(total, 1800);
      const spans = Array.from(start, (s, k) => `${paths[doc[k]]}:${s}-${end[k]}`);
      assert.deepEqual(spans, whole.slice(from, from + count), `spans from ${from}, ${count}`);
    });
  });

  it('starts over when the index changes between pages, and stops when asked', async () => {
    const changing = corpus(120);
    let changed = false;
    const gathered = await gatherMentions(changing, { entity: person.id }, refOf, undefined, () => {
      if (changed) return;
      changed = true;
      changing.setDocuments([{ path: 'doc-0000.txt', text: 'Harriet Okonjo left.\n' }]);
    });
    changing.relink();
    assert.deepEqual(gathered, changing.mentionsOf(person.id).map(refOf), 'the list after the change, not a mix');
    assert.equal(gathered!.length, 119 * 60 + 1);

    const again = corpus(120);
    let edited = false;
    const located = await gatherLocations(again, { entity: person.id }, (path, start, end) => {
      // an edit once the first page is read: the list starts over
      if (!edited && path > 'doc-0040.txt') {
        edited = true;
        again.setDocuments([{ path: 'doc-0001.txt', text: 'Harriet Okonjo left.\n' }]);
      }
      return `${path}:${start}-${end}`;
    });
    again.relink();
    assert.ok(edited);
    assert.deepEqual(located, again.mentionsOf(person.id).map(refOf), 'locations after the change, not a mix');

    let pages = 0;
    const stopped = await gatherMentions(
      index,
      { entity: person.id },
      refOf,
      () => pages > 0,
      () => pages++,
    );
    assert.equal(stopped, undefined);
  });
});
