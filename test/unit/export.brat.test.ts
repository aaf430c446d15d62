import { strict as assert } from 'node:assert';
import type { Annotation } from '../../src/core/annotations';
import type { Registry } from '../../src/core/corpus/registry';
import { bratTypeName, exportAnnotationsSync, importBrat, labelForBratType, readBrat, type ExportDocument, type ExportedFile } from '../../src/core/export';
import { ALL, annotate, astralDocument, crlfDocument } from '../fixtures/exportDocs';
import { sequentialIdGenerator } from '../fixtures/ids';

const file = (files: ExportedFile[], path: string): string => {
  const f = files.find(x => x.path === path);
  assert.ok(f, `${path} in ${files.map(x => x.path).join(', ')}`);
  return f.content;
};

/** What BRAT keeps of an annotation. */
const kept = (a: Annotation) => ({ target: a.target, label: a.label, entity: a.entity, status: a.status, note: a.note });

describe('export: BRAT standoff', () => {
  it('writes .txt/.ann per document and one annotation.conf', () => {
    const { files, problems } = exportAnnotationsSync('brat', [crlfDocument(), astralDocument()], ALL);
    assert.deepEqual(problems, []);
    assert.deepEqual(
      files.map(f => f.path),
      ['news/crlf.txt', 'news/crlf.ann', 'news/astral.md.txt', 'news/astral.md.ann', 'annotation.conf'],
    );
    assert.equal(file(files, 'news/crlf.txt'), crlfDocument().text, 'the text unchanged, CRLF included');
    const conf = file(files, 'annotation.conf');
    assert.match(conf, /^\[entities\]\nclaim\ndate\nkey_claim\norganization\nperson\nplace\nquote\n$/m);
    assert.match(conf, /^\[attributes\]\nStatus\tArg:<ENTITY>, Value:suggested\|confirmed\|rejected\|disputed$/m);
    assert.match(conf, /^\[relations\]\n<OVERLAP>\tArg1:<ENTITY>, Arg2:<ENTITY>, <OL-TYPE>:<ANY>$/m);
    assert.match(conf, /^\[events\]$/m);
  });

  it("every T line's text is the document's text at its code-point offsets", () => {
    const docs = [crlfDocument(), astralDocument()];
    const { files } = exportAnnotationsSync('brat', docs, ALL);
    let checked = 0;
    for (const [txt, ann] of [
      ['news/crlf.txt', 'news/crlf.ann'],
      ['news/astral.md.txt', 'news/astral.md.ann'],
    ]) {
      const text = file(files, txt);
      for (const line of file(files, ann)
        .split('\n')
        .filter(l => l.startsWith('T'))) {
        const m = /^T\d+\t\S+ (\d+) (\d+)\t(.*)$/.exec(line);
        assert.ok(m, line);
        assert.equal(Array.from(text).slice(Number(m[1]), Number(m[2])).join(''), m[3]);
        checked++;
      }
    }
    assert.equal(
      checked,
      docs.reduce((n, d) => n + d.annotations.length, 0),
    );
  });

  it('writes A (status), N (entity, registry name) and # (escaped note) lines', () => {
    const registry: Registry = {
      entities: [{ id: 'lee-jae-myung', name: 'Lee Jae Myung', aliases: [], merged: ['lee'] }],
      notEntities: [],
    };
    const text = 'Lee spoke.';
    const doc: ExportDocument = {
      path: 'x.txt',
      text,
      annotations: [annotate(text, { id: 'a', quote: 'Lee', label: 'person', entity: 'lee', status: 'disputed', note: 'a\nb\\c\td' })],
    };
    const { files } = exportAnnotationsSync('brat', [doc], { registry });
    assert.equal(
      file(files, 'x.ann'),
      [
        'T1\tperson 0 3\tLee',
        'A1\tStatus T1 disputed',
        'N1\tReference T1 Marginalia:lee-jae-myung\tLee Jae Myung',
        '#1\tAnnotatorNotes T1\ta\\nb\\\\c\\td',
        '',
      ].join('\n'),
    );
  });

  it('round-trips annotations (spans, labels, statuses, notes, entities) on CRLF and astral text', () => {
    for (const doc of [crlfDocument(), astralDocument()]) {
      const { files } = exportAnnotationsSync('brat', [doc], ALL);
      const name = doc.path.endsWith('.txt') ? doc.path.slice(0, -4) : doc.path;
      const result = importBrat({ path: doc.path, text: doc.text, annotations: [] }, file(files, `${name}.txt`), file(files, `${name}.ann`), {
        labels: ['person', 'organization', 'place', 'date', 'claim', 'quote', 'key claim'],
        generateId: sequentialIdGenerator('n'),
      });
      assert.deepEqual(result.problems, []);
      const back = result.documents[0].annotations;
      const sorted = [...doc.annotations].sort((a, b) => a.target.start - b.target.start || a.target.end - b.target.end);
      assert.deepEqual(back.map(kept), sorted.map(kept));
    }
  });

  it('merges into the sidecar: same span and label is the same annotation; status and note updated', () => {
    const doc = crlfDocument();
    const { files } = exportAnnotationsSync('brat', [doc], ALL);
    const ann = file(files, 'news/crlf.ann')
      .replace(/^(A\d+\tStatus T\d+) disputed$/m, '$1 confirmed')
      .replace('\tAnnotatorNotes T2\t', '\tAnnotatorNotes T2\tEdited. ');
    const result = importBrat(doc, doc.text, ann, { now: () => '2026-02-01T00:00:00.000Z' });
    const [d] = result.documents;
    assert.deepEqual(d.added, []);
    assert.deepEqual(d.updated, ['a2']);
    assert.equal(d.annotations.length, doc.annotations.length);
    const a2 = d.annotations.find(a => a.id === 'a2')!;
    assert.equal(a2.status, 'confirmed');
    assert.ok(a2.note!.startsWith('Edited. Check the title'));
    assert.equal(a2.modified, '2026-02-01T00:00:00.000Z');
    assert.equal(a2.thread.length, 2, 'the thread stays');
  });

  it('trims whitespace at span ends and leaves out spans with a line break (reported)', () => {
    const text = 'One two\r\nthree four.';
    const doc: ExportDocument = {
      path: 'y.txt',
      text,
      annotations: [annotate(text, { id: 'trim', quote: ' two\r\n', label: 'claim' }), annotate(text, { id: 'cross', quote: 'two\r\nthree', label: 'claim' })],
    };
    const { files, problems } = exportAnnotationsSync('brat', [doc]);
    assert.equal(file(files, 'y.ann'), 'T1\tclaim 4 7\ttwo\nA1\tStatus T1 confirmed\n');
    assert.deepEqual(
      problems.map(p => p.annotation),
      ['trim', 'cross'],
    );
  });

  it('maps labels to valid type names and back', () => {
    assert.equal(bratTypeName('key claim'), 'key_claim');
    assert.equal(bratTypeName('2nd source'), 'L_2nd_source');
    assert.equal(bratTypeName('person'), 'person');
    assert.equal(labelForBratType('key_claim', ['key claim']), 'key claim');
    assert.equal(labelForBratType('Person'), 'person');
    assert.equal(labelForBratType('PER'), 'person');
    assert.equal(labelForBratType('GPE'), 'place');
    assert.equal(labelForBratType('Weapon'), 'Weapon');
  });

  it('reads BRAT from elsewhere: discontinuous spans, other lines, unknown statuses, a text mismatch', () => {
    const text = '😀 Alpha\nBeta gamma';
    const ann = [
      'T1\tPerson 2 7\tAlpha',
      'T2\tOrganization 2 7;8 12\tAlpha Beta',
      'T3\tLocation 13 18\tWRONG',
      'R1\tRel Arg1:T1 Arg2:T2',
      'A1\tStatus T1 maybe',
      'A2\tNegated T2',
      'N1\tReference T1 Wikidata:Q1\tSomeone',
      '#1\tAnnotatorNotes T3\tline\\none',
    ].join('\n');
    const { annotations, problems } = readBrat(text, ann);
    assert.deepEqual(
      annotations.map(a => [a.target.quote, a.label, a.status, a.entity, a.note]),
      [
        ['Alpha', 'person', undefined, undefined, undefined],
        ['Alpha\nBeta', 'organization', undefined, undefined, undefined],
        ['gamma', 'Location', undefined, undefined, 'line\none'],
      ],
    );
    assert.equal(annotations[0].target.start, 3, 'code point 2 is UTF-16 offset 3 after 😀');
    assert.equal(problems.length, 4, JSON.stringify(problems));
  });

  it('re-anchors onto the document when the .txt is an older version', () => {
    const doc = astralDocument();
    const { files } = exportAnnotationsSync('brat', [doc], ALL);
    const newer = `Intro 🎉 line.\n${doc.text}`;
    const result = importBrat({ path: doc.path, text: newer, annotations: [] }, file(files, 'news/astral.md.txt'), file(files, 'news/astral.md.ann'), {
      labels: ['key claim', 'place', 'claim', 'date'],
    });
    assert.deepEqual(result.problems, []);
    for (const a of result.documents[0].annotations) assert.equal(newer.slice(a.target.start, a.target.end), a.target.quote);
    assert.equal(result.documents[0].annotations.length, doc.annotations.length);
  });
});
