// Property: however two windows' saves of one sidecar interleave (fast-check's scheduler orders
// every file system operation), no annotation either of them made is lost.
import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { AnnotationBook, MemoryFileSystem, parseSidecar, serializeSidecar, targetFor, Workspace, type AnnotationHost } from '../../src/core';

const TEXT = 'Published: 5 January 2026\n\nLee Jae Myung met Xi Jinping in Beijing on Sunday.\n';
const QUOTES = ['Lee Jae Myung', 'Xi Jinping', 'Beijing', 'Sunday', 'January'];

const host: AnnotationHost = {
  text: async () => TEXT,
  isDirty: () => false,
  author: async () => 'ann',
  report: () => undefined,
};

type Action =
  { window: number; kind: 'create'; quote: number } | { window: number; kind: 'note'; note: string } | { window: number; kind: 'date'; day: number };

const action: fc.Arbitrary<Action> = fc.oneof(
  fc.record({ window: fc.nat(1), kind: fc.constant('create' as const), quote: fc.nat(QUOTES.length - 1) }),
  fc.record({ window: fc.nat(1), kind: fc.constant('note' as const), note: fc.string({ minLength: 1, maxLength: 8 }) }),
  fc.record({ window: fc.nat(1), kind: fc.constant('date' as const), day: fc.integer({ min: 1, max: 28 }) }),
);

describe('concurrent windows (property)', function () {
  this.timeout(120_000);
  it('keep every annotation created, whatever the order of their file operations', async () => {
    await fc.assert(
      fc.asyncProperty(fc.scheduler(), fc.array(action, { minLength: 2, maxLength: 6 }), async (s, actions) => {
        const start = TEXT.indexOf('Xi Jinping');
        const fs = new MemoryFileSystem()
          .put('/ws/a.txt', TEXT)
          .put(
            '/ws/a.txt.annotations.yaml',
            serializeSidecar(undefined, [{ id: 'keep0001', target: targetFor(TEXT, start, start + 10), label: 'person', status: 'confirmed', thread: [] }]),
          );
        const books = [0, 1].map(() => new AnnotationBook(new Workspace(fs, '/ws', { lock: { timeoutMs: 60_000 } }), host));
        await Promise.all(books.map(b => b.get('/ws/a.txt')));
        fs.hook = () => s.schedule(Promise.resolve());
        const created: string[] = [];
        const runs = actions.map(async a => {
          const book = books[a.window];
          if (a.kind === 'create') {
            const q = TEXT.indexOf(QUOTES[a.quote]);
            created.push((await book.create('/ws/a.txt', { start: q, end: q + QUOTES[a.quote].length, label: 'claim' })).id);
          } else if (a.kind === 'note') {
            await book.update(
              'keep0001',
              x => {
                x.note = a.note;
              },
              '/ws/a.txt',
            );
          } else {
            await book.setPublicationDate('/ws/a.txt', `2026-01-${String(a.day).padStart(2, '0')}`);
          }
        });
        const results = await s.waitFor(Promise.allSettled(runs));
        fs.hook = undefined;
        for (const r of results) assert.equal(r.status, 'fulfilled', String((r as PromiseRejectedResult).reason));
        const final = parseSidecar(fs.text('/ws/a.txt.annotations.yaml')!);
        assert.ok(final.writable);
        const ids = final.annotations.map(a => a.id);
        for (const id of ['keep0001', ...created]) assert.ok(ids.includes(id), `${id} lost: ${ids.join(' ')}`);
        assert.deepEqual(fs.filesMatching(/marginalia-(tmp|lock)$/), []);
      }),
      { numRuns: 40 },
    );
  });
});
