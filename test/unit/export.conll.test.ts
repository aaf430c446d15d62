import { strict as assert } from 'node:assert';
import { conllType, DOCSTART, exportAnnotationsSync, labelForConllType, nonOverlapping, tokenize, type ExportDocument } from '../../src/core/export';
import { conllSpans, readConll } from '../fixtures/conll';
import { ALL, annotate, astralDocument, crlfDocument } from '../fixtures/exportDocs';

describe('export: CoNLL-2003 IOB2', () => {
  it('writes four columns, -DOCSTART- and blank lines between documents and sentences', () => {
    const text = 'Lee Jae Myung met Xi Jinping. They spoke\nin Beijing.';
    const doc: ExportDocument = {
      path: 'a.txt',
      text,
      annotations: [
        annotate(text, { id: 'p1', quote: 'Lee Jae Myung', label: 'person' }),
        annotate(text, { id: 'p2', quote: 'Xi Jinping', label: 'person' }),
        annotate(text, { id: 'l1', quote: 'Beijing', label: 'place' }),
      ],
    };
    const { files } = exportAnnotationsSync('conll', [doc, { ...doc, path: 'b.txt', annotations: [] }]);
    assert.equal(files.length, 1);
    assert.equal(files[0].path, 'annotations.conll');
    assert.equal(
      files[0].content,
      [
        DOCSTART,
        '',
        'Lee -X- _ B-PER',
        'Jae -X- _ I-PER',
        'Myung -X- _ I-PER',
        'met -X- _ O',
        'Xi -X- _ B-PER',
        'Jinping -X- _ I-PER',
        '. -X- _ O',
        '',
        'They -X- _ O',
        'spoke -X- _ O',
        '',
        'in -X- _ O',
        'Beijing -X- _ B-LOC',
        '. -X- _ O',
        '',
        DOCSTART,
        '',
        'Lee -X- _ O',
        'Jae -X- _ O',
        'Myung -X- _ O',
        'met -X- _ O',
        'Xi -X- _ O',
        'Jinping -X- _ O',
        '. -X- _ O',
        '',
        'They -X- _ O',
        'spoke -X- _ O',
        '',
        'in -X- _ O',
        'Beijing -X- _ O',
        '. -X- _ O',
        '',
        '',
      ].join('\n'),
    );
  });

  it('reads back to the same spans on CRLF and astral text', () => {
    const docs = [crlfDocument(), astralDocument()];
    const { files, problems } = exportAnnotationsSync('conll', docs, ALL);
    const read = readConll(files[0].content);
    assert.equal(read.length, 2);
    for (const [i, doc] of docs.entries()) {
      const dropped: { start: number; end: number; label: string }[] = [];
      const expected = nonOverlapping(
        doc.annotations.map(a => ({ start: a.target.start, end: a.target.end, label: a.label })),
        dropped,
      );
      // Labels come back through the CoNLL type ('key claim' -> KEY_CLAIM -> 'key_claim').
      assert.deepEqual(
        conllSpans(read[i], doc.text),
        expected.map(s => ({ ...s, label: labelForConllType(conllType(s.label)) })),
      );
      assert.equal(problems.filter(p => p.path === doc.path).length, dropped.length);
    }
    // The overlaps: the claim "Lee Jae Myung met Xi Jinping" wins over both names; "2025" inside the claim.
    assert.deepEqual(
      problems.map(p => p.annotation),
      ['a2', 'a3', 'b5'],
    );
  });

  it('cuts tokens at span boundaries, so spans inside words stay token-aligned', () => {
    const text = 'The Seoul-based firm and SamsungElectronics.';
    const doc: ExportDocument = {
      path: 'c.txt',
      text,
      annotations: [annotate(text, { id: 's', quote: 'Seoul', label: 'place' }), annotate(text, { id: 'e', quote: 'Electronics', label: 'organization' })],
    };
    const { files } = exportAnnotationsSync('conll', [doc]);
    const [read] = readConll(files[0].content);
    assert.deepEqual(
      read.sentences.flat().map(t => t.token),
      ['The', 'Seoul', '-', 'based', 'firm', 'and', 'Samsung', 'Electronics', '.'],
    );
    assert.deepEqual(
      conllSpans(read, text).map(s => text.slice(s.start, s.end)),
      ['Seoul', 'Electronics'],
    );
  });

  it('tokenizes initialisms, abbreviations, numbers and astral characters', () => {
    assert.deepEqual(
      tokenize('Mr. Kim of the U.S. paid $3,500.50 on 2026/01/05 😀🇰🇷 end.').map(t => t.text),
      ['Mr.', 'Kim', 'of', 'the', 'U.S.', 'paid', '$', '3,500.50', 'on', '2026/01/05', '😀', '🇰', '🇷', 'end', '.'],
    );
  });

  it('does not split a sentence inside a span', () => {
    const text = 'Visit St. Louis now. Then go.';
    const doc: ExportDocument = { path: 'd.txt', text, annotations: [annotate(text, { id: 'x', quote: 'Visit St. Louis now.', label: 'claim' })] };
    const [read] = readConll(exportAnnotationsSync('conll', [doc]).files[0].content);
    assert.equal(read.sentences.length, 2);
    assert.deepEqual(conllSpans(read, text), [{ start: 0, end: 20, label: 'claim' }]);
  });

  it('maps labels to types and back', () => {
    assert.deepEqual(['person', 'organization', 'place', 'date', 'key claim'].map(conllType), ['PER', 'ORG', 'LOC', 'DATE', 'KEY_CLAIM']);
    assert.deepEqual(
      ['PER', 'ORG', 'LOC', 'DATE'].map(t => labelForConllType(t)),
      ['person', 'organization', 'place', 'date'],
    );
  });

  it('reads 2-column files without -DOCSTART-', () => {
    const docs = readConll('Lee B-PER\nspoke O\n. O\n\nSeoul B-LOC\n');
    assert.equal(docs.length, 1);
    assert.deepEqual(conllSpans(docs[0], 'Lee spoke. Seoul'), [
      { start: 0, end: 3, label: 'person' },
      { start: 11, end: 16, label: 'place' },
    ]);
  });
});
