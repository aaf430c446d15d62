// Entering a large document in steps (CorpusIndex.setPreparedSteps, relinkSteps): queries between
// the steps see the document as it was, the last step puts the new version in place, a caller that
// stops leaves the index as it was, and other documents entered meanwhile are kept.
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { analyze } from '../../src/core/analyze';
import { applyRegistry } from '../../src/core/corpus/applyRegistry';
import type { Registry } from '../../src/core/corpus/registry';
import { CorpusIndex } from '../../src/core/corpus/corpusIndex';
import { packAnalysis, unpackAnalysis } from '../../src/core/corpus/packedAnalysis';
import { prepareDocument, type PreparedDocument } from '../../src/core/corpus/prepareDocument';
import { finish } from '../../src/core/steps';
import type { SourceDocument } from '../../src/core/types';

const WIRE = readFileSync('samples/korea-china/wire-lee-arrives-beijing.txt', 'utf8');
const HERALD = readFileSync('samples/korea-china/herald-xi-lee-summit-talks.txt', 'utf8');
/** Long enough that its mentions are staged beside the index (thousands of them). */
const LONG: SourceDocument = { path: 'long.txt', text: `${WIRE}\n\n${HERALD}\n\n`.repeat(150) };
const EDITED: SourceDocument = { ...LONG, text: `Breaking: ${LONG.text}` };
const SHORT: SourceDocument = { path: 'short.txt', text: WIRE };

/** A long document with thousands of entities and dates (a group each), and the same edited. */
const letters = (i: number) => [...i.toString(26)].map(c => String.fromCharCode(97 + parseInt(c, 26))).join('');
const line = (i: number) => `On 12 March ${1000 + i}, Mayor Alma K${letters(i)} met 🎉 Judge Berin V${letters(i)} in Paris.`;
const MANY: SourceDocument = { path: 'many.txt', text: Array.from({ length: 3000 }, (_, i) => line(i)).join('\n') };
const MANY_EDITED: SourceDocument = { ...MANY, text: `Breaking: ${MANY.text.replace(/1999/g, '2999')}` };

const prepared = (index: CorpusIndex, doc: SourceDocument): PreparedDocument => prepareDocument(doc, new Set(index.surnameWords().words), {}, []);

/** Runs steps one at a time, calling `between` after each, and returns their result and how many there were. */
function stepwise<T>(steps: Generator<void, T, void>, between: () => void): { value: T; count: number } {
  for (let count = 0; ; count++) {
    const r = steps.next();
    if (r.done) return { value: r.value, count };
    between();
  }
}

describe('CorpusIndex in steps', function () {
  this.timeout(120_000);

  it('a packed analysis unpacks to the same analysis', () => {
    const { analysis } = prepareDocument(LONG, new Set(), {}, []);
    assert.deepEqual(finish(unpackAnalysis(packAnalysis(analysis!))), analysis);
  });

  it('queries between the steps see the version before, the last step the new one', () => {
    const index = new CorpusIndex();
    index.setDocument(SHORT);
    index.setDocument(LONG);
    index.relink();
    const before = index.analyzed('long.txt');
    const leeBefore = index.mentionsOf('lee-jae-myung').length;
    const { value, count } = stepwise(index.setPreparedSteps(prepared(index, EDITED)), () => {
      assert.equal(index.analyzed('long.txt'), before);
      assert.equal(index.mentionsOf('lee-jae-myung').length, leeBefore);
    });
    assert.ok(value);
    assert.ok(count > 1, `${count} steps`);
    index.relink();
    const expected = analyze([EDITED, SHORT]);
    assert.deepEqual(index.analyzed('long.txt'), expected.documents[0]);
    assert.deepEqual(index.entities(), expected.entities);
  });

  it('a caller that stops leaves the index as it was', () => {
    const index = new CorpusIndex();
    index.setDocument(LONG);
    index.relink();
    const before = index.analyzed('long.txt');
    const entities = index.entities();
    const steps = index.setPreparedSteps(prepared(index, EDITED));
    for (let i = 0; i < 5; i++) steps.next();
    steps.return(false);
    assert.equal(index.analyzed('long.txt'), before);
    assert.deepEqual(index.entities(), entities);
    assert.equal(index.text('long.txt'), LONG.text);
  });

  it('documents entered while a long one is staged are kept, and the index ends as analyze gives', () => {
    const index = new CorpusIndex();
    index.setDocument(LONG);
    let entered = false;
    stepwise(index.setPreparedSteps(prepared(index, EDITED)), () => {
      if (!entered) index.setDocument(SHORT);
      entered = true;
    });
    // the same document changed again while staged: the latest version wins
    const again: SourceDocument = { ...LONG, text: `Update. ${EDITED.text}` };
    const stale = index.setPreparedSteps(prepared(index, { ...LONG, text: `Old. ${LONG.text}` }));
    stale.next();
    index.setDocument(again);
    finish(stale);
    assert.equal(index.text('long.txt'), `Old. ${LONG.text}`, 'the steps started over against the version entered meanwhile');
    index.setDocument(again);
    index.relink();
    const expected = analyze([again, SHORT]);
    for (const doc of expected.documents) assert.deepEqual(index.analyzed(doc.path), doc, doc.path);
    assert.deepEqual(index.entities(), expected.entities);
  });

  it('a long document with thousands of entities and dates is entered and edited in steps as analyze gives', () => {
    // thousands of groups touched by one document: each group's change is made in one pass over its
    // mentions (a pass per group made a 50 MB file take minutes)
    const many = MANY;
    const edited = MANY_EDITED;
    const index = new CorpusIndex();
    index.setDocument(SHORT);
    for (const doc of [many, edited]) {
      const { value, count } = stepwise(index.setPreparedSteps(prepared(index, doc)), () => undefined);
      assert.ok(value);
      assert.ok(count > 1, `${count} steps`);
      index.relink();
      const expected = analyze([doc, SHORT]);
      const dates = new Set(expected.documents[0].mentions.map(m => m.value).filter(v => v));
      assert.ok(dates.size > 1000, `${dates.size} dates`);
      assert.deepEqual(index.analyzed('many.txt'), expected.documents[0]);
      assert.deepEqual(index.entities(), expected.entities);
      for (const value of ['1500-03-12', '2999-03-12', '1999-03-12']) {
        const refs = expected.documents[0].mentions.filter(m => m.value === value);
        assert.deepEqual(
          index.mentionsOfDate(value).map(r => r.mention),
          refs,
          value,
        );
        assert.equal(index.documentsOfDate(value, 8, 'short.txt').total, refs.length ? 1 : 0, value);
      }
    }
  });

  it('relinking in steps gives what relink gives', () => {
    const a = new CorpusIndex();
    const b = new CorpusIndex();
    for (const doc of [LONG, SHORT]) {
      a.setPrepared(prepared(a, doc), false);
      b.setPrepared(prepared(b, doc), false);
    }
    a.relink();
    const { count } = stepwise(b.relinkSteps(), () => undefined);
    assert.ok(count > 1, `${count} steps`);
    assert.deepEqual(b.entities(), a.entities());
    assert.deepEqual(b.analyzed('long.txt'), a.analyzed('long.txt'));
  });

  it("a warm start's relink publishes every document at once, in steps: queries meanwhile see the tables before, an edit starts it over", () => {
    const docs = [LONG, SHORT, { path: 'herald.txt', text: HERALD }];
    const cold = new CorpusIndex();
    cold.setDocuments(docs);
    cold.relink();
    const snapshot = cold.snapshot();
    const encoder = new TextEncoder();
    const warmIndex = () => {
      const index = new CorpusIndex({}, 0); // queries never relink by themselves here
      index.loadSnapshot(snapshot);
      index.setFiles(docs.map(d => ({ path: d.path, utf8: encoder.encode(d.text) })));
      return index;
    };
    // queried between the steps: no entity until the last step, which puts every document in place
    const index = warmIndex();
    const revision = index.revision;
    let queried = false;
    const { count } = stepwise(index.relinkSteps(), () => {
      if (index.revision === revision) assert.equal(index.entities().length, 0);
      // a document asked for meanwhile is published alone, with provisional ids, then in bulk with the rest
      if (!queried) queried = index.analyzed('short.txt') !== undefined;
    });
    assert.ok(count > 1, `${count} steps`);
    assert.notEqual(index.revision, revision, 'a list read in pages starts over');
    const expected = analyze(docs.slice().sort((a, b) => (a.path < b.path ? -1 : 1)));
    for (const doc of expected.documents) assert.deepEqual(index.analyzed(doc.path), doc, doc.path);
    assert.deepEqual(index.entities(), expected.entities);
    assert.deepEqual(index.mentionsOf('lee-jae-myung'), cold.mentionsOf('lee-jae-myung'));
    assert.deepEqual(index.stats(), cold.stats());
    // an article edited between the steps: the relink starts over and ends with the edit
    const edited = warmIndex();
    let once = false;
    stepwise(edited.relinkSteps(), () => {
      if (!once) edited.setDocument(EDITED);
      once = true;
    });
    const after = analyze([EDITED, ...docs.slice(1)].sort((a, b) => (a.path < b.path ? -1 : 1)));
    assert.equal(edited.needsRelink, false);
    for (const doc of after.documents) assert.deepEqual(edited.analyzed(doc.path), doc, doc.path);
    assert.deepEqual(edited.entities(), after.entities);
  });

  it('a warm start of a document with thousands of entities and dates answers as analyze gives, then through an edit', () => {
    const cold = new CorpusIndex();
    cold.setDocuments([MANY, SHORT]);
    cold.relink();
    const warm = new CorpusIndex();
    assert.deepEqual(warm.restore(cold.snapshot(), [MANY, SHORT]), { reused: 2, analyzed: 0 });
    for (const doc of [MANY, MANY_EDITED]) {
      if (doc !== MANY) {
        warm.setDocument(doc);
        warm.relink();
      }
      const expected = analyze([doc, SHORT]);
      assert.deepEqual(warm.analyzed('many.txt'), expected.documents[0]);
      assert.deepEqual(warm.entities(), expected.entities);
      const refs = expected.documents[0].mentions.filter(m => m.value === '1500-03-12');
      assert.deepEqual(
        warm.mentionsOfDate('1500-03-12').map(r => r.mention),
        refs,
      );
      assert.equal(warm.documentsOfDate('1999-03-12', 8, 'short.txt').total, doc === MANY ? 1 : 0);
    }
  });

  describe('a registry applied in steps', () => {
    /** Merges Xi Jinping into Lee Jae-myung, renames Beijing, and Seoul is not an entity. */
    const REGISTRY: Registry = {
      entities: [
        { id: 'lee-jae-myung', aliases: [], merged: ['xi-jinping'] },
        { id: 'beijing', name: 'Peking', aliases: [], merged: [] },
      ],
      notEntities: ['Seoul'],
    };
    const linked = () => {
      const index = new CorpusIndex();
      index.setDocuments([LONG, SHORT]);
      index.relink();
      return index;
    };

    it('queries between the steps see the registry before, the last step the new one, as applyRegistry gives', () => {
      const index = linked();
      const before = { entities: index.entities(), long: index.analyzed('long.txt'), lee: index.mentionsOf('lee-jae-myung').length };
      const { count } = stepwise(index.setRegistrySteps(REGISTRY), () => {
        assert.deepEqual(index.entities(), before.entities);
        assert.equal(index.analyzed('long.txt'), before.long);
        assert.equal(index.mentionsOf('lee-jae-myung').length, before.lee);
      });
      assert.ok(count > 1, `${count} steps`);
      const expected = applyRegistry(analyze([LONG, SHORT]), REGISTRY);
      assert.deepEqual(index.entities(), expected.entities);
      for (const doc of expected.documents) assert.deepEqual(index.analyzed(doc.path), doc, doc.path);
      assert.ok(index.mentionsOf('lee-jae-myung').length > before.lee, 'the merge is in');
      assert.deepEqual(
        index.stats().mentions,
        expected.documents.reduce((n, d) => n + d.mentions.length, 0),
      );
    });

    it('one registry after another, then none, in steps: each as applyRegistry gives (astral characters, CRLF), queries between the steps answering from the one before', () => {
      const crlf: SourceDocument = { path: 'crlf.txt', text: WIRE.replace(/\n/g, '\r\n') };
      const docs = [crlf, MANY, SHORT];
      const index = new CorpusIndex();
      index.setDocuments(docs);
      index.relink();
      const analysis = analyze(docs);
      // a merge, a rename, a surface form that is no entity; then a kind, an alias pinned, an entity that is none
      const KINDS: Registry = {
        entities: [
          { id: 'beijing', kind: 'person', aliases: ['Lee'], merged: [] },
          { id: 'xi-jinping', aliases: [], merged: [], notEntity: true },
        ],
        notEntities: ['Paris'],
      };
      for (const registry of [REGISTRY, KINDS, { entities: [], notEntities: [] }]) {
        const dates = ['1500-03-12', '2999-03-12'];
        const before = {
          entities: index.entities(),
          docs: docs.map(d => index.analyzed(d.path)),
          lee: index.mentionsOf('lee-jae-myung'),
          dates: dates.map(v => index.mentionsOfDate(v)),
          stats: index.stats(),
        };
        const { count } = stepwise(index.setRegistrySteps(registry), () => {
          assert.equal(index.entities(), before.entities);
          docs.forEach((d, i) => assert.equal(index.analyzed(d.path), before.docs[i]));
          assert.deepEqual(index.mentionsOf('lee-jae-myung'), before.lee);
          dates.forEach((v, i) => assert.equal(index.mentionsOfDate(v).length, before.dates[i].length));
          assert.deepEqual(index.stats(), before.stats);
        });
        assert.ok(count > 1, `${count} steps`);
        const expected = applyRegistry(analysis, registry);
        assert.deepEqual(index.entities(), expected.entities);
        for (const doc of expected.documents) assert.deepEqual(index.analyzed(doc.path), doc, doc.path);
        assert.deepEqual(
          index.mentionsOfDate('1500-03-12').map(r => r.mention),
          expected.documents.flatMap(d => d.mentions.filter(m => m.value === '1500-03-12')),
        );
        assert.equal(
          index.stats().mentions,
          expected.documents.reduce((n, d) => n + d.mentions.length, 0),
        );
      }
    });

    it('a caller that stops leaves the registry as it was; a document entered between steps is kept', () => {
      const index = linked();
      const before = index.entities();
      const steps = index.setRegistrySteps(REGISTRY);
      for (let i = 0; i < 5; i++) steps.next();
      steps.return();
      assert.deepEqual(index.entities(), before);

      const other: SourceDocument = { path: 'other.txt', text: 'Xi Jinping met officials in Seoul on Monday.\n' };
      let entered = false;
      stepwise(index.setRegistrySteps(REGISTRY), () => {
        if (entered) return;
        entered = true;
        index.setDocument(other);
      });
      index.relink();
      const expected = applyRegistry(analyze([LONG, other, SHORT]), REGISTRY);
      assert.deepEqual(index.entities(), expected.entities);
      for (const doc of expected.documents) assert.deepEqual(index.analyzed(doc.path), doc, doc.path);
    });
  });
});
