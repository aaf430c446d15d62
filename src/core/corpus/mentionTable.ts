import { STEP_UNITS, type Steps } from '../steps';
import type { Entity, Mention, MentionKind } from '../types';

/** A mention together with the document it is in. */
export interface MentionRef {
  path: string;
  mention: Mention;
}

/** The mentions of one entity (or one date value) across the corpus: running totals, and where. */
export class MentionGroup {
  /** The documents that mention it, in no particular order. */
  readonly docs: string[] = [];
  count = 0;
  /** Surface forms and how often each occurs. */
  readonly forms = new Map<string, number>();
  readonly kinds = new Map<MentionKind, number>();
  /** Caches, dropped whenever the group changes. */
  refs: MentionRef[] | undefined;
  /** `docs` in the order of their rank. */
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
  readonly before: ReadonlyMap<string, readonly Mention[]> | undefined;
  /** Its mentions by key, undefined when it is withdrawn. */
  readonly after: Map<string, Mention[]> | undefined;
  /** Each key it touches: the group copied and changed (undefined when it has no mention left), and the group it was copied from with its stamp then. */
  readonly groups: { key: string; base: MentionGroup | undefined; stamp: number; next: MentionGroup | undefined }[];
}

/**
 * Mentions grouped by a key (entity id, date value), maintained document by document: a document's
 * mentions are added and withdrawn as a whole, and only the groups it touches change. Each
 * document's mentions are kept by key, so that a group needs no map of its own (a group may span
 * every document; growing and rehashing thousands of large maps made linking a corpus slow).
 */
export class MentionTable {
  private readonly groups = new Map<string, MentionGroup>();
  private readonly byDoc = new Map<string, Map<string, readonly Mention[]>>();
  /** Incremented on every change, for caches over all groups. */
  version = 0;
  /** Keys of the groups changed since `takeChanged`, when asked to keep them. */
  private changedKeys: Set<string> | undefined;

  /** `track`: keep the keys of the groups that change, for `takeChanged`. */
  constructor(
    private readonly keyOf: (m: Mention) => string | undefined,
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

  /**
   * Adds one document's mentions (those without a key are left out), in place of any it had. A group
   * the document stays in keeps its list of documents as it is: finding the document in a list that
   * may span the corpus is what made an edit slow (an edit rarely changes which groups it is in).
   */
  addDocument(path: string, mentions: readonly Mention[]): void {
    const before = this.byDoc.get(path);
    const byKey = this.byKey(mentions);
    this.byDoc.set(path, byKey);
    for (const [key, list] of before ?? []) {
      this.changedKeys?.add(key);
      const g = this.groups.get(key)!;
      g.count -= list.length;
      tally(g, list, -1);
      changed(g);
      if (byKey.has(key)) continue;
      if (g.count === 0) this.groups.delete(key);
      else g.docs.splice(g.docs.indexOf(path), 1);
    }
    for (const [key, list] of byKey) {
      this.changedKeys?.add(key);
      let g = this.groups.get(key);
      if (!g) this.groups.set(key, (g = new MentionGroup()));
      if (!before?.has(key)) g.docs.push(path);
      g.count += list.length;
      tally(g, list, 1);
      changed(g);
    }
    this.version++;
  }

  removeDocument(path: string): void {
    const byKey = this.byDoc.get(path);
    if (!byKey) return;
    this.byDoc.delete(path);
    for (const [key, list] of byKey) {
      this.changedKeys?.add(key);
      const g = this.groups.get(key)!;
      g.count -= list.length;
      if (g.count === 0) {
        this.groups.delete(key);
        continue;
      }
      g.docs.splice(g.docs.indexOf(path), 1);
      tally(g, list, -1);
      changed(g);
    }
    this.version++;
  }

  /**
   * Gives every mention of a group the kind `kind`, in place: the mentions must be this table's
   * own (no other table holds them).
   */
  setKind(key: string, kind: MentionKind): void {
    const g = this.groups.get(key);
    if (!g) return;
    for (const path of g.docs) for (const m of this.byDoc.get(path)!.get(key)!) m.kind = kind;
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
  *stage(path: string, mentions: readonly Mention[] | undefined): Steps<StagedDocument> {
    const before = this.byDoc.get(path);
    const after = mentions && (yield* this.byKeySteps(mentions));
    const groups: StagedDocument['groups'] = [];
    const keys = new Set([...(before?.keys() ?? []), ...(after?.keys() ?? [])]);
    let n = 0;
    for (const key of keys) {
      const base = this.groups.get(key);
      groups.push({ key, base, stamp: base?.stamp ?? 0, next: changedGroup(base, path, before?.get(key), after?.get(key)) });
      if (++n % (STEP_UNITS / 4) === 0) yield;
    }
    return { path, before, after, groups };
  }

  /**
   * Puts a staged document in place, in one step proportional to the groups it touches. False
   * (and nothing changed) when the document's own mentions in the table changed since it was
   * staged: stage it again. A group that others changed since is made again from what it is now.
   */
  commit(staged: StagedDocument): boolean {
    const { path, before, after } = staged;
    if (!this.holds(staged)) return false;
    for (const { key, base, stamp, next } of staged.groups) {
      const now = this.groups.get(key);
      const g = now === base && (!base || base.stamp === stamp) ? next : changedGroup(now, path, before?.get(key), after?.get(key));
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

  /** Every mention of a key, in text order, documents in the order of their rank. */
  refs(key: string, rank: (path: string) => number): readonly MentionRef[] {
    const g = this.groups.get(key);
    if (!g) return [];
    if (g.refs) return g.refs;
    const docs = g.docs.map(path => ({ path, rank: rank(path) })).sort((a, b) => a.rank - b.rank);
    const refs: MentionRef[] = [];
    for (const { path } of docs) for (const mention of this.byDoc.get(path)!.get(key)!) refs.push({ path, mention });
    return (g.refs = refs);
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
    const hasExcept = this.byDoc.get(except)?.has(key) === true;
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
      g.ranked ??= byRank(g.docs, rank);
      yield;
    }
  }

  /** The `n` documents of group `g` with the most mentions, most first, then by path: one pass keeping the best `n` in order. */
  private leaders(key: string, g: MentionGroup, n: number): DocumentCount[] {
    const best: DocumentCount[] = [];
    const before = (count: number, path: string, b: DocumentCount) => count > b.count || (count === b.count && path < b.path);
    for (const path of g.docs) {
      const list = this.byDoc.get(path)!.get(key)!;
      if (best.length === n && !before(list.length, path, best[n - 1])) continue;
      let i = Math.min(best.length, n - 1);
      for (; i > 0 && before(list.length, path, best[i - 1]); i--) best[i] = best[i - 1];
      best[i] = { path, count: list.length, first: list[0] };
    }
    return best;
  }

  /**
   * Mentions `from` to `from + count` of a key in the order of `refs`, and how many it has in all,
   * without making the whole list: the pages of a streamed list of references.
   */
  page(key: string, rank: (path: string) => number, from: number, count: number): { refs: MentionRef[]; total: number } {
    const g = this.groups.get(key);
    if (!g) return { refs: [], total: 0 };
    if (g.refs) return { refs: g.refs.slice(from, from + count), total: g.count };
    if (count <= 0) return { refs: [], total: g.count };
    const ranked = (g.ranked ??= byRank(g.docs, rank));
    // a list read page after page resumes where the last page ended instead of counting from the start
    let doc = 0;
    let skip = from;
    if (g.pageEnd?.from === from) ({ doc, at: skip } = g.pageEnd);
    const refs: MentionRef[] = [];
    for (; doc < ranked.length && refs.length < count; doc++) {
      const path = ranked[doc];
      const list = this.byDoc.get(path)!.get(key)!;
      if (skip >= list.length) {
        skip -= list.length;
        continue;
      }
      const end = Math.min(list.length, skip + count - refs.length);
      for (let i = skip; i < end; i++) refs.push({ path, mention: list[i] });
      if (end < list.length) {
        g.pageEnd = { from: from + refs.length, doc, at: end };
        return { refs, total: g.count };
      }
      skip = 0;
    }
    g.pageEnd = { from: from + refs.length, doc, at: 0 };
    return { refs, total: g.count };
  }

  /** A document's mentions by key, in text order (lists sized exactly: they are kept). */
  private byKey(mentions: readonly Mention[]): Map<string, Mention[]> {
    const out = new Map<string, Mention[]>();
    for (const m of mentions) {
      const key = this.keyOf(m);
      if (key === undefined) continue;
      const list = out.get(key);
      if (list) list.push(m);
      else out.set(key, [m]);
    }
    for (const [key, list] of out) if (list.length > 1) out.set(key, list.slice());
    return out;
  }

  /** byKey in steps. */
  private *byKeySteps(mentions: readonly Mention[]): Steps<Map<string, Mention[]>> {
    const out = new Map<string, Mention[]>();
    for (let i = 0; i < mentions.length; i++) {
      const key = this.keyOf(mentions[i]);
      if (key !== undefined) {
        const list = out.get(key);
        if (list) list.push(mentions[i]);
        else out.set(key, [mentions[i]]);
      }
      if (i % STEP_UNITS === STEP_UNITS - 1) yield;
    }
    let n = 0;
    for (const [key, list] of out) {
      if (list.length > 1) out.set(key, list.slice());
      if (++n % STEP_UNITS === 0) yield;
    }
    return out;
  }
}

/**
 * A copy of group `g` (undefined: none yet) with a document's mentions `before` replaced by `after`
 * (either may be missing); undefined when no mention is left. `g` itself is left as it is.
 */
function changedGroup(
  g: MentionGroup | undefined,
  path: string,
  before: readonly Mention[] | undefined,
  after: readonly Mention[] | undefined,
): MentionGroup | undefined {
  const count = (g?.count ?? 0) - (before?.length ?? 0) + (after?.length ?? 0);
  if (count === 0) return undefined;
  const next = new MentionGroup();
  next.count = count;
  for (const p of g?.docs ?? []) if (after || p !== path) next.docs.push(p);
  if (after && !before) next.docs.push(path);
  for (const [form, n] of g?.forms ?? []) next.forms.set(form, n);
  for (const [kind, n] of g?.kinds ?? []) next.kinds.set(kind, n);
  if (before) tally(next, before, -1);
  if (after) tally(next, after, 1);
  return next;
}

/** Adds (sign 1) or takes away (-1) the forms and kinds of mentions; runs of one form count at once. */
function tally(g: MentionGroup, list: readonly Mention[], sign: 1 | -1): void {
  for (let i = 0; i < list.length;) {
    const { text, kind } = list[i];
    let n = 1;
    while (i + n < list.length && list[i + n].text === text && list[i + n].kind === kind) n++;
    add(g.forms, text, sign * n);
    add(g.kinds, kind, sign * n);
    i += n;
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

/** Leaders kept per group for hover cards (more than a card shows, so a card's limit can change). */
const TOP_KEPT = 16;

/** Above any number of documents a group can have (ranks times this stay exact in a double). */
const PACK = 2 ** 24;

function changed(g: MentionGroup): void {
  g.refs = undefined;
  g.top = undefined;
  g.ranked = undefined;
  g.pageEnd = undefined;
  g.summary = undefined;
  g.stamp++;
}

function add<K>(counts: Map<K, number>, key: K, by: number): void {
  const n = (counts.get(key) ?? 0) + by;
  if (n > 0) counts.set(key, n);
  else counts.delete(key);
}
