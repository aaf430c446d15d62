import type { Analysis, AnalysisStream, AnalyzedDocument, Entity, Mention } from '../types';
import type { Registry } from './registry';
import { RegistryMap } from './registryMap';

/**
 * Applies the reviewers' decisions to an analysis: pinned aliases, merges, "not an entity",
 * canonical names and kinds. The registry always wins over the recognizer.
 */
export function applyRegistry(analysis: Analysis, registry: Registry): Analysis {
  const reviewed = reviewedStream({ documents: analysis.documents, entities: () => analysis.entities }, registry);
  const documents = [...reviewed.documents];
  return { documents, entities: reviewed.entities() };
}

/** applyRegistry document by document: the entities are known once every document has been read. */
export function reviewedStream(stream: AnalysisStream, registry: Registry): AnalysisStream {
  const map = new RegistryMap(registry);
  if (map.empty) return stream;
  const tally = new ReviewedTally();
  function* documents(): Iterable<AnalyzedDocument> {
    for (const doc of stream.documents) {
      const reviewed = { ...doc, mentions: map.apply(doc.mentions) };
      tally.add(reviewed);
      yield reviewed;
    }
  }
  return {
    documents: documents(),
    entities: () => {
      const byId = new Map(stream.entities().map(e => [e.id, e]));
      return tally.entities().map(e => {
        const own = map.entities.get(e.id);
        const recognized = byId.get(e.id);
        return { ...e, name: own?.name ?? recognized?.name ?? e.name, kind: own?.kind ?? recognized?.kind ?? e.kind };
      });
    },
  };
}

/** Entity totals of reviewed documents: mentions, documents, aliases seen. */
class ReviewedTally {
  private readonly byId = new Map<string, { entity: Entity; docs: Set<string>; names: Map<string, number> }>();

  add(doc: { path: string; mentions: readonly Mention[] }): void {
    for (const m of doc.mentions) {
      if (!m.entity) continue;
      let acc = this.byId.get(m.entity);
      if (!acc) {
        acc = { entity: { id: m.entity, kind: m.kind, name: m.text, aliases: [], documents: 0, mentions: 0 }, docs: new Set(), names: new Map() };
        this.byId.set(m.entity, acc);
      }
      acc.entity.mentions++;
      acc.docs.add(doc.path);
      acc.names.set(m.text, (acc.names.get(m.text) ?? 0) + 1);
    }
  }

  entities(): Entity[] {
    return [...this.byId.values()]
      .map(({ entity, docs, names }) => ({
        ...entity,
        // The longest form is the fullest name; frequency breaks ties.
        name: [...names].sort((a, b) => b[0].length - a[0].length || b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0][0],
        aliases: [...names.keys()].sort(),
        documents: docs.size,
      }))
      .sort((a, b) => b.mentions - a.mentions || (a.id < b.id ? -1 : 1));
  }
}
