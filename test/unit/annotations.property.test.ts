import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { isMap, isSeq, parseDocument, Scalar, type YAMLMap } from 'yaml';
import { ANNOTATION_STATUSES, parseSidecar, serializeSidecar, type Annotation, type AnnotationStatus, type Reply } from '../../src/core/annotations';
import { diffLines } from '../../src/core/annotations/lineDiff';

// Strings that stress YAML quoting: indicators, comment marks, quotes, blank and indented lines,
// tabs, CR, astral characters, things that look like numbers, booleans, dates or documents.
const tricky = fc.oneof(
  fc.string({
    unit: fc.constantFrom(
      'a',
      'b',
      ' ',
      '\n',
      '\t',
      ':',
      '#',
      '-',
      '"',
      "'",
      '😀',
      'é',
      '\r',
      '\\',
      '{',
      '}',
      '[',
      ']',
      ',',
      '&',
      '*',
      '!',
      '|',
      '>',
      '%',
      '@',
      '`',
      '?',
    ),
    maxLength: 24,
  }),
  fc.constantFrom(
    '',
    ' ',
    'yes',
    'null',
    '~',
    '12',
    '1e3',
    '0x1F',
    '2026-01-05',
    '---',
    '...',
    '- item',
    'key: value',
    ' lead',
    'trail ',
    'a\n\n',
    '\n',
    '# not a comment',
  ),
  fc.string({ unit: 'binary', maxLength: 16 }),
);
const word = fc.stringMatching(/^[a-z][a-z0-9-]{0,10}$/);
const timestamp = fc.integer({ min: Date.UTC(2000, 0, 1), max: Date.UTC(2040, 0, 1) }).map(t => new Date(t).toISOString());
const plainValue = fc.oneof(tricky, fc.integer(), fc.boolean(), fc.constant(null));
const extraArb = fc.dictionary(fc.constantFrom('x-source', 'reviewed_by', 'confidence', 'tags'), fc.oneof(plainValue, fc.array(plainValue, { maxLength: 3 })), {
  maxKeys: 2,
});

const replyArb: fc.Arbitrary<Reply> = fc.record({ author: word, time: timestamp, body: tricky });

const annotationArb: fc.Arbitrary<Annotation> = fc
  .record({
    id: fc.stringMatching(/^[a-z][0-9a-z]{7}$/),
    start: fc.nat({ max: 5000 }),
    quote: tricky,
    prefix: tricky,
    suffix: tricky,
    label: fc.constantFrom('person', 'place', 'claim', 'source', 'my label'),
    entity: fc.option(word, { nil: undefined }),
    status: fc.constantFrom<AnnotationStatus[]>(...ANNOTATION_STATUSES),
    note: fc.option(tricky, { nil: undefined }),
    thread: fc.array(replyArb, { maxLength: 2 }),
    author: fc.option(word, { nil: undefined }),
    created: fc.option(timestamp, { nil: undefined }),
    modified: fc.option(timestamp, { nil: undefined }),
    extra: fc.option(
      extraArb.filter(e => Object.keys(e).length > 0),
      { nil: undefined },
    ),
  })
  .map(r => {
    const a: Annotation = {
      id: r.id,
      target: { quote: r.quote, prefix: r.prefix, suffix: r.suffix, start: r.start, end: r.start + r.quote.length },
      label: r.label,
      status: r.status,
      thread: r.thread,
    };
    for (const k of ['entity', 'note', 'author', 'created', 'modified', 'extra'] as const)
      if (r[k] !== undefined) (a as unknown as Record<string, unknown>)[k] = r[k];
    return a;
  });
const annotationsArb = fc.uniqueArray(annotationArb, { selector: a => a.id, maxLength: 8 });

/** Plain data for comparison (drops undefined-valued keys). */
const plain = (x: unknown): unknown => JSON.parse(JSON.stringify(x));
const sorted = (anns: readonly Annotation[]): Annotation[] =>
  [...anns].sort((a, b) => a.target.start - b.target.start || a.target.end - b.target.end || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));

/** Adds hand-written comments and unknown fields, the way a reviewer would, through the YAML document. */
function handEdit(text: string, seed: number): { text: string; comments: Map<string, string>; fields: Map<string, string> } {
  const doc = parseDocument(text);
  doc.commentBefore = ` Sidecar checked by hand (${seed})`;
  const root = doc.contents as YAMLMap;
  root.set('x-reviewed', `by hand ${seed}`);
  const comments = new Map<string, string>();
  const fields = new Map<string, string>();
  const list = root.get('annotations');
  if (isSeq(list)) {
    list.items.forEach((item, i) => {
      if (!isMap(item)) return;
      const id = String(item.get('id'));
      if ((seed + i) % 2 === 0) {
        const idNode = item.get('id', true) as Scalar;
        idNode.comment = ` hand comment ${id}`;
        comments.set(id, `# hand comment ${id}`);
      }
      if ((seed + i) % 3 === 0) {
        item.set('x-hand-field', `value ${id}`);
        fields.set(id, `value ${id}`);
      }
    });
  }
  return { text: doc.toString({ lineWidth: 0 }), comments, fields };
}

describe('annotations: sidecar round-trip properties (fast-check)', function () {
  this.timeout(120_000);

  it('serialize then parse gives back exactly the annotations, whatever their strings', () => {
    fc.assert(
      fc.property(annotationsArb, fc.option(fc.constantFrom('2026-01-05', '1999-12-31'), { nil: undefined }), (anns, dct) => {
        const text = serializeSidecar(undefined, anns, { dct });
        const back = parseSidecar(text);
        assert.deepEqual(
          back.problems.filter(p => p.severity === 'error'),
          [],
        );
        assert.deepEqual(plain(back.annotations), plain(sorted(anns)));
        assert.equal(back.dct, dct);
        // Saving the same data again changes nothing.
        assert.equal(serializeSidecar(text, back.annotations, { dct: back.dct }), text);
      }),
      { numRuns: 400 },
    );
  });

  it('load, edit and save keep hand comments and unknown fields of the annotations that stay', () => {
    fc.assert(
      fc.property(
        annotationsArb,
        fc.nat(),
        annotationsArb,
        fc.array(fc.tuple(fc.nat(), tricky, fc.constantFrom<AnnotationStatus[]>(...ANNOTATION_STATUSES))),
        fc.nat(),
        (anns, seed, added, changes, dropSeed) => {
          const hand = handEdit(serializeSidecar(undefined, anns, {}), seed);
          const loaded = parseSidecar(hand.text);
          assert.equal(loaded.writable, true);
          // The reviewer changes notes and statuses, deletes one annotation, adds others.
          let next = loaded.annotations.map(a => ({ ...a }));
          for (const [i, note, status] of changes) {
            if (next.length === 0) break;
            const a = next[i % next.length];
            next[i % next.length] = { ...a, note, status };
          }
          const dropped = next.length > 0 && dropSeed % 3 === 0 ? next[dropSeed % next.length].id : undefined;
          next = next.filter(a => a.id !== dropped);
          const taken = new Set(next.map(a => a.id));
          next.push(...added.filter(a => !taken.has(a.id)));
          const out = serializeSidecar(hand.text, next, {});
          const back = parseSidecar(out);
          assert.deepEqual(
            back.problems.filter(p => p.severity === 'error'),
            [],
          );
          // The data is what the reviewer left (hand fields included as `extra`).
          assert.deepEqual(plain(back.annotations.map(a => ({ ...a, extra: undefined }))), plain(sorted(next).map(a => ({ ...a, extra: undefined }))));
          assert.ok(out.includes(`# Sidecar checked by hand (${seed})`));
          assert.ok(out.includes(`x-reviewed: by hand ${seed}`));
          for (const a of back.annotations) {
            const comment = hand.comments.get(a.id);
            if (comment) assert.ok(out.includes(comment), `lost ${comment}`);
            const field = hand.fields.get(a.id);
            if (field) assert.equal(a.extra?.['x-hand-field'], field);
          }
          // Annotations nobody touched keep their lines: a diff of the two files only touches
          // lines of changed, dropped or added annotations.
          const untouched = back.annotations.filter(a => loaded.annotations.some(l => l.id === a.id && JSON.stringify(l) === JSON.stringify(a)));
          const beforeLines = hand.text.split('\n');
          for (const h of diffLines(beforeLines, out.split('\n'))!) {
            for (let l = h.aStart; l < h.aEnd; l++) {
              for (const a of untouched) assert.ok(!beforeLines[l].includes(`id: ${a.id}`), `untouched annotation ${a.id} rewritten`);
            }
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});
