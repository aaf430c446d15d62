import { strict as assert } from 'node:assert';
import { mergeSidecars, parseSidecar, reconcileSidecar, serializeSidecar, type Annotation } from '../../src/core/annotations';
import { sequentialIdGenerator } from '../fixtures/ids';

function ann(id: string, start: number, extra: Partial<Annotation> = {}): Annotation {
  return {
    id,
    target: { quote: 'Lee', prefix: 'President ', suffix: ' said', start, end: start + 3 },
    label: 'person',
    status: 'suggested',
    thread: [],
    author: 'ann',
    created: '2026-01-05T10:00:00.000Z',
    modified: '2026-01-05T10:00:00.000Z',
    ...extra,
  };
}

const NOW = '2026-02-01T12:00:00.000Z';
const opts = { now: () => NOW, author: 'me', generateId: sequentialIdGenerator('n') };
const ids = (anns: readonly Annotation[]): string[] => anns.map(a => a.id);
const byId = (anns: readonly Annotation[], id: string): Annotation => anns.find(a => a.id === id)!;

describe('annotations: three-way merge', () => {
  const base = { annotations: [ann('a', 10), ann('b', 20), ann('c', 30)], dct: '2026-01-05' };

  it("takes each side's changes to different annotations and fields", () => {
    const mine = { ...base, annotations: [ann('a', 10, { status: 'confirmed' }), ann('b', 20), ann('c', 30, { note: 'mine' }), ann('m', 5)] };
    const theirs = { ...base, annotations: [ann('a', 10, { label: 'claim' }), ann('b', 20, { entity: 'lee' }), ann('c', 30), ann('t', 40)] };
    const r = mergeSidecars(base, mine, theirs, opts);
    assert.deepEqual(r.conflicts, []);
    assert.deepEqual(ids(r.annotations), ['m', 'a', 'b', 'c', 't']);
    assert.equal(byId(r.annotations, 'a').status, 'confirmed');
    assert.equal(byId(r.annotations, 'a').label, 'claim');
    assert.equal(byId(r.annotations, 'b').entity, 'lee');
    assert.equal(byId(r.annotations, 'c').note, 'mine');
    assert.equal(r.dct, '2026-01-05');
  });

  it('on a conflicting status theirs stays and mine is recorded in the thread', () => {
    const mine = { annotations: [ann('a', 10, { status: 'confirmed' }), ann('b', 20), ann('c', 30)] };
    const theirs = { annotations: [ann('a', 10, { status: 'rejected' }), ann('b', 20), ann('c', 30)] };
    const r = mergeSidecars(base, mine, theirs, opts);
    const a = byId(r.annotations, 'a');
    assert.equal(a.status, 'rejected');
    assert.deepEqual(a.thread, [
      { author: 'me', time: NOW, body: 'Conflicting change not applied (the sidecar was changed elsewhere meanwhile): status: confirmed' },
    ]);
    assert.deepEqual(
      r.conflicts.map(c => [c.id, c.field, c.mine, c.theirs]),
      [['a', 'status', 'confirmed', 'rejected']],
    );
  });

  it('keeps both notes: my addition appended to theirs', () => {
    const b = { annotations: [ann('a', 10, { note: 'Base.' })] };
    const r = mergeSidecars(b, { annotations: [ann('a', 10, { note: 'Base.\nMine.' })] }, { annotations: [ann('a', 10, { note: 'Base.\nTheirs.' })] }, opts);
    assert.equal(r.annotations[0].note, 'Base.\nTheirs.\n\nMine.');
    const r2 = mergeSidecars(b, { annotations: [ann('a', 10, { note: 'Rewritten.' })] }, { annotations: [ann('a', 10, { note: 'Other.' })] }, opts);
    assert.equal(r2.annotations[0].note, 'Other.\n\nRewritten.');
    assert.equal(r2.conflicts[0].field, 'note');
  });

  it('unites both threads and keeps the later modification time', () => {
    const reply = (author: string, time: string) => ({ author, time, body: `${author} says` });
    const b = { annotations: [ann('a', 10, { thread: [reply('x', '2026-01-01T00:00:00Z'), reply('y', '2026-01-02T00:00:00Z')] })] };
    const mine = {
      annotations: [
        ann('a', 10, {
          thread: [reply('x', '2026-01-01T00:00:00Z'), reply('y', '2026-01-02T00:00:00Z'), reply('me', '2026-01-04T00:00:00Z')],
          modified: '2026-01-04T00:00:00Z',
        }),
      ],
    };
    const theirs = {
      annotations: [ann('a', 10, { thread: [reply('y', '2026-01-02T00:00:00Z'), reply('them', '2026-01-03T00:00:00Z')], modified: '2026-01-03T00:00:00Z' })],
    };
    const r = mergeSidecars(b, mine, theirs, opts);
    assert.deepEqual(
      r.annotations[0].thread.map(x => x.author),
      ['y', 'them', 'me'],
    );
    assert.equal(r.annotations[0].modified, '2026-01-04T00:00:00Z');
  });

  it('deletes what one side deleted and the other left alone; a change beats a deletion', () => {
    const mine = { annotations: [ann('b', 20, { note: 'changed here' })] }; // deleted a and c
    const theirs = { annotations: [ann('a', 10, { status: 'confirmed' }), ann('b', 20)] }; // changed a, deleted c
    const r = mergeSidecars(base, mine, theirs, opts);
    assert.deepEqual(ids(r.annotations), ['a', 'b']);
    assert.equal(byId(r.annotations, 'a').status, 'confirmed');
    assert.equal(byId(r.annotations, 'b').note, 'changed here');
    assert.deepEqual(
      r.conflicts.map(c => [c.id, c.resolution]),
      [['a', 'changed on disk but deleted here: kept']],
    );
  });

  it('gives my annotation a new id when both sides added the same id', () => {
    const mine = { annotations: [...base.annotations, ann('x', 50, { label: 'claim' })] };
    const theirs = { annotations: [...base.annotations, ann('x', 60)] };
    const r = mergeSidecars(base, mine, theirs, opts);
    assert.deepEqual(ids(r.annotations), ['a', 'b', 'c', 'n1', 'x']);
    assert.equal(byId(r.annotations, 'n1').target.start, 50);
    const same = mergeSidecars(base, theirs, theirs, opts);
    assert.deepEqual(ids(same.annotations), ['a', 'b', 'c', 'x']);
  });

  it('merges unknown fields key by key', () => {
    const b = { annotations: [ann('a', 10, { extra: { k1: 1, k2: 2 } })] };
    const r = mergeSidecars(
      b,
      { annotations: [ann('a', 10, { extra: { k1: 10, k2: 2 } })] },
      { annotations: [ann('a', 10, { extra: { k1: 1, k2: 20, k3: 3 } })] },
      opts,
    );
    assert.deepEqual(r.annotations[0].extra, { k1: 10, k2: 20, k3: 3 });
  });
});

describe('annotations: reconciling with the file on disk', () => {
  it('merges my unsaved changes into the file another writer changed, keeping their comments', () => {
    const lastRead = serializeSidecar(undefined, [ann('a', 10), ann('b', 20)], { dct: '2026-01-05' });
    // Another writer (a teammate's pull, another window) adds a comment, a field and an annotation.
    const onDisk = serializeSidecar(lastRead, [ann('a', 10, { entity: 'lee' }), ann('b', 20), ann('c', 30)], {}).replace(
      'annotations:\n',
      '# Checked by Bob.\nannotations:\n',
    );
    const mine = { annotations: [ann('a', 10, { status: 'confirmed' }), ann('b', 20, { note: 'Mine.' })], dct: '2026-01-05' };
    const r = reconcileSidecar(onDisk, lastRead, mine, opts);
    assert.ok(r.text);
    assert.ok(r.text!.includes('# Checked by Bob.\n'));
    const after = parseSidecar(r.text!);
    assert.deepEqual(ids(after.annotations), ['a', 'b', 'c']);
    assert.equal(byId(after.annotations, 'a').entity, 'lee');
    assert.equal(byId(after.annotations, 'a').status, 'confirmed');
    assert.equal(byId(after.annotations, 'b').note, 'Mine.');
    assert.equal(after.dct, '2026-01-05');
  });

  it('writes nothing when the file on disk is broken', () => {
    const r = reconcileSidecar('version: 1\nannotations: [\n', '', { annotations: [ann('a', 1)] }, opts);
    assert.equal(r.text, undefined);
    assert.ok(r.problems.some(p => p.severity === 'error'));
  });
});
