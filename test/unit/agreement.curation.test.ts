import { strict as assert } from 'node:assert';
import { sequentialIdGenerator } from '../fixtures/ids';
import {
  afterCuration,
  applyCuration,
  computeAgreement,
  curate,
  curationOf,
  disagreementsOf,
  parseSidecar,
  reviewsByAuthor,
  reviewsOfSides,
  serializeSidecar,
  targetFor,
  type AgreementReport,
  type Annotation,
  type AnnotationStatus,
  type CurationChoice,
} from '../../src/core';

const TEXT = 'President Lee Jae Myung met Xi Jinping in Beijing 😀 on Monday, the Herald said.';

const at = (quote: string): [number, number] => {
  const start = TEXT.indexOf(quote);
  assert.ok(start >= 0, quote);
  return [start, start + quote.length];
};

let counter = 0;
const annotation = (author: string, quote: string, label: string, extra: Partial<Annotation> = {}): Annotation => {
  const [start, end] = at(quote);
  return { id: `i${++counter}`, target: targetFor(TEXT, start, end), label, status: 'confirmed' as AnnotationStatus, thread: [], author, ...extra };
};

/** Two reviewers in one sidecar: agree on Xi, differ on the label of Herald, on Lee's span, and Beijing only by Hana. */
const sidecar = (): Annotation[] => [
  annotation('Hana', 'Lee Jae Myung', 'person'),
  annotation('Martin', 'Lee', 'person', { thread: [{ author: 'Martin', time: '2026-01-05T10:00:00Z', body: 'Only the family name?' }] }),
  annotation('Hana', 'Xi Jinping', 'person'),
  annotation('Martin', 'Xi Jinping', 'person'),
  annotation('Hana', 'Beijing', 'place'),
  annotation('Hana', 'Herald', 'organization'),
  annotation('Martin', 'Herald', 'source'),
];

/** A report without its counts of open and settled disagreements (curation moves them). */
const withoutCounts = (report: AgreementReport) => ({
  ...report,
  overall: { ...report.overall, disagreements: undefined },
  perDocument: report.perDocument.map(d => ({ ...d, disagreements: undefined, settled: undefined })),
});

const context = (annotations: readonly Annotation[]) => ({
  text: TEXT,
  annotations,
  curator: 'Carol',
  now: '2026-01-06T09:00:00.000Z',
  generateId: sequentialIdGenerator('c'),
});

/** Curates the disagreement at `quote` and returns the sidecar written and read back. */
function curateAt(annotations: Annotation[], quote: string, choice: CurationChoice): Annotation[] {
  const doc = reviewsByAuthor('a.txt', TEXT, annotations).document;
  const unit = disagreementsOf(doc).find(d => TEXT.slice(d.start, d.end).includes(quote))!;
  assert.ok(unit, `a disagreement at ${quote}`);
  const result = curate(unit, choice, context(annotations));
  const written = serializeSidecar(undefined, applyCuration(annotations, result));
  const read = parseSidecar(written);
  assert.deepEqual(read.problems, []);
  return read.annotations;
}

describe('agreement: whose annotations and curation', () => {
  it('by author: reviewers are the authors; disagreements of every kind are found', () => {
    const { document, orphans } = reviewsByAuthor('a.txt', TEXT, sidecar());
    assert.equal(orphans, 0);
    assert.deepEqual(document.reviewers, ['Hana', 'Martin']);
    assert.deepEqual(
      disagreementsOf(document).map(d => [TEXT.slice(d.start, d.end), d.kinds]),
      [
        ['Lee Jae Myung', ['span']],
        ['Beijing', ['missing']],
        ['Herald', ['label']],
      ],
    );
    const report = computeAgreement([document], document.reviewers);
    assert.deepEqual(report.pairs[0].spans, { a: 4, b: 3 });
    assert.deepEqual(report.pairs[0].matched, { exact: 2, overlap: 3 });
  });

  it('take one side: the curated annotation is confirmed, names its curator, keeps the originals and their threads; agreement before curation is unchanged', () => {
    const annotations = sidecar();
    const original = reviewsByAuthor('a.txt', TEXT, annotations).document;
    const before = computeAgreement([original], ['Hana', 'Martin']);
    const after = curateAt(annotations, 'Lee', { decision: 'take', reviewer: 'Hana' });
    const curated = after.filter(a => curationOf(a));
    assert.equal(curated.length, 1);
    const [c] = curated;
    assert.equal(c.target.quote, 'Lee Jae Myung');
    assert.equal(c.status, 'confirmed');
    assert.equal(c.author, 'Hana');
    assert.equal(c.extra?.curatedBy, 'Carol');
    assert.deepEqual(
      curationOf(c)!.from.map(o => [o.author, o.quote, o.label]),
      [
        ['Hana', 'Lee Jae Myung', 'person'],
        ['Martin', 'Lee', 'person'],
      ],
    );
    assert.deepEqual(
      c.thread.map(r => r.body),
      ['Only the family name?'],
    );
    assert.equal(after.length, sidecar().length - 1, 'two originals became one curated annotation');

    const doc = reviewsByAuthor('a.txt', TEXT, after).document;
    assert.deepEqual(withoutCounts(computeAgreement([doc], ['Hana', 'Martin'])), withoutCounts(before));
    assert.deepEqual(computeAgreement([doc], ['Hana', 'Martin']).overall.disagreements, {
      ...before.overall.disagreements,
      open: 2,
      settled: 1,
      byKind: { ...before.overall.disagreements.byKind, span: 0 },
    });
    const settled = disagreementsOf(doc)
      .filter(d => d.settled)
      .map(d => TEXT.slice(d.start, d.end));
    assert.deepEqual(settled, ['Lee Jae Myung']);
    // What the extension does after a curation: count the document's disagreements again, nothing else.
    assert.deepEqual(afterCuration(before, original, doc), computeAgreement([doc], ['Hana', 'Martin']));
    const added = reviewsByAuthor('a.txt', TEXT, [...after, annotation('Hana', 'Monday', 'date')]).document;
    assert.equal(afterCuration(before, original, added), undefined, 'a new annotation changes the figures');
  });

  it('both, neither, edit; curating again replaces the earlier curation', () => {
    const both = curateAt(sidecar(), 'Herald', { decision: 'both' });
    assert.deepEqual(
      both.filter(a => curationOf(a)).map(a => [a.label, a.status]),
      [
        ['organization', 'confirmed'],
        ['source', 'confirmed'],
      ],
    );

    const neither = curateAt(sidecar(), 'Beijing', { decision: 'neither' });
    const rejected = neither.filter(a => curationOf(a));
    assert.deepEqual(
      rejected.map(a => [a.target.quote, a.status, a.author, curationOf(a)!.decision]),
      [['Beijing', 'rejected', 'Carol', 'neither']],
    );

    const [start, end] = at('Herald');
    const edited = curateAt(both, 'Herald', { decision: 'edit', start, end, label: 'organization', entity: 'the-herald', note: 'A newspaper.' });
    const curated = edited.filter(a => curationOf(a));
    assert.equal(curated.length, 1, 'both annotations of the first curation were replaced');
    assert.deepEqual([curated[0].entity, curated[0].note, curationOf(curated[0])!.decision], ['the-herald', 'A newspaper.', 'edit']);
    assert.deepEqual(
      curationOf(curated[0])!.from.map(o => o.label),
      ['organization', 'source'],
      "the record keeps the reviewers' originals, not the first curation",
    );
  });

  it('two places: the workspace against another one; the other side is recorded with its source and never restored', () => {
    const mine = [annotation('Hana', 'Xi Jinping', 'person'), annotation('Hana', 'Herald', 'organization')];
    const theirs = [annotation('Martin', 'Xi Jinping', 'person'), annotation('Martin', 'Herald', 'source'), annotation('Martin', 'Monday', 'date')];
    const sides = (here: Annotation[]) =>
      reviewsOfSides('a.txt', TEXT, [
        { name: 'workspace', annotations: here, here: true },
        { name: 'review-martin', annotations: theirs, here: false },
      ]).document;
    const before = computeAgreement([sides(mine)], ['workspace', 'review-martin']);
    const at = (here: Annotation[], quote: string) => disagreementsOf(sides(here)).find(d => TEXT.slice(d.start, d.end) === quote)!;
    assert.deepEqual(at(mine, 'Monday').absent, ['workspace']);

    let result = curate(at(mine, 'Herald'), { decision: 'take', reviewer: 'review-martin' }, context(mine));
    let after = parseSidecar(serializeSidecar(undefined, applyCuration(mine, result))).annotations;
    result = curate(at(after, 'Monday'), { decision: 'take', reviewer: 'review-martin' }, context(after));
    after = parseSidecar(serializeSidecar(undefined, applyCuration(after, result))).annotations;

    assert.deepEqual(
      after.map(a => [a.target.quote, a.label, curationOf(a)?.from.map(o => o.source ?? 'here')]),
      [
        ['Xi Jinping', 'person', undefined],
        ['Monday', 'date', ['review-martin']],
        ['Herald', 'source', ['here', 'review-martin']],
      ].sort((x, y) => TEXT.indexOf(x[0] as string) - TEXT.indexOf(y[0] as string)),
    );
    assert.deepEqual(withoutCounts(computeAgreement([sides(after)], ['workspace', 'review-martin'])), withoutCounts(before));
    assert.ok(disagreementsOf(sides(after)).every(d => d.settled));
  });

  it('annotations made on an older text are placed in the current one; those that cannot be found are orphans', () => {
    const old = [
      annotation('Hana', 'Xi Jinping', 'person'),
      { ...annotation('Hana', 'Herald', 'source'), target: { quote: 'Gazette', prefix: '', suffix: '', start: 3, end: 10 } },
    ];
    const edited = `Breaking: ${TEXT}`;
    const { document, orphans } = reviewsByAuthor('a.txt', edited, old);
    assert.equal(orphans, 1);
    assert.deepEqual(
      document.spans.map(s => [s.start, s.quote]),
      [[edited.indexOf('Xi Jinping'), 'Xi Jinping']],
    );
  });
});
