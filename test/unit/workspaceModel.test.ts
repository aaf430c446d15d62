// Learning from reviews (issue 15, item 3): the reviewers' decisions become examples for a
// workspace model on top of the shipped one; a rejected surface is not suggested again, a kind
// given is kept, the simulated reviewer of the learning curve and training are deterministic, and
// the model file is written, read and reset through the workspace.
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Annotation } from '../../src/core/annotations/model';
import { nameModel } from '../../src/core/model/nameModel';
import { reviewExamples } from '../../src/core/model/reviewExamples';
import { simulateReview, type GoldReviewDocument } from '../../src/core/model/simulatedReview';
import { learnFromReviews, parseWorkspaceModel, serializeWorkspaceModel } from '../../src/core/model/workspaceModel';
import { findNamesDetailed } from '../../src/core/names/recognizeNames';
import { CorpusIndex } from '../../src/core/corpus/corpusIndex';
import { prepareDocument } from '../../src/core/corpus/prepareDocument';
import { workspaceModelId } from '../../src/core/model/workspaceModel';
import {
  MemoryFileSystem,
  readWorkspaceModel,
  readWorkspaceModelText,
  resetWorkspaceModel,
  trainWorkspaceModel,
  Workspace,
  WORKSPACE_MODEL_PATH,
} from '../../src/core';

const TEXT = 'Kelvin Moss met reporters in Leeds on Monday. Later, Kelvin Moss left for Harrow Vale.';
const OTHER = 'On Friday Kelvin Moss returned to Harrow Vale with Dana Whitfield.';

function annotation(text: string, quote: string, label: string, status: Annotation['status'], entity?: string): Annotation {
  const start = text.indexOf(quote);
  return {
    id: `a${start}`,
    target: { quote, prefix: '', suffix: '', start, end: start + quote.length },
    label,
    status,
    thread: [],
    ...(entity ? { entity } : {}),
  };
}

const surfaces = (text: string, model: ReturnType<typeof nameModel> | null) => findNamesDetailed(text, undefined, model).names.map(n => `${n.text}:${n.kind}`);

/** The first documents of an evaluation set, with their gold (offsets as in the text: these have no astral characters). */
function goldDocs(n: number): GoldReviewDocument[] {
  const dir = 'data/eval/gum-dev';
  const gold = JSON.parse(readFileSync(join(dir, 'gold.json'), 'utf8')) as {
    documents: { file: string; mentions: GoldReviewDocument['mentions']; ignore?: GoldReviewDocument['ignore'] }[];
  };
  return gold.documents
    .slice(0, n)
    .map(d => ({ text: readFileSync(join(dir, 'docs', d.file), 'utf8'), mentions: d.mentions.filter(m => m.kind !== 'date'), ignore: d.ignore ?? [] }));
}

describe('learning from reviews', () => {
  it('does not suggest a rejected surface again, in any document, and keeps a kind a reviewer gave', () => {
    assert.ok(
      surfaces(OTHER, nameModel()).some(s => s.startsWith('Kelvin Moss:')),
      'the shipped model suggests the name',
    );
    const reviewed = [
      { text: TEXT, annotations: [annotation(TEXT, 'Kelvin Moss', 'person', 'rejected'), annotation(TEXT, 'Harrow Vale', 'organization', 'confirmed')] },
    ];
    const parsed = parseWorkspaceModel(serializeWorkspaceModel(learnFromReviews(reviewExamples(reviewed, { entities: [], notEntities: [] }), nameModel())));
    assert.ok('model' in parsed);
    const after = surfaces(OTHER, parsed.model);
    assert.ok(!after.some(s => s.startsWith('Kelvin Moss')), after.join(', '));
    assert.ok(after.includes('Harrow Vale:organization'), after.join(', '));
  });

  it('reads merges, entities marked not an entity and the registry notEntities as decisions', () => {
    const annotations = [annotation(TEXT, 'Kelvin Moss', 'person', 'suggested', 'e2'), annotation(TEXT, 'Leeds', 'place', 'suggested', 'e3')];
    const registry = {
      entities: [
        { id: 'e1', kind: 'organization' as const, aliases: [], merged: ['e2'] },
        { id: 'e3', aliases: [], merged: [], notEntity: true },
      ],
      notEntities: ['Harrow Vale'],
    };
    const examples = reviewExamples([{ text: TEXT, annotations }], registry);
    assert.deepEqual(
      examples.documents[0].mentions.map(m => `${TEXT.slice(m.start, m.end)}:${m.kind}`),
      ['Kelvin Moss:organization', 'Leeds:none', 'Harrow Vale:none'],
    );
    assert.deepEqual(
      [...examples.corrections],
      [
        ['harrowvale', 'none'],
        ['kelvinmoss', 'organization'],
        ['leeds', 'none'],
      ],
    );
  });

  it('simulates the reviewer and trains deterministically', () => {
    const docs = goldDocs(3);
    const run = () => {
      const reviewed = docs.map(d => simulateReview(d, nameModel()));
      return { reviewed, file: serializeWorkspaceModel(learnFromReviews(reviewExamples(reviewed, { entities: [], notEntities: [] }), nameModel())) };
    };
    const a = run();
    const b = run();
    assert.deepEqual(a.reviewed, b.reviewed);
    assert.equal(a.file, b.file);
    const statuses = a.reviewed.flatMap(r => r.annotations.map(x => x.status));
    assert.ok(statuses.includes('confirmed') && statuses.includes('rejected'), statuses.join(' '));
    // a confirmed annotation is exactly a gold mention, with the gold's kind
    for (const [i, r] of a.reviewed.entries()) {
      for (const x of r.annotations.filter(y => y.status === 'confirmed')) {
        assert.ok(docs[i].mentions.some(m => m.start === x.target.start && m.end === x.target.end && m.kind === x.label));
      }
    }
  });

  it('writes the model under .marginalia/ from the sidecars, uses it, and resets it', async () => {
    const sidecar = `version: 1
annotations:
  - id: a1
    target: {quote: Kelvin Moss, prefix: '', suffix: '', start: 0, end: 11}
    label: person
    status: rejected
`;
    const fs = new MemoryFileSystem().mkdir('/w').put('/w/a.txt', TEXT).put('/w/a.txt.annotations.yaml', sidecar).put('/w/b.txt', OTHER);
    const ws = new Workspace(fs, '/w');
    assert.equal((await readWorkspaceModel(ws)).status, 'missing');
    const trained = await trainWorkspaceModel(ws, nameModel());
    assert.equal(trained.path, `/w/${WORKSPACE_MODEL_PATH}`);
    assert.equal(trained.learnedFrom.none, 1);
    assert.deepEqual(trained.problems, []);
    const read = await readWorkspaceModel(ws);
    assert.ok(read.status === 'ok');
    assert.ok(!surfaces(OTHER, read.model).some(s => s.startsWith('Kelvin Moss')));
    assert.equal((await trainWorkspaceModel(ws, nameModel())).written, false, 'the same reviews give the same file');
    assert.equal(await resetWorkspaceModel(ws), true);
    assert.equal((await readWorkspaceModel(ws)).status, 'missing');
    assert.equal(await resetWorkspaceModel(ws), false);
  });

  it('names a sidecar it cannot read and learns from the others', async () => {
    const fs = new MemoryFileSystem()
      .mkdir('/w')
      .put('/w/a.txt', TEXT)
      .put('/w/a.txt.annotations.yaml', new Uint8Array([0x76, 0x65, 0xff, 0x0a]))
      .put('/w/b.txt', OTHER);
    const trained = await trainWorkspaceModel(new Workspace(fs, '/w'), nameModel());
    assert.equal(trained.problems.length, 1);
    assert.match(trained.problems[0], /a\.txt\.annotations\.yaml: .*not UTF-8/);
    assert.equal(trained.learnedFrom.articles, 0);
  });

  it('refuses a model file that is not one, and says why', async () => {
    const fs = new MemoryFileSystem().mkdir('/w').put(`/w/${WORKSPACE_MODEL_PATH}`, '{"format": "marginalia-name-model", "version": 1, "model": {"bits": 99}}');
    const read = await readWorkspaceModel(new Workspace(fs, '/w'));
    assert.ok(read.status === 'problem');
    assert.match(read.message, /no valid model/);
    assert.ok('problem' in parseWorkspaceModel('not json'));
  });

  it('refuses to write when asked to and a sidecar cannot be read', async () => {
    const fs = new MemoryFileSystem()
      .mkdir('/w')
      .put('/w/a.txt', TEXT)
      .put('/w/a.txt.annotations.yaml', new Uint8Array([0x76, 0x65, 0xff, 0x0a]));
    const ws = new Workspace(fs, '/w');
    const trained = await trainWorkspaceModel(ws, nameModel(), true);
    assert.equal(trained.written, false);
    assert.equal(trained.id, undefined);
    assert.match(trained.problems[0], /not UTF-8/);
    assert.equal((await readWorkspaceModel(ws)).status, 'missing', 'nothing written');
  });

  it("names a model by its file's text, known before parsing it, and analyses made with another are not reused", async () => {
    const sidecar = `version: 1
annotations:
  - id: a1
    target: {quote: Kelvin Moss, prefix: '', suffix: '', start: 0, end: 11}
    label: person
    status: rejected
`;
    const fs = new MemoryFileSystem().mkdir('/w').put('/w/a.txt', TEXT).put('/w/a.txt.annotations.yaml', sidecar);
    const ws = new Workspace(fs, '/w');
    const trained = await trainWorkspaceModel(ws, nameModel());
    const text = await readWorkspaceModelText(ws);
    const read = await readWorkspaceModel(ws);
    assert.ok(text.status === 'ok' && read.status === 'ok');
    assert.equal(text.id, workspaceModelId(text.text));
    assert.equal(trained.id, text.id);
    assert.equal(read.model.id, text.id);

    const doc = { path: 'b.txt', text: OTHER };
    const index = new CorpusIndex();
    const rules = prepareDocument(doc, new Set(), {}, []);
    assert.equal(rules.model, '');
    assert.ok(index.setPrepared(rules));
    assert.ok(index.analyzed('b.txt')!.mentions.some(m => m.text === 'Kelvin Moss'));
    // the analysis the index holds was made by the rules: one with the model is made again
    const learned = prepareDocument(doc, new Set(), { nameModel: read.model }, index.heldSources('b.txt'));
    assert.ok(learned.analysis, 'not skipped');
    assert.equal(learned.model, text.id);
    assert.ok(index.setPrepared(learned));
    assert.ok(!index.analyzed('b.txt')!.mentions.some(m => m.text === 'Kelvin Moss'), 'the rejected name is gone');
    assert.equal(prepareDocument(doc, new Set(), { nameModel: read.model }, index.heldSources('b.txt')).analysis, undefined, 'held: skipped');

    // a snapshot keeps which model each analysis was made with
    const warm = new CorpusIndex();
    assert.equal(warm.loadSnapshot(index.snapshot()), 1);
    assert.ok(prepareDocument(doc, new Set(), {}, warm.heldSources('b.txt')).analysis, "the rules do not reuse the model's analysis");
    const reused = prepareDocument(doc, new Set(), { nameModel: read.model }, warm.heldSources('b.txt'));
    assert.equal(reused.analysis, undefined);
    assert.ok(warm.setPrepared(reused));
    assert.deepEqual(warm.analyzed('b.txt'), index.analyzed('b.txt'));
  });
});
