import { strict as assert } from 'node:assert';
import { exportAnnotationsSync } from '../../src/core/export';
import { ALL, astralDocument, crlfDocument } from '../fixtures/exportDocs';

describe('export: JSONL (spaCy style) and doccano', () => {
  it('spaCy style: one line per document, UTF-16 offsets that slice the text to the quote', () => {
    const docs = [crlfDocument(), astralDocument()];
    const { files } = exportAnnotationsSync('jsonl', docs, ALL);
    assert.equal(files[0].path, 'annotations.jsonl');
    const lines = files[0].content.split('\n');
    assert.equal(lines.pop(), '', 'a final LF');
    assert.equal(lines.length, 2);
    for (const [i, doc] of docs.entries()) {
      const record = JSON.parse(lines[i]);
      assert.equal(record.text, doc.text);
      assert.deepEqual(record.meta, { path: doc.path, offsets: 'utf16' });
      assert.equal(record.spans.length, doc.annotations.length);
      for (const span of record.spans) {
        const a = doc.annotations.find(x => x.id === span.id)!;
        assert.equal(record.text.slice(span.start, span.end), a.target.quote);
        assert.equal(span.label, a.label);
        assert.equal(span.entity, a.entity);
        assert.equal(span.status, a.status);
      }
    }
  });

  it('doccano: [start, end, label] in code points', () => {
    const docs = [crlfDocument(), astralDocument()];
    const { files } = exportAnnotationsSync('doccano', docs, ALL);
    assert.equal(files[0].path, 'annotations.doccano.jsonl');
    const records = files[0].content
      .trimEnd()
      .split('\n')
      .map(l => JSON.parse(l));
    for (const [i, doc] of docs.entries()) {
      assert.deepEqual(records[i].meta, { path: doc.path, offsets: 'codepoints' });
      const quotes = records[i].label.map(([s, e, label]: [number, number, string]) => [Array.from(records[i].text).slice(s, e).join(''), label]);
      const expected = [...doc.annotations].sort((a, b) => a.target.start - b.target.start || a.target.end - b.target.end).map(a => [a.target.quote, a.label]);
      assert.deepEqual(quotes, expected);
    }
    // After astral characters code points and UTF-16 differ.
    const busan = records[1].label.find(
      (l: unknown[]) =>
        l[2] === 'place' &&
        Array.from(records[1].text)
          .slice(l[0] as number, l[1] as number)
          .join('') === 'Busan',
    );
    assert.ok(busan[0] < docs[1].text.indexOf('Busan'));
  });
});
