// What the speed work must not change: results of the shortcuts taken for throughput.
import { strict as assert } from 'node:assert';
import { analyze, documentKinds, documentMentions } from '../../src/core/analyze';
import { recognizeDates } from '../../src/core/dates/recognizeDates';
import { linkCorpus } from '../../src/core/linking/linkCorpus';
import { linkNames } from '../../src/core/linking/linkNames';
import { recognizeDocument } from '../../src/core/recognizeDocument';
import type { SourceDocument } from '../../src/core/types';

describe('analyze, as fast as it is', () => {
  it('links each document as it is read, then again where later family names change it', () => {
    // lone "Reid" and "Lee" come before any document names them in full
    const docs: SourceDocument[] = [
      { path: '1.txt', text: 'Reid said the vote would wait. Lee arrived on Monday.' },
      { path: '2.txt', text: 'Reid was in Washington. Lee spoke to reporters.' },
      { path: '3.txt', text: 'Harry Reid and Lee Jae-myung met in Seoul on Tuesday.' },
      { path: '4.txt', text: 'Lee Min-ji and Reid Hoffman disagreed. Hoffman left.' },
    ];
    // the plain definition: every document recognized, then linked knowing every family name
    const recognized = docs.map(d => recognizeDocument(d));
    const surnames = new Set(recognized.flatMap(r => r.surnames));
    const names = docs.map(d => linkNames(d.text, recognizeDocument(d), surnames).names);
    const { ids, kindOfId } = linkCorpus(names);
    const expected = names.map((n, i) =>
      documentMentions(
        n,
        ids[i],
        documentKinds(n, ids[i], id => kindOfId.get(id)),
        recognized[i].dates,
      ),
    );
    assert.deepEqual(
      analyze(docs).documents.map(d => d.mentions),
      expected,
    );
  });

  it('finds dates where the scan for their first words must not skip', () => {
    const dates = (text: string) => recognizeDates(text, '2026-01-05').map(m => [m.text, m.value]);
    assert.deepEqual(dates("In the '90s and the ’80s, [Ten] years ago, mid-January and late-2017."), [
      ["the '90s", '199X'],
      ['the ’80s', '198X'],
      ['[Ten] years ago', '2016'],
      ['mid-January', '2026-01'],
      ['late-2017', '2017'],
    ]);
    assert.deepEqual(dates('x2026 _2026 2026_ a2026 2026-01-05x Jan2026 MAY 5, 2026; may 5; Sept. 5 and SEPT 5.'), [
      ['2026-01-05', '2026-01-05'],
      ['MAY 5, 2026', '2026-05-05'],
      ['Sept. 5', '2025-09-05'],
      ['SEPT 5', '2025-09-05'],
    ]);
    assert.deepEqual(dates('He said: \'Friday\' (Monday) [Tuesday] "today" – tomorrow—yesterday.'), [
      ['Friday', '2026-01-02'],
      ['Monday', '2026-01-05'],
      ['Tuesday', '2025-12-30'],
      ['today', '2026-01-05'],
      ['tomorrow', '2026-01-06'],
      ['yesterday', '2026-01-04'],
    ]);
    assert.deepEqual(dates('the year before, The Previous Month, THE FOLLOWING WEEK, a couple of weeks ago, twenty-five years ago.'), [
      ['the year before', '2025'],
      ['The Previous Month', '2025-12'],
      ['THE FOLLOWING WEEK', '2026-W03'],
      ['a couple of weeks ago', '2025-W52'],
      ['twenty-five years ago', '2001'],
    ]);
  });

  it('gives every run of capitalized words its own tokens (the scan reuses one buffer)', () => {
    const text = Array.from({ length: 200 }, (_, i) => `Officials of Ministry Number${i} met Kim Min-jun${i % 7} in Busan.`).join(' ');
    const [doc] = analyze([{ path: 'a.txt', text }]).documents;
    for (const m of doc.mentions) assert.equal(text.slice(m.start, m.end), m.text);
    assert.equal(doc.mentions.filter(m => m.text === 'Busan').length, 200);
  });
});
