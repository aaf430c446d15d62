import { strict as assert } from 'node:assert';
import { analyze, documentMentions } from '../../src/core/analyze';
import { CorpusIndex } from '../../src/core/corpus/corpusIndex';
import { MentionRows, packedDates, StringIds } from '../../src/core/corpus/mentionRows';
import { prepareDocument } from '../../src/core/corpus/prepareDocument';
import { finish } from '../../src/core/steps';
import { lineStarts, utf8LineStarts } from '../../src/core/textPositions';
import type { Mention, SourceDocument } from '../../src/core/types';

// A corpus index keeps each document's mentions packed in rows of numbers (src/core/corpus/mentionRows.ts)
// and makes Mention objects when asked: they must be the mentions analyze gives, property for property,
// UTF-16 offsets included, with astral characters and CRLF line ends in the texts, through edits and relinks.
const DOCS: SourceDocument[] = [
  { path: 'a.txt', text: 'Published: 5 January 2026\r\n\r\n😀 Lee Jae-myung met Xi Jinping in Beijing on Monday.\r\nLee said 𝒳 the talks went well.\r\n' },
  { path: 'b.txt', text: '𝐀𝐁 Lee arrived in Seoul on Tuesday. Reid Hoffman and Harry Reid spoke in Washington last week.\n' },
  { path: 'c.txt', text: 'Reid said on Friday 🇰🇷 that the Senate would vote. Xi left Beijing in the 1990s.\r\n' },
];

function assertAsAnalyze(index: CorpusIndex, docs: readonly SourceDocument[]): void {
  const expected = analyze([...docs].sort((a, b) => (a.path < b.path ? -1 : 1)));
  for (const doc of expected.documents) {
    assert.deepEqual(index.analyzed(doc.path), doc, doc.path);
    const text = docs.find(d => d.path === doc.path)!.text;
    for (const m of doc.mentions) {
      assert.equal(text.slice(m.start, m.end), m.text);
      assert.deepEqual(index.mentionAt(doc.path, m.start), m);
    }
  }
}

describe('packed mentions', () => {
  it('unpack to the same mentions, with their properties: an entity, a date value, a null value, none', () => {
    const mentions: Mention[] = [
      { start: 0, end: 2, text: '😀', kind: 'person', entity: 'p1' },
      { start: 3, end: 9, text: 'Monday', kind: 'date', value: '2026-01-05' },
      { start: 10, end: 14, text: 'then', kind: 'date', value: null },
      { start: 15, end: 19, text: 'once', kind: 'date' },
      { start: 20, end: 24, text: 'Acme', kind: 'organization' },
    ];
    const strings = new StringIds();
    const rows = finish(MentionRows.packSteps(mentions, strings, m => (m.kind === 'person' ? 'place' : undefined)));
    assert.deepEqual(rows.list(), mentions);
    assert.equal(rows.list(), rows.list(), 'the same list while it is held');
    assert.equal(rows.mention(1), rows.list()[1]);
    assert.deepEqual(
      mentions.map((_, i) => rows.recognizedKind(i)),
      ['place', 'date', 'date', 'date', 'organization'],
    );
    rows.setKind(0, 'organization');
    assert.equal(rows.list()[0].kind, 'organization');
    assert.equal(rows.recognizedKind(0), 'place');
    assert.deepEqual(
      [0, 2, 9, 25].map(o => rows.indexAt(o)),
      [0, 0, 1, -1],
    );
  });

  it("packed from a document's names are the rows of its Mention objects: a name giving way to a date, astral characters, CRLF", () => {
    const docs = [...DOCS, { path: 'may.txt', text: 'Theresa May spoke in May 2019.\r\nMay said 😀 Lee met Xi in Seoul on 4 May.\r\n' }];
    for (const doc of docs) {
      const { analysis } = prepareDocument(doc, new Set(), {}, []);
      const { names } = analysis!.linked;
      const ids = names.entities.map((_, e) => `id-${e % 3}`);
      const kinds = names.entities.map((e, i) => (i === 1 ? 'organization' : e.kind));
      const mentions = documentMentions(names, ids, kinds, analysis!.dates);
      const strings = new StringIds();
      const rows = finish(MentionRows.namesSteps(names, ids, kinds, packedDates(analysis!.dates, strings), strings));
      assert.deepEqual(rows.list(), mentions, doc.path);
      assert.deepEqual(rows.list(), finish(MentionRows.packSteps(mentions, strings)).list(), doc.path);
      for (let i = 0; i < rows.length; i++) assert.equal(rows.recognizedKind(i), mentions[i].kind);
      // the dates read back from the rows (a published document keeps no others), and reviewed rows give the same
      assert.deepEqual(rows.dates(), analysis!.dates, doc.path);
      assert.deepEqual(rows.packedDates(), packedDates(analysis!.dates, strings), doc.path);
      const reviewed = finish(
        rows.reviewedSteps(
          () => undefined,
          () => 'place',
        ),
      );
      assert.deepEqual(reviewed.dates(), analysis!.dates, doc.path);
    }
  });

  it('in a corpus index are what analyze gives, with astral characters and CRLF, through edits and relinks', () => {
    const docs = DOCS.map(d => ({ ...d }));
    const index = new CorpusIndex({}, 0);
    index.setDocuments(docs);
    index.relink();
    assertAsAnalyze(index, docs);
    const held = index.analyzed('b.txt');
    const version = index.analysisVersion('b.txt');
    assert.equal(index.analyzed('b.txt'), held, 'the same analysis while it is held');
    assert.equal(index.analysisVersion('b.txt'), version);
    docs[1] = { path: 'b.txt', text: docs[1].text.replace('Seoul', '🙂 Seoul') };
    index.setDocument(docs[1]);
    assert.notEqual(index.analyzed('b.txt'), held, 'another once the document changed');
    assert.notEqual(index.analysisVersion('b.txt'), version);
    assert.equal(index.analysisVersion('missing.txt'), undefined);
    docs[0] = { path: 'a.txt', text: `${docs[0].text}Harry Reid met Xi Jinping in Seoul.\r\n` };
    index.setDocument(docs[0]);
    index.relink();
    assertAsAnalyze(index, docs);
  });
});

describe('the mentions of a part of a document', () => {
  it("are those of the whole list that end after its start and begin before its end (UTF-16 offsets, astral characters, CRLF), the list's own objects while it is held", () => {
    const index = new CorpusIndex({}, 0);
    index.setDocuments(DOCS);
    index.relink();
    for (const doc of DOCS) {
      const all = index.analyzed(doc.path)!.mentions;
      for (let from = -1; from <= doc.text.length + 1; from++)
        for (const to of [from, from + 1, from + 7, from + 30, Infinity]) {
          const part = index.mentionsBetween(doc.path, from, to)!;
          assert.deepEqual(
            part,
            all.filter(m => m.end > from && m.start < to),
            `${doc.path} ${from}–${to}`,
          );
          part.forEach(m => assert.ok(all.includes(m)));
        }
    }
    assert.equal(index.mentionsBetween('missing.txt', 0, 10), undefined);
    assert.deepEqual(index.publicationDate('a.txt'), { dct: '2026-01-05' });
    assert.deepEqual(index.publicationDate('b.txt'), { dct: null });
    assert.equal(index.publicationDate('missing.txt'), undefined);
  });
});

describe('line starts from UTF-8', () => {
  it('are those of the decoded text: \\n, \\r\\n and a lone \\r, astral characters and a lone surrogate before them', () => {
    for (const text of ['', 'one line', 'a\nb\r\nc\rd\n', '😀 é\r\n𝒳\n\n\r\rz', '\ud800 lone\r\n😀', '\r\n', 'ends\r']) {
      assert.deepEqual(Array.from(utf8LineStarts(new TextEncoder().encode(text))), lineStarts(text), JSON.stringify(text));
    }
  });
});
