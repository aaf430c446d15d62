import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { ANNOTATION_STATUSES, loadSidecar, parseSidecar, serializeSidecar, type Annotation, type AnnotationStatus } from '../../src/core/annotations';
import { quickRead } from '../../src/core/annotations/quickRead';

/** Pieces of text that YAML treats specially somewhere, and ordinary ones. */
const PIECES = [
  'a',
  'Lee',
  ' ',
  ':',
  ': ',
  '#',
  ' #',
  '- ',
  '"',
  "'",
  '\n',
  '\r\n',
  '\t',
  '😀',
  '𠀀',
  'true',
  'null',
  '~',
  '12',
  '0x1F',
  '1.5',
  '.inf',
  '&a',
  '*a',
  '!x',
  '|',
  '>',
  '%',
  '@',
  '`',
  '{',
  '}',
  '[',
  ']',
  ',',
  '?',
  '---',
  '...',
  '\\',
  'é',
  '',
];
const textArb = fc.array(fc.constantFrom(...PIECES), { maxLength: 6 }).map(p => p.join(''));
const nonEmpty = textArb.filter(s => s.length > 0);

const annotationArb = fc.record({
  id: fc.oneof(fc.constantFrom('a1b2c3d4', 'k', '12', 'x-1.2'), nonEmpty),
  quote: nonEmpty,
  prefix: textArb,
  suffix: textArb,
  start: fc.nat({ max: 5000 }),
  label: nonEmpty,
  status: fc.constantFrom<AnnotationStatus[]>(...ANNOTATION_STATUSES),
  entity: fc.option(nonEmpty, { nil: undefined }),
  note: fc.option(textArb, { nil: undefined }),
  author: fc.option(textArb, { nil: undefined }),
  created: fc.option(fc.constantFrom('2026-01-05T10:00:00Z', '2026-01-05', 'yesterday'), { nil: undefined }),
  replies: fc.array(fc.record({ author: textArb, time: fc.constantFrom('2026-01-06T08:30:00.000Z', 'soon'), body: textArb }), { maxLength: 2 }),
  extra: fc.option(fc.dictionary(fc.constantFrom('curatedBy', 'score', 'tags', 'x'), fc.jsonValue({ maxDepth: 2 }), { maxKeys: 2 }), { nil: undefined }),
});

const pick = (r: {
  id: string;
  quote: string;
  prefix: string;
  suffix: string;
  start: number;
  label: string;
  status: AnnotationStatus;
  entity?: string;
  note?: string;
  author?: string;
  created?: string;
  replies: { author: string; time: string; body: string }[];
  extra?: Record<string, unknown>;
}): Annotation => ({
  id: r.id,
  target: { quote: r.quote, prefix: r.prefix, suffix: r.suffix, start: r.start, end: r.start + r.quote.length },
  label: r.label,
  status: r.status,
  thread: r.replies,
  ...(r.entity !== undefined ? { entity: r.entity } : {}),
  ...(r.note !== undefined ? { note: r.note } : {}),
  ...(r.author !== undefined ? { author: r.author } : {}),
  ...(r.created !== undefined ? { created: r.created } : {}),
  ...(r.extra !== undefined ? { extra: r.extra } : {}),
});

/** The line edits a person or a merge might make: drop, repeat or swap a line, replace a value. */
const editArb = fc.array(fc.record({ kind: fc.constantFrom('drop', 'repeat', 'swap', 'value'), at: fc.nat(), value: textArb }), { maxLength: 3 });
function edit(text: string, edits: { kind: string; at: number; value: string }[]): string {
  const lines = text.split('\n');
  for (const e of edits) {
    const i = e.at % lines.length;
    if (e.kind === 'drop') lines.splice(i, 1);
    else if (e.kind === 'repeat') lines.splice(i, 0, lines[i]);
    else if (e.kind === 'swap' && i + 1 < lines.length) [lines[i], lines[i + 1]] = [lines[i + 1], lines[i]];
    else if (e.kind === 'value') lines[i] = lines[i].replace(/:\s.*$/, `: ${e.value}`);
    if (lines.length === 0) lines.push('');
  }
  return lines.join('\n');
}

describe('loadSidecar (the fast reader) reads what parseSidecar reads', () => {
  it('for sidecars Marginalia writes, with every kind of text in every field (and reads most of them itself)', () => {
    let fast = 0;
    let runs = 0;
    fc.assert(
      fc.property(
        fc.uniqueArray(annotationArb, { maxLength: 5, selector: a => a.id }),
        fc.option(fc.constantFrom('2026-01-05', '2026-02-30'), { nil: undefined }),
        (list, dct) => {
          let text: string;
          try {
            text = serializeSidecar(undefined, list.map(pick), dct === '2026-02-30' ? {} : { dct: dct ?? null });
          } catch {
            return; // annotations the writer refuses
          }
          runs++;
          if (quickRead(text)) fast++;
          assert.deepEqual(loadSidecar(text), parseSidecar(text));
        },
      ),
      { numRuns: 250 },
    );
    // The rest have warnings (a timestamp that is not one, an invalid dct): the full reader reports them.
    assert.ok(fast > runs / 5, `the fast reader read ${fast} of ${runs}`);
  });

  it('for sidecars edited by hand: lines dropped, repeated, swapped, values replaced', () => {
    fc.assert(
      fc.property(fc.uniqueArray(annotationArb, { minLength: 1, maxLength: 3, selector: a => a.id }), editArb, (list, edits) => {
        const text = edit(serializeSidecar(undefined, list.map(pick)), edits);
        assert.deepEqual(loadSidecar(text), parseSidecar(text));
      }),
      { numRuns: 300 },
    );
  });

  it('for files written by hand in other styles, broken files, aliases and other versions', () => {
    const target = 'target: {quote: Lee, start: 0, end: 3}';
    const cases = [
      '',
      '# only a comment\n',
      'version: 1\n',
      'version: 1\nannotations:\n',
      'version: 1\nannotations: []\n',
      'annotations: []\n',
      'version: 2\nannotations: []\n',
      'version: "1"\n',
      'version: 1.0\nannotations: []\n',
      '\uFEFFversion: 1\nannotations: []\n',
      `version: 1\nannotations:\n- {id: a, ${target}, label: person}\n`,
      `version: 1\nannotations:\n  - id: a\n    ${target}\n    label: person\n    status: maybe\n`,
      `version: 1\nannotations:\n  - id: a\n    ${target}\n    label: person\n  - id: a\n    ${target}\n    label: place\n`,
      `version: 1\nannotations:\n  - id: 12\n    ${target}\n    label: person\n`,
      `version: 1\nannotations:\n  - id: 0x1F\n    ${target}\n    label: person\n`,
      `version: 1\nannotations:\n  - id: a\n    target: {quote: Lee, start: "0", end: 3}\n    label: person\n`,
      `version: 1\nannotations:\n  - id: a\n    target: {quote: Lee, start: 0, end: 4}\n    label: person\n`,
      `version: 1\nannotations:\n  - id: a\n    target: &t {quote: Lee, start: 0, end: 3}\n    label: person\n  - id: b\n    target: *t\n    label: place\n`,
      `version: 1\nannotations:\n  - id: a\n    ${target}\n    label: !!str person\n    score: 0.75\n    when: 2026-01-05\n    tags: [x, 2, null, .nan]\n`,
      `version: 1\nannotations:\n  - id: a\n    ${target}\n    label: person\n    label: place\n`,
      `version: 1\nannotations:\n  - id: a\n    ${target}\n    label: person\n    thread:\n      - {author: b, time: "2026-01-05T10:00:00Z", body: ok, mood: 3}\n`,
      `version: 1\nannotations:\n  - id: a\n    ${target}\n    label: person\n    note: |\n      **bold** and *it*\n`,
      `version: 1\ndct: 2026-01-05\n---\nversion: 1\n`,
      `version: 1\ndct: 2026-13-01\n`,
      'version: 1\n\tannotations: []\n',
      '[1, 2]\n',
      'version: 1\nannotations: {a: 1}\n',
      `version: 1\r\nannotations:\r\n  - id: a\r\n    ${target}\r\n    label: person\r\n`,
    ];
    for (const text of cases) assert.deepEqual(loadSidecar(text), parseSidecar(text), JSON.stringify(text));
    assert.ok(quickRead(cases[10]) && quickRead(cases[cases.length - 1]), 'flow style and CRLF files are read fast');
  });
});
