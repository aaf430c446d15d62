import { entityName } from '../linking/linkCorpus';
import { finish, STEP_UNITS, type Steps } from '../steps';
import type { Entity, Mention, MentionKind } from '../types';
import { entitySummary, majorityKind } from './entitySummary';
import { MentionRows, type StringIds } from './mentionRows';
import { MentionTable, type MentionGroup, type TableFiller } from './mentionTable';
import type { RegistryMap } from './registryMap';

const entityOf = (rows: MentionRows, i: number): string | undefined => rows.entity(i);
const dateOf = (rows: MentionRows, i: number): string | undefined => rows.value(i) || undefined;

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

  /** `strings`: the strings of the packed mentions (MentionRows), shared by the index's tables. */
  constructor(
    readonly registry: RegistryMap | undefined,
    private readonly strings: StringIds,
  ) {
    this.byEntity = new MentionTable(entityOf, registry !== undefined);
    this.byRecognizedEntity = registry && new MentionTable(entityOf, true);
  }

  /** The tables a document's mentions enter, each with the rows it takes: as recognized (`recognized`) or as the registry has them (`mentions`). */
  tablesFor<T>(recognized: T, mentions: T): [MentionTable, T][] {
    const tables: [MentionTable, T][] = [
      [this.byEntity, mentions],
      [this.byDate, mentions],
    ];
    if (this.byRecognizedEntity) tables.push([this.byRecognizedEntity, recognized]);
    return tables;
  }

  /**
   * Fills these tables, before any query reads them, with documents they hold nothing for, many at
   * once (MentionTable.filler): add each document's mentions as recognized and as the registry
   * has them (packSteps), then `endSteps`.
   */
  filler(): { addSteps(path: string, recognized: MentionRows, mentions: MentionRows): Steps<void>; endSteps(): Steps<void> } {
    const strings = this.strings;
    const entityKey = (rows: MentionRows, i: number) => rows.entityKey(i);
    // as dateOf: a date without a value (or an empty one) is in no group
    const dateKey = (rows: MentionRows, i: number) => {
      const k = rows.dateKey(i);
      return k >= 0 && strings.at(k) !== '' ? k : -1;
    };
    let documents = 0;
    const fillers = this.tablesFor<'recognized' | 'mentions'>('recognized', 'mentions').map(
      ([table, rows]) => [table.filler(table === this.byDate ? dateKey : entityKey, strings), rows] as const,
    );
    return {
      // a table's map of documents rehashes as it grows past a power of two (tens of milliseconds
      // at 65,536 documents): a step between the tables then, so that no step has two
      addSteps: (path, recognized, mentions) => {
        const grows = documents >= 4096 && (documents & (documents - 1)) === 0;
        documents++;
        this.mentionCount += mentions.length;
        return fillSteps(fillers, path, recognized, mentions, grows);
      },
      endSteps: function* () {
        for (const [f] of fillers) yield* f.endSteps();
      },
    };
  }

  /**
   * A document's mentions packed, as recognized and as the registry has them (the same rows without
   * one), in steps. A mention the registry gives another kind keeps the one it was recognized with
   * (MentionRows.recognizedKind): an entity the registry adds without a kind takes the kind most of
   * its mentions were recognized with.
   */
  *packSteps(recognized: readonly Mention[]): Steps<{ recognized: MentionRows; mentions: MentionRows }> {
    const recognizedRows = yield* MentionRows.packSteps(recognized, this.strings);
    if (!this.registry) return { recognized: recognizedRows, mentions: recognizedRows };
    const kinds = new Map<Mention, MentionKind>();
    const out: Mention[] = [];
    for (let i = 0; i < recognized.length; i += STEP_UNITS) {
      for (const m of this.reviewed(this.registry, recognized.slice(i, i + STEP_UNITS), kinds)) out.push(m);
      yield;
    }
    return { recognized: recognizedRows, mentions: yield* MentionRows.packSteps(out, this.strings, m => kinds.get(m)) };
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
      // the recognized kinds of every mention of the group read only when needed: a group may span the corpus
      const kind = this.reviewedKind(registry, id) ?? majorityKind(yield* this.byEntity.recognizedKindsSteps(id, rank))!;
      if (g.kinds.size === 1 && g.kinds.has(kind)) continue;
      yield* this.byEntity.setKindSteps(id, kind);
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

  /**
   * Continues the versions of the tables these replace, so that a reader of those (a list read in
   * pages, a list of entities kept) sees a change.
   */
  follow(previous: PublishedTables): void {
    this.byEntity.version += previous.byEntity.version + 1;
    this.byDate.version += previous.byDate.version + 1;
    if (this.byRecognizedEntity) this.byRecognizedEntity.version += (previous.byRecognizedEntity?.version ?? 0) + 1;
  }

  /** A version of what `summary` reads, for a list of entities kept until it changes. */
  get summaryVersion(): string {
    return `${this.byEntity.version}:${this.byRecognizedEntity?.version}`;
  }

  /**
   * A document's mentions as the registry has them, each with its entity's kind where the registry
   * and the recognizer tell it (RegistryMap.kindOf); the others wait for settleKinds. A mention
   * whose kind changes is a new object, with the kind it was recognized with in `recognizedKinds`.
   */
  private reviewed(registry: RegistryMap, recognized: readonly Mention[], recognizedKinds: Map<Mention, MentionKind>): Mention[] {
    const mentions = registry.apply(recognized);
    for (let i = 0; i < mentions.length; i++) {
      const m = mentions[i];
      const kind = m.entity && this.reviewedKind(registry, m.entity);
      if (!kind || kind === m.kind) continue;
      mentions[i] = { ...m, kind };
      recognizedKinds.set(mentions[i], m.kind);
    }
    return mentions;
  }

  /** The kind the registry or the recognizer gives an entity, as applyRegistry has it; undefined for one the registry adds without a kind. */
  private reviewedKind(registry: RegistryMap, id: string): MentionKind | undefined {
    return registry.kindOf(id, r => this.byRecognizedEntity!.get(r)?.kinds.keys().next().value);
  }
}

/** Adds a document to each filler, with the rows it takes; a step between them when `apart`. */
function* fillSteps(
  fillers: readonly (readonly [TableFiller, 'recognized' | 'mentions'])[],
  path: string,
  recognized: MentionRows,
  mentions: MentionRows,
  apart: boolean,
): Steps<void> {
  for (const [f, rows] of fillers) {
    yield* f.addSteps(path, rows === 'recognized' ? recognized : mentions);
    if (apart) yield;
  }
}
