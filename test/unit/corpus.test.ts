import { strict as assert } from 'node:assert';
import { contextLine } from '../../src/core/corpus/cards';
import { CorpusIndex } from '../../src/core/corpus/corpusIndex';
import { variantProposals } from '../../src/core/corpus/variants';

describe('CorpusIndex', () => {
  it('indexes dates across documents and finds the mention at an offset', () => {
    const index = new CorpusIndex();
    index.setDocument({ path: 'a.txt', text: '😀 Talks on January 4, 2026 ended.' });
    index.setDocument({ path: 'b.txt', text: 'On 2026-01-04 they met.' });
    assert.equal(index.mentionsOfDate('2026-01-04').length, 2);
    const at = index.mentionAt('a.txt', 15);
    assert.equal(at?.text, 'January 4, 2026');
    assert.equal(index.mentionAt('a.txt', 5), undefined);
    index.deleteDocument('b.txt');
    assert.equal(index.mentionsOfDate('2026-01-04').length, 1);
    assert.deepEqual(index.stats().documents, 1);
  });
});

describe('contextLine', () => {
  it('keeps one line around the span', () => {
    const text = 'Headline\nThe president met Xi Jinping in Beijing on Monday.\nNext line';
    const start = text.indexOf('Xi');
    assert.equal(contextLine(text, start, start + 10, 12), '…met Xi Jinping in Beijing…');
    assert.equal(contextLine(text, 9, 12, 200), 'The president met Xi Jinping in Beijing on Monday.');
  });
});

describe('variantProposals', () => {
  it('proposes spelling and word-order variants of one kind, never across kinds', () => {
    const e = (id: string, name: string, kind: 'person' | 'place', mentions: number) => ({ id, name, kind, aliases: [name], documents: 1, mentions });
    const proposals = variantProposals([
      e('wi-sung-lac', 'Wi Sung-lac', 'person', 5),
      e('wi-sung-lac-2', 'Wi Sung Lac', 'person', 2),
      e('lee-jae-myung', 'Lee Jae Myung', 'person', 9),
      e('jae-myung-lee', 'Jae-myung Lee', 'person', 1),
      e('georgia', 'Georgia', 'place', 3),
      e('georgia-p', 'Georgia', 'person', 1),
    ]);
    assert.deepEqual(
      proposals.map(p => [p.ids, p.reason]),
      [
        [['wi-sung-lac', 'wi-sung-lac-2'], 'spelling'],
        [['lee-jae-myung', 'jae-myung-lee'], 'word order'],
      ],
    );
  });
});
