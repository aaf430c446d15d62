import { entityName } from '../linking/linkCorpus';
import { finish, STEP_UNITS, type Steps } from '../steps';
import type { Entity, MentionKind } from '../types';
import { entitySummary, majorityKind } from './entitySummary';
import type { Int32Slab } from './int32Slab';
import type { MentionRows, StringIds } from './mentionRows';
import { MentionTable, type GroupTotals, type KeyOf, type MentionGroup, type TableFiller } from './mentionTable';
import type { RegistryMap } from './registryMap';

const entityOf: KeyOf = (rows, i) => rows.entityKey(i);

/**
 * What queries read: the published documents' mentions by entity and by date, as the registry
 * `registry` has them. A registry change builds the next tables beside these and puts them in place
 * at once (CorpusIndex.setRegistrySteps), so that queries meanwhile see the old registry throughout.
 * What no registry changes, the mentions as recognized (by date, and by recognized entity), is
 * carried over to the next tables rather than built again: only the mentions by entity are.
 */
export class PublishedTables {
  /** Mentions by entity; the groups that change are tracked while a registry applies (settleKinds). */
  readonly byEntity: MentionTable;
  /** Date mentions by value, from the mentions as recognized: a registry changes no date. */
  readonly byDate: MentionTable;
  /** Mentions by the id the recognizer gave them, kept only while a registry applies. */
  readonly byRecognizedEntity: MentionTable | undefined;
  /** How many mentions the published documents have. */
  mentionCount = 0;
  /** The tables being built beside those these replace (the others are carried over from them); undefined once in place (follow). */
  private building: MentionTable[] | undefined;
  /** A date mention's key: its value (none for a date without one, or an empty one). */
  private readonly dateOf: KeyOf = (rows, i) => {
    const k = rows.dateKey(i);
    return k >= 0 && this.strings.at(k) !== '' ? k : -1;
  };

  /**
   * `strings`: the strings of the packed mentions (MentionRows), shared by the index's tables.
   * `carried`: the tables these replace, for a registry change: their mentions as recognized are
   * taken over (still read through them until these are in place, and not changed by these).
   */
  constructor(
    readonly registry: RegistryMap | undefined,
    private readonly strings: StringIds,
    carried?: PublishedTables,
  ) {
    if (!carried) {
      this.byEntity = new MentionTable(entityOf, strings, registry !== undefined);
      this.byDate = new MentionTable(this.dateOf, strings);
      this.byRecognizedEntity = registry && new MentionTable(entityOf, strings, true);
      this.building = [this.byEntity, this.byDate, ...(this.byRecognizedEntity ? [this.byRecognizedEntity] : [])];
      return;
    }
    // without a registry, mentions by entity are the mentions as recognized
    const recognized = carried.byRecognizedEntity ?? carried.byEntity;
    this.byDate = carried.byDate;
    this.byEntity = registry ? new MentionTable(entityOf, strings, true) : recognized;
    this.byRecognizedEntity = registry && recognized;
    this.building = registry ? [this.byEntity] : [];
  }

  /** The tables a document's mentions enter, each with the rows it takes: as recognized (`recognized`) or as the registry has them (`mentions`). */
  tablesFor<T>(recognized: T, mentions: T): [MentionTable, T][] {
    const tables: [MentionTable, T][] = [
      [this.byEntity, mentions],
      [this.byDate, recognized],
    ];
    if (this.byRecognizedEntity) tables.push([this.byRecognizedEntity, recognized]);
    return tables;
  }

  /** A published document's mentions as recognized (before the registry). */
  recognizedRows(path: string): MentionRows | undefined {
    return this.byDate.rows(path);
  }

  /**
   * Fills the tables these build, before any query reads them, with documents they hold nothing
   * for, many at once (MentionTable.filler): add each document's mentions as recognized and as the
   * registry has them (reviewSteps), then `endSteps`. `totals`: the groups' totals of each table
   * (byEntity, byDate) from a snapshot of the same documents' mentions, for new tables without a
   * registry: `endSteps` is then false when they do not hold (the tables are not to be used).
   */
  filler(totals?: readonly [ReadonlyMap<string, GroupTotals>, ReadonlyMap<string, GroupTotals>]): {
    addSteps(path: string, recognized: MentionRows, mentions: MentionRows): Steps<void>;
    /** addSteps in one step, for a document of at most STEP_UNITS mentions (most); false, and nothing done, otherwise. */
    add(path: string, recognized: MentionRows, mentions: MentionRows): boolean;
    endSteps(): Steps<boolean>;
  } {
    if (totals && this.registry) throw new Error('totals are for tables without a registry');
    const building = this.building ?? [];
    let documents = 0;
    const fillers = this.tablesFor<'recognized' | 'mentions'>('recognized', 'mentions')
      .filter(([table]) => building.includes(table))
      .map(([table, rows]) => [table.filler(totals?.[table === this.byDate ? 1 : 0]), rows] as const);
    // a table's map of documents rehashes as it grows past a power of two (tens of milliseconds
    // at 65,536 documents): a step between the tables then, so that no step has two
    const grows = () => documents >= 4096 && (documents & (documents - 1)) === 0;
    return {
      addSteps: (path, recognized, mentions) => {
        const apart = grows();
        documents++;
        this.mentionCount += mentions.length;
        return fillSteps(fillers, path, recognized, mentions, apart);
      },
      add: (path, recognized, mentions) => {
        if (grows() || recognized.length > STEP_UNITS || mentions.length > STEP_UNITS) return false;
        documents++;
        this.mentionCount += mentions.length;
        for (const [f, rows] of fillers) f.add(path, rows === 'recognized' ? recognized : mentions);
        return true;
      },
      endSteps: function* () {
        for (const [f] of fillers) if (!(yield* f.endSteps())) return false;
        return true;
      },
    };
  }

  /**
   * A document's mentions as recognized, as the registry has them (its own rows, which settleKinds
   * may change), in steps: each name's entity as the registry gives it, with the kind the registry
   * or the recognizer give that entity where they tell it; a mention the registry gives another kind
   * keeps the one it was recognized with (MentionRows.recognizedKind): an entity the registry adds
   * without a kind takes the kind most of its mentions were recognized with (settleKinds).
   * `slab`: where the rows go when many documents are published together.
   */
  reviewSteps(recognized: MentionRows, slab?: Int32Slab): Steps<MentionRows> {
    const registry = this.registry!;
    return recognized.reviewedSteps(
      (text, entity) => registry.entityOf(text, entity),
      id => this.reviewedKind(registry, id),
      slab,
    );
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
    // a table carried over is still the one queries read (and settle) until these are in place
    if (!this.building || this.building.includes(this.byRecognizedEntity!)) for (const id of this.byRecognizedEntity!.takeChanged()) ids.add(id);
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
   * Puts these tables in the place of `previous`: continues the versions of the tables these
   * replace, so that a reader of those (a list read in pages, a list of entities kept) sees a
   * change, and tracks the changes of the groups where settleKinds reads them (in a table carried
   * over too).
   */
  follow(previous: PublishedTables): void {
    const next = (table: MentionTable, before: MentionTable | undefined) => (table.version = Math.max(table.version, before?.version ?? 0) + 1);
    next(this.byEntity, previous.byEntity);
    next(this.byDate, previous.byDate);
    if (this.byRecognizedEntity) next(this.byRecognizedEntity, previous.byRecognizedEntity);
    this.byEntity.trackChanges(this.registry !== undefined);
    this.byRecognizedEntity?.trackChanges(true);
    this.building = undefined;
  }

  /** A version of what `summary` reads, for a list of entities kept until it changes. */
  get summaryVersion(): string {
    return `${this.byEntity.version}:${this.byRecognizedEntity?.version}`;
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
