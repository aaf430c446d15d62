import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { ANNOTATION_STATUSES, targetFor, type Annotation, type AnnotationStatus } from '../../src/core/annotations';
import { conllType, exportAnnotationsSync, labelForConllType, importBrat, importW3c, nonOverlapping, type ExportDocument } from '../../src/core/export';
import { conllSpans, readConll } from '../fixtures/conll';

// Units are whole code points (or CRLF), so spans between units never split a surrogate pair.
const UNITS = ['a', 'b', 'Z', ' ', '\r\n', '\n', '\t', '😀', '𠀀', '🇰', '🇷', 'é', ',', '"', '.', '-', '\\'];
const LABELS = ['person', 'place', 'claim', 'my label'];

const docArb = fc.array(fc.constantFrom(...UNITS), { minLength: 1, maxLength: 40 }).chain(units => {
  const offsets = [0];
  for (const u of units) offsets.push(offsets[offsets.length - 1] + u.length);
  const text = units.join('');
  const spanArb = fc.record({
    a: fc.nat({ max: units.length }),
    b: fc.nat({ max: units.length }),
    label: fc.constantFrom(...LABELS),
    status: fc.constantFrom<AnnotationStatus[]>(...ANNOTATION_STATUSES),
    entity: fc.option(fc.constantFrom('lee-jae-myung', 'seoul', 'x1', 'village-𠀀'), { nil: undefined }),
    note: fc.option(
      fc.array(fc.constantFrom('x', '\n', '\t', '\\', 'n', '\r', ' ', '😀'), { minLength: 1, maxLength: 8 }).map(a => a.join('')),
      { nil: undefined },
    ),
  });
  return fc.uniqueArray(spanArb, { maxLength: 8, selector: s => `${Math.min(s.a, s.b)}:${Math.max(s.a, s.b)}:${s.label}` }).map((specs): ExportDocument => ({
    path: 'p/doc.txt',
    text,
    annotations: specs.map((s, i): Annotation => ({
      id: `a${i}`,
      target: targetFor(text, offsets[Math.min(s.a, s.b)], offsets[Math.max(s.a, s.b)]),
      label: s.label,
      status: s.status,
      thread: [],
      ...(s.entity ? { entity: s.entity } : {}),
      ...(s.note ? { note: s.note } : {}),
    })),
  }));
});

const ALL = { includeSuggestions: true, includeRejected: true };
const byPosition = (a: Annotation, b: Annotation): number => a.target.start - b.target.start || a.target.end - b.target.end || (a.id < b.id ? -1 : 1);

describe('export properties (fast-check)', () => {
  it('W3C: export then import gives back every annotation', () => {
    fc.assert(
      fc.property(docArb, doc => {
        const { files } = exportAnnotationsSync('w3c', [doc], ALL);
        const back = importW3c(files[0].content, [{ ...doc, annotations: [] }]);
        assert.deepEqual(back.problems, []);
        assert.deepEqual(back.documents[0].annotations, [...doc.annotations].sort(byPosition));
      }),
      { numRuns: 300 },
    );
  });

  it('BRAT: T lines hold the text at their code-point offsets; spans without line breaks at the ends or inside round-trip', () => {
    fc.assert(
      fc.property(docArb, doc => {
        const { files, problems } = exportAnnotationsSync('brat', [doc], ALL);
        const ann = files.find(f => f.path === 'p/doc.ann')!.content;
        for (const m of ann.matchAll(/^T\d+\t\S+ (\d+) (\d+)\t(.*)$/gm)) {
          assert.equal(Array.from(doc.text).slice(Number(m[1]), Number(m[2])).join(''), m[3]);
        }
        const clean = doc.annotations.filter(a => a.target.quote !== '' && !/^\s|\s$|[\r\n]/.test(a.target.quote));
        assert.equal(problems.length, doc.annotations.length - clean.length, JSON.stringify(problems));
        const back = importBrat({ ...doc, annotations: [] }, doc.text, ann, { labels: LABELS });
        const keep = (a: Annotation) => [a.target, a.label, a.status, a.entity, a.note];
        const returned = back.documents[0].annotations.map(keep);
        for (const a of clean)
          assert.ok(
            returned.some(r => JSON.stringify(r) === JSON.stringify(keep(a))),
            `${a.id} came back`,
          );
        assert.ok(back.documents[0].annotations.length <= doc.annotations.length);
        assert.deepEqual(back.problems, []);
      }),
      { numRuns: 300 },
    );
  });

  it('CoNLL: the kept spans read back token-aligned', () => {
    fc.assert(
      fc.property(docArb, doc => {
        const { files } = exportAnnotationsSync('conll', [doc], ALL);
        const [read] = readConll(files[0].content);
        const spans = read ? conllSpans(read, doc.text) : [];
        // Whitespace at span ends is not a token: spans are compared trimmed, as the export judges overlaps.
        const trim = (s: { start: number; end: number; label: string }) => {
          let { start, end } = s;
          while (start < end && /\s/.test(doc.text[start])) start++;
          while (end > start && /\s/.test(doc.text[end - 1])) end--;
          return { start, end, label: s.label };
        };
        const trimmed = doc.annotations.map(a => trim({ start: a.target.start, end: a.target.end, label: a.label })).filter(s => s.start < s.end);
        const kept = nonOverlapping(trimmed).map(s => ({ ...s, label: labelForConllType(conllType(s.label)) }));
        assert.deepEqual(spans, kept);
      }),
      { numRuns: 300 },
    );
  });
});
