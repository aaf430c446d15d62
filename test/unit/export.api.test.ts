import { strict as assert } from 'node:assert';
import { mergeImported } from '../../src/core';
import type { Registry } from '../../src/core/corpus/registry';
import { CancelledError, EXPORT_FORMATS, exportAnnotations, exportAnnotationsSync, OffsetMap, type ExportDocument } from '../../src/core/export';
import { annotate, astralDocument, crlfDocument } from '../fixtures/exportDocs';
import { sequentialIdGenerator } from '../fixtures/ids';

const spansOf = (docs: ExportDocument[], options = {}): string[] =>
  JSON.parse(exportAnnotationsSync('jsonl', docs, options).files[0].content.split('\n')[0]).spans.map(
    (s: { start: number; end: number; label: string; status: string }) => `${docs[0].text.slice(s.start, s.end)}/${s.label}/${s.status}`,
  );

describe('export: API', () => {
  it('converts offsets between UTF-16 and code points', () => {
    const text = 'a😀b𠀀\r\n🇰🇷c';
    const map = new OffsetMap(text);
    assert.equal(map.codePointLength, Array.from(text).length);
    for (let cp = 0; cp <= map.codePointLength; cp++) {
      const u = map.toUtf16(cp);
      assert.equal(text.slice(0, u), Array.from(text).slice(0, cp).join(''));
      assert.equal(map.toCodePoint(u), cp);
    }
    assert.equal(map.toCodePoint(2), 1, "inside a pair: the pair's start");
    assert.equal(new OffsetMap('\ud800x').codePointLength, 2, 'a lone surrogate is one code point');
  });

  it('exports reviewed annotations by default; suggestions and rejected ones on request', () => {
    const doc = crlfDocument();
    const reviewed = spansOf([doc]);
    assert.ok(!reviewed.some(s => s.endsWith('/suggested') || s.endsWith('/rejected')));
    assert.equal(reviewed.length, doc.annotations.filter(a => a.status === 'confirmed' || a.status === 'disputed').length);
    assert.ok(spansOf([doc], { includeSuggestions: true }).includes('Kim Min-ji/person/suggested'));
    assert.ok(spansOf([doc], { includeRejected: true }).includes('Beijing/place/rejected'));
  });

  it('adds recognized mentions no annotation covers, through the registry', () => {
    const text = 'Lee and Park met Moon in Seoul, Korea.';
    const m = (q: string, kind: 'person' | 'place', entity?: string) => ({ start: text.indexOf(q), end: text.indexOf(q) + q.length, text: q, kind, entity });
    const registry: Registry = {
      entities: [
        { id: 'moon-jae-in', name: 'Moon Jae-in', aliases: [], merged: ['moon'] },
        { id: 'park', aliases: [], merged: [], notEntity: true },
      ],
      notEntities: ['korea'],
    };
    const doc: ExportDocument = {
      path: 'r.txt',
      text,
      annotations: [
        annotate(text, { id: 'x', quote: 'Lee', label: 'organization' }), // relabelled: same span covers it
        annotate(text, { id: 'y', quote: 'Seoul, Korea', label: 'place', status: 'rejected' }), // overlapping, same kind
      ],
      mentions: [m('Lee', 'person'), m('Park', 'person', 'park'), m('Moon', 'person', 'moon'), m('Seoul', 'place'), m('Korea', 'place')],
    };
    const { files } = exportAnnotationsSync('jsonl', [doc], { includeSuggestions: true, registry });
    const spans = JSON.parse(files[0].content).spans;
    assert.deepEqual(
      spans.map((s: { start: number; end: number; label: string; entity?: string; status: string }) => [
        text.slice(s.start, s.end),
        s.label,
        s.entity,
        s.status,
      ]),
      [
        ['Lee', 'organization', undefined, 'confirmed'],
        ['Moon', 'person', 'moon-jae-in', 'suggested'],
      ],
    );
  });

  it('re-anchors annotations whose text moved, and reports those that are gone', () => {
    const doc = astralDocument();
    const text = `New first line.\n${doc.text.replace('Busan', 'Daegu')}`;
    const { files, problems } = exportAnnotationsSync('csv', [{ ...doc, text }], { includeSuggestions: true });
    assert.deepEqual(
      problems.map(p => [p.path, p.annotation]),
      [['news/astral.md', 'b3']],
    );
    const rows = files[0].content.trimEnd().split('\r\n').slice(1);
    assert.equal(rows.length, doc.annotations.length - 1);
  });

  it('calls back per document, cancels with nothing produced, and refuses bad paths', async () => {
    const docs = [crlfDocument(), astralDocument()];
    const seen: string[] = [];
    for (const format of EXPORT_FORMATS) {
      seen.length = 0;
      const result = await exportAnnotations(format, docs, { onDocument: p => seen.push(`${p.index + 1}/${p.total} ${p.path}`) });
      assert.deepEqual(seen, ['1/2 news/crlf.txt', '2/2 news/astral.md'], format);
      assert.ok(result.files.length > 0);
      let calls = 0;
      await assert.rejects(exportAnnotations(format, docs, { isCancelled: () => ++calls > 1 }), CancelledError);
      assert.throws(
        () => exportAnnotationsSync(format, docs, { isCancelled: () => true }),
        (e: Error) => e instanceof CancelledError && e.name === 'CancelledError',
      );
    }
    for (const path of ['/abs.txt', '../up.txt', 'a/../b.txt', 'C:/x.txt', '', 'a//b.txt']) {
      assert.throws(() => exportAnnotationsSync('brat', [{ ...docs[0], path }]), TypeError, path);
    }
    assert.throws(() => exportAnnotationsSync('csv', [docs[0], docs[0]]), /twice/);
    assert.equal(exportAnnotationsSync('brat', [{ ...docs[0], path: 'win\\dir\\a.txt' }]).files[0].path, 'win/dir/a.txt');
    assert.throws(() => exportAnnotationsSync('pdf' as never, docs), RangeError);
  });

  it('yields to the event loop during long exports so cancellation can arrive', async () => {
    const doc = crlfDocument();
    const docs = Array.from({ length: 3000 }, (_, i) => ({ ...doc, path: `d/${i}.txt` }));
    let cancelled = false;
    setTimeout(() => {
      cancelled = true;
    }, 1);
    await assert.rejects(exportAnnotations('w3c', docs, { isCancelled: () => cancelled }), CancelledError);
  });

  it('merges imports: same span and label is the same annotation; ids of the import adopted when free', () => {
    const doc = crlfDocument();
    const [a1, a2] = doc.annotations;
    const result = mergeImported(
      [a1],
      [
        { target: a1.target, label: a1.label, status: 'disputed' },
        { id: 'a1', target: a2.target, label: a2.label },
        { id: 'fresh', target: a2.target, label: 'claim', thread: [{ author: 'x', time: '2026-01-01T00:00:00Z', body: 'b' }] },
        { target: a2.target, label: 'claim', thread: [{ author: 'x', time: '2026-01-01T00:00:00Z', body: 'b' }] },
      ],
      { generateId: sequentialIdGenerator('n'), now: () => 'NOW' },
    );
    assert.deepEqual(result.updated, ['a1']);
    assert.deepEqual(result.added, ['n1', 'fresh']);
    assert.equal(result.unchanged, 1);
    assert.deepEqual(
      result.annotations.map(a => [a.id, a.label, a.status, a.thread.length]),
      [
        ['a1', 'place', 'disputed', 0],
        ['fresh', 'claim', 'confirmed', 1],
        ['n1', 'person', 'confirmed', 0],
      ],
    );
    assert.equal(result.annotations[0].modified, 'NOW');
  });
});
