import { strict as assert } from 'node:assert';
import { analyze } from '../../src/core/analyze';
import { applyRegistry } from '../../src/core/corpus/applyRegistry';
import { utf8Hash } from '../../src/core/corpus/contentHash';
import { CorpusIndex, type MentionRef, type MentionSpans } from '../../src/core/corpus/corpusIndex';
import { PublishedTables } from '../../src/core/corpus/publishedTables';
import { bufferSink } from '../../src/core/corpus/snapshot';
import type { Registry } from '../../src/core/corpus/registry';
import { finish } from '../../src/core/steps';
import { nameModel } from '../../src/core/model/nameModel';
import type { SourceDocument } from '../../src/core/types';
import { seededRandom } from '../../scripts/random.mjs';
import { readArticles } from './helpers/samples';

const SAMPLES: SourceDocument[] = readArticles();

/** Documents with people and places across them, some named in full only elsewhere. */
const NEWS: SourceDocument[] = [
  { path: 'a.txt', text: 'Lee Jae-myung met Xi Jinping in Beijing on Monday. Lee said the talks went well.\n' },
  { path: 'b.txt', text: 'Lee arrived in Seoul. Reid Hoffman and Harry Reid spoke in Washington last week.\n' },
  { path: 'c.txt', text: 'Reid said on Friday that the Senate would vote. Xi left Beijing.\n' },
  { path: 'd.txt', text: 'Published: 5 January 2026\n\nThe United Nations (UN) met in Geneva. UN envoys praised Harry Reid.\n' },
];

/** Astral characters in texts and paths (offsets are UTF-16 code units), and a lone surrogate. */
const ASTRAL: SourceDocument[] = [
  { path: 'emoji 😀/e.txt', text: '😀 Lee Jae-myung met 𝒳 Xi Jinping in Beijing on Monday 🇰🇷. Lee said so.\n' },
  { path: 'f.txt', text: 'A lone \ud800 surrogate: Harry Reid spoke in Geneva on 4 March 2026 😀, Reid said.\n' },
];

const encoder = new TextEncoder();

/** Asserts that the index answers what analyze (and applyRegistry) give for the same documents. */
function assertSameAsAnalyze(index: CorpusIndex, docs: readonly SourceDocument[], registry?: Registry): void {
  const sorted = [...docs].sort((a, b) => (a.path < b.path ? -1 : 1));
  let expected = analyze(sorted);
  if (registry) expected = applyRegistry(expected, registry);
  assert.deepEqual(
    index.paths(),
    sorted.map(d => d.path),
  );
  for (const doc of expected.documents) assert.deepEqual(index.analyzed(doc.path), doc, doc.path);
  assert.deepEqual(index.entities(), expected.entities);
  for (const e of expected.entities) {
    assert.deepEqual(index.entity(e.id), e);
    const refs = expected.documents.flatMap(d => d.mentions.filter(m => m.entity === e.id).map(mention => ({ path: d.path, mention })));
    // pages first, before mentionsOf makes (and caches) the whole list, then after it
    for (const when of ['before', 'after']) {
      const paged = [];
      for (let from = 0; from <= refs.length; from += 3) {
        const page = index.mentionsOfPage(e.id, from, 3);
        assert.equal(page.total, refs.length);
        paged.push(...page.refs);
      }
      assert.deepEqual(paged, refs, `${e.id}, pages ${when} the whole list`);
      assert.deepEqual(
        spansInPages((from, count) => index.mentionSpansOfPage(e.id, from, count), refs.length),
        refs.map(whereIs),
        `${e.id}, spans`,
      );
      if (when === 'before') assert.deepEqual(index.mentionsOf(e.id), refs, e.id);
    }
  }
  const values = new Set(expected.documents.flatMap(d => d.mentions.flatMap(m => (m.kind === 'date' && m.value ? [m.value] : []))));
  for (const value of values) {
    const refs = expected.documents.flatMap(d => d.mentions.filter(m => m.kind === 'date' && m.value === value).map(mention => ({ path: d.path, mention })));
    assert.deepEqual(index.mentionsOfDate(value), refs, value);
    assert.deepEqual(
      spansInPages((from, count) => index.mentionSpansOfDatePage(value, from, count), refs.length),
      refs.map(whereIs),
      `${value}, spans`,
    );
  }
  assert.deepEqual(index.stats(), {
    documents: expected.documents.length,
    entities: expected.entities.length,
    mentions: expected.documents.reduce((n, d) => n + d.mentions.length, 0),
  });
}

/** Where a mention is: its document and its UTF-16 offsets. */
function whereIs({ path, mention }: MentionRef): { path: string; start: number; end: number } {
  return { path, start: mention.start, end: mention.end };
}

/** Every span of a list read in pages of 3 (and one of none), each page's total checked: `page(from, count)` one of the index's span pages. */
function spansInPages(page: (from: number, count: number) => MentionSpans, total: number): ReturnType<typeof whereIs>[] {
  const out: ReturnType<typeof whereIs>[] = [];
  assert.equal(page(0, 0).start.length, 0);
  for (let from = 0; from <= total; from += 3) {
    const { paths, doc, start, end, total: all } = page(from, 3);
    assert.equal(all, total);
    assert.equal(start.length, Math.min(3, total - from));
    assert.ok(doc.length === start.length && end.length === start.length);
    for (let k = 0; k < start.length; k++) out.push({ path: paths[doc[k]], start: start[k], end: end[k] });
    assert.equal(new Set(paths).size, paths.length, 'each document of a page once');
  }
  return out;
}

/** An index of `docs`, linked. */
function linkedIndex(docs: readonly SourceDocument[]): CorpusIndex {
  const index = new CorpusIndex();
  index.setDocuments(docs);
  index.relink();
  return index;
}

/** For each publication of the whole corpus while `run` runs (PublishedTables.filler), whether it was given a snapshot's totals. */
function fills(run: () => void): boolean[] {
  const given: boolean[] = [];
  const filler = PublishedTables.prototype.filler;
  PublishedTables.prototype.filler = function (this: PublishedTables, ...args: Parameters<typeof filler>) {
    given.push(args[0] !== undefined);
    return filler.apply(this, args);
  };
  try {
    run();
  } finally {
    PublishedTables.prototype.filler = filler;
  }
  return given;
}

/** Random edits: a character inserted or removed, a sentence with names added. */
function edit(docs: SourceDocument[], index: CorpusIndex, next: () => number, count: number): void {
  for (let k = 0; k < count; k++) {
    const i = Math.floor(next() * docs.length);
    const { text } = docs[i];
    const at = Math.floor(next() * text.length);
    const r = next();
    const changed =
      r < 0.4
        ? text.slice(0, at) + 'x' + text.slice(at)
        : r < 0.7
          ? text.slice(0, at) + text.slice(at + 1)
          : text.slice(0, at) + ' Smith said Lee Min-ho met Reid in Paris. ' + text.slice(at);
    docs[i] = { ...docs[i], text: changed };
    index.setDocument(docs[i]);
  }
}

describe('CorpusIndex, incremental', () => {
  it('answers what analyze gives, documents added one by one in any order', () => {
    const index = new CorpusIndex();
    for (const doc of [...SAMPLES].reverse()) index.setDocument(doc);
    assertSameAsAnalyze(index, SAMPLES);
  });

  it('converges to analyze after edits, deletions and new documents once relinked', () => {
    const docs = [...SAMPLES, ...NEWS];
    const index = new CorpusIndex({}, 0); // never relinks by itself: provisional ids until relink()
    index.setDocuments(docs);
    index.relink();
    assert.equal(index.needsRelink, false);
    assertSameAsAnalyze(index, docs);
    const next = seededRandom(7);
    edit(docs, index, next, 30);
    index.deleteDocument(docs[3].path);
    docs.splice(3, 1);
    const added = { path: 'samples/zz-new.txt', text: 'Harry Reid met Lee Jae-myung in Seoul on Tuesday. Reid left.' };
    docs.push(added);
    index.setDocument(added);
    // before relinking, every document's mentions are those of its current text
    for (const doc of docs) for (const m of index.analyzed(doc.path)!.mentions) assert.equal(doc.text.slice(m.start, m.end), m.text);
    index.relink();
    assertSameAsAnalyze(index, docs);
  });

  it('keeps ids exact through an edit outside any name', () => {
    const docs = [...NEWS];
    const index = new CorpusIndex({}, 0);
    index.setDocuments(docs);
    index.relink();
    const text = docs[1].text.replace('spoke', 'spoke together');
    docs[1] = { ...docs[1], text };
    index.setDocument(docs[1]);
    assert.equal(index.needsRelink, false);
    assertSameAsAnalyze(index, docs);
  });

  it('links the edited document at once against the corpus', () => {
    const docs = [...NEWS];
    const index = new CorpusIndex({}, 0);
    index.setDocuments(docs);
    index.relink();
    index.setDocument({ path: 'e.txt', text: 'Reid Hoffman spoke. Xi Jinping listened.' });
    const ids = index.analyzed('e.txt')!.mentions.map(m => m.entity);
    assert.ok(ids.includes(index.analyzed('a.txt')!.mentions.find(m => m.text === 'Xi Jinping')!.entity));
    assert.ok(index.needsRelink);
  });

  it('gives a new entity one provisional id in every document until relinked', () => {
    const index = new CorpusIndex({}, 0);
    index.setDocument({ path: 'x.txt', text: 'Ada Lovelace wrote to Charles Babbage.' });
    index.setDocument({ path: 'y.txt', text: 'Charles Babbage answered Ada Lovelace.' });
    const idOf = (path: string, text: string) => index.analyzed(path)!.mentions.find(m => m.text === text)?.entity;
    assert.equal(idOf('x.txt', 'Ada Lovelace'), 'ada-lovelace');
    assert.equal(idOf('y.txt', 'Ada Lovelace'), 'ada-lovelace');
    assert.equal(idOf('y.txt', 'Charles Babbage'), idOf('x.txt', 'Charles Babbage'));
  });

  it('applies the registry as applyRegistry does, through edits', () => {
    const docs = [...SAMPLES, ...NEWS];
    const index = new CorpusIndex({}, 0);
    index.setDocuments(docs);
    index.relink();
    const [first, second, third] = index.entities();
    const registry: Registry = {
      entities: [
        { id: 'merged', name: 'Merged', aliases: ['Lee'], merged: [first.id, second.id] },
        { id: third.id, aliases: [], merged: [], notEntity: true },
        { id: 'harry-reid', kind: 'organization', aliases: [], merged: [] },
      ],
      notEntities: ['Seoul'],
    };
    index.setRegistry(registry);
    assertSameAsAnalyze(index, docs, registry);
    edit(docs, index, seededRandom(11), 15);
    index.relink();
    assertSameAsAnalyze(index, docs, registry);
  });

  it('a registry set while documents wait to be linked again keeps their mentions in the tables; the relink gives what analyze gives', () => {
    const docs = [...NEWS]; // the samples name Lee Jae-myung too
    const index = new CorpusIndex({}, 0);
    index.setDocuments(docs);
    index.relink();
    // a.txt no longer names Lee Jae-myung: b.txt's lone "Lee" was a name by a family name gone since
    const a = docs.findIndex(d => d.path === 'a.txt');
    docs[a] = { path: 'a.txt', text: 'Xi Jinping met officials in Beijing on Monday. They said the talks went well.\n' };
    index.setDocument(docs[a]);
    const relinking = index.relinkSteps();
    relinking.next();
    relinking.next(); // stopped while linking: documents whose family names changed wait without ids
    const registry: Registry = { entities: [], notEntities: ['Seoul'] };
    index.setRegistry(registry);
    const counted = index.entities().reduce((n, e) => n + e.mentions, 0); // before analyzed(), which publishes a document it reaches
    const mentions = docs.flatMap(d => index.analyzed(d.path)!.mentions);
    for (const doc of docs) for (const m of index.analyzed(doc.path)!.mentions) assert.equal(doc.text.slice(m.start, m.end), m.text);
    assert.equal(counted, mentions.filter(m => m.entity).length, 'every entity mention of every document counted');
    assert.equal(index.stats().mentions, mentions.length);
    index.relink();
    assertSameAsAnalyze(index, docs, registry);
  });

  it('relinks in slices, starting over when a document changes between them', () => {
    const docs = [...SAMPLES, ...NEWS];
    const index = new CorpusIndex({}, 0);
    index.setDocuments(docs);
    const steps = index.relinkSteps();
    steps.next();
    docs[0] = { ...docs[0], text: docs[0].text + '\nReid met Xi Jinping.' };
    index.setDocument(docs[0]);
    for (let r = steps.next(); !r.done; r = steps.next()) {
      /* to the end */
    }
    assert.equal(index.needsRelink, false);
    assertSameAsAnalyze(index, docs);
  });
});

describe('CorpusIndex snapshots', () => {
  it('restores from a snapshot what indexing gives, analyzing only changed documents', () => {
    const docs = [...SAMPLES, ...NEWS];
    const index = linkedIndex(docs);
    const snapshot = index.snapshot();
    docs[2] = { ...docs[2], text: docs[2].text + '\nReid met Xi Jinping on Sunday.' };
    const restored = new CorpusIndex();
    assert.deepEqual(restored.restore(snapshot, docs), { reused: docs.length - 1, analyzed: 1 });
    assertSameAsAnalyze(restored, docs);
  });

  it('writes a snapshot in steps while documents are edited and deleted, every date kept', () => {
    const docs = [...SAMPLES, ...NEWS, ...ASTRAL];
    const index = linkedIndex(docs);
    const now = [{ ...docs[0], text: docs[0].text + '\nReid met Xi Jinping on Sunday.' }, ...docs.slice(2)];
    // written a piece at a time, each where the sink is told (begun again: what it had is void)
    const pieces = bufferSink();
    const begun: number[] = [];
    const steps = index.snapshotSteps({ begin: n => (begun.push(n), pieces.begin(n)), write: (b, at) => pieces.write(b, at) });
    assert.equal(steps.next().done, false);
    index.setDocument(now[0]);
    index.deleteDocument(docs[1].path);
    finish(steps);
    assert.equal(begun.length, 2);
    const snapshot = pieces.bytes;
    assert.equal(snapshot.length, begun[1]);
    // begun again with the documents as they are now, without links
    const restored = new CorpusIndex();
    assert.deepEqual(restored.restore(snapshot, now), { reused: now.length, analyzed: 0 });
    restored.relink();
    assertSameAsAnalyze(restored, now);
  });

  it('ignores a snapshot made with another default publication date, or unreadable', () => {
    const index = new CorpusIndex({ defaultDct: '2026-01-05' });
    index.setDocuments(NEWS);
    const snapshot = index.snapshot();
    assert.equal(new CorpusIndex({ defaultDct: '2026-01-05' }).loadSnapshot(snapshot), NEWS.length);
    assert.equal(new CorpusIndex({ defaultDct: '2020-01-01' }).loadSnapshot(snapshot), 0);
    const bytes = (text: string) => new TextEncoder().encode(text);
    assert.equal(new CorpusIndex().loadSnapshot(bytes('{"format": 99')), 0);
    assert.equal(new CorpusIndex().loadSnapshot(bytes('{"format": 99}')), 0);
  });

  it('restores a linked corpus from its snapshot without analyzing anything, from files too', () => {
    const docs = [...SAMPLES, ...NEWS, ...ASTRAL];
    const index = linkedIndex(docs);
    const snapshot = index.snapshot(0);
    const warm = new CorpusIndex();
    assert.deepEqual(warm.restore(snapshot, docs), { reused: docs.length, analyzed: 0 });
    assert.equal(warm.needsRelink, false);
    assertSameAsAnalyze(warm, docs);
    // as a warm start reads them: bytes, decoded only when analyzed
    const fromFiles = new CorpusIndex();
    assert.equal(fromFiles.loadSnapshot(snapshot), docs.length);
    assert.deepEqual(fromFiles.setFiles(docs.map(d => ({ path: d.path, utf8: encoder.encode(d.text) }))), { reused: docs.length, analyzed: 0 });
    fromFiles.relink();
    assertSameAsAnalyze(fromFiles, docs);
    // and its own snapshot is the same
    assert.deepEqual(fromFiles.snapshot(0), snapshot);
  });

  it('links the corpus again when its documents are not exactly those of the snapshot', () => {
    const docs = [...SAMPLES, ...NEWS, ...ASTRAL];
    const index = linkedIndex(docs);
    const snapshot = index.snapshot();
    // "Reid" alone goes to another person once a document names only Harry Reid in full
    const reid = { path: 'g.txt', text: 'Harry Reid and Harry Reid again. Reid said so on Monday.\n' };
    const variants: [string, SourceDocument[]][] = [
      ['one removed', docs.filter(d => d.path !== 'b.txt')],
      ['one added', [...docs, reid]],
      ['one changed on disk', docs.map(d => (d.path === 'c.txt' ? { ...d, text: d.text + reid.text } : d))],
      ['one replaced', [...docs.filter(d => d.path !== 'b.txt'), { ...reid, path: 'b.txt' }]],
    ];
    for (const [what, changed] of variants) {
      const warm = new CorpusIndex();
      warm.restore(snapshot, changed);
      assert.equal(warm.needsRelink, false, what);
      assertSameAsAnalyze(warm, changed);
    }
  });

  it('applies the registry of the warm start, whatever the registry was when the snapshot was made', () => {
    const docs = [...SAMPLES, ...NEWS];
    const index = linkedIndex(docs);
    const [first, second] = index.entities();
    index.setRegistry({ entities: [{ id: first.id, aliases: [], merged: [], notEntity: true }], notEntities: [] });
    const snapshot = index.snapshot();
    const registry: Registry = { entities: [{ id: 'merged', name: 'Merged', aliases: [], merged: [second.id] }], notEntities: ['Seoul'] };
    const warm = new CorpusIndex();
    warm.setRegistry(registry);
    assert.deepEqual(warm.restore(snapshot, docs), { reused: docs.length, analyzed: 0 });
    assertSameAsAnalyze(warm, docs, registry);
  });

  it('does not reuse what another names recognizer made', () => {
    const index = new CorpusIndex();
    index.setDocuments(NEWS);
    index.relink();
    const snapshot = index.snapshot();
    const withModel = new CorpusIndex({ nameModel: nameModel() });
    assert.deepEqual(withModel.restore(snapshot, NEWS), { reused: 0, analyzed: NEWS.length });
    const cold = new CorpusIndex({ nameModel: nameModel() });
    cold.setDocuments(NEWS);
    cold.relink();
    for (const d of NEWS) assert.deepEqual(withModel.analyzed(d.path), cold.analyzed(d.path));
    assert.deepEqual(withModel.entities(), cold.entities());
  });

  it('ignores a snapshot of an older format, cut short or garbled, and analyzes the documents', () => {
    const docs = [...NEWS, ...ASTRAL];
    const index = linkedIndex(docs);
    const snapshot = index.snapshot();
    const format4 = encoder.encode(JSON.stringify({ format: 4, recognizer: '', defaultDct: null, strings: [], entities: [], documents: [] }));
    for (const [what, bytes] of [
      ['format 4', format4],
      ['empty', new Uint8Array(0)],
      ['cut short', snapshot.subarray(0, snapshot.length - 7)],
      ['one byte more', Uint8Array.from([...snapshot, 0])],
    ] as const) {
      const warm = new CorpusIndex();
      assert.equal(warm.loadSnapshot(bytes), 0, what);
      assert.deepEqual(warm.restore(bytes, docs), { reused: 0, analyzed: docs.length }, what);
      assertSameAsAnalyze(warm, docs);
    }
    // numbers changed anywhere: never an exception (a count or a string out of range drops the snapshot or the document)
    const next = seededRandom(3);
    for (let i = 0; i < 60; i++) {
      const garbled = snapshot.slice();
      const at = 24 + Math.floor(next() * (garbled.length - 24));
      garbled[at] = Math.floor(next() * 256);
      const warm = new CorpusIndex();
      warm.restore(garbled, docs);
      warm.entities();
    }
  });

  it('puts the tables of a snapshot of the same documents in place without counting their mentions, and answers as the cold index through edits', () => {
    const crlf = { path: 'g.txt', text: 'Published: 5 January 2026\r\n\r\nHarry Reid met Xi Jinping in Geneva on Monday.\r\nReid said so. 😀\r\n' };
    const docs = [...SAMPLES, ...NEWS, ...ASTRAL, crlf];
    const cold = linkedIndex(docs);
    const snapshot = cold.snapshot(0);
    const warm = new CorpusIndex();
    assert.equal(warm.loadSnapshot(snapshot), docs.length);
    assert.deepEqual(warm.setFiles(docs.map(d => ({ path: d.path, utf8: encoder.encode(d.text) }))), { reused: docs.length, analyzed: 0 });
    assert.deepEqual(
      fills(() => warm.relink()),
      [true],
    );
    assertSameAsAnalyze(warm, docs);
    assert.deepEqual(warm.snapshot(0), snapshot);
    // its documents' names and dates, decoded only now, through edits and relinks
    const edited = docs.slice();
    edit(edited, warm, seededRandom(5), 12);
    warm.relink();
    assertSameAsAnalyze(warm, edited);
    // a registry at the warm start: the documents' mentions counted again as it has them
    const registry: Registry = { entities: [{ id: 'merged', name: 'Merged', aliases: [], merged: [cold.entities()[1].id] }], notEntities: [] };
    const withRegistry = new CorpusIndex();
    withRegistry.setRegistry(registry);
    assert.deepEqual(
      fills(() => withRegistry.restore(snapshot, docs)),
      [false],
    );
    assertSameAsAnalyze(withRegistry, docs, registry);
  });

  it('takes the analyses of snapshots written unlinked, one per batch, as a pool of workers sends them', () => {
    const docs = [...SAMPLES, ...NEWS, ...ASTRAL];
    const batches = [docs.slice(0, docs.length >> 1), docs.slice(docs.length >> 1)];
    const index = new CorpusIndex();
    for (const batch of batches) {
      const worker = new CorpusIndex();
      // entered unlinked: its snapshot reads the dates packed when they were entered
      worker.setFiles(batch.map(d => ({ path: d.path, utf8: encoder.encode(d.text) })));
      index.loadSnapshot(worker.snapshot());
      for (const d of batch) assert.ok(index.setPrepared({ path: d.path, hash: utf8Hash(encoder.encode(d.text)), dctSource: '', model: '' }, false), d.path);
    }
    index.relink();
    assertSameAsAnalyze(index, docs);
    assert.deepEqual(index.snapshot(0), linkedIndex(docs).snapshot(0));
  });

  it('builds the tables from the snapshot while the files are read, used only when every file matches it', () => {
    const docs = [...SAMPLES, ...NEWS, ...ASTRAL];
    const cold = linkedIndex(docs);
    const snapshot = cold.snapshot();
    const changedOnDisk = docs.map(d => (d.path === 'c.txt' ? { ...d, text: d.text.replace('Friday', 'Sunday') } : d));
    for (const [what, files, relinkFills] of [
      ['all the same', docs, []],
      ['one changed while closed', changedOnDisk, [false]],
    ] as const) {
      const warm = new CorpusIndex();
      warm.loadSnapshot(snapshot);
      assert.deepEqual(
        fills(() => finish(warm.stageSnapshotSteps())),
        [true],
        what,
      );
      warm.setFiles(files.map(d => ({ path: d.path, utf8: encoder.encode(d.text) })));
      assert.deepEqual(
        fills(() => warm.relink()),
        relinkFills,
        what,
      );
      assertSameAsAnalyze(warm, files);
    }
  });

  it('ignores a snapshot whose totals do not match its documents, and counts them', () => {
    const docs = [...NEWS, ...ASTRAL];
    const index = linkedIndex(docs);
    // a snapshot written by tables that say otherwise: what a warm start would count is checked
    const entityTable = (index as unknown as { tables: PublishedTables }).tables.byEntity;
    const [, group] = entityTable.entries().next().value!;
    group.count++;
    const snapshot = index.snapshot();
    group.count--;
    const warm = new CorpusIndex();
    assert.deepEqual(
      fills(() => assert.deepEqual(warm.restore(snapshot, docs), { reused: docs.length, analyzed: 0 })),
      [true, false],
    );
    assertSameAsAnalyze(warm, docs);
  });

  it('does not reuse a document whose sidecar publication date changed', () => {
    const index = new CorpusIndex();
    index.setDocuments(NEWS);
    const snapshot = index.snapshot();
    const dated = NEWS.map(d => (d.path === 'c.txt' ? { ...d, dct: '2026-01-05', dctFromSidecar: true } : d));
    const restored = new CorpusIndex();
    assert.deepEqual(restored.restore(snapshot, dated), { reused: NEWS.length - 1, analyzed: 1 });
    assertSameAsAnalyze(restored, dated);
  });
});
