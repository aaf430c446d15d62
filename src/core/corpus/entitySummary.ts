// An entity as every list of them gives it (analyze, applyRegistry, the corpus index): one summary
// of its mentions, one order.
import { entityName } from '../linking/linkCorpus';
import type { AnalyzedDocument, Entity, Mention, MentionKind } from '../types';

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
  const tally = new EntityTally();
  for (const doc of documents) tally.add(doc.mentions);
  return tally.entities(nameOf);
}

/** An EntityTally's counts, to hand to another (a thread's): per entity its id, kind, forms and their counts, documents and mentions. */
export type TallyTotals = [id: string, kind: MentionKind, forms: [string, number][], documents: number, mentions: number][];

/**
 * summarizeEntities document by document, so that an analysis can be printed while it is made
 * (`marginalia link` streams its documents and knows the entities at the end).
 */
export class EntityTally {
  private readonly byId = new Map<string, { kind: MentionKind; forms: Map<string, number>; documents: number; mentions: number; lastDoc: number }>();
  private doc = -1;

  /** Counts the mentions of the next document. */
  add(mentions: readonly Mention[]): void {
    const d = ++this.doc;
    for (const m of mentions) {
      if (!m.entity) continue;
      let e = this.byId.get(m.entity);
      if (!e) this.byId.set(m.entity, (e = { kind: m.kind, forms: new Map(), documents: 0, mentions: 0, lastDoc: -1 }));
      e.mentions++;
      e.forms.set(m.text, (e.forms.get(m.text) ?? 0) + 1);
      if (e.lastDoc !== d) {
        e.lastDoc = d;
        e.documents++;
      }
    }
  }

  /** What was counted, entity by entity in the order met: for addTotals of a tally of the documents before these. */
  totals(): TallyTotals {
    return [...this.byId].map(([id, e]) => [id, e.kind, [...e.forms], e.documents, e.mentions]);
  }

  /** Counts the documents counted by another tally (its totals()), which all come after those counted here. */
  addTotals(totals: TallyTotals): void {
    for (const [id, kind, forms, documents, mentions] of totals) {
      let e = this.byId.get(id);
      if (!e) this.byId.set(id, (e = { kind, forms: new Map(), documents: 0, mentions: 0, lastDoc: -1 }));
      e.documents += documents;
      e.mentions += mentions;
      for (const [form, n] of forms) e.forms.set(form, (e.forms.get(form) ?? 0) + n);
    }
  }

  /** The entities counted, in list order. */
  entities(nameOf?: (id: string) => string | undefined): Entity[] {
    const entities: Entity[] = [];
    for (const [id, e] of this.byId) entities.push(entitySummary(id, e.kind, e, nameOf?.(id)));
    return entities.sort(compareEntities);
  }
}

/** The kind of most of `kinds`; on a tie, the one met first. */
export function majorityKind(kinds: Iterable<MentionKind>): MentionKind | undefined {
  const counts = new Map<MentionKind, number>();
  for (const k of kinds) counts.set(k, (counts.get(k) ?? 0) + 1);
  let best: MentionKind | undefined;
  for (const [k, n] of counts) if (best === undefined || n > counts.get(best)!) best = k;
  return best;
}
