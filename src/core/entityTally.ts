// The entities of an analysis, counted document by document, so that an analysis can be printed
// while it is made (`marginalia link` streams its documents and knows the entities at the end).
import { entityName } from './linking/linkCorpus';
import type { Entity, Mention, MentionKind } from './types';

interface EntityTotals {
  /** Kinds of its mentions in the order first seen, and how often each. */
  kinds: MentionKind[];
  kindCounts: number[];
  forms: Map<string, number>;
  docs: number;
  mentions: number;
  /** Number of the last document counted in `docs`. */
  lastDoc: number;
}

/** Running totals per entity id of the documents added so far, in corpus order. */
export class EntityTally {
  private readonly byId = new Map<string, EntityTotals>();
  private doc = -1;

  /** Counts the mentions of the next document. */
  add(mentions: readonly Mention[]): void {
    const d = ++this.doc;
    for (const m of mentions) {
      if (!m.entity) continue;
      let e = this.byId.get(m.entity);
      if (!e) this.byId.set(m.entity, e = { kinds: [], kindCounts: [], forms: new Map(), docs: 0, mentions: 0, lastDoc: -1 });
      e.mentions++;
      const k = e.kinds.indexOf(m.kind);
      if (k < 0) { e.kinds.push(m.kind); e.kindCounts.push(1); } else e.kindCounts[k]++;
      e.forms.set(m.text, (e.forms.get(m.text) ?? 0) + 1);
      if (e.lastDoc !== d) { e.lastDoc = d; e.docs++; }
    }
  }

  /**
   * The entities counted: the kind of most mentions (the first seen on a tie), the fullest
   * frequent name; most mentioned first, then by id.
   */
  entities(): Entity[] {
    const entities: Entity[] = [];
    for (const [id, e] of this.byId) {
      let kind: MentionKind = 'person';
      let best = -1;
      e.kinds.forEach((k, i) => { if (e.kindCounts[i] > best) { best = e.kindCounts[i]; kind = k; } });
      entities.push({ id, kind, name: entityName(e.forms), aliases: [...e.forms.keys()].sort(), documents: e.docs, mentions: e.mentions });
    }
    return entities.sort((a, b) => b.mentions - a.mentions || a.id.localeCompare(b.id));
  }
}
