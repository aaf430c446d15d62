// An entity as every list of them gives it (analyze, applyRegistry, the corpus index): one summary
// of its mentions, one order.
import { entityName } from '../linking/linkCorpus';
import type { AnalyzedDocument, Entity, MentionKind } from '../types';

/** Running totals of one entity's mentions. */
export interface EntityTotals {
  /** Surface forms and how often each occurs. */
  readonly forms: Map<string, number>;
  /** Number of documents with at least one mention. */
  readonly documents: number;
  readonly mentions: number;
}

/**
 * The entity `id` from the totals of its mentions, all of kind `kind`; named `name` when given
 * (the registry's, or the recognizer's when the registry moved mentions), else by its fullest
 * frequent form.
 */
export function entitySummary(id: string, kind: MentionKind, totals: EntityTotals, name?: string): Entity {
  return { id, kind, name: name ?? entityName(totals.forms), aliases: [...totals.forms.keys()].sort(), documents: totals.documents, mentions: totals.mentions };
}

/** The order of every list of entities (docs/contracts.md): most mentions first, then ids in code-unit order, never the locale's. */
export function compareEntities(a: Entity, b: Entity): number {
  return b.mentions - a.mentions || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/** The entities of analyzed documents in list order; `nameOf` gives a name other than the fullest form. */
export function summarizeEntities(documents: readonly AnalyzedDocument[], nameOf?: (id: string) => string | undefined): Entity[] {
  const byId = new Map<string, { kind: MentionKind; forms: Map<string, number>; documents: number; mentions: number; lastDoc: number }>();
  for (let d = 0; d < documents.length; d++) {
    for (const m of documents[d].mentions) {
      if (!m.entity) continue;
      let e = byId.get(m.entity);
      if (!e) byId.set(m.entity, (e = { kind: m.kind, forms: new Map(), documents: 0, mentions: 0, lastDoc: -1 }));
      e.mentions++;
      e.forms.set(m.text, (e.forms.get(m.text) ?? 0) + 1);
      if (e.lastDoc !== d) {
        e.lastDoc = d;
        e.documents++;
      }
    }
  }
  const entities: Entity[] = [];
  for (const [id, e] of byId) entities.push(entitySummary(id, e.kind, e, nameOf?.(id)));
  return entities.sort(compareEntities);
}

/** The kind of most of `kinds`; on a tie, the one met first. */
export function majorityKind(kinds: Iterable<MentionKind>): MentionKind | undefined {
  const counts = new Map<MentionKind, number>();
  for (const k of kinds) counts.set(k, (counts.get(k) ?? 0) + 1);
  let best: MentionKind | undefined;
  for (const [k, n] of counts) if (best === undefined || n > counts.get(best)!) best = k;
  return best;
}
