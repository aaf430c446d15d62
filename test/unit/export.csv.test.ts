import { strict as assert } from 'node:assert';
import { parse } from 'csv-parse/sync';
import { csvField, exportAnnotationsSync, type ExportDocument } from '../../src/core/export';
import { ALL, annotate, crlfDocument } from '../fixtures/exportDocs';

/** Rows of fields, read by an independent RFC 4180 parser. */
const parseCsv = (content: string): string[][] => parse(content, { relax_column_count: true });

describe('export: CSV', () => {
  it('quotes commas, quotes, CR and LF as RFC 4180 says, with CRLF row ends', () => {
    assert.equal(csvField('plain'), 'plain');
    assert.equal(csvField('a,b'), '"a,b"');
    assert.equal(csvField('say "hi"'), '"say ""hi"""');
    assert.equal(csvField('two\nlines'), '"two\nlines"');
    assert.equal(csvField('cr\rhere'), '"cr\rhere"');
    assert.equal(csvField(undefined), '');
    assert.equal(csvField(-3), '-3', 'numbers are not defused');
  });

  it('defuses formula injection with a leading apostrophe', () => {
    for (const s of ['=1+1', '+1', '-2', '@SUM(A1)', '\tx', '\rx']) assert.equal(parseCsv(csvField(s) + '\r\n')[0][0], `'${s}`);
    assert.equal(csvField('=HYPERLINK("http://x","y")'), '"\'=HYPERLINK(""http://x"",""y"")"');
    assert.equal(csvField('a=b'), 'a=b');
  });

  it('one row per annotation with the documented columns, UTF-16 offsets', () => {
    const doc = crlfDocument();
    const { files } = exportAnnotationsSync('csv', [doc], ALL);
    assert.equal(files[0].path, 'annotations.csv');
    const content = files[0].content;
    assert.ok(content.endsWith('\r\n'));
    assert.equal(content.split('\r\n')[0], 'document,start,end,quote,label,entity,status,note,author,created,modified');
    const rows = parseCsv(content);
    assert.equal(rows.length, doc.annotations.length + 1);
    for (const row of rows.slice(1)) {
      assert.equal(row.length, 11);
      const [path, start, end, quote, label, , status] = row;
      assert.equal(path, 'news/crlf.txt');
      assert.equal(doc.text.slice(Number(start), Number(end)), quote);
      assert.ok(doc.annotations.some(a => a.target.quote === quote && a.label === label && a.status === status));
    }
    const lee = rows.find(r => r[3] === 'Lee Jae Myung')!;
    assert.equal(lee[7], doc.annotations[1].note, 'a note with a newline, quotes, comma, tab survives');
    const quote = rows.find(r => r[4] === 'quote')!;
    assert.equal(quote[3], 'The talks were frank,');
    assert.equal(quote[7], `'=HYPERLINK("x")`);
  });

  it('defuses text cells from the document too', () => {
    const text = '-5% drop; =cmd| said @alice';
    const doc: ExportDocument = {
      path: 'x.txt',
      text,
      annotations: [annotate(text, { id: 'a', quote: '-5% drop', label: 'claim' }), annotate(text, { id: 'b', quote: '@alice', label: 'person' })],
    };
    const rows = parseCsv(exportAnnotationsSync('csv', [doc]).files[0].content);
    assert.deepEqual(
      rows.slice(1).map(r => r[3]),
      ["'-5% drop", "'@alice"],
    );
  });
});
