import { strict as assert } from 'node:assert';
import { dateCard, entityCard } from '../../src/core/corpus/cards';
import { CorpusIndex, type MentionRef } from '../../src/core/corpus/corpusIndex';
import { finish } from '../../src/core/steps';
import { readArticles } from './helpers/samples';

// Hover cards list the documents with the most mentions from the index's kept leaders
// (MentionTable.mostMentioning), not from every mention: the same documents, counts, first mentions
// and "more" as counting every mention, before and after documents change, whether the leaders and
// the ranked documents of pages are made on demand or readied ahead (cardSteps).
/** What a card lists, counted from every mention (the way cards were made before). */
function counted(refs: readonly MentionRef[], hovered: string, max: number) {
  const byPath = new Map<string, { count: number; first: MentionRef['mention'] }>();
  for (const { path, mention } of refs) {
    if (path === hovered) continue;
    const acc = byPath.get(path);
    if (acc) acc.count++;
    else byPath.set(path, { count: 1, first: mention });
  }
  const sorted = [...byPath].sort((a, b) => b[1].count - a[1].count || (a[0] < b[0] ? -1 : 1));
  return { documents: sorted.slice(0, max).map(([path, { count, first }]) => ({ path, count, first })), more: Math.max(0, sorted.length - max) };
}

const shown = (card: { documents: { path: string; count: number; first: unknown }[]; more: number }) => ({
  documents: card.documents.map(({ path, count, first }) => ({ path, count, first })),
  more: card.more,
});

describe('hover cards from the kept leaders', () => {
  const docs = readArticles();
  const paths = docs.map(d => d.path);

  function assertCardsAsCounted(index: CorpusIndex): void {
    let compared = 0;
    for (const entity of index.entities()) {
      const page = index.mentionsOfPage(entity.id, 1, 3); // before mentionsOf, which keeps every reference
      assert.deepEqual(page, { refs: index.mentionsOf(entity.id).slice(1, 4), total: entity.mentions }, `page of ${entity.name}`);
    }
    for (const entity of index.entities())
      for (const hovered of [paths[0], paths[paths.length - 1], 'not-in-the-corpus.txt'])
        for (const max of [1, 3, 8, 40]) {
          assert.deepEqual(
            shown(entityCard(index, entity.id, hovered, max)!),
            counted(index.mentionsOf(entity.id), hovered, max),
            `${entity.name} ${hovered} ${max}`,
          );
          compared++;
        }
    for (const path of paths.filter(p => index.analyzed(p)))
      for (const m of index.analyzed(path)!.mentions.filter(x => x.kind === 'date' && x.value)) {
        assert.deepEqual(shown(dateCard(index, m, path, 8)), counted(index.mentionsOfDate(m.value!), path, 8), `${m.value} in ${path}`);
        compared++;
      }
    assert.ok(compared > 100, `only ${compared} cards compared`);
  }

  it('lists the same documents as counting every mention, and again after documents change', () => {
    const index = new CorpusIndex();
    index.setDocuments(docs);
    assertCardsAsCounted(index);
    const readied = new CorpusIndex();
    readied.setDocuments(docs);
    finish(readied.cardSteps()); // the leaders made ahead, as the extension does when idle
    assertCardsAsCounted(readied);
    // a document gains mentions of its most mentioned entity, another is withdrawn
    const top = index.entities()[0];
    const [ref] = index.mentionsOf(top.id);
    const text = index.text(ref.path)!;
    index.setDocument({ path: ref.path, text: `${text}\n\n${`${ref.mention.text} spoke again. `.repeat(30)}` });
    index.deleteDocument(paths[1]);
    index.relink();
    finish(index.cardSteps());
    assert.ok(entityCard(index, index.entities()[0].id, 'x', 8)!.documents.some(d => d.path === ref.path));
    assertCardsAsCounted(index);
  });
});
