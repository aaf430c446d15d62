import { strict as assert } from 'node:assert';
import { parseSidecar, serializeSidecar, SidecarWriteError, type Annotation, type SidecarProblem } from '../../src/core/annotations';
import { diffLines, splice3 } from '../../src/core/annotations/lineDiff';

function annotation(i: number, extra: Partial<Annotation> = {}): Annotation {
  return {
    id: `a${String(i).padStart(3, '0')}`,
    target: { quote: `Name ${i}`, prefix: `before ${i} `, suffix: ` after ${i}`, start: i * 100, end: i * 100 + `Name ${i}`.length },
    label: i % 3 === 0 ? 'claim' : 'person',
    status: 'suggested',
    thread: [],
    author: 'ann',
    created: '2026-01-05T10:00:00.000Z',
    modified: '2026-01-05T10:00:00.000Z',
    ...extra,
  };
}

const HAND_WRITTEN = `# Annotations of beijing.txt, checked by hand.
version: 1
dct: 2026-01-05   # from the print edition
reviewer-notes: keep this   # unknown top-level field
annotations:
# People first.
- id: k3f9x2ab
  target: {quote: Lee Jae Myung, prefix: "President ", suffix: ' arrived', start: 23, end: 36, selector-version: 2}
  label: person
  entity: lee-jae-myung
  status: confirmed   # checked against the wire copy
  note: >
    Folded note
    over two lines
  custom: [1, 2]

- id: m0q1w2e3
  # The claim the article hinges on.
  target:
    quote: "a new chapter"
    start: 120
    end: 133
  label: claim
  status: disputed
  thread:
    - author: bob
      time: 2026-01-06T09:00:00Z
      body: |
        Source?
        The wire copy says otherwise.
      mood: grumpy
`;

/** Lines of `after` that differ from `before`, as 0-based index ranges in `before`. */
function changedLines(before: string, after: string): { aStart: number; aEnd: number; bStart: number; bEnd: number }[] {
  return diffLines(before.split('\n'), after.split('\n'))!;
}

/** 0-based line range [first, last] of the annotation with `id` in a canonical sidecar text. */
function linesOf(text: string, id: string): [number, number] {
  const lines = text.split('\n');
  const first = lines.findIndex(l => l.trim() === `- id: ${id}`);
  let last = first + 1;
  while (last < lines.length && !lines[last].trim().startsWith('- id:') && lines[last] !== '') last++;
  return [first, last - 1];
}

describe('annotations: reading sidecars', () => {
  it('reads every field, with defaults, unknown fields and the publication date', () => {
    const s = parseSidecar(HAND_WRITTEN);
    assert.deepEqual(s.problems, []);
    assert.equal(s.writable, true);
    assert.equal(s.version, 1);
    assert.equal(s.dct, '2026-01-05');
    assert.equal(s.annotations.length, 2);
    const [lee, claim] = s.annotations;
    assert.deepEqual(lee, {
      id: 'k3f9x2ab',
      target: { quote: 'Lee Jae Myung', prefix: 'President ', suffix: ' arrived', start: 23, end: 36 },
      label: 'person',
      entity: 'lee-jae-myung',
      status: 'confirmed',
      note: 'Folded note over two lines\n',
      thread: [],
      extra: { custom: [1, 2] },
    });
    assert.deepEqual(claim.target, { quote: 'a new chapter', prefix: '', suffix: '', start: 120, end: 133 });
    assert.deepEqual(claim.thread, [
      { author: 'bob', time: '2026-01-06T09:00:00Z', body: 'Source?\nThe wire copy says otherwise.\n', extra: { mood: 'grumpy' } },
    ]);
  });

  it('reads an empty file as an empty, writable sidecar', () => {
    for (const text of ['', '\n', '# nothing yet\n']) {
      assert.deepEqual(parseSidecar(text), { version: 1, annotations: [], problems: [], writable: true });
    }
  });

  it('reports YAML syntax errors at their 0-based line and column and refuses to save', () => {
    const broken = 'version: 1\nannotations:\n  - id: a\n    target: {quote: x, start: 1\n    label: person\n';
    const s = parseSidecar(broken);
    assert.equal(s.writable, false);
    assert.ok(s.problems.length > 0);
    assert.ok(s.problems.every(p => p.severity === 'error'));
    assert.equal(s.problems[0].line, 4, JSON.stringify(s.problems));
    assert.throws(() => serializeSidecar(broken, [], {}), SidecarWriteError);
  });

  it('reports duplicate keys and multiple documents', () => {
    const dup = parseSidecar('version: 1\nannotations: []\nversion: 1\n');
    assert.equal(dup.writable, false);
    assert.deepEqual([dup.problems[0].line, dup.problems[0].column], [2, 0]);
    assert.match(dup.problems[0].message, /unique/);
    const multi = parseSidecar('version: 1\n---\nversion: 1\n');
    assert.equal(multi.writable, false);
    assert.equal(multi.problems[0].line, 1);
  });

  it('refuses a billion-laughs alias bomb quickly, without expanding it', function () {
    this.timeout(5000);
    const levels = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
    for (let i = 1; i < 12; i++) {
      const prev = String.fromCharCode(96 + i),
        cur = String.fromCharCode(97 + i);
      levels.push(
        `${cur}: &${cur} [${Array(9)
          .fill('*' + prev)
          .join(',')}]`,
      );
    }
    const bomb = `version: 1\n${levels.join('\n')}\nannotations:\n  - id: x\n    target: {quote: q, start: 0, end: 1}\n    label: *l\n`;
    const started = Date.now();
    const s = parseSidecar(bomb);
    const ms = Date.now() - started;
    assert.equal(s.writable, false);
    assert.match(s.problems[0].message, /aliases/);
    assert.deepEqual(s.annotations, []);
    console.log(`      (alias bomb of 9^12 nodes refused in ${ms} ms)`);
  });

  it('reports schema violations with their position and path', () => {
    const text = [
      'version: 1', // 0
      'dct: January 5', // 1
      'annotations:', // 2
      '  - id: a', // 3
      '    target: {quote: x, start: 5, end: 2}', // 4
      '    label: person', // 5
      '  - target: {quote: y, start: 1, end: 2}', // 6  (no id)
      '    label: person', // 7
      '  - id: c', // 8
      '    target: {quote: z, start: 1, end: 2}', // 9
      '    label: person', // 10
      '    status: maybe', // 11
      '    note: [not, a, string]', // 12
      '  - id: c', // 13
      '    target: {quote: z, start: "1", end: 2}', // 14
      '  - just a string', // 15
      '',
    ].join('\n');
    const s = parseSidecar(text);
    assert.equal(s.writable, false);
    const at = (p: SidecarProblem): string => `${p.line}:${p.path?.join('.')}`;
    const found = s.problems.filter(p => p.severity === 'error').map(at);
    for (const expected of [
      '1:dct',
      '4:annotations.0.target.end',
      '6:annotations.1.id',
      '11:annotations.2.status',
      '12:annotations.2.note',
      '14:annotations.3.target.start',
      '13:annotations.3.label',
      '15:annotations.4',
    ]) {
      assert.ok(found.includes(expected), `${expected} not in ${found.join(', ')}`);
    }
    // The usable annotation is still read so the editor can show it.
    assert.deepEqual(
      s.annotations.map(a => a.id),
      ['c'],
    );
  });

  it('reports duplicate ids, a newer version and a non-list of annotations', () => {
    const dupIds = parseSidecar(
      'version: 1\nannotations:\n  - {id: a, target: {quote: x, start: 0, end: 1}, label: person}\n  - {id: a, target: {quote: x, start: 0, end: 1}, label: person}\n',
    );
    assert.equal(dupIds.writable, false);
    assert.equal(dupIds.problems[0].line, 3);
    assert.match(dupIds.problems[0].message, /duplicate id/);
    const newer = parseSidecar('version: 2\nannotations: []\n');
    assert.equal(newer.writable, false);
    assert.equal(newer.version, 2);
    assert.equal(parseSidecar('annotations: {a: 1}\n').writable, false);
    assert.equal(parseSidecar('- just\n- a list\n').writable, false);
  });

  it('only warns about a missing version, a quote that does not fit its offsets and bad timestamps', () => {
    const s = parseSidecar('annotations:\n  - id: a\n    target: {quote: xyz, start: 0, end: 1}\n    label: person\n    created: yesterday\n');
    assert.equal(s.writable, true);
    assert.deepEqual(
      s.problems.map(p => [p.severity, p.line]),
      [
        ['warning', 0],
        ['warning', 2],
        ['warning', 4],
      ],
    );
  });
});

describe('annotations: writing sidecars', () => {
  it('writes a new file in the canonical layout', () => {
    const text = serializeSidecar(
      undefined,
      [annotation(2, { note: 'Two\nlines', entity: 'e-2', thread: [{ author: 'bob', time: '2026-01-06T00:00:00Z', body: 'ok' }] }), annotation(1)],
      { dct: '2026-01-05' },
    );
    assert.equal(
      text,
      `version: 1
dct: 2026-01-05
annotations:
  - id: a001
    target:
      quote: Name 1
      prefix: "before 1 "
      suffix: " after 1"
      start: 100
      end: 106
    label: person
    status: suggested
    author: ann
    created: 2026-01-05T10:00:00.000Z
    modified: 2026-01-05T10:00:00.000Z
  - id: a002
    target:
      quote: Name 2
      prefix: "before 2 "
      suffix: " after 2"
      start: 200
      end: 206
    label: person
    entity: e-2
    status: suggested
    note: |-
      Two
      lines
    author: ann
    created: 2026-01-05T10:00:00.000Z
    modified: 2026-01-05T10:00:00.000Z
    thread:
      - author: bob
        time: 2026-01-06T00:00:00Z
        body: ok
`,
    );
    assert.equal(serializeSidecar(undefined, [], {}), 'version: 1\nannotations: []\n');
  });

  it('round-trips a hand-written file byte for byte', () => {
    const s = parseSidecar(HAND_WRITTEN);
    assert.equal(serializeSidecar(HAND_WRITTEN, s.annotations, { dct: s.dct }), HAND_WRITTEN);
    assert.equal(serializeSidecar(HAND_WRITTEN, s.annotations), HAND_WRITTEN);
  });

  it('keeps comments, unknown fields, key order and hand formatting when annotations change', () => {
    const s = parseSidecar(HAND_WRITTEN);
    const [lee, claim] = s.annotations;
    const out = serializeSidecar(HAND_WRITTEN, [
      { ...lee, status: 'disputed', note: 'Now a literal\nnote' },
      { ...claim, thread: [...claim.thread, { author: 'ann', time: '2026-01-07T00:00:00Z', body: 'Checked.' }] },
    ]);
    for (const kept of [
      '# Annotations of beijing.txt, checked by hand.',
      'dct: 2026-01-05   # from the print edition',
      'reviewer-notes: keep this   # unknown top-level field',
      '# People first.',
      '  target: {quote: Lee Jae Myung, prefix: "President ", suffix: \' arrived\', start: 23, end: 36, selector-version: 2}',
      '  custom: [1, 2]',
      '  # The claim the article hinges on.',
      '    quote: "a new chapter"',
    ]) {
      assert.ok(out.includes(kept + '\n'), `lost: ${kept}\n${out}`);
    }
    // Changed lines are rendered by the YAML library, but keep their comments.
    assert.ok(out.includes('  status: disputed # checked against the wire copy\n'));
    assert.ok(out.includes('  note: |-\n    Now a literal\n    note\n'));
    assert.ok(/\n *mood: grumpy\n/.test(out));
    const again = parseSidecar(out);
    assert.deepEqual(again.problems, []);
    assert.equal(again.annotations[0].note, 'Now a literal\nnote');
    assert.equal(again.annotations[1].thread.length, 2);
    assert.deepEqual(again.annotations[1].thread[0].extra, { mood: 'grumpy' });
    // Keys keep their order; entity stays between label and status.
    const keys = out
      .split('\n')
      .slice(6, 12)
      .map(l => l.trim().split(':')[0]);
    assert.deepEqual(keys, ['- id', 'target', 'label', 'entity', 'status', 'note']);
  });

  it("changes only the changed annotation's lines", () => {
    const all = Array.from({ length: 50 }, (_, i) => annotation(i + 1));
    const before = serializeSidecar(undefined, all, { dct: '2026-01-05' });
    const edited = all.map(a => (a.id === 'a020' ? { ...a, note: 'Checked with the agency.', modified: '2026-01-06T08:00:00.000Z' } : a));
    const after = serializeSidecar(before, edited, {});
    const [first, last] = linesOf(before, 'a020');
    const hunks = changedLines(before, after);
    assert.ok(hunks.length > 0);
    for (const h of hunks) assert.ok(h.aStart > first && h.aEnd <= last + 1, `hunk ${JSON.stringify(h)} outside ${first}..${last}`);
    // Deleting one annotation deletes exactly its lines.
    const removed = serializeSidecar(
      before,
      all.filter(a => a.id !== 'a030'),
      {},
    );
    const [f30, l30] = linesOf(before, 'a030');
    assert.deepEqual(changedLines(before, removed), [{ aStart: f30, aEnd: l30 + 1, bStart: f30, bEnd: f30 }]);
    // Adding one inserts exactly its lines, at its position.
    const added = serializeSidecar(before, [...all, annotation(7, { id: 'new', target: { ...annotation(7).target, start: 750, end: 756 } })], {});
    const [, l7] = linesOf(before, 'a007');
    const addHunks = changedLines(before, added);
    assert.equal(addHunks.length, 1);
    assert.equal(addHunks[0].aStart, l7 + 1);
    assert.equal(addHunks[0].aEnd, l7 + 1);
  });

  it("lets two reviewers' edits of different annotations merge cleanly line by line (as git would)", () => {
    const all = Array.from({ length: 20 }, (_, i) => annotation(i + 1));
    const base = serializeSidecar(undefined, all, {});
    const alice = serializeSidecar(
      base,
      all.map(a => (a.id === 'a005' ? { ...a, status: 'confirmed' as const } : a)),
      {},
    );
    const bob = serializeSidecar(
      base,
      all.map(a => (a.id === 'a006' ? { ...a, note: 'Which ministry?' } : a)),
      {},
    );
    // Git needs the two sides' hunks to neither overlap nor touch.
    const ha = changedLines(base, alice),
      hb = changedLines(base, bob);
    for (const x of ha) for (const y of hb) assert.ok(x.aEnd < y.aStart || y.aEnd < x.aStart, 'hunks touch');
    const merged = splice3(base.split('\n'), alice.split('\n'), bob.split('\n'))!.join('\n');
    const both = all.map(a => (a.id === 'a005' ? { ...a, status: 'confirmed' as const } : a.id === 'a006' ? { ...a, note: 'Which ministry?' } : a));
    assert.equal(merged, serializeSidecar(undefined, both, {}));
  });

  it('orders annotations by start, end, then id', () => {
    const t = (start: number, end: number) => ({ quote: 'x'.repeat(end - start), prefix: '', suffix: '', start, end });
    const anns: Annotation[] = [
      { ...annotation(1), id: 'b', target: t(10, 20) },
      { ...annotation(1), id: 'a', target: t(10, 20) },
      { ...annotation(1), id: 'c', target: t(10, 15) },
      { ...annotation(1), id: 'd', target: t(5, 30) },
    ];
    const order = parseSidecar(serializeSidecar(undefined, anns, {})).annotations.map(a => a.id);
    assert.deepEqual(order, ['d', 'c', 'a', 'b']);
    // Moving an annotation (its offsets changed after re-anchoring) moves its lines.
    const text = serializeSidecar(undefined, anns, {});
    const moved = serializeSidecar(
      text,
      anns.map(a => (a.id === 'd' ? { ...a, target: t(40, 65) } : a)),
      {},
    );
    assert.deepEqual(
      parseSidecar(moved).annotations.map(a => a.id),
      ['c', 'a', 'b', 'd'],
    );
  });

  it('writes, keeps and removes the publication date as asked', () => {
    const text = serializeSidecar(undefined, [], { dct: '2026-01-05' });
    assert.equal(parseSidecar(serializeSidecar(text, [], {})).dct, '2026-01-05');
    assert.equal(parseSidecar(serializeSidecar(text, [], { dct: '2026-02-01' })).dct, '2026-02-01');
    assert.equal(parseSidecar(serializeSidecar(text, [], { dct: null })).dct, undefined);
    assert.throws(() => serializeSidecar(text, [], { dct: '5 January' }), SidecarWriteError);
  });

  it('writes changed unknown fields, leaves the others', () => {
    const s = parseSidecar(HAND_WRITTEN);
    const out = serializeSidecar(HAND_WRITTEN, [{ ...s.annotations[0], extra: { custom: [1, 2, 3], added: 'yes' } }, s.annotations[1]]);
    assert.deepEqual(parseSidecar(out).annotations[0].extra, { custom: [1, 2, 3], added: 'yes' });
    assert.ok(out.includes('  custom: [1, 2, 3]\n'), out);
  });

  it('keeps CRLF line ends and a byte order mark', () => {
    const crlf = '\uFEFF' + serializeSidecar(undefined, [annotation(1)], {}).replace(/\n/g, '\r\n');
    const out = serializeSidecar(crlf, [annotation(1, { status: 'confirmed' })], {});
    assert.ok(out.startsWith('\uFEFFversion: 1\r\n'));
    assert.ok(!/[^\r]\n/.test(out));
    assert.equal(out, crlf.replace('status: suggested', 'status: confirmed'));
  });

  it('refuses invalid annotations', () => {
    assert.throws(() => serializeSidecar(undefined, [annotation(1), annotation(1)], {}), /duplicate/);
    assert.throws(() => serializeSidecar(undefined, [annotation(1, { status: 'maybe' as never })], {}), /status/);
    assert.throws(() => serializeSidecar(undefined, [annotation(1, { target: { ...annotation(1).target, start: 9, end: 3 } })], {}), /offsets/);
  });

  it('loads and saves 1,000 annotations', () => {
    const all = Array.from({ length: 1000 }, (_, i) => annotation(i + 1, i % 10 === 0 ? { note: `Note ${i}\nsecond line` } : {}));
    const text = serializeSidecar(undefined, all, { dct: '2026-01-05' });
    const started = Date.now();
    const s = parseSidecar(text);
    const out = serializeSidecar(
      text,
      s.annotations.map(a => (a.id === 'a500' ? { ...a, status: 'rejected' as const } : a)),
      { dct: s.dct },
    );
    console.log(`      (load + save of 1,000 annotations: ${Date.now() - started} ms)`);
    assert.equal(s.annotations.length, 1000);
    assert.equal(changedLines(text, out).length, 1);
  });
});
