import { strict as assert } from 'node:assert';
import { analyze } from '../../src/core';
import { targetFor, type Annotation } from '../../src/core/annotations';
import {
  exportAnnotationsSync,
  importBrat,
  importSpans,
  importW3c,
  bratFileNames,
  EXPORT_FORMATS,
  parseCsv,
  readConll,
  conllChunks,
  type ExportDocument,
  type ExportFormat,
  type ImportDocument,
  type ImportResult,
} from '../../src/core/export';
import { ALL, astralDocument, crlfDocument } from '../fixtures/exportDocs';
import { sequentialIdGenerator } from '../fixtures/ids';
import { readArticles } from './helpers/samples';

const LABELS = ['person', 'organization', 'place', 'date', 'claim', 'quote', 'source', 'key claim'];

/** What each format carries of an annotation (besides span and label). */
const CARRIED: Record<ExportFormat, readonly (keyof Annotation)[]> = {
  w3c: ['id', 'entity', 'status', 'note', 'thread', 'author', 'created', 'modified'],
  brat: ['entity', 'status', 'note'],
  conll: [],
  jsonl: ['id', 'entity', 'status', 'note'],
  doccano: [],
  csv: ['entity', 'status', 'note', 'author', 'created', 'modified'],
};

function project(a: Annotation, format: ExportFormat): Record<string, unknown> {
  const out: Record<string, unknown> = { start: a.target.start, end: a.target.end, quote: a.target.quote, label: a.label };
  for (const key of CARRIED[format]) if (a[key] !== undefined && !(Array.isArray(a[key]) && (a[key] as unknown[]).length === 0)) out[key] = a[key];
  return out;
}

/** Exports `docs` in `format` and imports the files back into the same texts, with `into` annotations (default none). */
function roundTrip(
  format: ExportFormat,
  docs: readonly ExportDocument[],
  into: (path: string) => Annotation[] = () => [],
): { result: ImportResult; exportedProblems: string[] } {
  const exported = exportAnnotationsSync(format, docs, ALL);
  const file = (path: string): string => exported.files.find(f => f.path === path)!.content;
  const empty: ImportDocument[] = docs.map(d => ({ path: d.path, text: d.text, annotations: into(d.path) }));
  const options = { labels: LABELS, generateId: sequentialIdGenerator('n'), source: `${format}:test` };
  let result: ImportResult;
  if (format === 'w3c') result = importW3c(exported.files[0].content, empty, options);
  else if (format === 'brat') {
    const parts = empty.map(d => importBrat(d, file(bratFileNames(d.path).txt), file(bratFileNames(d.path).ann), options));
    result = { documents: parts.flatMap(p => p.documents), problems: parts.flatMap(p => p.problems) };
  } else result = importSpans(format, exported.files[0].content, empty, options);
  return { result, exportedProblems: exported.problems.map(p => `${p.path}#${p.annotation}`) };
}

/** The sample articles, their recognized mentions as confirmed annotations; and a copy with CRLF and astral characters before every span. */
function sampleDocuments(): ExportDocument[] {
  const texts = readArticles().flatMap(({ path, text }) => {
    return [
      { path, text },
      { path: `crlf/${path}`, text: `😀𠀀 🇰🇷\r\n${text.replace(/\r?\n/g, '\r\n')}` },
    ];
  });
  return analyze(texts).documents.map((d, i): ExportDocument => ({
    path: texts[i].path,
    text: texts[i].text,
    annotations: d.mentions.map((m, j) => ({
      id: `m${j}`,
      target: targetFor(texts[i].text, m.start, m.end),
      label: m.kind,
      ...(m.entity ? { entity: m.entity } : {}),
      status: j % 3 === 0 ? 'suggested' : 'confirmed',
      thread: [],
    })),
  }));
}

describe('import as suggestions: round trips', () => {
  const sets: [string, () => ExportDocument[]][] = [
    ['fixtures (CRLF, astral)', () => [crlfDocument(), astralDocument()]],
    ['samples (and CRLF + astral copies)', sampleDocuments],
  ];
  for (const [name, make] of sets) {
    for (const format of EXPORT_FORMATS) {
      it(`${format}: export then import gives the same annotations, ${name}; importing again adds nothing`, () => {
        const docs = make();
        assert.ok(
          docs.some(d => d.text.includes('\r\n') && /[\uD800-\uDBFF]/.test(d.text)),
          'CRLF and astral text are tested',
        );
        const { result, exportedProblems } = roundTrip(format, docs);
        assert.deepEqual(result.problems, []);
        for (const doc of docs) {
          const back = result.documents.find(d => d.path === doc.path)?.annotations ?? [];
          // Spans the exporter left out (CoNLL overlaps, reported) are not expected back.
          const expected = doc.annotations
            .filter(a => !exportedProblems.includes(`${doc.path}#${a.id}`))
            .sort((a, b) => a.target.start - b.target.start || a.target.end - b.target.end || (a.label < b.label ? -1 : 1));
          assert.ok(expected.length > 0 || doc.annotations.length === 0);
          assert.deepEqual(
            back.map(a => project(a, format)),
            expected.map(a => project(a, format)),
            `${format} ${doc.path}`,
          );
          for (const a of back) assert.equal(doc.text.slice(a.target.start, a.target.end), a.target.quote);
        }
        const again = roundTrip(format, docs, path => result.documents.find(r => r.path === path)?.annotations ?? []);
        for (const d of again.result.documents) assert.deepEqual([d.added, d.updated], [[], []], `${format} ${d.path} twice`);
      });
    }
  }
});

describe("import as suggestions: other tools' files", () => {
  const text = '😀 Lee Jae Myung met Xi Jinping\r\nin Beijing.';
  const doc = (annotations: Annotation[] = []): ImportDocument => ({ path: 'a/news.txt', text, annotations });

  it('reads CoNLL IOB1 and IOB2 alike, aligning the tokens back onto the text past its whitespace', () => {
    const iob2 = '-DOCSTART- -X- -X- O\n\n😀 O\nLee B-PER\nJae I-PER\nMyung I-PER\nmet O\nXi B-PER\nJinping I-PER\n\nin O\nBeijing B-GPE\n. O\n';
    const iob1 = iob2.replace(/B-/g, 'I-');
    for (const content of [iob2, iob1]) {
      const r = importSpans('conll', content, [doc()], { generateId: sequentialIdGenerator('c'), source: 'conll:x.conll' });
      assert.deepEqual(r.problems, []);
      assert.deepEqual(
        r.documents[0].annotations.map(a => [a.target.quote, a.target.start, a.label, a.status, a.source]),
        [
          ['Lee Jae Myung', 3, 'person', 'suggested', 'conll:x.conll'],
          ['Xi Jinping', 21, 'person', 'suggested', 'conll:x.conll'],
          ['Beijing', 36, 'place', 'suggested', 'conll:x.conll'],
        ],
      );
    }
    // IOB1: B- only between two chunks of one type
    const [adjacent] = readConll('Lee I-PER\nXi B-PER\n');
    assert.deepEqual(conllChunks(adjacent, 'Lee Xi'), [
      { start: 0, end: 3, type: 'PER' },
      { start: 4, end: 6, type: 'PER' },
    ]);
  });

  it("refuses, per document, a CoNLL document or a JSONL line whose text is not the article's, and imports the others", () => {
    const other: ImportDocument = { path: 'b.txt', text: 'Seoul said so.', annotations: [] };
    const conll = '-DOCSTART- -X- -X- O\n\nSeoul B-LOC\nsaid O\nno O\n\n-DOCSTART- -X- -X- O\n\nSeoul B-LOC\nsaid O\nso O\n. O\n';
    const r = importSpans('conll', conll, [doc(), other], { file: 'in.conll' });
    assert.deepEqual(
      r.documents.map(d => [d.path, d.added.length]),
      [['b.txt', 1]],
    );
    assert.equal(r.problems.length, 1);
    assert.match(
      r.problems[0].message,
      /^in\.conll document 1 \(line 1\): its tokens \("Seoul said no \.\.\."\) are not the text of any article; not imported$/,
    );

    const lines = [
      JSON.stringify({ text: text.replace(/\r\n/g, '\n'), spans: [{ start: 2, end: 15, label: 'PERSON' }], meta: { path: 'a/news.txt' } }),
      JSON.stringify({ text: 'Seoul said so!', spans: [{ start: 0, end: 5, label: 'GPE' }], meta: { path: 'b.txt' } }),
    ].join('\n');
    const j = importSpans('jsonl', lines, [doc(), other]);
    assert.deepEqual(j.documents, []);
    assert.deepEqual(
      j.problems.map(p => [p.path, p.message]),
      [
        ['a/news.txt', "line 1: its line ends differ from the article's (LF here, CRLF in the article); not imported"],
        ['b.txt', "line 2: its text differs from the article's from line 1, column 14 (14 characters here, 14 in the article); not imported"],
      ],
    );
  });

  it('reads spaCy/Prodigy and doccano lines in code points (Python indices), ours in UTF-16 as the line says', () => {
    // "😀 " is 2 code points and 3 UTF-16 units: Lee starts at code point 2, unit 3.
    const spacy = JSON.stringify({
      text,
      spans: [
        { start: 2, end: 15, label: 'PERSON' },
        { start: 35, end: 42, label: 'GPE', source: 'spacy' },
      ],
    });
    const doccano = JSON.stringify({ text, label: [[2, 15, 'PER']], entities: 'ignored' });
    const ours = JSON.stringify({ text, spans: [{ start: 3, end: 16, label: 'person', status: 'confirmed' }], meta: { path: 'a/news.txt', offsets: 'utf16' } });
    const quotes = (content: string, format: 'jsonl' | 'doccano') =>
      importSpans(format, content, [doc()]).documents[0].annotations.map(a => [a.target.quote, a.label, a.status, a.source]);
    assert.deepEqual(quotes(spacy, 'jsonl'), [
      ['Lee Jae Myung', 'person', 'suggested', undefined],
      ['Beijing', 'place', 'suggested', 'spacy'],
    ]);
    assert.deepEqual(quotes(doccano, 'doccano'), [['Lee Jae Myung', 'person', 'suggested', undefined]]);
    assert.deepEqual(quotes(ours, 'jsonl'), [['Lee Jae Myung', 'person', 'confirmed', undefined]]);
    // a status the user picks overrides the file's, for what is added only
    const picked = importSpans('jsonl', ours, [doc()], { status: 'disputed' }).documents[0].annotations;
    assert.equal(picked[0].status, 'disputed');
    const confirmed = picked.map(a => ({ ...a, status: 'confirmed' as const }));
    const again = importSpans('jsonl', spacy, [doc(confirmed)], { status: 'suggested' }).documents[0];
    assert.equal(again.annotations.find(a => a.target.quote === 'Lee Jae Myung')!.status, 'confirmed', 'a reviewed annotation keeps its status');
  });

  it('leaves out bad spans with a message: past the text, inside a surrogate pair, without a label', () => {
    const bad = JSON.stringify({
      text,
      spans: [
        { start: 40, end: 99, label: 'x' },
        { start: 1, end: 3, label: 'x' },
        { start: 2, end: 5 },
      ],
      meta: { offsets: 'utf16' },
    });
    const r = importSpans('jsonl', bad, [doc()]);
    assert.deepEqual(r.documents[0].annotations, []);
    assert.deepEqual(
      r.problems.map(p => p.message),
      [1, 2, 3].map(n => `line 1, span ${n}: not a span of the text with a label; left out`),
    );
  });

  it('reads our CSV back: quoted fields, the formula guard undone, a changed article refused', () => {
    const rows = parseCsv('a,"b ""c""\r\nd",e\r\n\r\nf,,\n');
    assert.deepEqual(rows, [
      { line: 1, cells: ['a', 'b "c"\r\nd', 'e'] },
      { line: 4, cells: ['f', '', ''] },
    ]);
    const csv = "document,start,end,quote,label,note\r\na/news.txt,3,16,Lee Jae Myung,person,'=1+1\r\n";
    const r = importSpans('csv', csv, [doc()]);
    assert.deepEqual(
      r.documents[0].annotations.map(a => [a.target.quote, a.note]),
      [['Lee Jae Myung', '=1+1']],
    );
    const moved = importSpans('csv', csv.replace(',3,16,', ',4,17,'), [doc()]);
    assert.deepEqual(moved.documents, []);
    assert.match(moved.problems[0].message, /line 2: "Lee Jae Myung" is not at 4–17: the article's text is not the exported one; not imported/);
  });
});
