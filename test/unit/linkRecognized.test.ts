// The reduce step of a sharded analysis (src/core/sharded): records of `recognize` in any sharding
// and order link into what analyze gives; bad input is refused naming the file and line.
import { strict as assert } from 'node:assert';
import {
  analysisOutput,
  analyze,
  linkRecognized,
  LinkInputError,
  pathOrder,
  recognizedRecord,
  type Analysis,
  type AnalysisFormat,
  type AnalysisStream,
  type RecordSource,
  type SourceDocument,
} from '../../src/core';

const DOCS: SourceDocument[] = [
  {
    path: 'b/wire.txt',
    text: 'Published: 5 January 2026\n\nLee Jae Myung met Xi Jinping in Beijing on Sunday. The Korean Foreign Ministry said the talks went well.',
  },
  { path: 'a.txt', text: 'Lee said on Monday that the talks with China would go on. Xi thanked him.' },
  { path: 'b/notes.md', text: 'Park Min-ji of the Korean Foreign Ministry (KFM) spoke in Seoul. Park said the KFM would answer.' },
  { path: 'a/z.txt', text: 'Albers, the mayor of Haldenbruck, said on Friday the Danube had fallen.', dct: '2026-01-09' },
  { path: 'c.txt', text: '' },
];

/** analyze in link's document order. */
function analyzed(docs: readonly SourceDocument[]): Analysis {
  return analyze([...docs].sort((a, b) => pathOrder(a.path, b.path)));
}

function source(name: string, lines: readonly string[]): RecordSource {
  return {
    name,
    async *lines() {
      yield* lines;
    },
  };
}

function recordLines(docs: readonly SourceDocument[]): string[] {
  return docs.map(d => JSON.stringify(recognizedRecord(d)));
}

async function linked(sources: readonly RecordSource[]): Promise<Analysis> {
  const stream = await linkRecognized(sources);
  const documents = [...stream.documents];
  return { documents, entities: stream.entities() };
}

describe('linkRecognized', () => {
  it("gives analyze's result whatever the sharding and the order of shards and lines", async () => {
    const expected = analyzed(DOCS);
    const lines = recordLines(DOCS);
    assert.deepEqual(await linked([source('all', lines)]), expected);
    assert.deepEqual(await linked([source('r', [...lines].reverse())]), expected);
    assert.deepEqual(await linked([source('s1', [lines[3], '', lines[0]]), source('s2', [lines[4]]), source('s3', [lines[2], lines[1]])]), expected);
    assert.deepEqual(await linked([source('s3', [lines[1]]), source('s2', []), source('s1', [lines[4], lines[2], lines[0], lines[3]])]), expected);
  });

  it('links again a document whose family-name lookups the corpus answers otherwise', async () => {
    // alone, "Lee said" opens a sentence with a word that may be no name; the corpus names a Lee
    const alone = analyze([DOCS[1]]).documents[0].mentions.map(m => m.text);
    const expected = analyzed(DOCS).documents.find(d => d.path === 'a.txt')!;
    assert.ok(expected.mentions.some(m => m.text === 'Lee') && !alone.includes('Lee'), 'the case needs the corpus');
    const got = (await linked([source('one', recordLines([DOCS[1]])), source('two', recordLines([DOCS[0]]))])).documents.find(d => d.path === 'a.txt');
    assert.deepEqual(got, analyze([DOCS[1], DOCS[0]]).documents[0]);
  });

  it('refuses a document recognized twice, naming both places', async () => {
    const lines = recordLines(DOCS);
    await assert.rejects(
      linkRecognized([source('x.jsonl', lines), source('y.jsonl', ['', lines[2]])]),
      (e: Error) => e instanceof LinkInputError && e.message === 'b/notes.md: recognized twice, at x.jsonl:3 and y.jsonl:2',
    );
  });

  it('refuses a line that is no record, naming its file and line', async () => {
    const [line] = recordLines(DOCS);
    const refused = async (bad: string, message: RegExp) => {
      await assert.rejects(
        linkRecognized([source('good.jsonl', [line]), source('bad.jsonl', ['', bad])]),
        (e: Error) => e instanceof LinkInputError && message.test(e.message),
      );
    };
    await refused(line.slice(0, 40), /^bad\.jsonl:2: not JSON \(/);
    await refused('{"path":"a.txt"}', /^bad\.jsonl:2: not a record of marginalia recognize$/);
    await refused(line.replace('"recognized":1', '"recognized":2'), /^bad\.jsonl:2: record version 2, this link reads version 1$/);
    await refused(line.replace('"dates":[', '"dates":[7,'), /^bad\.jsonl:2: "dates" is missing or malformed$/);
    const record = JSON.parse(line);
    record.names.spans[2] = record.names.entities.length;
    await refused(JSON.stringify(record), /^bad\.jsonl:2: "names" is missing or malformed$/);
  });

  it('orders paths segment by segment, as a folder is read', () => {
    const paths = ['b.txt', 'a.txt', 'a/z.txt', 'a-b/c.txt', 'a.txt.md', 'A.txt'];
    assert.deepEqual([...paths].sort(pathOrder), ['A.txt', 'a/z.txt', 'a-b/c.txt', 'a.txt', 'a.txt.md', 'b.txt']);
  });
});

describe('analysisOutput', () => {
  const text = (format: AnalysisFormat, a: Analysis) =>
    [...analysisOutput(format, { documents: a.documents, entities: () => a.entities } as AnalysisStream)].join('');

  it('writes json exactly as JSON.stringify with indent 1, empty lists included', () => {
    const full = analyzed(DOCS);
    const cases: Analysis[] = [
      full,
      { documents: [], entities: [] },
      { documents: full.documents.slice(4), entities: [] },
      { ...full, documents: [{ ...full.documents[0], warnings: ['too long'] }] },
    ];
    for (const a of cases) assert.equal(text('json', a), JSON.stringify(a, null, 1) + '\n');
  });

  it('writes jsonl as one line per document, then one per entity', () => {
    const a = analyzed(DOCS);
    const lines = text('jsonl', a).split('\n');
    assert.equal(lines.pop(), '');
    assert.deepEqual(
      lines.map(l => JSON.parse(l)),
      [...a.documents.map(document => ({ document })), ...a.entities.map(entity => ({ entity }))],
    );
  });
});
