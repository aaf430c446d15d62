import type { Analysis, MentionKind } from '../types';
import { majorityKind, summarizeEntities } from './entitySummary';
import type { Registry } from './registry';
import { RegistryMap } from './registryMap';

/**
 * Applies the reviewers' decisions to an analysis: pinned aliases, merges, "not an entity",
 * canonical names and kinds. The registry always wins over the recognizer. Every mention shows its
 * entity's kind (RegistryMap.kindOf), or, for an entity the registry adds without one, the kind
 * most of its mentions were recognized with (the first met on a tie).
 */
export function applyRegistry(analysis: Analysis, registry: Registry): Analysis {
  const map = new RegistryMap(registry);
  if (map.empty) return analysis;
  const recognized = new Map(analysis.entities.map(e => [e.id, e]));
  const documents = analysis.documents.map(doc => ({ ...doc, mentions: map.apply(doc.mentions) }));
  const kinds = new Map<string, MentionKind>();
  const added = new Map<string, MentionKind[]>(); // entities without a kind: their mentions' recognized kinds
  for (const doc of documents) {
    for (const m of doc.mentions) {
      if (!m.entity || kinds.has(m.entity)) continue;
      const kind = map.kindOf(m.entity, id => recognized.get(id)?.kind);
      if (kind) kinds.set(m.entity, kind);
      else if (added.has(m.entity)) added.get(m.entity)!.push(m.kind);
      else added.set(m.entity, [m.kind]);
    }
  }
  for (const [id, list] of added) kinds.set(id, majorityKind(list)!);
  for (const doc of documents) {
    doc.mentions = doc.mentions.map(m => {
      const kind = m.entity && kinds.get(m.entity);
      return kind && kind !== m.kind ? { ...m, kind } : m;
    });
  }
  const entities = summarizeEntities(documents, id => map.entities.get(id)?.name ?? recognized.get(id)?.name);
  return { documents, entities };
}
