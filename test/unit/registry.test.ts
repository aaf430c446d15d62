import { strict as assert } from 'node:assert';
import { applyRegistry } from '../../src/core/corpus/applyRegistry';
import { parseRegistry, recordMerge, recordNotEntity, recordRename } from '../../src/core/corpus/registry';
import type { Analysis } from '../../src/core';

const ANALYSIS: Analysis = {
  documents: [
    {
      path: 'a.txt',
      dct: null,
      mentions: [
        { start: 0, end: 11, text: 'Wi Sung-lac', kind: 'person', entity: 'wi-sung-lac' },
        { start: 20, end: 31, text: 'Wi Sung Lac', kind: 'person', entity: 'wi-sung-lac-2' },
        { start: 40, end: 49, text: 'One-China', kind: 'place', entity: 'one-china' },
      ],
    },
    { path: 'b.txt', dct: null, mentions: [{ start: 0, end: 2, text: 'Wi', kind: 'person', entity: 'wi' }] },
  ],
  entities: [],
};

describe('entity registry', () => {
  it('parses entities, merges and not-entities', () => {
    const { registry, problems } = parseRegistry(
      [
        '# reviewers decide',
        'version: 1',
        'entities:',
        '  - id: wi-sung-lac',
        '    name: Wi Sung-lac',
        '    kind: person',
        '    merged: [wi-sung-lac-2]',
        '    ids: {wikidata: Q123}',
        'notEntities: [One-China]',
      ].join('\n'),
    );
    assert.deepEqual(problems, []);
    assert.equal(registry.entities[0].merged[0], 'wi-sung-lac-2');
    assert.deepEqual(registry.entities[0].ids, { wikidata: 'Q123' });
    assert.deepEqual(registry.notEntities, ['One-China']);
  });

  it('reports syntax errors and missing ids at their line', () => {
    assert.equal(parseRegistry('entities:\n  - id: [unclosed\n').problems[0].severity, 'error');
    const { problems } = parseRegistry('version: 1\nentities:\n  - name: X\n');
    assert.equal(problems[0].line, 2);
    assert.match(problems[0].message, /needs an id/);
  });

  it('refuses alias bombs', () => {
    const bomb = [
      'a: &a [x, x, x, x, x, x, x, x, x]',
      'b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]',
      'c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]',
      'd: [*c, *c, *c, *c, *c, *c, *c, *c, *c]',
    ].join('\n');
    const { problems } = parseRegistry(bomb);
    assert.equal(problems[0].severity, 'error');
  });

  it('records merges, renames and not-entities keeping hand comments', () => {
    const parsed = parseRegistry('# keep me\nversion: 1\nentities:\n  - id: wi-sung-lac # the adviser\n    name: Wi\n');
    recordMerge(parsed.document, 'wi-sung-lac-2', 'wi-sung-lac');
    recordMerge(parsed.document, 'wi-sung-lac-2', 'wi-sung-lac');
    recordRename(parsed.document, 'wi-sung-lac', 'Wi Sung-lac');
    recordNotEntity(parsed.document, { text: 'One-China' });
    const text = parsed.document.toString();
    assert.match(text, /# keep me/);
    assert.match(text, /# the adviser/);
    const again = parseRegistry(text).registry;
    assert.deepEqual(again.entities[0].merged, ['wi-sung-lac-2']);
    assert.equal(again.entities[0].name, 'Wi Sung-lac');
    assert.deepEqual(again.notEntities, ['One-China']);
  });

  it('applies merges, pinned aliases, names and not-entities over the recognizer', () => {
    const { registry } = parseRegistry(
      [
        'entities:',
        '  - id: wi-sung-lac',
        '    name: Wi Sung-lac (adviser)',
        '    aliases: [Wi]',
        '    merged: [wi-sung-lac-2]',
        'notEntities: [one china]',
      ].join('\n'),
    );
    const result = applyRegistry(ANALYSIS, registry);
    assert.deepEqual(
      result.documents[0].mentions.map(m => m.entity),
      ['wi-sung-lac', 'wi-sung-lac'],
    );
    assert.equal(result.documents[1].mentions[0].entity, 'wi-sung-lac');
    assert.equal(result.entities.length, 1);
    assert.equal(result.entities[0].name, 'Wi Sung-lac (adviser)');
    assert.equal(result.entities[0].mentions, 3);
    assert.equal(result.entities[0].documents, 2);
  });
});
