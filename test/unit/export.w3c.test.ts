import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import jsonld from 'jsonld';
import type { RemoteDocument } from 'jsonld/jsonld-spec';
import type { Annotation } from '../../src/core/annotations';
import { ANNO_CONTEXT, exportAnnotationsSync, importW3c, readW3c, type ExportDocument } from '../../src/core/export';
import { ALL, annotate, astralDocument, crlfDocument } from '../fixtures/exportDocs';
import { sequentialIdGenerator } from '../fixtures/ids';

const OA = 'http://www.w3.org/ns/oa#';
const AS = 'http://www.w3.org/ns/activitystreams#';
const DCTERMS = 'http://purl.org/dc/terms/';
const RDF_VALUE = 'http://www.w3.org/1999/02/22-rdf-syntax-ns#value';

const annoContext = JSON.parse(readFileSync(join(__dirname, '..', 'fixtures', 'anno.jsonld'), 'utf8'));

/** Answers the anno.jsonld context from the fixture; any other URL is an error (no network). */
async function documentLoader(url: string): Promise<RemoteDocument> {
  if (url === ANNO_CONTEXT) return { contextUrl: undefined, documentUrl: url, document: annoContext };
  throw new Error(`test document loader: no network (${url})`);
}

type Node = Record<string, unknown[]> & { '@id'?: string; '@type'?: string[] };

function exportW3c(docs: ExportDocument[], options = {}): { content: string; json: unknown } {
  const { files } = exportAnnotationsSync('w3c', docs, { ...ALL, ...options });
  assert.equal(files.length, 1);
  assert.equal(files[0].path, 'annotations.jsonld');
  return { content: files[0].content, json: JSON.parse(files[0].content) };
}

const strip = (a: Annotation): Annotation => {
  const { extra: _extra, ...rest } = a;
  return rest;
};

describe('export: W3C Web Annotation', () => {
  it('round-trips annotations (spans, labels, statuses, notes, entities, threads, ids) on CRLF and astral text', () => {
    const docs = [crlfDocument(), astralDocument()];
    const { content } = exportW3c(docs);
    const result = importW3c(
      content,
      docs.map(d => ({ path: d.path, text: d.text, annotations: [] })),
      { generateId: sequentialIdGenerator('new') },
    );
    assert.deepEqual(result.problems, []);
    for (const [i, doc] of docs.entries()) {
      assert.equal(result.documents[i].path, doc.path);
      assert.deepEqual(
        result.documents[i].annotations,
        doc.annotations.map(strip).sort((a, b) => a.target.start - b.target.start || a.target.end - b.target.end),
      );
      assert.equal(result.documents[i].added.length, doc.annotations.length);
    }
  });

  it('importing the export into the same sidecar changes nothing and adds no duplicates', () => {
    const docs = [crlfDocument(), astralDocument()];
    const { content } = exportW3c(docs);
    const result = importW3c(content, docs);
    for (const [i, doc] of docs.entries()) {
      assert.equal(result.documents[i].annotations.length, doc.annotations.length);
      assert.deepEqual(result.documents[i].added, []);
      assert.deepEqual(result.documents[i].updated, []);
    }
  });

  it('updates the status and note of a matching annotation (same span and label, other id)', () => {
    const doc = crlfDocument();
    const { content } = exportW3c([{ ...doc, annotations: [{ ...doc.annotations[2], id: 'zz', status: 'disputed', note: 'which Xi?' }] }]);
    const result = importW3c(content, [doc]);
    const [d] = result.documents;
    assert.deepEqual(d.added, []);
    assert.deepEqual(d.updated, ['a3']);
    const a3 = d.annotations.find(a => a.id === 'a3')!;
    assert.equal(a3.status, 'disputed');
    assert.equal(a3.note, 'which Xi?');
    assert.equal(d.annotations.length, doc.annotations.length);
  });

  it('expands with a real JSON-LD processor to the Web Annotation vocabulary (code-point positions)', async () => {
    const doc = crlfDocument();
    const { json } = exportW3c([doc]);
    const expanded = (await jsonld.expand(json as object, { documentLoader })) as unknown as Node[];
    const byId = new Map(expanded.map(n => [n['@id'], n]));
    const collection = expanded.find(n => n['@type']?.includes(`${AS}OrderedCollection`))!;
    assert.ok(collection, 'an AnnotationCollection (as:OrderedCollection)');
    assert.deepEqual(collection[`${AS}totalItems`], [{ '@value': doc.annotations.length + 2 }]); // 2 replies
    const firstPage = byId.get((collection[`${AS}first`][0] as { '@id': string })['@id'])!;
    assert.deepEqual(firstPage['@type'], [`${AS}OrderedCollectionPage`]);
    assert.deepEqual(firstPage[`${AS}partOf`], [{ '@id': collection['@id'] }]);
    const items = (firstPage[`${AS}items`][0] as { '@list': Node[] })['@list'];
    assert.equal(items.length, doc.annotations.length + 2);

    const lee = items.find(n => n['@id'] === 'urn:marginalia:news/crlf.txt#a2')!;
    assert.deepEqual(lee['@type'], [`${OA}Annotation`]);
    assert.deepEqual(
      new Set((lee[`${OA}motivatedBy`] as { '@id': string }[]).map(m => m['@id'])),
      new Set([`${OA}tagging`, `${OA}identifying`, `${OA}assessing`, `${OA}commenting`]),
    );
    assert.deepEqual(lee[`${DCTERMS}created`], [{ '@value': '2026-01-06T09:00:00.000Z' }]);
    const creator = lee[`${DCTERMS}creator`][0] as Node;
    assert.deepEqual(creator['@type'], ['http://xmlns.com/foaf/0.1/Person']);
    assert.deepEqual(creator['http://xmlns.com/foaf/0.1/name'], [{ '@value': 'alice' }]);

    const target = lee[`${OA}hasTarget`][0] as Node;
    assert.deepEqual(target[`${OA}hasSource`], [{ '@id': 'urn:marginalia:news/crlf.txt' }]);
    const selectors = target[`${OA}hasSelector`] as Node[];
    const position = selectors.find(s => s['@type']?.includes(`${OA}TextPositionSelector`))!;
    const quote = selectors.find(s => s['@type']?.includes(`${OA}TextQuoteSelector`))!;
    const start = (position[`${OA}start`][0] as { '@value': number })['@value'];
    const end = (position[`${OA}end`][0] as { '@value': number })['@value'];
    assert.equal(typeof start, 'number');
    assert.equal(Array.from(doc.text).slice(start, end).join(''), 'Lee Jae Myung');
    assert.ok(start < doc.annotations[1].target.start, 'code points, fewer than UTF-16 units after astral characters');
    assert.deepEqual(quote[`${OA}exact`], [{ '@value': 'Lee Jae Myung' }]);
    assert.deepEqual(quote[`${OA}prefix`], [{ '@value': doc.annotations[1].target.prefix }]);

    const bodies = lee[`${OA}hasBody`] as Node[];
    const purpose = (b: Node): string => (b[`${OA}hasPurpose`][0] as { '@id': string })['@id'];
    const tag = bodies.find(b => purpose(b) === `${OA}tagging`)!;
    assert.deepEqual(tag['@type'], [`${OA}TextualBody`]);
    assert.deepEqual(tag[RDF_VALUE], [{ '@value': 'person' }]);
    const entity = bodies.find(b => purpose(b) === `${OA}identifying`)!;
    assert.deepEqual(entity['@type'], [`${OA}SpecificResource`]);
    assert.deepEqual(entity[`${OA}hasSource`], [{ '@id': 'urn:marginalia:entity:lee-jae-myung' }]);
    assert.deepEqual(bodies.find(b => purpose(b) === `${OA}assessing`)![RDF_VALUE], [{ '@value': 'disputed' }]);
    assert.deepEqual(bodies.find(b => purpose(b) === `${OA}commenting`)![RDF_VALUE], [{ '@value': doc.annotations[1].note }]);

    // Every term expanded to an absolute IRI (anno.jsonld has no `assessing` term, for one).
    const relative: string[] = [];
    const walk = (v: unknown): void => {
      if (Array.isArray(v)) {
        v.forEach(walk);
        return;
      }
      if (!v || typeof v !== 'object') return;
      for (const [k, x] of Object.entries(v)) {
        if (!k.startsWith('@') && !/^[a-z][a-z0-9+.-]*:/i.test(k)) relative.push(k);
        if ((k === '@id' || k === '@type') && [x].flat().some(i => typeof i === 'string' && !/^[a-z][a-z0-9+.-]*:/i.test(i))) relative.push(String(x));
        walk(x);
      }
    };
    walk(expanded);
    assert.deepEqual(relative, []);

    const reply = items.find(n => n['@id'] === 'urn:marginalia:news/crlf.txt#a2/replies/1')!;
    assert.deepEqual(reply[`${OA}motivatedBy`], [{ '@id': `${OA}replying` }]);
    assert.deepEqual(reply[`${OA}hasTarget`], [{ '@id': 'urn:marginalia:news/crlf.txt#a2' }]);
  });

  it('pages the collection: first/last, next/prev, partOf, startIndex', async () => {
    const doc = crlfDocument();
    const { json } = exportW3c([doc], { pageSize: 4 });
    const graph = (json as { '@graph': Record<string, unknown>[] })['@graph'];
    const [collection, ...pages] = graph;
    const total = doc.annotations.length + 2;
    assert.equal(collection.total, total);
    assert.equal(pages.length, Math.ceil(total / 4));
    assert.equal(collection.first, pages[0].id);
    assert.equal(collection.last, pages[pages.length - 1].id);
    pages.forEach((p, i) => {
      assert.equal(p.type, 'AnnotationPage');
      assert.equal(p.partOf, collection.id);
      assert.equal(p.startIndex, i * 4);
      assert.equal(p.next, pages[i + 1]?.id);
      assert.equal(p.prev, pages[i - 1]?.id);
    });
    assert.deepEqual(pages.flatMap(p => p.items as unknown[]).length, total);
    // Expansion keeps every page's items as an ordered list.
    const expanded = (await jsonld.expand(json as object, { documentLoader })) as unknown as Node[];
    const lists = expanded.filter(n => n[`${AS}items`]).map(n => (n[`${AS}items`][0] as { '@list': unknown[] })['@list'].length);
    assert.equal(
      lists.reduce((a, b) => a + b, 0),
      total,
    );
    // The paged export imports the same as the single page.
    const back = importW3c(json, [{ ...doc, annotations: [] }]);
    assert.equal(back.documents[0].annotations.length, doc.annotations.length);
    assert.equal(back.documents[0].annotations.find(a => a.id === 'a2')!.thread.length, 2);
  });

  it('uses the base IRI for sources and ids, percent-encoding path segments', () => {
    const doc = { ...astralDocument(), path: 'my folder/ö.md' };
    const { json } = exportW3c([doc], { baseIri: 'https://example.org/articles/' });
    const graph = (json as { '@graph': { id: string; items?: { id: string; target: { source: string } }[] }[] })['@graph'];
    assert.equal(graph[0].id, 'https://example.org/articles/annotations.jsonld');
    const first = graph[1].items![0];
    assert.equal(first.target.source, 'https://example.org/articles/my%20folder/%C3%B6.md');
    assert.equal(first.id, 'https://example.org/articles/my%20folder/%C3%B6.md#b1');
    const back = importW3c(json, [{ ...doc, annotations: [] }], { baseIri: 'https://example.org/articles/' });
    assert.deepEqual(back.problems, []);
    assert.equal(back.documents[0].annotations.length, doc.annotations.length);
  });

  it('imports plain arrays and single annotations, and falls back to the quote when the position is off', () => {
    const text = 'Alpha 😀 Beta Gamma Beta.';
    const w3c = (start: number, end: number, exact: string, prefix = '') => ({
      '@context': ANNO_CONTEXT,
      id: `urn:x:${start}`,
      type: 'Annotation',
      motivation: 'tagging',
      body: { type: 'TextualBody', purpose: 'tagging', value: 'claim' },
      target: {
        source: 'urn:elsewhere:doc.txt',
        selector: [
          { type: 'TextQuoteSelector', exact, prefix },
          { type: 'TextPositionSelector', start, end },
        ],
      },
    });
    const docs = [{ path: 'doc.txt', text }];
    // Code points: 'Beta' starts at 8 (UTF-16 9).
    const ok = readW3c([w3c(8, 12, 'Beta')], docs);
    assert.deepEqual(ok.problems, []);
    const [a] = ok.documents.get('doc.txt')!;
    assert.deepEqual([a.target.start, a.target.end, a.label, a.id], [9, 13, 'claim', undefined]);
    // A wrong position: the quote with its prefix decides (the second Beta).
    const off = readW3c(w3c(0, 4, 'Beta', 'Gamma '), docs);
    assert.equal(off.documents.get('doc.txt')![0].target.start, text.lastIndexOf('Beta'));
    // A quote not in the text: left out and reported.
    const missing = readW3c(w3c(0, 4, 'Delta'), docs);
    assert.equal(missing.documents.size, 0);
    assert.equal(missing.problems.length, 1);
  });

  it('reports replies to unknown annotations and bodies without a label', () => {
    const doc = crlfDocument();
    const input = [
      { id: 'urn:r', type: 'Annotation', motivation: 'replying', target: 'urn:nowhere', body: { type: 'TextualBody', value: 'hi' } },
      {
        id: 'urn:c',
        type: 'Annotation',
        motivation: 'commenting',
        body: { type: 'TextualBody', value: 'no label' },
        target: { source: 'urn:marginalia:news/crlf.txt', selector: { type: 'TextQuoteSelector', exact: 'SEOUL' } },
      },
    ];
    const r = readW3c(input, [doc]);
    assert.equal(r.documents.size, 0);
    assert.deepEqual(r.problems.map(p => p.annotation).sort(), ['urn:c', 'urn:r']);
  });

  it('exports recognized mentions no annotation covers as suggestions by Marginalia', () => {
    const text = 'Lee met Kim in Seoul.';
    const doc: ExportDocument = {
      path: 'a.txt',
      text,
      annotations: [annotate(text, { id: 'x1', quote: 'Lee', label: 'person', status: 'rejected' })],
      mentions: [
        { start: 0, end: 3, text: 'Lee', kind: 'person', entity: 'lee' },
        { start: 8, end: 11, text: 'Kim', kind: 'person', entity: 'kim' },
        { start: 15, end: 20, text: 'Seoul', kind: 'place', entity: 'seoul' },
      ],
    };
    const { files } = exportAnnotationsSync('w3c', [doc], { includeSuggestions: true });
    const graph = JSON.parse(files[0].content)['@graph'];
    const items = graph[1].items as { id: string; creator: { type: string; name: string }; body: { purpose: string; value?: string }[] }[];
    assert.deepEqual(
      items.map(i => i.id),
      ['urn:marginalia:a.txt#suggestion-8-11-person', 'urn:marginalia:a.txt#suggestion-15-20-place'],
    );
    assert.deepEqual(items[0].creator, { type: 'Software', name: 'Marginalia' });
    assert.equal(items[0].body.find(b => b.purpose === 'oa:assessing')!.value, 'suggested');
    // Imported back, suggestions get fresh ids.
    const back = importW3c(files[0].content, [{ path: 'a.txt', text, annotations: [] }], { generateId: sequentialIdGenerator('n') });
    assert.deepEqual(
      back.documents[0].annotations.map(a => [a.id, a.status, a.author]),
      [
        ['n1', 'suggested', undefined],
        ['n2', 'suggested', undefined],
      ],
    );
  });
});
