import type { Analysis, Entity } from '../types';
import type { Registry } from './registry';
import { RegistryMap } from './registryMap';

/**
 * Applies the reviewers' decisions to an analysis: pinned aliases, merges, "not an entity",
 * canonical names and kinds. The registry always wins over the recognizer.
 */
export function applyRegistry(analysis: Analysis, registry: Registry): Analysis {
  const map = new RegistryMap(registry);
  if (map.empty) return analysis;
  const documents = analysis.documents.map(doc => ({ ...doc, mentions: map.apply(doc.mentions) }));
  const byId = new Map(analysis.entities.map(e => [e.id, e]));
  const entities = summarize(documents).map(e => {
    const own = map.entities.get(e.id);
    const recognized = byId.get(e.id);
    return {
      ...e,
      name: own?.name ?? recognized?.name ?? e.name,
      kind: own?.kind ?? recognized?.kind ?? e.kind,
    };
  });
  return { documents, entities };
}

/** Entity totals of a set of analyzed documents: mentions, documents, aliases seen. */
function summarize(documents: Analysis['documents']): Entity[] {
  const byId = new Map<string, { entity: Entity; docs: Set<string>; names: Map<string, number> }>();
  for (const doc of documents) {
    for (const m of doc.mentions) {
      if (!m.entity) continue;
      let acc = byId.get(m.entity);
      if (!acc) {
        acc = { entity: { id: m.entity, kind: m.kind, name: m.text, aliases: [], documents: 0, mentions: 0 }, docs: new Set(), names: new Map() };
        byId.set(m.entity, acc);
      }
      acc.entity.mentions++;
      acc.docs.add(doc.path);
      acc.names.set(m.text, (acc.names.get(m.text) ?? 0) + 1);
    }
  }
  return [...byId.values()]
    .map(({ entity, docs, names }) => ({
      ...entity,
      // The longest form is the fullest name; frequency breaks ties.
      name: [...names].sort((a, b) => b[0].length - a[0].length || b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0][0],
      aliases: [...names.keys()].sort(),
      documents: docs.size,
    }))
    .sort((a, b) => b.mentions - a.mentions || (a.id < b.id ? -1 : 1));
}
