import { finish, STEP_UNITS, type Steps } from '../steps';
import type { Entity, Mention, MentionKind } from '../types';
import { Int32Slab } from './int32Slab';
import { formIdIn, kindIn, type MentionRows, type StringIds } from './mentionRows';

/** A mention together with the document it is in. */
export interface MentionRef {
  path: string;
  mention: Mention;
}

/**
 * A page of a key's mentions where they are, without a Mention object each (MentionTable.spans):
 * what a list of locations needs. A whole list of references at 100,000 articles has hundreds of
 * thousands of mentions, and a MentionRef with its Mention for each was garbage enough, list after
 * list, to grow the heap by hundreds of megabytes.
 */
export interface MentionSpans {
  /** The documents of the page, in the order of its mentions. */
  readonly paths: readonly string[];
  /** Per mention: its document, an index into `paths`. */
  readonly doc: Int32Array;
  /** Per mention: its start and its end, in UTF-16 code units of the document's text. */
  readonly start: Int32Array;
  readonly end: Int32Array;
  /** How many mentions the key has in all. */
  readonly total: number;
}

/** The mentions of one entity (or one date value) across the corpus: running totals, and where. */
export class MentionGroup {
  /**
   * The documents that mention it, in no particular order; once ranked (`ranked`), that very
   * array, put in rank order, not a copy beside it: the documents of every group twice were
   * megabytes of the heap at 10,000 articles (scripts/benchCorpus.mjs). Changed in place only
   * through ownDocs.
   */
  docs: string[] = [];
  count = 0;
  /** Surface forms and how often each occurs. */
  readonly forms = new Map<string, number>();
  readonly kinds = new Map<MentionKind, number>();
  // caches, dropped whenever the group changes (below)
  /** `docs` in the order of their rank (rankedDocs): the same array as `docs` until the group changes. */
  ranked: string[] | undefined;
  /** Where the last page ended (the mention's number, the document's in `ranked`, the mention's in it): the next page starts there. */
  pageEnd: { from: number; doc: number; at: number } | undefined;
  summary: Entity | undefined;
  /** The documents with the most mentions, most first (MentionTable.mostMentioning). */
  top: DocumentCount[] | undefined;
  /** Incremented whenever the group changes in place, so that a staged copy of it can tell it is outdated. */
  stamp = 0;
}

/** A document and how many mentions of a group it has. */
export interface DocumentCount {
  path: string;
  count: number;
  /** Its first mention of the group, in text order. */
  first: Mention;
}

/**
 * A document's mentions made ready beside a table (MentionTable.stage) to take the place of what
 * the table holds for it in one short step (MentionTable.commit): the groups it changes, each
 * copied with the change made.
 */
export interface StagedDocument {
  readonly path: string;
  /** What the table held for the document when staged. */
  readonly before: DocumentEntry | undefined;
  /** What it holds for the document once committed, undefined when it is withdrawn. */
  readonly after: DocumentEntry | undefined;
  /**
   * Each key it touches: the group copied and changed (undefined when it has no mention left), the
   * group it was copied from with its stamp then, and the change (to make the copy again).
   */
  readonly groups: { key: string; base: MentionGroup | undefined; stamp: number; next: MentionGroup | undefined; change: GroupChange }[];
}

/** A key's id (StringIds) in the strings of a table's rows; negative for a mention in no group. */
export type KeyOf = (rows: MentionRows, i: number) => number;

/** How replacing one document's mentions changes one group. */
interface GroupChange {
  /** The document had mentions in the group, has them. */
  had: boolean;
  has: boolean;
  /** Added to the group's totals (negative: taken away). */
  count: number;
  readonly forms: Map<string, number>;
  readonly kinds: Map<MentionKind, number>;
}

/**
 * What a table holds for one document: its mention list as given (every mention, of any key or
 * none, in text order: the list the index keeps for the document, not a copy), and its keys, each
 * once in the order of their first mention, with how many mentions each has. No list per key: a
 * corpus has hundreds of thousands of (document, key) pairs, and a list (or map) for each was a
 * third of an index's memory; the mentions of one key are found by going through the document's
 * (a document has some tens). The keys are numbers in a chunk shared with other documents rather
 * than arrays of their own: two arrays for each of 100,000 documents were a fourth of a warm
 * start's heap, and copying them out of the young generation was most of its time collecting garbage
 * (a view of the chunk for each was still 96 bytes).
 */
export interface DocumentEntry {
  readonly mentions: MentionRows;
  /** From `from` to `to`, two numbers a key: its id (StringIds), then its count. */
  readonly keys: Int32Array;
  readonly from: number;
  readonly to: number;
  /** Where each key is in `keys` (a pair's number), for a document with many (a 50 MB file may have 55,000): looking them up one by one in `keys` was quadratic. */
  readonly lookup?: ReadonlyMap<number, number>;
}

/**
 * A group's totals as a snapshot keeps them, by key (MentionTable.filler): what counting its
 * mentions one by one gives.
 */
export interface GroupTotals {
  readonly count: number;
  /** How many documents mention it. */
  readonly documents: number;
  readonly forms: ReadonlyMap<string, number>;
  readonly kinds: ReadonlyMap<MentionKind, number>;
}

/** What a TableFiller keeps between documents. */
interface FillState {
  /** The groups' totals when known: forms and kinds are then not counted. */
  readonly totals: ReadonlyMap<string, GroupTotals> | undefined;
  /** Per key id: the number of the document it was last seen in, and its place in that document's keys. */
  seen: Int32Array;
  slot: Int32Array;
  doc: number;
  /** The key ids met, in the order first seen. */
  readonly order: number[];
  /** Per key id: its group, and its mentions counted by form and kind (MentionRows.formKind). */
  readonly byId: (Touched | undefined)[];
  /** The document being filled. */
  readonly found: FoundKeys;
  /** Where the documents' keys go (DocumentEntry.keys): only documents filled together share a chunk. */
  readonly keys: Int32Slab;
}

/** A group a filler has added to, how many documents it has so far, and its mentions counted by form and kind. */
interface Touched {
  readonly g: MentionGroup;
  documents: number;
  readonly tally: Map<number, number>;
}

/**
 * The keys of the document being filled, each once, with their counts: the same array for every
 * document (a warm start fills 100,000; arrays emptied by setting their length give their room
 * back, and were made again for each).
 */
interface FoundKeys {
  /** Its number (FillState.seen). */
  doc: number;
  /** How many keys, and two numbers each from the start of `pairs`: its id, its count. */
  n: number;
  pairs: Int32Array;
}

/** Adds documents to a table in bulk (MentionTable.filler). */
export interface TableFiller {
  /**
   * Adds a document the table holds nothing for, in steps (a 50 MB file has tens of thousands of
   * mentions); one document at a time, each run to its end before the next.
   */
  addSteps(path: string, rows: MentionRows): Steps<void>;
  /** addSteps in one step: for a document of at most STEP_UNITS mentions (most), which a step may hold. */
  add(path: string, rows: MentionRows): void;
  /**
   * Makes the groups' forms and kinds from what was added, in steps: the table is complete. False
   * when it was given totals (filler) that the documents added do not give: it is not to be used.
   */
  endSteps(): Steps<boolean>;
}

/**
 * Mentions grouped by a key (entity id, date value), maintained document by document: a document's
 * mentions are added and withdrawn as a whole, and only the groups it touches change. Each
 * document's keys are kept with it, so that a group needs no map of its own (a group may span
 * every document; growing and rehashing thousands of large maps made linking a corpus slow).
 */
export class MentionTable {
  private readonly groups = new Map<string, MentionGroup>();
  private readonly byDoc = new Map<string, DocumentEntry>();
  /** Incremented on every change, for caches over all groups. */
  version = 0;
  /** Keys of the groups changed since `takeChanged`, when asked to keep them. */
  private changedKeys: Set<string> | undefined;

  /**
   * `keyOf`: a mention's key, as an id of `strings` (those of the rows the table is given).
   * `track`: keep the keys of the groups that change, for `takeChanged`.
   */
  constructor(
    private readonly keyOf: KeyOf,
    private readonly strings: StringIds,
    track = false,
  ) {
    this.trackChanges(track);
  }

  /** Starts (or stops) keeping the keys of the groups that change, none kept so far. */
  trackChanges(on: boolean): void {
    this.changedKeys = on ? new Set() : undefined;
  }

  /** The keys of the groups added, changed or removed since the last call (tracked tables only). */
  takeChanged(): Set<string> {
    const keys = this.changedKeys ?? new Set<string>();
    this.trackChanges(this.changedKeys !== undefined);
    return keys;
  }

  get size(): number {
    return this.groups.size;
  }

  get(key: string): MentionGroup | undefined {
    return this.groups.get(key);
  }

  entries(): IterableIterator<[string, MentionGroup]> {
    return this.groups.entries();
  }

  /** The mentions the table holds for a document (every mention of it, of any key or none). */
  rows(path: string): MentionRows | undefined {
    return this.byDoc.get(path)?.mentions;
  }

  /**
   * Adds one document's mentions (those without a key are left out), in place of any it had. A group
   * the document stays in keeps its list of documents as it is: finding the document in a list that
   * may span the corpus is what made an edit slow (an edit rarely changes which groups it is in).
   */
  addDocument(path: string, mentions: MentionRows): void {
    const before = this.byDoc.get(path);
    const after = this.entry(mentions);
    this.byDoc.set(path, after);
    if (before) {
      for (let k = before.from; k < before.to; k += 2) {
        const key = this.strings.at(before.keys[k]);
        this.changedKeys?.add(key);
        const g = this.groups.get(key)!;
        g.count -= before.keys[k + 1];
        changed(g);
        if (keyIndex(after, before.keys[k]) >= 0) continue;
        if (g.count === 0) this.groups.delete(key);
        else ownDocs(g).splice(g.docs.indexOf(path), 1);
      }
      this.tally(before, -1);
    }
    for (let k = after.from; k < after.to; k += 2) {
      const key = this.strings.at(after.keys[k]);
      this.changedKeys?.add(key);
      let g = this.groups.get(key);
      if (!g) this.groups.set(key, (g = new MentionGroup()));
      if (!before || keyIndex(before, after.keys[k]) < 0) ownDocs(g).push(path);
      g.count += after.keys[k + 1];
      changed(g);
    }
    this.tally(after, 1);
    this.version++;
  }

  /**
   * Adds many documents the table holds nothing for (`add`, one after another), quicker than
   * addDocument: keys, forms and kinds are counted by number, and the groups' forms and kinds are
   * made from the counts by `end`, which must follow. The groups are what addDocument gives for the same
   * documents in the same order. For a table built beside the one queries read (a warm start
   * publishes a corpus's millions of mentions so): queries must not read it before `endSteps`.
   * `totals`: every group's totals, from a snapshot of the same documents' mentions: then forms and
   * kinds are taken from there rather than counted, and `endSteps` checks the counts and documents.
   */
  filler(totals?: ReadonlyMap<string, GroupTotals>): TableFiller {
    const fill: FillState = {
      totals,
      seen: new Int32Array(this.strings.size + 1024),
      slot: new Int32Array(this.strings.size + 1024),
      doc: 0,
      order: [],
      byId: [],
      found: { doc: 0, n: 0, pairs: new Int32Array(256) },
      keys: new Int32Slab(CHUNK),
    };
    return {
      addSteps: (path, rows) => this.fillSteps(fill, path, rows),
      add: (path, rows) => this.fillAtOnce(fill, path, rows),
      endSteps: () => this.fillEndSteps(fill),
    };
  }

  /** TableFiller.add: no generator for each of 100,000 documents. */
  private fillAtOnce(fill: FillState, path: string, rows: MentionRows): void {
    this.beginFill(fill, path);
    this.fillRows(fill, rows, 0, rows.length);
    const entry = this.filledEntry(fill, rows);
    this.enterFilled(fill, path, entry, 0, fill.found.n);
    this.byDoc.set(path, entry);
  }

  /** TableFiller.addSteps. */
  private *fillSteps(fill: FillState, path: string, rows: MentionRows): Steps<void> {
    this.beginFill(fill, path);
    // a plain loop a step (a loop with a yield in it runs slower): a warm start fills millions of mentions
    for (let from = 0; from < rows.length; from += STEP_UNITS) {
      if (from) yield;
      this.fillRows(fill, rows, from, Math.min(rows.length, from + STEP_UNITS));
    }
    const entry = this.filledEntry(fill, rows);
    // in steps: a file of noise has tens of thousands of keys
    for (let a = 0; a < fill.found.n; a += STEP_UNITS) {
      yield;
      this.enterFilled(fill, path, entry, a, Math.min(fill.found.n, a + STEP_UNITS));
    }
    this.byDoc.set(path, entry);
  }

  /** Starts filling a document. */
  private beginFill(fill: FillState, path: string): void {
    if (this.byDoc.has(path)) throw new Error(`${path}: already in the table`);
    fill.found.doc = ++fill.doc;
    fill.found.n = 0;
  }

  /** What the table holds for the document filled, its keys as counted (its lookup not made yet). */
  private filledEntry(fill: FillState, rows: MentionRows): DocumentEntry {
    const { n, pairs } = fill.found;
    const from = fill.keys.reserve(2 * n);
    const keys = fill.keys.chunk;
    for (let k = 0; k < 2 * n; k++) keys[from + k] = pairs[k];
    return { mentions: rows, keys, from, to: from + 2 * n, lookup: n > LOOKUP_KEYS ? new Map<number, number>() : undefined };
  }

  /** Adds the document filled to the groups of its keys `from` to `to` (and them to its lookup). */
  private enterFilled(fill: FillState, path: string, entry: DocumentEntry, from: number, to: number): void {
    const { keys } = entry;
    const lookup = entry.lookup as Map<number, number> | undefined;
    for (let a = from; a < to; a++) {
      const id = keys[entry.from + 2 * a];
      const t = fill.byId[id]!;
      // as push, into the room made for the group's documents when their number is known
      t.g.docs[t.documents++] = path;
      t.g.count += keys[entry.from + 2 * a + 1];
      lookup?.set(id, a);
    }
  }

  /** Counts mentions `from` to `to` of a document being filled by key (and by form and kind, unless the totals are known) into `fill.found`. */
  private fillRows(fill: FillState, rows: MentionRows, from: number, to: number): void {
    const { keyOf } = this;
    const { found } = fill;
    const { doc } = found;
    let { pairs } = found;
    for (let i = from; i < to; i++) {
      const k = keyOf(rows, i);
      if (k < 0) continue;
      if (k >= fill.seen.length) {
        const grown = Math.max(2 * fill.seen.length, k + 1);
        fill.seen = copied(fill.seen, grown);
        fill.slot = copied(fill.slot, grown);
      }
      let at = fill.slot[k];
      if (fill.seen[k] !== doc) {
        fill.seen[k] = doc;
        fill.slot[k] = at = found.n++;
        if (2 * found.n > pairs.length) found.pairs = pairs = copied(pairs, 2 * pairs.length);
        pairs[2 * at] = k;
        pairs[2 * at + 1] = 0;
        if (!fill.byId[k]) {
          const key = this.strings.at(k);
          let g = this.groups.get(key);
          const documents = g ? ownDocs(g).length : 0;
          if (!g) {
            this.groups.set(key, (g = new MentionGroup()));
            // room for its documents at once (a group may span the corpus: grown by push, its list was copied over and over)
            const known = fill.totals?.get(key)?.documents;
            if (known) g.docs = new Array<string>(known);
          }
          fill.byId[k] = { g, documents, tally: fill.totals ? NOT_TALLIED : new Map() };
          fill.order.push(k);
        }
      }
      pairs[2 * at + 1]++;
      if (fill.totals) continue;
      const code = rows.formKind(i);
      const { tally } = fill.byId[k]!;
      tally.set(code, (tally.get(code) ?? 0) + 1);
    }
  }

  /** TableFiller.endSteps. */
  private *fillEndSteps(fill: FillState): Steps<boolean> {
    const { order, byId, totals } = fill;
    const { strings } = this;
    if (totals && totals.size !== order.length) return false;
    let n = 0;
    for (const k of order) {
      const { g, tally } = byId[k]!;
      const key = strings.at(k);
      const known = totals?.get(key);
      if (totals) {
        if (known?.count !== g.count || known.documents !== byId[k]!.documents || g.docs.length !== known.documents) return false;
        for (const [form, count] of known.forms) g.forms.set(form, count);
        for (const [kind, count] of known.kinds) g.kinds.set(kind, count);
      }
      for (const [code, count] of tally) {
        add(g.forms, strings.at(formIdIn(code)), count);
        add(g.kinds, kindIn(code), count);
      }
      changed(g);
      this.changedKeys?.add(key);
      if (++n % (STEP_UNITS / 4) === 0) yield;
    }
    order.length = 0;
    byId.length = 0;
    this.version++;
    return true;
  }

  removeDocument(path: string): void {
    const before = this.byDoc.get(path);
    if (!before) return;
    this.byDoc.delete(path);
    this.tally(before, -1);
    for (let k = before.from; k < before.to; k += 2) {
      const key = this.strings.at(before.keys[k]);
      this.changedKeys?.add(key);
      const g = this.groups.get(key)!;
      g.count -= before.keys[k + 1];
      if (g.count === 0) {
        this.groups.delete(key);
        continue;
      }
      ownDocs(g).splice(g.docs.indexOf(path), 1);
      changed(g);
    }
    this.version++;
  }

  /**
   * Gives every mention of a group the kind `kind`, in place, in steps (queries between them may
   * see some mentions changed: for tables not yet read, or run at once): the mentions must be this
   * table's own (no other table holds them).
   */
  *setKindSteps(key: string, kind: MentionKind): Steps<void> {
    const g = this.groups.get(key);
    if (!g) return;
    yield* this.rowSteps(g.docs, this.idOf(key), (_, rows, i) => rows.setKind(i, kind));
    g.kinds.clear();
    g.kinds.set(kind, g.count);
    changed(g);
    this.version++;
  }

  /**
   * Makes a document's mentions ready to replace what the table holds for it (undefined: to
   * withdraw it), in steps, changing nothing that queries read: the groups it touches are copied.
   * For a document with many mentions; `commit` then puts them in place.
   */
  *stage(path: string, mentions: MentionRows | undefined): Steps<StagedDocument> {
    const before = this.byDoc.get(path);
    const after = mentions && (yield* this.entrySteps(mentions));
    const groups: StagedDocument['groups'] = [];
    let units = 0;
    for (const [id, change] of yield* this.changeSteps(before, after)) {
      const key = this.strings.at(id);
      const base = this.groups.get(key);
      groups.push({ key, base, stamp: base?.stamp ?? 0, next: changedGroup(base, path, change), change });
      // a copy costs the group's documents too (a group may span the corpus)
      if ((units += 4 + (base ? base.docs.length >> 6 : 0)) >= STEP_UNITS) {
        units = 0;
        yield;
      }
    }
    return { path, before, after, groups };
  }

  /**
   * Puts a staged document in place, in one step proportional to the groups it touches. False
   * (and nothing changed) when the document's own mentions in the table changed since it was
   * staged: stage it again. A group that others changed since is made again from what it is now.
   */
  commit(staged: StagedDocument): boolean {
    const { path, after } = staged;
    if (!this.holds(staged)) return false;
    for (const { key, base, stamp, next, change } of staged.groups) {
      const now = this.groups.get(key);
      const g = now === base && (!base || base.stamp === stamp) ? next : changedGroup(now, path, change);
      if (g) this.groups.set(key, g);
      else this.groups.delete(key);
      this.changedKeys?.add(key);
    }
    if (after) this.byDoc.set(path, after);
    else this.byDoc.delete(path);
    this.version++;
    return true;
  }

  /** True while a staged document can be committed: the table holds for it what it held when staged. */
  holds(staged: StagedDocument): boolean {
    return this.byDoc.get(staged.path) === staged.before;
  }

  /**
   * Every mention of a key, in text order, documents in the order of their rank: made on each call,
   * not kept (a group may have hundreds of thousands; lists read in pages need none).
   */
  refs(key: string, rank: (path: string) => number): readonly MentionRef[] {
    const g = this.groups.get(key);
    if (!g) return [];
    const id = this.idOf(key);
    const refs: MentionRef[] = [];
    const push = (path: string, rows: MentionRows, i: number) => refs.push({ path, mention: rows.mention(i) });
    for (const path of rankedDocs(g, rank)) {
      const rows = this.rows(path)!;
      this.visitRows(path, rows, id, 0, rows.length, push);
    }
    return refs;
  }

  /** The kinds every mention of a key was recognized with (MentionRows.recognizedKind), in the order of `refs`, in steps. */
  *recognizedKindsSteps(key: string, rank: (path: string) => number): Steps<MentionKind[]> {
    const g = this.groups.get(key);
    const kinds: MentionKind[] = [];
    if (g) yield* this.rowSteps(rankedDocs(g, rank), this.idOf(key), (_, rows, i) => kinds.push(rows.recognizedKind(i)));
    return kinds;
  }

  /** Calls `visit` on each row of key `id` in the documents `paths`: a group may span the corpus, so its documents' rows are scanned a few thousand a step. */
  private *rowSteps(paths: readonly string[], id: number, visit: VisitRow): Steps<void> {
    let scanned = 0;
    for (const path of paths) {
      const rows = this.byDoc.get(path)!.mentions;
      this.visitRows(path, rows, id, 0, rows.length, visit);
      if ((scanned += rows.length) >= STEP_UNITS) {
        scanned = 0;
        yield;
      }
    }
  }

  /**
   * The `max` documents with the most mentions of a key (most first, then by path), `except` left
   * out, and how many documents mention it besides `except`: what a hover card lists, without a
   * list of every mention (a group may hold hundreds of thousands). The leaders are kept until the
   * group changes.
   */
  mostMentioning(key: string, max: number, except: string): { documents: DocumentCount[]; total: number } {
    const g = this.groups.get(key);
    if (!g) return { documents: [], total: 0 };
    const wanted = Math.min(g.docs.length, max + 1);
    if (!g.top || g.top.length < wanted) g.top = this.leaders(key, g, Math.max(wanted, TOP_KEPT));
    const e = this.byDoc.get(except);
    const hasExcept = e !== undefined && keyIndex(e, this.idOf(key)) >= 0;
    return { documents: g.top.filter(d => d.path !== except).slice(0, max), total: g.docs.length - (hasExcept ? 1 : 0) };
  }

  /**
   * Readies, a group per step, what hover cards and the first page of references read: each group's
   * leaders (mostMentioning) and its documents in the order of `rank` (page). For when the host is
   * idle, so that neither counts nor sorts the documents of an entity that spans the corpus.
   */
  *readySteps(rank: (path: string) => number): Steps<void> {
    for (const [key, g] of this.groups) {
      if (g.top && g.ranked) continue;
      g.top ??= this.leaders(key, g, Math.min(g.docs.length, TOP_KEPT));
      rankedDocs(g, rank);
      yield;
    }
  }

  /** The `n` documents of group `g` with the most mentions, most first, then by path: one pass keeping the best `n` in order. */
  private leaders(key: string, g: MentionGroup, n: number): DocumentCount[] {
    const id = this.idOf(key);
    const best: { path: string; count: number }[] = [];
    const before = (count: number, path: string, b: { path: string; count: number }) => count > b.count || (count === b.count && path < b.path);
    for (const path of g.docs) {
      const count = countIn(this.byDoc.get(path), id);
      if (best.length === n && !before(count, path, best[n - 1])) continue;
      let i = Math.min(best.length, n - 1);
      for (; i > 0 && before(count, path, best[i - 1]); i--) best[i] = best[i - 1];
      best[i] = { path, count };
    }
    return best.map(({ path, count }) => ({ path, count, first: this.firstIn(path, id)! }));
  }

  /**
   * Mentions `from` to `from + count` of a key in the order of `refs`, and how many it has in all,
   * without making the whole list: the pages of a streamed list of references.
   */
  page(key: string, rank: (path: string) => number, from: number, count: number): { refs: MentionRef[]; total: number } {
    const refs: MentionRef[] = [];
    const total = this.visitPage(key, rank, from, count, (path, rows, i) => refs.push({ path, mention: rows.mention(i) }));
    return { refs, total };
  }

  /** The mentions of `page` where they are (documents and UTF-16 offsets), with no object per mention. */
  spans(key: string, rank: (path: string) => number, from: number, count: number): MentionSpans {
    const length = Math.max(0, Math.min(count, (this.groups.get(key)?.count ?? 0) - from));
    const paths: string[] = [];
    const doc = new Int32Array(length);
    const start = new Int32Array(length);
    const end = new Int32Array(length);
    let k = 0;
    const total = this.visitPage(key, rank, from, count, (path, rows, i) => {
      if (paths[paths.length - 1] !== path) paths.push(path);
      doc[k] = paths.length - 1;
      start[k] = rows.start(i);
      end[k++] = rows.end(i);
    });
    // the arrays are sized by the group's count: the page as read
    return { paths, doc: doc.subarray(0, k), start: start.subarray(0, k), end: end.subarray(0, k), total };
  }

  /** Calls `visit` on the rows of mentions `from` to `from + count` of a key in the order of `refs`; returns how many the key has in all. */
  private visitPage(key: string, rank: (path: string) => number, from: number, count: number, visit: VisitRow): number {
    const g = this.groups.get(key);
    if (!g) return 0;
    if (count <= 0) return g.count;
    const id = this.idOf(key);
    const ranked = rankedDocs(g, rank);
    // a list read page after page resumes where the last page ended instead of counting from the start
    let doc = 0;
    let skip = from;
    if (g.pageEnd?.from === from) ({ doc, at: skip } = g.pageEnd);
    let taken = 0;
    for (; doc < ranked.length && taken < count; doc++) {
      const path = ranked[doc];
      const e = this.byDoc.get(path)!;
      const n = countIn(e, id);
      if (skip >= n) {
        skip -= n;
        continue;
      }
      const end = Math.min(n, skip + count - taken);
      this.visitRows(path, e.mentions, id, skip, end, visit);
      taken += end - skip;
      if (end < n) {
        g.pageEnd = { from: from + taken, doc, at: end };
        return g.count;
      }
      skip = 0;
    }
    g.pageEnd = { from: from + taken, doc, at: 0 };
    return g.count;
  }

  /** The id of a group's key (-1 for a key no mention has). */
  private idOf(key: string): number {
    return this.strings.find(key);
  }

  /** A document's first mention of key `id`. */
  private firstIn(path: string, id: number): Mention | undefined {
    const rows = this.rows(path);
    let first: Mention | undefined;
    if (rows) this.visitRows(path, rows, id, 0, 1, (_, r, i) => (first = r.mention(i)));
    return first;
  }

  /** Calls `visit` on a document's mentions of key `id` numbered `from` to `to` (0 its first of the key), in text order. */
  private visitRows(path: string, rows: MentionRows, id: number, from: number, to: number, visit: VisitRow): void {
    const { keyOf } = this;
    for (let i = 0, seen = 0; seen < to && i < rows.length; i++) {
      if (keyOf(rows, i) !== id) continue;
      if (seen++ >= from) visit(path, rows, i);
    }
  }

  /** Adds (sign 1) or takes away (-1) the forms and kinds of a document's mentions to those of their groups. */
  private tally(e: DocumentEntry, sign: 1 | -1): void {
    let g: MentionGroup | undefined;
    let last = -1;
    const rows = e.mentions;
    for (let i = 0; i < rows.length; i++) {
      const key = this.keyOf(rows, i);
      if (key < 0) continue;
      if (key !== last) g = this.groups.get(this.strings.at((last = key)));
      if (!g) continue; // withdrawn whole
      add(g.forms, rows.text(i), sign);
      add(g.kinds, rows.kind(i), sign);
    }
  }

  /** What the table holds for a document with these mentions. */
  private entry(mentions: MentionRows): DocumentEntry {
    return finish(this.entrySteps(mentions));
  }

  /** `entry` in steps. */
  private *entrySteps(mentions: MentionRows): Steps<DocumentEntry> {
    const pairs: number[] = [];
    const at = new Map<number, number>();
    for (let i = 0; i < mentions.length; i++) {
      const key = this.keyOf(mentions, i);
      if (key >= 0) {
        const k = at.get(key);
        if (k === undefined) {
          at.set(key, pairs.length >> 1);
          pairs.push(key, 1);
        } else pairs[2 * k + 1]++;
      }
      if (i % STEP_UNITS === STEP_UNITS - 1) yield;
    }
    // an array of its own, not room in the chunk: a document changed alone (an edit) is soon
    // changed again, and its old keys would keep chunk after chunk alive for a few neighbours
    return { mentions, keys: Int32Array.from(pairs), from: 0, to: pairs.length, lookup: at.size > LOOKUP_KEYS ? at : undefined };
  }

  /** How replacing a document's mentions `before` with `after` (either may be missing) changes each group they touch, in steps: one pass over both. */
  private *changeSteps(before: DocumentEntry | undefined, after: DocumentEntry | undefined): Steps<Map<number, GroupChange>> {
    const changes = new Map<number, GroupChange>();
    for (const [e, sign] of [
      [before, -1],
      [after, 1],
    ] as const) {
      const rows = e?.mentions;
      for (let i = 0; rows && i < rows.length; i++) {
        const key = this.keyOf(rows, i);
        if (key >= 0) {
          let c = changes.get(key);
          if (!c) changes.set(key, (c = { had: false, has: false, count: 0, forms: new Map(), kinds: new Map() }));
          if (sign < 0) c.had = true;
          else c.has = true;
          c.count += sign;
          shift(c.forms, rows.text(i), sign);
          shift(c.kinds, rows.kind(i), sign);
        }
        if (i % STEP_UNITS === STEP_UNITS - 1) yield;
      }
    }
    return changes;
  }
}

/**
 * `paths` sorted by rank. Each is packed into one number, rank then position in `paths`, so that a
 * typed array sorts them with no comparator (a group may span every document of the corpus).
 */
function byRank(paths: readonly string[], rank: (path: string) => number): string[] {
  const packed = new Float64Array(paths.length);
  for (let i = 0; i < paths.length; i++) packed[i] = (rank(paths[i]) + 1) * PACK + i;
  packed.sort();
  return Array.from(packed, v => paths[v % PACK]);
}

/** The documents of group `g` in the order of their rank: `docs` itself, sorted once until the group changes. */
function rankedDocs(g: MentionGroup, rank: (path: string) => number): string[] {
  return (g.ranked ??= g.docs = byRank(g.docs, rank));
}

/**
 * `g.docs` to change in place: copied first when it is also `g.ranked`, which a list read in steps
 * (recognizedKindsSteps, visitPage's resumed pages) may be going through.
 */
function ownDocs(g: MentionGroup): string[] {
  if (g.ranked === g.docs) g.docs = g.docs.slice();
  return g.docs;
}

/**
 * A copy of group `g` (undefined: none yet) with one document's change made; undefined when no
 * mention is left. `g` itself is left as it is.
 */
function changedGroup(g: MentionGroup | undefined, path: string, change: GroupChange): MentionGroup | undefined {
  const count = (g?.count ?? 0) + change.count;
  if (count === 0) return undefined;
  const next = new MentionGroup();
  next.count = count;
  for (const p of g?.docs ?? []) if (change.has || p !== path) next.docs.push(p);
  if (change.has && !change.had) next.docs.push(path);
  for (const [form, n] of g?.forms ?? []) next.forms.set(form, n);
  for (const [kind, n] of g?.kinds ?? []) next.kinds.set(kind, n);
  for (const [form, n] of change.forms) add(next.forms, form, n);
  for (const [kind, n] of change.kinds) add(next.kinds, kind, n);
  return next;
}

/** A mention in a document's rows (MentionTable.visitRows). */
type VisitRow = (path: string, rows: MentionRows, i: number) => void;

/** How many mentions of key `id` a document has (0 when none, or the table has no such document). */
function countIn(e: DocumentEntry | undefined, id: number): number {
  const k = e ? keyIndex(e, id) : -1;
  return k < 0 ? 0 : e!.keys[e!.from + 2 * k + 1];
}

/** Where key `id` is in a document's keys (its pair's number), -1 when it has none of it. */
function keyIndex(e: DocumentEntry, id: number): number {
  if (e.lookup) return e.lookup.get(id) ?? -1;
  const { keys, from, to } = e;
  for (let k = from; k < to; k += 2) if (keys[k] === id) return (k - from) >> 1;
  return -1;
}

/** Above this many keys a document's are looked up in a map (DocumentEntry.lookup); most have some tens. */
const LOOKUP_KEYS = 64;

/** Numbers per chunk of a table's documents' keys (256 KB): some tens of numbers a document. */
const CHUNK = 1 << 16;

/** The tally of every group a filler given totals touches: it counts nothing (a map each was hundreds of thousands at a warm start). */
const NOT_TALLIED = new Map<number, number>();

/** Leaders kept per group for hover cards (more than a card shows, so a card's limit can change). */
const TOP_KEPT = 16;

/** Above any number of documents a group can have (ranks times this stay exact in a double). */
const PACK = 2 ** 24;

/** `array` in a new array of `length` elements (the rest zero). */
function copied(array: Int32Array, length: number): Int32Array<ArrayBuffer> {
  const out = new Int32Array(length);
  out.set(array);
  return out;
}

function changed(g: MentionGroup): void {
  g.top = undefined;
  g.ranked = undefined;
  g.pageEnd = undefined;
  g.summary = undefined;
  g.stamp++;
}

/** Adds `by` to a count that may go below zero (a change), dropping it at zero. */
function shift<K>(counts: Map<K, number>, key: K, by: number): void {
  const n = (counts.get(key) ?? 0) + by;
  if (n !== 0) counts.set(key, n);
  else counts.delete(key);
}

function add<K>(counts: Map<K, number>, key: K, by: number): void {
  const n = (counts.get(key) ?? 0) + by;
  if (n > 0) counts.set(key, n);
  else counts.delete(key);
}
