import type { Mention, MentionKind } from '../types';
import { pinnedAliases, type Registry, type RegistryEntity } from './registry';
import { foldedName } from './variantKey';

const MAX_MERGE_CHAIN = 32;

/**
 * The reviewers' decisions as they apply to one mention at a time (pinned aliases, merges, "not an
 * entity"), so that a corpus index can apply them document by document; applyRegistry uses it for
 * whole analyses. Folded names are computed once per surface form.
 */
export class RegistryMap {
  private readonly notTexts: Set<string>;
  private readonly notIds: Set<string>;
  private readonly pinned: Map<string, string>;
  private readonly mergedInto = new Map<string, string>();
  private readonly folded = new Map<string, string>();
  /** Registry entries by id (the last of each id wins, as in applyRegistry). */
  readonly entities = new Map<string, RegistryEntity>();

  constructor(readonly registry: Registry) {
    this.notTexts = new Set(registry.notEntities.map(foldedName));
    this.notIds = new Set(registry.entities.filter(e => e.notEntity).map(e => e.id));
    this.pinned = pinnedAliases(registry);
    for (const e of registry.entities) for (const from of e.merged) if (from !== e.id) this.mergedInto.set(from, e.id);
    for (const e of registry.entities) this.entities.set(e.id, e);
  }

  /** True when the registry decides nothing: mentions pass unchanged. */
  get empty(): boolean {
    return this.registry.entities.length === 0 && this.registry.notEntities.length === 0;
  }

  /**
   * The kind of entity `id` once the registry applies, where the registry and the recognizer tell
   * it: the registry's, else the one the recognizer gives that id (`recognized`). Undefined for an
   * entity the registry adds without a kind: it takes the kind most of its mentions were recognized
   * with, which only all its mentions tell.
   */
  kindOf(id: string, recognized: (id: string) => MentionKind | undefined): MentionKind | undefined {
    return this.entities.get(id)?.kind ?? recognized(id);
  }

  /** The mentions of one document as the registry has them (a new array; dates pass unchanged, kinds too). */
  apply(mentions: readonly Mention[]): Mention[] {
    const out: Mention[] = [];
    for (const m of mentions) {
      if (m.kind === 'date') {
        out.push(m);
        continue;
      }
      const entity = this.entityOf(m.text, m.entity);
      if (entity) out.push(entity === m.entity ? m : { ...m, entity });
    }
    return out;
  }

  /** The entity of a name mention (its surface form `text`, its recognized `entity`) once the registry applies; undefined when it is left out. */
  entityOf(text: string, entity: string | undefined): string | undefined {
    const folded = this.fold(text);
    if (this.notTexts.has(folded)) return undefined;
    const id = this.resolve(this.pinned.get(folded) ?? entity ?? '');
    return id && !this.notIds.has(id) ? id : undefined;
  }

  private resolve(id: string): string {
    for (let i = 0; i < MAX_MERGE_CHAIN && this.mergedInto.has(id); i++) id = this.mergedInto.get(id)!;
    return id;
  }

  private fold(text: string): string {
    let f = this.folded.get(text);
    if (f === undefined) this.folded.set(text, (f = foldedName(text)));
    return f;
  }
}
