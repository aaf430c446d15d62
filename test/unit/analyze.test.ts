import { strict as assert } from 'node:assert';
import { analyze, documentOwnDate } from '../../src/core';

describe('analyze', () => {
  it('reports absolute dates with ISO values and UTF-16 offsets after astral characters', () => {
    const text = '😀 🇰🇷 On January 4, 2026 and 2026-01-05.';
    const [doc] = analyze([{ path: 'a.txt', text }]).documents;
    const dates = doc.mentions.filter(m => m.kind === 'date');
    assert.deepEqual(
      dates.map(m => [m.text, m.value]),
      [
        ['January 4, 2026', '2026-01-04'],
        ['2026-01-05', '2026-01-05'],
      ],
    );
    for (const m of dates) assert.equal(text.slice(m.start, m.end), m.text);
  });

  it('gives a year-less date the publication year, or null without one', () => {
    const withDct = analyze([{ path: 'a.txt', text: 'He left on Jan. 4.' }], { defaultDct: '2026-01-05' });
    assert.equal(withDct.documents[0].mentions[0].value, '2026-01-04');
    const without = analyze([{ path: 'a.txt', text: 'He left on Jan. 4.' }]);
    assert.equal(without.documents[0].mentions[0].value, null);
    assert.equal(without.documents[0].dct, null);
  });

  it('takes the publication date in the contract order', () => {
    const text = 'Published: 5 January 2026\n\nText.';
    assert.equal(analyze([{ path: 'a', text, dct: '2020-01-01' }]).documents[0].dct, '2026-01-05');
    assert.equal(analyze([{ path: 'a', text, dct: '2020-01-01', dctFromSidecar: true }]).documents[0].dct, '2020-01-01');
    assert.equal(analyze([{ path: 'a', text: 'x', dct: '2020-01-01' }], { defaultDct: '2021-01-01' }).documents[0].dct, '2020-01-01');
    assert.equal(analyze([{ path: 'a', text: 'x' }], { defaultDct: '2021-01-01' }).documents[0].dct, '2021-01-01');
  });
});

describe('documentOwnDate', () => {
  it('reads front matter and header lines, with CRLF', () => {
    assert.equal(documentOwnDate('---\r\ntitle: X\r\ndate: 2026-01-04\r\n---\r\nBody'), '2026-01-04');
    assert.equal(documentOwnDate('Headline\nDate: Jan. 4, 2026\n'), '2026-01-04');
    assert.equal(documentOwnDate('date 2026-01-05\n'), '2026-01-05');
    assert.equal(documentOwnDate('No date here.\nJanuary 4, 2026 came.'), null);
  });
});
