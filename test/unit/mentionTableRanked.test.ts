import { strict as assert } from 'node:assert';
import { MentionRows, StringIds } from '../../src/core/corpus/mentionRows';
import { MentionTable } from '../../src/core/corpus/mentionTable';
import { finish } from '../../src/core/steps';
import type { Mention } from '../../src/core/types';

// A group's documents put in rank order are its list of documents itself, not a copy beside it
// (src/core/corpus/mentionTable.ts, rankedDocs): a change to the group copies the list first, so a
// list read in steps over the ranked documents goes on over those it started with.
const strings = new StringIds();
const rowsOf = (entities: string[]): MentionRows =>
  finish(
    MentionRows.packSteps(
      entities.map((entity, i): Mention => ({ start: 2 * i, end: 2 * i + 1, text: 'x', kind: 'person', entity })),
      strings,
      () => undefined,
    ),
  );
const rank = (path: string) => Number(path.slice(1));

describe('MentionTable, ranked documents', () => {
  it('ranks a group in place, and a change leaves a list being read in steps as it was', () => {
    const table = new MentionTable((rows, i) => rows.entityKey(i), strings);
    for (const n of [5, 3, 9, 1]) table.addDocument(`d${n}`, rowsOf(['p1', 'p1']));
    table.addDocument('d7', rowsOf(['p2']));
    finish(table.readySteps(rank));
    const g = table.get('p1')!;
    assert.deepEqual(g.ranked, ['d1', 'd3', 'd5', 'd9']);
    assert.equal(g.ranked, g.docs, 'one list, not two');
    // the ranked documents as a list read in steps holds them between its steps
    const reading = g.ranked;
    table.addDocument('d0', rowsOf(['p1']));
    table.removeDocument('d5');
    table.addDocument('d3', rowsOf(['p2']));
    assert.deepEqual(reading, ['d1', 'd3', 'd5', 'd9'], 'the list read before the changes');
    const now = table.get('p1')!;
    assert.deepEqual([...now.docs].sort(), ['d0', 'd1', 'd9']);
    assert.deepEqual(
      table.page('p1', rank, 0, 10).refs.map(r => r.path),
      ['d0', 'd1', 'd1', 'd9', 'd9'],
    );
    assert.equal(now.ranked, now.docs);
    assert.deepEqual(
      table.page('p2', rank, 0, 10).refs.map(r => r.path),
      ['d3', 'd7'],
    );
  });
});
