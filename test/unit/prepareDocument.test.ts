import { strict as assert } from 'node:assert';
import { deserialize, serialize } from 'node:v8';
import { analyze } from '../../src/core/analyze';
import { CorpusIndex } from '../../src/core/corpus/corpusIndex';
import { packAnalysis, packLinked } from '../../src/core/corpus/packedAnalysis';
import { AnalysisCancelled, prepareDocument, relinkPrepared, type PreparedDocument } from '../../src/core/corpus/prepareDocument';
import { nameModel } from '../../src/core/model/nameModel';
import type { SourceDocument } from '../../src/core/types';
import { readArticles } from './helpers/samples';

const SAMPLES: SourceDocument[] = readArticles();
/** "Lee" alone in b.txt is a name only because a.txt names Lee Jae-myung. */
const NEWS: SourceDocument[] = [
  { path: 'a.txt', text: 'Lee Jae-myung met Xi Jinping in Beijing on Monday.\n' },
  { path: 'b.txt', text: 'Lee arrived in Seoul on Friday. Reid Hoffman spoke.\n' },
];

/** Through the structured clone of postMessage; `packed`: the analysis packed, as the worker sends it. */
const cloned = ({ analysis, ...p }: PreparedDocument, packed = false): PreparedDocument =>
  deserialize(serialize(packed && analysis ? { ...p, packed: packAnalysis(analysis) } : { ...p, analysis })) as PreparedDocument;

/** The documents prepared as a worker would (each against the family names the index had when it was sent), then linked. */
function indexFromWorker(docs: readonly SourceDocument[], packed = false): CorpusIndex {
  const index = new CorpusIndex();
  for (const doc of docs) {
    const prepared = prepareDocument(doc, new Set(index.surnameWords().words), {}, index.heldSources(doc.path));
    assert.ok(index.setPrepared(cloned(prepared, packed), false));
  }
  // as the extension's relinkOutdated: names whose lookups changed linked again elsewhere
  for (let round = 0; round < 3; round++) {
    for (const { path, hash } of index.outdatedLookups()) {
      const linked = relinkPrepared(index.utf8(path)!, new Set(index.surnameWords().words));
      index.setRelinked(path, hash, deserialize(serialize(packed ? packLinked(linked) : linked)));
    }
  }
  index.relink();
  return index;
}

describe('prepareDocument and CorpusIndex.setPrepared (analysis made elsewhere)', () => {
  for (const [name, docs, packed] of [
    ['the samples', SAMPLES, false],
    ['names linked across documents', [...NEWS].reverse(), false],
    ['the samples, packed as the worker sends them', SAMPLES, true],
    ['names linked across documents, packed', [...NEWS].reverse(), true],
  ] as const) {
    it(`an index of documents prepared elsewhere answers what analyze gives: ${name}`, () => {
      const index = indexFromWorker(docs, packed);
      const expected = analyze([...docs].sort((a, b) => (a.path < b.path ? -1 : 1)));
      for (const doc of expected.documents) assert.deepEqual(index.analyzed(doc.path), doc, doc.path);
      assert.deepEqual(index.entities(), expected.entities);
    });
  }

  it('a document linked against family names that changed since is relinked from elsewhere', () => {
    const index = new CorpusIndex();
    // b.txt prepared before a.txt is known: its "Lee" is not yet a name
    const b = prepareDocument(NEWS[1], new Set(), {}, []);
    const a = prepareDocument(NEWS[0], new Set(), {}, []);
    index.setPrepared(a);
    index.setPrepared(b);
    assert.deepEqual(index.outdatedLookups(), [{ path: 'b.txt', hash: b.hash, model: '' }]);
    assert.ok(index.setRelinked('b.txt', b.hash, relinkPrepared(b.utf8, new Set(index.surnameWords().words))));
    assert.deepEqual(index.outdatedLookups(), []);
    assert.deepEqual(index.analyzed('b.txt'), analyze(NEWS).documents[1]);
  });

  it('skips the analysis the index holds, and enters the same document unchanged', () => {
    const index = new CorpusIndex();
    index.setDocument(NEWS[0]);
    const again = prepareDocument(NEWS[0], new Set(), {}, index.heldSources('a.txt'));
    assert.equal(again.analysis, undefined);
    assert.ok(index.setPrepared(again));
    // a held analysis that is gone: the caller is told to prepare it again
    const fresh = new CorpusIndex();
    assert.equal(fresh.setPrepared(again), false);
    assert.equal(fresh.hasDocument('a.txt'), false);
  });

  it('a text edited since it was prepared is not relinked with the old text', () => {
    const index = new CorpusIndex();
    const old = prepareDocument(NEWS[1], new Set(), {}, []);
    index.setDocument(NEWS[0]);
    index.setPrepared(old);
    index.setDocument({ ...NEWS[1], text: `${NEWS[1].text}More.\n` });
    assert.equal(index.setRelinked('b.txt', old.hash, relinkPrepared(old.utf8, new Set(index.surnameWords().words))), false);
  });

  it('a document analyzed with another names recognizer is not relinked here with its own, but from elsewhere with that one', () => {
    const index = new CorpusIndex(); // the rules alone
    const b = prepareDocument(NEWS[1], new Set(), { nameModel: nameModel() }, []);
    assert.equal(b.model, 'shipped');
    index.setPrepared(prepareDocument(NEWS[0], new Set(), {}, []));
    index.setPrepared(b);
    const before = index.analyzed('b.txt')!.mentions.map(m => m.text);
    index.relink();
    assert.deepEqual(
      index.analyzed('b.txt')!.mentions.map(m => m.text),
      before,
      'not linked again by the rules',
    );
    assert.deepEqual(index.outdatedLookups(), [{ path: 'b.txt', hash: b.hash, model: 'shipped' }]);
    const relinked = relinkPrepared(b.utf8, new Set(index.surnameWords().words), nameModel());
    assert.equal(index.setRelinked('b.txt', b.hash, relinked), false, 'linked for the rules: refused');
    assert.ok(index.setRelinked('b.txt', b.hash, relinked, 'shipped'));
    assert.deepEqual(index.outdatedLookups(), []);
  });

  it('stops when its cancellation flag is raised', () => {
    assert.throws(() => prepareDocument(NEWS[0], new Set(), {}, [], { isCancellationRequested: true }), AnalysisCancelled);
  });
});
