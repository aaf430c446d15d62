import { entityName } from '../linking/linkCorpus';
import { finish, STEP_UNITS, type Steps } from '../steps';
import type { Entity, Mention, MentionKind } from '../types';
import { entitySummary, majorityKind } from './entitySummary';
import { MentionTable, type MentionGroup, type MentionRef } from './mentionTable';
import type { RegistryMap } from './registryMap';

const entityOf = (m: Mention): string | undefined => m.entity;
const dateOf = (m: Mention): string | undefined => (m.kind === 'date' && m.value ? m.value : undefined);

/**
 * What queries read: the published documents' mentions by entity and by date, as the registry
 * `registry` has them. A registry change builds the next tables beside these and puts them in place
 * at once (CorpusIndex.setRegistrySteps), so that queries meanwhile see the old registry throughout.
 */
export class PublishedTables {
  /** Mentions by entity; the groups that change are tracked while a registry applies (settleKinds). */
  readonly byEntity: MentionTable;
  readonly byDate = new MentionTable(dateOf);
  /** Mentions by the id the recognizer gave them, kept only while a registry applies. */
  readonly byRecognizedEntity: MentionTable | undefined;
  /** How many mentions the published documents have. */
  mentionCount = 0;
  /**
   * The kinds mentions were recognized with, for those that show another: an entity the registry
   * adds without a kind takes the kind most of its mentions were recognized with.
   */
  private readonly recognizedKinds = new WeakMap<Mention, MentionKind>();

  constructor(readonly registry: RegistryMap | undefined) {
    this.byEntity = new MentionTable(entityOf, registry !== undefined);
    this.byRecognizedEntity = registry && new MentionTable(entityOf, true);
  }

  /** A document's mentions as the registry has them (`recognized` itself without one), in steps. */
  *reviewedSteps(recognized: Mention[]): Steps<Mention[]> {
    if (!this.registry) return recognized;
    const out: Mention[] = [];
    for (let i = 0; i < recognized.length; i += STEP_UNITS) {
      for (const m of this.reviewed(this.registry, recognized.slice(i, i + STEP_UNITS))) out.push(m);
      yield;
    }
    return out;
  }

  /**
   * While a registry applies, gives every mention of the entities whose mentions or recognized
   * totals changed since the last call the one kind of its entity: what the registry or the
   * recognizer say (the recognizer's may have changed since some were published), else the kind
   * most of its mentions were recognized with, as applyRegistry has it.
   */
  settleKinds(rank: (path: string) => number): void {
    finish(this.settleKindsSteps(rank));
  }

  /** `settleKinds` in steps, an entity each. */
  *settleKindsSteps(rank: (path: string) => number): Steps<void> {
    const registry = this.registry;
    if (!registry) return;
    const ids = this.byEntity.takeChanged();
    for (const id of this.byRecognizedEntity!.takeChanged()) ids.add(id);
    for (const id of ids) {
      yield;
      const g = this.byEntity.get(id);
      if (!g) continue;
      // every mention of the group listed only when needed: a group may span the corpus
      let refs: readonly MentionRef[] | undefined;
      const listed = () => (refs ??= this.byEntity.refs(id, rank));
      const kind = this.reviewedKind(registry, id) ?? majorityKind(listed().map(r => this.recognizedKinds.get(r.mention) ?? r.mention.kind))!;
      if (g.kinds.size === 1 && g.kinds.has(kind)) continue;
      for (const { mention } of listed()) if (mention.kind !== kind && !this.recognizedKinds.has(mention)) this.recognizedKinds.set(mention, mention.kind);
      this.byEntity.setKind(id, kind);
    }
    this.byEntity.takeChanged();
  }

  /** An entity as queries show it: its totals, and its name as the registry or the recognizer give it. */
  summary(id: string, g: MentionGroup): Entity {
    if (g.summary) return g.summary;
    // every mention shows its entity's kind
    const kind = g.kinds.keys().next().value!;
    const totals = { forms: g.forms, documents: g.docs.length, mentions: g.count };
    if (!this.registry) return (g.summary = entitySummary(id, kind, totals));
    // not cached: the recognizer's totals may change while this group does not
    const recognized = this.byRecognizedEntity!.get(id);
    return entitySummary(id, kind, totals, this.registry.entities.get(id)?.name ?? (recognized && entityName(recognized.forms)));
  }

  /** A version of what `summary` reads, for a list of entities kept until it changes. */
  get summaryVersion(): string {
    return `${this.byEntity.version}:${this.byRecognizedEntity?.version}`;
  }

  /**
   * A document's mentions as the registry has them, each with its entity's kind where the registry
   * and the recognizer tell it (RegistryMap.kindOf); the others wait for settleKinds. A mention
   * whose kind changes is a new object: the recognized one stays as it was.
   */
  private reviewed(registry: RegistryMap, recognized: readonly Mention[]): Mention[] {
    const mentions = registry.apply(recognized);
    for (let i = 0; i < mentions.length; i++) {
      const m = mentions[i];
      const kind = m.entity && this.reviewedKind(registry, m.entity);
      if (!kind || kind === m.kind) continue;
      mentions[i] = { ...m, kind };
      this.recognizedKinds.set(mentions[i], m.kind);
    }
    return mentions;
  }

  /** The kind the registry or the recognizer gives an entity, as applyRegistry has it; undefined for one the registry adds without a kind. */
  private reviewedKind(registry: RegistryMap, id: string): MentionKind | undefined {
    return registry.kindOf(id, r => this.byRecognizedEntity!.get(r)?.kinds.keys().next().value);
  }
}
