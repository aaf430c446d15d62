import { strict as assert } from 'node:assert';
import {
  AnnotationBook,
  exportAnnotationsSync,
  MemoryFileSystem,
  mergeSidecars,
  parseSidecar,
  serializeSidecar,
  sidecarPathFor,
  targetFor,
  Workspace,
  type Annotation,
} from '../../src/core';
import { besidePath } from '../../src/core/export/select';

// A discrepancy annotation: its target is one statement, its links the statements of other articles
// that disagree with it (docs/sidecar-schema.md, `links`).
const here = 'The two-day Baltic rail summit opened on Wednesday, 4 March. 😀';
const there = 'Ministers opened the summit in Tallinn on March 3.';

function discrepancy(): Annotation {
  return {
    id: 'p4q8r2st',
    target: targetFor(here, 0, 60),
    label: 'discrepancy',
    status: 'confirmed',
    thread: [],
    links: [{ document: '../wire/nordic.txt', ...targetFor(there, 0, there.length) }],
    note: 'Dates: 2026-03-04 here, 2026-03-03 there.',
  };
}

describe('annotations: links to other articles', () => {
  it('are written and read back, and a change rewrites only them', () => {
    const text = serializeSidecar(undefined, [discrepancy()]);
    assert.match(text, /links:\n\s+- document: \.\.\/wire\/nordic\.txt/);
    const parsed = parseSidecar(text);
    assert.deepEqual(parsed.problems, []);
    assert.deepEqual(parsed.annotations[0].links, discrepancy().links);

    const changed = { ...parsed.annotations[0], links: [...parsed.annotations[0].links!, { document: 'observer.txt', ...targetFor('On Tuesday.', 3, 10) }] };
    const after = serializeSidecar(text, [changed]);
    assert.deepEqual(
      parseSidecar(after).annotations[0].links?.map(l => l.document),
      ['../wire/nordic.txt', 'observer.txt'],
    );
    const unchanged = text.split('\n').filter(l => !/^\s/.test(l) || /note|status|label/.test(l));
    for (const line of unchanged) assert.ok(after.includes(line), `the line "${line}" was rewritten`);
  });

  it('a link without document or with bad offsets is an error, and the file is not writable', () => {
    const parsed = parseSidecar(
      'version: 1\nannotations:\n  - id: a\n    label: discrepancy\n    target: {quote: x, start: 0, end: 1}\n    links:\n      - quote: y\n        start: 3\n        end: 1\n',
    );
    assert.equal(parsed.writable, false);
    assert.ok(parsed.problems.some(p => /document/.test(p.message)));
    assert.ok(parsed.problems.some(p => /'end' must not be less than 'start'/.test(p.message)));
    assert.throws(() => serializeSidecar(undefined, [{ ...discrepancy(), links: [{ document: '', ...targetFor(there, 0, 3) }] }]), /link needs a document/);
  });

  it('merge as one unit: a conflicting change keeps theirs and records mine in the thread', () => {
    const base = discrepancy();
    const mine = { ...base, links: [] };
    const theirs = { ...base, links: [{ ...base.links![0], document: 'other.txt' }] };
    const merged = mergeSidecars({ annotations: [base] }, { annotations: [mine] }, { annotations: [theirs] }, { now: () => '2026-03-06T00:00:00Z' });
    assert.deepEqual(
      merged.annotations[0].links?.map(l => l.document),
      ['other.txt'],
    );
    assert.ok(merged.conflicts.some(c => c.field === 'links'));
    assert.match(merged.annotations[0].thread.at(-1)!.body, /links:/);
  });

  it('are exported to W3C as more targets, by quote, with paths from the export root', () => {
    assert.equal(besidePath('rail/observer/a.txt', '../wire/nordic.txt'), 'rail/wire/nordic.txt');
    const { files } = exportAnnotationsSync('w3c', [{ path: 'rail/observer/a.txt', text: here, annotations: [discrepancy()] }]);
    const json = JSON.parse(files[0].content);
    const annotation = json['@graph'].find((n: { type: string }) => n.type === 'AnnotationPage').items[0];
    assert.ok(Array.isArray(annotation.target));
    assert.equal(annotation.target.length, 2);
    assert.match(annotation.target[1].source, /rail\/wire\/nordic\.txt$/);
    assert.equal(annotation.target[1].selector.exact, there);
  });

  it('are stored by the workspace core when a reviewer decides on a discrepancy, and read back', async () => {
    const fs = new MemoryFileSystem().mkdir('/ws').put('/ws/observer/a.txt', here);
    const book = new AnnotationBook(new Workspace(fs, '/ws'), {
      text: async () => here,
      isDirty: () => false,
      author: async () => 'ann',
      report: () => undefined,
      now: () => '2026-03-06T00:00:00Z',
    });
    const { links } = discrepancy();
    await book.create('/ws/observer/a.txt', { start: 0, end: 60, label: 'discrepancy', status: 'rejected', links });
    const stored = parseSidecar(fs.text(sidecarPathFor('/ws/observer/a.txt')) ?? '');
    assert.equal(stored.annotations[0].status, 'rejected');
    assert.deepEqual(stored.annotations[0].links, links);
  });
});
