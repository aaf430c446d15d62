import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { computeAgreement, disagreementsOf, UnitizingAlpha, type AnnotationStatus, type ReviewedDocument, type ReviewSpan } from '../../src/core';

interface SpanSpec {
  reviewer: string;
  start: number;
  end: number;
  label: string;
  status?: AnnotationStatus;
  entity?: string;
}

const doc = (specs: SpanSpec[], reviewers = [...new Set(specs.map(s => s.reviewer))].sort(), path = 'a.txt'): ReviewedDocument => ({
  path,
  length: 100,
  reviewers,
  spans: specs.map((s, i): ReviewSpan => ({
    reviewer: s.reviewer,
    id: `${s.reviewer}${i}`,
    start: s.start,
    end: s.end,
    quote: 'x'.repeat(s.end - s.start),
    label: s.label,
    status: s.status ?? 'confirmed',
    origin: { in: 'sidecar' },
    ...(s.entity ? { entity: s.entity } : {}),
  })),
});

describe('agreement on spans: hand-built cases', () => {
  it('exact vs overlapping: a boundary difference counts only for overlapping F1', () => {
    const report = computeAgreement(
      [
        doc([
          { reviewer: 'ann', start: 0, end: 5, label: 'person' },
          { reviewer: 'ann', start: 10, end: 20, label: 'organization' },
          { reviewer: 'bob', start: 0, end: 5, label: 'person' },
          { reviewer: 'bob', start: 12, end: 20, label: 'organization' },
        ]),
      ],
      ['ann', 'bob'],
    );
    const [pair] = report.pairs;
    assert.deepEqual(pair.spanF1, { exact: 0.5, overlap: 1 });
    assert.deepEqual(pair.matched, { exact: 1, overlap: 2 });
    assert.equal(pair.kappa, 1);
    assert.equal(pair.n, 2);
    assert.deepEqual(report.perLabel.organization.spanF1, { exact: 0, overlap: 1 });
    const [d] = disagreementsOf(
      doc([
        { reviewer: 'ann', start: 10, end: 20, label: 'organization' },
        { reviewer: 'bob', start: 12, end: 20, label: 'organization' },
      ]),
    );
    assert.deepEqual(d.kinds, ['span']);
    assert.deepEqual([d.start, d.end], [10, 20]);
  });

  it('one reviewer missing a span: F1 2/3, kappa on the one matched span, a "missing" disagreement', () => {
    const report = computeAgreement(
      [
        doc([
          { reviewer: 'ann', start: 0, end: 5, label: 'person' },
          { reviewer: 'ann', start: 10, end: 15, label: 'place' },
          { reviewer: 'bob', start: 0, end: 5, label: 'person' },
        ]),
      ],
      ['ann', 'bob'],
    );
    const [pair] = report.pairs;
    assert.equal(pair.spanF1.exact!.toFixed(4), '0.6667');
    assert.equal(pair.spanF1.overlap!.toFixed(4), '0.6667');
    assert.equal(pair.n, 1);
    assert.equal(pair.kappa, 1);
    assert.deepEqual(report.perLabel.place.spans, { ann: 1, bob: 0 });
    assert.equal(report.perLabel.place.spanF1.exact, 0);
    assert.equal(report.overall.disagreements.open, 1);
    assert.equal(report.overall.disagreements.byKind.missing, 1);
    const [d] = disagreementsOf(doc([{ reviewer: 'ann', start: 10, end: 15, label: 'place' }], ['ann', 'bob']));
    assert.deepEqual(d.kinds, ['missing']);
    assert.deepEqual(d.absent, ['bob']);
  });

  it('same span, different labels: F1 1, kappa 0 (every matched span differs, no label shared)', () => {
    const report = computeAgreement(
      [
        doc([
          { reviewer: 'ann', start: 0, end: 5, label: 'person' },
          { reviewer: 'bob', start: 0, end: 5, label: 'organization' },
        ]),
      ],
      ['ann', 'bob'],
    );
    assert.deepEqual(report.pairs[0].spanF1, { exact: 1, overlap: 1 });
    assert.equal(report.pairs[0].kappa, 0);
    assert.deepEqual(
      disagreementsOf(
        doc([
          { reviewer: 'ann', start: 0, end: 5, label: 'person' },
          { reviewer: 'bob', start: 0, end: 5, label: 'organization' },
        ]),
      )[0].kinds,
      ['label'],
    );
  });

  it('a rejected annotation is no span for the figures but a status disagreement; statuses and entity links are compared', () => {
    const specs: SpanSpec[] = [
      { reviewer: 'ann', start: 0, end: 5, label: 'person' },
      { reviewer: 'bob', start: 0, end: 5, label: 'person', status: 'rejected' },
      { reviewer: 'ann', start: 10, end: 15, label: 'person', entity: 'lee' },
      { reviewer: 'bob', start: 10, end: 15, label: 'person', entity: 'li' },
      { reviewer: 'ann', start: 20, end: 25, label: 'claim', status: 'disputed' },
      { reviewer: 'bob', start: 20, end: 25, label: 'claim' },
      { reviewer: 'ann', start: 30, end: 35, label: 'place', status: 'rejected' },
    ];
    const report = computeAgreement([doc(specs)], ['ann', 'bob']);
    assert.deepEqual(report.pairs[0].spans, { a: 3, b: 2 });
    assert.deepEqual(report.pairs[0].matched, { exact: 2, overlap: 2 });
    assert.deepEqual(
      disagreementsOf(doc(specs)).map(d => [d.start, d.kinds]),
      [
        [0, ['status']],
        [10, ['entity']],
        [20, ['status']],
      ],
    );
  });

  it("three reviewers: Fleiss' kappa on complete units by hand, (2/3 - 26/36) / (1 - 26/36) = -0.2", () => {
    const report = computeAgreement(
      [
        doc([
          { reviewer: 'a', start: 0, end: 5, label: 'p' },
          { reviewer: 'b', start: 0, end: 5, label: 'p' },
          { reviewer: 'c', start: 0, end: 5, label: 'p' },
          { reviewer: 'a', start: 10, end: 15, label: 'p' },
          { reviewer: 'b', start: 10, end: 15, label: 'p' },
          { reviewer: 'c', start: 11, end: 15, label: 'o' },
          { reviewer: 'a', start: 20, end: 25, label: 'p' },
        ]),
      ],
      ['a', 'b', 'c'],
    );
    assert.equal(report.overall.units, 2);
    assert.equal(report.overall.fleissKappa!.toFixed(6), '-0.200000');
    assert.equal(report.pairs.length, 3);
    assert.deepEqual(
      report.pairs.map(p => `${p.a}-${p.b}`),
      ['a-b', 'a-c', 'b-c'],
    );
  });

  it('compares a pair only on documents both took part in', () => {
    const report = computeAgreement(
      [
        doc(
          [
            { reviewer: 'ann', start: 0, end: 5, label: 'person' },
            { reviewer: 'bob', start: 0, end: 5, label: 'person' },
          ],
          ['ann', 'bob'],
          'both.txt',
        ),
        doc([{ reviewer: 'ann', start: 0, end: 5, label: 'person' }], ['ann'], 'ann-only.txt'),
      ],
      ['ann', 'bob'],
    );
    assert.equal(report.documents, 1);
    assert.deepEqual(report.pairs[0].spanF1, { exact: 1, overlap: 1 });
    assert.deepEqual(
      report.perDocument.map(d => d.path),
      ['both.txt'],
    );
  });
});

const LABELS = ['person', 'place', 'claim'];
const spanArb = fc.record({
  start: fc.nat({ max: 60 }),
  length: fc.integer({ min: 1, max: 12 }),
  label: fc.constantFrom(...LABELS),
  status: fc.constantFrom<AnnotationStatus[]>('confirmed', 'suggested', 'disputed', 'rejected'),
  entity: fc.option(fc.constantFrom('e1', 'e2'), { nil: undefined }),
});
const setArb = fc.array(spanArb, { maxLength: 10 });
type Generated = { start: number; length: number; label: string; status: AnnotationStatus; entity?: string };
const toSpecs = (reviewer: string, set: Generated[]): SpanSpec[] =>
  set.map(s => ({ reviewer, start: s.start, end: s.start + s.length, label: s.label, status: s.status, ...(s.entity ? { entity: s.entity } : {}) }));

describe('agreement properties (fast-check)', () => {
  it('a reviewer compared with themselves: F1 1, kappa 1, alpha 1, no disagreement', () => {
    fc.assert(
      fc.property(fc.array(setArb, { minLength: 1, maxLength: 3 }), sets => {
        const docs = sets.map((set, i) => doc([...toSpecs('ann', set), ...toSpecs('ann (again)', set)], ['ann', 'ann (again)'], `d${i}.txt`));
        const report = computeAgreement(docs, ['ann', 'ann (again)']);
        const [pair] = report.pairs;
        const counted = sets.flat().filter(s => s.status !== 'rejected').length;
        if (counted > 0) {
          assert.deepEqual(pair.spanF1, { exact: 1, overlap: 1 });
          assert.equal(pair.kappa, 1);
          assert.equal(report.overall.fleissKappa, 1);
          assert.equal(report.overall.alpha, 1);
          assert.equal(report.overall.alphaU, 1);
        }
        assert.equal(report.overall.disagreements.open, 0);
        for (const d of docs) assert.deepEqual(disagreementsOf(d), []);
      }),
      { numRuns: 300 },
    );
  });

  it('swapping the two reviewers changes nothing', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(setArb, setArb), { minLength: 1, maxLength: 3 }), docsSpec => {
        const build = (first: string, second: string) =>
          docsSpec.map(([x, y], i) => doc([...toSpecs(first, x), ...toSpecs(second, y)], ['ann', 'bob'], `d${i}.txt`));
        const one = computeAgreement(build('ann', 'bob'), ['ann', 'bob']);
        const other = computeAgreement(build('bob', 'ann'), ['ann', 'bob']);
        const [p, q] = [one.pairs[0], other.pairs[0]];
        assert.deepEqual(p.spanF1, q.spanF1);
        assert.equal(p.kappa, q.kappa);
        assert.equal(p.n, q.n);
        assert.deepEqual(p.matched, q.matched);
        assert.deepEqual([p.spans.a, p.spans.b], [q.spans.b, q.spans.a]);
        assert.deepEqual(one.overall, other.overall);
        const labels = (r: typeof one) => Object.entries(r.perLabel).map(([l, v]) => [l, v.spanF1, v.kappa, v.n, v.alphaU, v.spans.ann + v.spans.bob]);
        assert.deepEqual(labels(one), labels(other));
        assert.deepEqual(one.perDocument, other.perDocument);
      }),
      { numRuns: 300 },
    );
  });

  it('alpha_u of documents laid end to end is alpha_u of one continuum', () => {
    const unitArb = fc.record({
      observer: fc.integer({ min: 0, max: 2 }),
      start: fc.nat({ max: 40 }),
      length: fc.integer({ min: 1, max: 9 }),
      category: fc.constantFrom('c', 'k'),
    });
    fc.assert(
      fc.property(fc.array(fc.array(unitArb, { maxLength: 6 }), { minLength: 1, maxLength: 4 }), stretches => {
        const split = new UnitizingAlpha(3);
        const whole = new UnitizingAlpha(3);
        const all = stretches.flatMap((units, i) => units.map(u => ({ ...u, start: u.start + 50 * i, end: Math.min(u.start + u.length, 50) + 50 * i })));
        stretches.forEach(units =>
          split.addStretch(
            50,
            units.map(u => ({ ...u, end: u.start + u.length })),
          ),
        );
        whole.addStretch(50 * stretches.length, all);
        const [a, b] = [split.result(), whole.result()];
        assert.equal(a.alpha === null, b.alpha === null);
        if (a.alpha !== null) assert.ok(Math.abs(a.alpha - b.alpha!) < 1e-9, `${a.alpha} vs ${b.alpha}`);
      }),
      { numRuns: 300 },
    );
  });
});
