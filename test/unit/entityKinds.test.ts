import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { analyze } from '../../src/core/analyze';
import { applyRegistry } from '../../src/core/corpus/applyRegistry';
import { entityCard } from '../../src/core/corpus/cards';
import { CorpusIndex } from '../../src/core/corpus/corpusIndex';
import type { Registry } from '../../src/core/corpus/registry';
import type { Analysis, AnalyzedDocument, Entity, SourceDocument } from '../../src/core/types';

function docs(...texts: string[]): SourceDocument[] {
  return texts.map((text, i) => ({ path: `doc${i + 1}.txt`, text }));
}

/** Every entity listed once, and every mention of the kind of its entity. */
function assertOneKindPerEntity(documents: readonly AnalyzedDocument[], entities: readonly Entity[]): void {
  const kindOf = new Map(entities.map(e => [e.id, e.kind]));
  assert.equal(kindOf.size, entities.length, 'an entity is listed twice');
  for (const d of documents) {
    for (const m of d.mentions) if (m.entity) assert.equal(m.kind, kindOf.get(m.entity), `${d.path}: "${m.text}" (${m.entity})`);
  }
}

/** The same property as the corpus index answers it: documents, entity list, each entity and its mentions. */
function assertIndexOneKindPerEntity(index: CorpusIndex): void {
  const entities = index.entities();
  assertOneKindPerEntity(
    index.paths().map(p => index.analyzed(p)!),
    entities,
  );
  for (const e of entities) {
    assert.equal(index.entity(e.id)?.kind, e.kind);
    for (const { mention } of index.mentionsOf(e.id)) assert.equal(mention.kind, e.kind, `${mention.text} (${e.id})`);
  }
}

/** Kinds of the mentions with this text, document by document. */
function kindsOf(a: Pick<Analysis, 'documents'>, text: string): string[][] {
  return a.documents.map(d => d.mentions.filter(m => m.text.toLowerCase() === text.toLowerCase()).map(m => m.kind));
}

function entitiesNamed(a: Analysis, name: string): Entity[] {
  return a.entities.filter(e => e.name.toLowerCase() === name.toLowerCase());
}

/** An unknown country that one article names 16 times where a lone unknown word is guessed an organization. */
const TOLD_16_TIMES = Array.from({ length: 16 }, (_, i) => `Velmoria said on day ${i + 1} that the talks would go on.`).join(' ');
const VELMORIA_ELSEWHERE = [
  'Floods hit towns in Velmoria.',
  'Aid arrived in Velmoria on Monday.',
  'Roads in Velmoria were closed.',
  'Rain fell in Velmoria again.',
];

describe('one kind per entity', () => {
  it('gives a name that four documents have as a place and one names 16 times as an organization one entity, a place', () => {
    const a = analyze(docs(TOLD_16_TIMES, ...VELMORIA_ELSEWHERE));
    const [velmoria, ...others] = entitiesNamed(a, 'Velmoria');
    assert.deepEqual(others, []);
    assert.equal(velmoria.kind, 'place');
    assert.equal(velmoria.mentions, 20);
    assert.deepEqual(kindsOf(a, 'Velmoria').flat(), Array(20).fill('place'));
    assertOneKindPerEntity(a.documents, a.entities);
  });

  it('lets the evidence of one document (a dateline) outweigh the guesses of several', () => {
    const a = analyze(
      docs(
        'Velmoria said the talks would go on.',
        'Velmoria said the talks would go on.',
        'Velmoria said so again.',
        'Flood hits\n\nVELMORIA - The river rose on Monday.',
      ),
    );
    assert.deepEqual(
      entitiesNamed(a, 'Velmoria').map(e => [e.kind, e.mentions]),
      [['place', 4]],
    );
    assertOneKindPerEntity(a.documents, a.entities);
  });

  it('keeps a country that acts (a government) a place, however often it acts', () => {
    const told = Array.from({ length: 16 }, (_, i) => `Tunisia said on day ${i + 1} that it warned its neighbours.`).join(' ');
    const a = analyze(docs(told, 'Floods hit towns in Tunisia.'));
    assert.deepEqual(
      a.entities.map(e => [e.name, e.kind, e.mentions]),
      [['Tunisia', 'place', 17]],
    );
  });

  it('keeps entities that share a name apart when evidence says they differ: a city or a country and its team, a person and a place', () => {
    const a = analyze(
      docs(
        'Flooding closed roads in Evansville on Monday.',
        'Creighton beat Evansville 65-53 in the semifinal game. The coach praised the season and the points.',
        'George Washington crossed the river. Washington said the army was tired.',
        'The senator flew to Washington on Monday.',
        'Sweden beat Panama 1-0 in the World Cup game. Sweden scored in the second half; the coach praised the points and the season.',
        'The king of Sweden visited Stockholm.',
      ),
    );
    assert.deepEqual(
      entitiesNamed(a, 'Evansville')
        .map(e => e.kind)
        .sort(),
      ['organization', 'place'],
    );
    assert.deepEqual(kindsOf(a, 'Washington'), [[], [], ['person'], ['place'], [], []]);
    assert.deepEqual(
      entitiesNamed(a, 'Sweden').map(e => [e.kind, e.mentions]),
      [
        ['organization', 2],
        ['place', 1],
      ],
    );
    assertOneKindPerEntity(a.documents, a.entities);
  });

  it("lets the registry decide: its kind on every mention, a merged entity's mentions the kind of the one they join", () => {
    const recognized = analyze(docs(TOLD_16_TIMES, ...VELMORIA_ELSEWHERE, 'Harry Reid met Velmoria officials. Reid left for Geneva.'));
    const registry: Registry = {
      entities: [
        { id: 'velmoria', kind: 'organization', aliases: [], merged: [] },
        { id: 'harry-reid', aliases: [], merged: ['geneva'] },
      ],
      notEntities: [],
    };
    const a = applyRegistry(recognized, registry);
    assert.deepEqual(kindsOf(a, 'Velmoria').flat(), Array(21).fill('organization'));
    assert.deepEqual(kindsOf(a, 'Geneva').flat(), ['person']);
    assert.equal(a.documents[5].mentions.find(m => m.text === 'Geneva')?.entity, 'harry-reid');
    assertOneKindPerEntity(a.documents, a.entities);
  });

  it('gives an entity the registry adds without a kind the kind most of its mentions were recognized with', () => {
    const recognized = analyze(docs('Floods hit Velmoria and Tunisia.', 'Aid reached Tunisia.', 'Harry Reid spoke.'));
    const registry: Registry = { entities: [{ id: 'maghreb', aliases: ['Harry Reid'], merged: ['tunisia', 'velmoria'] }], notEntities: [] };
    const a = applyRegistry(recognized, registry);
    const maghreb = a.entities.find(e => e.id === 'maghreb')!;
    assert.deepEqual([maghreb.kind, maghreb.mentions], ['place', 4]);
    assertOneKindPerEntity(a.documents, a.entities);
  });

  it('holds in the corpus index at every step of incremental updates, before and after relinking', () => {
    const index = new CorpusIndex({}, 0); // never relinks by itself: provisional ids until relink()
    const all = docs(TOLD_16_TIMES, ...VELMORIA_ELSEWHERE);
    index.setDocument(all[0]);
    assert.equal(index.entities()[0].kind, 'organization');
    for (const doc of all.slice(1)) {
      index.setDocument(doc);
      // a new document's mention shows the kind its entity has until the corpus is linked again
      assertIndexOneKindPerEntity(index);
    }
    index.relink();
    assertIndexOneKindPerEntity(index);
    assert.deepEqual(
      index.entities().map(e => [e.id, e.kind, e.mentions]),
      [['velmoria', 'place', 20]],
    );
    assert.deepEqual(
      index.analyzed('doc1.txt')!.mentions.map(m => m.kind),
      Array(16).fill('place'),
    );
    for (const doc of all.slice(1)) index.deleteDocument(doc.path);
    index.relink();
    assert.deepEqual(
      index.entities().map(e => [e.id, e.kind, e.mentions]),
      [['velmoria', 'organization', 16]],
    );
    assertIndexOneKindPerEntity(index);
  });

  it('holds in the corpus index with a registry, as applyRegistry has it, through edits and relinks', () => {
    const all = docs(TOLD_16_TIMES, ...VELMORIA_ELSEWHERE, 'Harry Reid met officials in Geneva. Reid left.');
    const registry: Registry = {
      entities: [
        { id: 'harry-reid', aliases: [], merged: ['geneva'] },
        { id: 'maghreb', aliases: ['Rain'], merged: ['velmoria'] },
      ],
      notEntities: [],
    };
    const index = new CorpusIndex({}, 0);
    index.setRegistry(registry);
    index.setDocuments(all.slice(0, 2));
    index.relink();
    assertIndexOneKindPerEntity(index);
    for (const doc of all.slice(2)) {
      index.setDocument(doc);
      assertIndexOneKindPerEntity(index);
    }
    index.relink();
    const expected = applyRegistry(analyze(all), registry);
    assert.deepEqual(index.entities(), expected.entities);
    for (const d of expected.documents) assert.deepEqual(index.analyzed(d.path), d);
    assert.equal(index.entity('maghreb')?.kind, 'place');
  });

  it('gives merged mentions in the corpus index the new kind of the entity they joined when other documents change it', () => {
    const registry: Registry = { entities: [{ id: 'velmoria', aliases: [], merged: ['geneva'] }], notEntities: [] };
    const index = new CorpusIndex({}, 0);
    index.setRegistry(registry);
    const all = docs(TOLD_16_TIMES, 'Officials met in Geneva.', ...VELMORIA_ELSEWHERE);
    index.setDocuments(all.slice(0, 2));
    index.relink();
    assert.equal(index.analyzed('doc2.txt')!.mentions[0].kind, 'organization');
    // the documents that make Velmoria a place leave doc2.txt's ids as they were: its mention is settled anew
    index.setDocuments(all.slice(2));
    index.relink();
    assert.equal(index.analyzed('doc2.txt')!.mentions[0].kind, 'place');
    assertIndexOneKindPerEntity(index);
    const expected = applyRegistry(analyze(all), registry);
    assert.deepEqual(index.entities(), expected.entities);
    for (const d of expected.documents) assert.deepEqual(index.analyzed(d.path), d);
  });
});

const CLI = join(__dirname, '..', '..', 'dist', 'cli.js');

/** A known country that one article names 16 times as an actor ("fired", "warned": once taken for its government). */
const ACTS_16_TIMES = Array.from({ length: 8 }, (_, i) => `North Korea fired a missile on day ${i + 1}, and North Korea warned its neighbours.`).join(' ');
const NORTH_KOREA_ELSEWHERE = [
  'Floods hit towns in North Korea.',
  'Aid arrived in North Korea on Monday.',
  'Roads in North Korea were closed.',
  'Rain fell in North Korea again.',
];

describe('a country one article names as an organization and four others as a place (issue 11)', () => {
  for (const [what, articles, name, id] of [
    ['a known country that acts', [ACTS_16_TIMES, ...NORTH_KOREA_ELSEWHERE], 'North Korea', 'north-korea'],
    ['an unknown one, guessed an organization', [TOLD_16_TIMES, ...VELMORIA_ELSEWHERE], 'Velmoria', 'velmoria'],
  ] as const) {
    describe(what, () => {
      const all = docs(...articles);

      it('is one entity, a place, in the corpus index: its list, its mentions and every article', () => {
        const index = new CorpusIndex();
        index.setDocuments(all);
        index.relink();
        assert.deepEqual(
          index.entities().map(e => [e.id, e.kind, e.mentions]),
          [[id, 'place', 20]],
        );
        assert.deepEqual(
          index.mentionsOf(id).map(r => r.mention.kind),
          Array(20).fill('place'),
        );
        for (const d of all)
          assert.ok(
            index
              .analyzed(d.path)!
              .mentions.filter(m => m.text === name)
              .every(m => m.kind === 'place' && m.entity === id),
            d.path,
          );
      });

      it('shows that one place in the hover card of a mention in the article that names it as an organization', () => {
        const index = new CorpusIndex();
        index.setDocuments(all);
        index.relink();
        const hovered = index.mentionAt('doc1.txt', articles[0].indexOf(name) + 1)!;
        assert.equal(hovered.kind, 'place');
        const card = entityCard(index, hovered.entity!, 'doc1.txt', 10)!;
        assert.deepEqual([card.entity.id, card.entity.kind, card.entity.mentions], [id, 'place', 20]);
        assert.deepEqual(
          card.documents.map(d => [d.path, d.count, d.first.kind]),
          all.slice(1).map(d => [d.path, 1, 'place']),
        );
      });

      it('is listed once, a place, by `marginalia analyze` (JSON and table)', () => {
        const folder = mkdtempSync(join(tmpdir(), 'marginalia-kinds-'));
        try {
          for (const d of all) writeFileSync(join(folder, d.path), d.text);
          const json = spawnSync(process.execPath, [CLI, 'analyze', '--format', 'json', folder], { encoding: 'utf8' });
          assert.equal(json.status, 0, json.stderr);
          const out = JSON.parse(json.stdout) as Analysis;
          assert.deepEqual(
            out.entities.map(e => [e.id, e.kind, e.mentions]),
            [[id, 'place', 20]],
          );
          assert.deepEqual(kindsOf(out, name).flat(), Array(20).fill('place'));
          const table = spawnSync(process.execPath, [CLI, 'analyze', '--format', 'table', folder], { encoding: 'utf8' });
          assert.equal(table.status, 0, table.stderr);
          const listed = table.stdout
            .slice(table.stdout.indexOf('Entities:'))
            .split('\n')
            .filter(l => l.trim());
          assert.deepEqual(
            listed.slice(1).map(l => l.trim().split(/\s+/).slice(0, 3)),
            [[id, 'place', '20']],
          );
        } finally {
          rmSync(folder, { recursive: true, force: true });
        }
      });
    });
  }
});

/** Articles of a folder and its subfolders, sorted by path. */
function articles(dir: string): SourceDocument[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter(f => /\.(txt|md)$/.test(f))
    .sort()
    .map(f => ({ path: join(dir, f), text: readFileSync(join(dir, f), 'utf8') }));
}

describe('one kind per entity, on real articles', () => {
  for (const dir of ['samples', 'data/eval/gum-dev/docs', 'data/eval/ecb-dev/docs']) {
    it(`holds on ${dir}`, () => {
      const a = analyze(articles(dir));
      assert.ok(a.entities.length > 50);
      assertOneKindPerEntity(a.documents, a.entities);
    });
  }

  it('holds on samples in the corpus index through edits, before and after relinking', () => {
    const samples = articles('samples');
    const index = new CorpusIndex({}, 0);
    index.setDocuments(samples);
    index.relink();
    assertIndexOneKindPerEntity(index);
    // each article's first paragraph again as a new article: its names are linked at once, then relinked
    for (const [i, doc] of samples.entries()) {
      index.setDocument({
        path: `samples/zz-${i}.txt`,
        text: doc.text
          .split(/\n\s*\n/)
          .slice(0, 2)
          .join('\n\n'),
      });
      assertIndexOneKindPerEntity(index);
    }
    index.relink();
    assertIndexOneKindPerEntity(index);
  });
});

describe('entity lists', () => {
  it("are in one order everywhere: most mentions first, then ids in code-unit order, not the locale's", () => {
    const recognized = analyze(docs('Ada Lovelace met Charles Babbage. Lovelace wrote.', 'Grace Hopper met Ada Lovelace.'));
    assert.deepEqual(
      recognized.entities.map(e => e.id),
      ['ada-lovelace', 'charles-babbage', 'grace-hopper'],
    );
    // ids the registry gives may have capitals: "Zeta" comes before "alpha" in code-unit order
    const registry: Registry = {
      entities: [
        { id: 'alpha', aliases: ['Grace Hopper'], merged: [] },
        { id: 'Zeta', aliases: ['Charles Babbage'], merged: [] },
      ],
      notEntities: [],
    };
    const reviewed = applyRegistry(recognized, registry);
    assert.deepEqual(
      reviewed.entities.map(e => e.id),
      ['ada-lovelace', 'Zeta', 'alpha'],
    );
    const index = new CorpusIndex();
    index.setRegistry(registry);
    index.setDocuments(docs('Ada Lovelace met Charles Babbage. Lovelace wrote.', 'Grace Hopper met Ada Lovelace.'));
    assert.deepEqual(index.entities(), reviewed.entities);
  });
});
