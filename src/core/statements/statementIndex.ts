// The statements of a corpus, indexed so that the statements of other articles that report the
// same thing are found fast. Identical statements (the same words, dates, entities and speakers: a
// wire story reprinted) form one class, stored once; classes are indexed by their entities and
// content words, and two classes are scored by the words and entities they share, weighted by how
// rare each is (IDF), so that "Haldenbruck" and "evacuated" count for more than "said" and "town".
import { STEP_UNITS, type Steps } from '../steps';
import { detached } from './detached';
import { MATCH_SCORE } from './differences';
import { Postings } from './postings';
import { StatementReader } from './readStatements';
import { shifted } from './shifted';
import type { Statement, StatementSource } from './types';

/** Postings read at most per query, rarest features first: bounds a query whatever the corpus. */
const CANDIDATE_BUDGET = 20_000;
/** Features two statements share at least, in words and in entities, to be scored ("Good morning." is no report of a morning protest). */
const MIN_SHARED = 2;
/** Weight of shared entities in the score (the rest is shared content words). */
const ENTITY_WEIGHT = 0.4;
/** Statements per article counted in a member reference (slot * SLOT + index). */
const SLOT = 65_536;

/** A statement of another article aligned with one here. */
export interface AlignedStatement {
  path: string;
  /** Its index among its article's statements. */
  index: number;
  statement: Statement;
  /** How surely it reports the same thing: 1 for the same words, else the IDF-weighted overlap of entities and words (0..1). */
  score: number;
}

/** Identical statements, stored once. */
interface StatementClass {
  key: string;
  /** Feature ids (one id space for entities and words), sorted. */
  entities: Int32Array;
  words: Int32Array;
  /** The statement with offsets relative to its start (its members share its words), without `words`. */
  shape: Statement;
  /** Its statements: slot * SLOT + index. */
  members: number[];
}

interface IndexedDocument {
  path: string;
  dct: string | null;
  slot: number;
  starts: Int32Array;
  ends: Int32Array;
  paragraphs: Int32Array;
  classes: Int32Array;
}

/** A statement of a class: its article, its index there and its span. */
export interface ClassMember {
  path: string;
  index: number;
  start: number;
  end: number;
}

/**
 * Statements of every article of a corpus, with alignment across articles. Documents are set and
 * deleted one by one (an edit re-reads one article); queries see every change at once.
 */
export class StatementIndex {
  private readonly docs = new Map<string, IndexedDocument>();
  private readonly slots: (IndexedDocument | undefined)[] = [];
  private classes: (StatementClass | undefined)[] = [];
  private readonly classOfKey = new Map<string, number>();
  private readonly featureIds = new Map<string, number>();
  private readonly featureNames: string[] = [];
  /** Classes (live) with each feature. */
  private readonly df: number[] = [];
  private readonly postings = new Postings();
  /** IDF of each feature, computed on demand and valid while `idfAt` is the index's version. */
  private idfCache = new Float64Array(0);
  private idfAt = -1;
  /** Per class, the number of the last `similar` query that met it. */
  private seen = new Uint32Array(0);
  private stamp = 0;
  private readonly reader = new StatementReader();
  private liveClasses = 0;
  private livePostings = 0;
  private deadPostings = 0;
  private changes = 0;

  /** Incremented by every change: a cache of answers is good while it stays the same. */
  get version(): number {
    return this.changes;
  }

  /**
   * Reads an article's statements and indexes them (in place of the ones it had). A statement the
   * index holds already (the same words, names, dates, and the same sentence before a quotation:
   * a wire story reprinted) is not read again.
   */
  setDocument(source: StatementSource): void {
    const previous = this.docs.get(source.path);
    const read = this.reader.readSentences(source, key => this.classOfKey.has(key));
    const slot = this.slots.length;
    const n = read.length;
    const doc: IndexedDocument = {
      path: source.path,
      dct: source.dct,
      slot,
      starts: new Int32Array(n),
      ends: new Int32Array(n),
      paragraphs: new Int32Array(n),
      classes: new Int32Array(n),
    };
    // the new statements join their classes before the old ones leave: a class both share stays
    read.forEach(({ key, sentence, statement }, i) => {
      doc.starts[i] = sentence.start;
      doc.ends[i] = sentence.end;
      doc.paragraphs[i] = sentence.paragraph;
      doc.classes[i] = this.classFor(key, statement, slot * SLOT + i);
    });
    this.slots.push(doc);
    if (previous) this.withdraw(previous);
    this.docs.set(source.path, doc);
    this.changes++;
  }

  deleteDocument(path: string): boolean {
    const doc = this.docs.get(path);
    if (!doc) return false;
    this.withdraw(doc);
    this.docs.delete(path);
    this.changes++;
    return true;
  }

  /** Takes an article's statements out of their classes and frees its slot. */
  private withdraw(doc: IndexedDocument): void {
    doc.classes.forEach((c, i) => this.leave(c, doc.slot * SLOT + i));
    this.slots[doc.slot] = undefined;
    if (this.deadPostings > this.livePostings && this.deadPostings > 10_000) this.compact();
  }

  hasDocument(path: string): boolean {
    return this.docs.has(path);
  }

  /** Paths of the indexed articles, sorted. */
  paths(): string[] {
    return [...this.docs.keys()].sort();
  }

  /** The publication date an article's dates were resolved against. */
  dct(path: string): string | null | undefined {
    return this.docs.get(path)?.dct;
  }

  /** How many statements an article has. */
  count(path: string): number {
    return this.docs.get(path)?.starts.length ?? 0;
  }

  /** Statements and distinct statements (classes) of the corpus. */
  stats(): { documents: number; statements: number; distinct: number } {
    let statements = 0;
    for (const d of this.docs.values()) statements += d.starts.length;
    return { documents: this.docs.size, statements, distinct: this.liveClasses };
  }

  /** Statement `index` of an article, with its offsets in that article. */
  statement(path: string, index: number): Statement | undefined {
    const doc = this.docs.get(path);
    if (!doc || index < 0 || index >= doc.starts.length) return undefined;
    return this.materialize(doc, index);
  }

  /** Indexes of an article's statements that overlap [start, end] (an offset at either edge counts). */
  statementsAt(path: string, start: number, end = start): number[] {
    const doc = this.docs.get(path);
    if (!doc) return [];
    const out: number[] = [];
    let lo = 0;
    let hi = doc.starts.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (doc.ends[mid] < start) lo = mid + 1;
      else hi = mid;
    }
    for (let i = lo; i < doc.starts.length && doc.starts[i] <= end; i++) out.push(i);
    return out;
  }

  /**
   * The statements of other articles that report what statement `index` of `path` reports, best
   * first: identical statements (score 1), then those scoring at least `minScore`.
   */
  align(path: string, index: number, options: { minScore?: number; limit?: number } = {}): AlignedStatement[] {
    const doc = this.docs.get(path);
    if (!doc || index < 0 || index >= doc.classes.length) return [];
    const limit = options.limit ?? Infinity;
    const own = doc.classes[index];
    const classes: [number, number][] = [[own, 1], ...this.similar(own, options.minScore ?? MATCH_SCORE)];
    const out: AlignedStatement[] = [];
    for (const [c, score] of classes) {
      // the members of a class in path order (they are scored alike)
      const members = this.classes[c]!.members.filter(ref => Math.floor(ref / SLOT) !== doc.slot).map(ref => ({
        ref,
        doc: this.slots[Math.floor(ref / SLOT)]!,
      }));
      members.sort((a, b) => (a.doc.path < b.doc.path ? -1 : a.doc.path > b.doc.path ? 1 : a.ref - b.ref));
      for (const m of members) {
        if (out.length >= limit) return out;
        out.push({ path: m.doc.path, index: m.ref % SLOT, statement: this.materialize(m.doc, m.ref % SLOT), score });
      }
    }
    return out;
  }

  /** Ids of the live classes (distinct statements). */
  *classIds(): Generator<number> {
    for (let c = 0; c < this.classes.length; c++) if (this.classes[c]) yield c;
  }

  /** A class's statement, offsets relative to its start. */
  shapeOf(c: number): Statement {
    return this.classes[c]!.shape;
  }

  /** How many statements a class has. */
  private memberCount(c: number): number {
    return this.classes[c]!.members.length;
  }

  /** The statements of a class (those `from` to before `to`, for a caller in steps): their article, index and start. */
  membersOf(c: number, from = 0, to = Infinity): ClassMember[] {
    const { members } = this.classes[c]!;
    return (from === 0 && to >= members.length ? members : members.slice(from, to)).map(ref => {
      const doc = this.slots[Math.floor(ref / SLOT)]!;
      const index = ref % SLOT;
      return { path: doc.path, index, start: doc.starts[index], end: doc.ends[index] };
    });
  }

  /** `f` on each statement of a class, STEP_UNITS of them a step (a class of the generated 100,000 articles has tens of thousands). */
  *eachMemberSteps(c: number, f: (m: ClassMember) => void): Steps<void> {
    const count = this.memberCount(c);
    for (let from = 0; from < count; from += STEP_UNITS) {
      for (const m of this.membersOf(c, from, from + STEP_UNITS)) f(m);
      yield;
    }
  }

  /** The class of statement `index` of an article. */
  classOf(path: string, index: number): number {
    return this.docs.get(path)?.classes[index] ?? -1;
  }

  /**
   * Classes other than `c` that score at least `minScore` against it, best first. Candidates come
   * from the postings of its rarest features, at most `budget` postings read; `accept` leaves out
   * candidates before they are scored.
   */
  similar(c: number, minScore: number, options: { budget?: number; accept?: (c: number) => boolean } = {}): [number, number][] {
    const cls = this.classes[c]!;
    const budget = options.budget ?? CANDIDATE_BUDGET;
    const features = [...cls.entities, ...cls.words].sort((a, b) => this.df[a] - this.df[b]);
    // classes met in this query are marked with its stamp (a typed array is faster than a Set here)
    if (this.seen.length < this.classes.length) {
      const grown = new Uint32Array(Math.max(1024, this.classes.length * 2));
      grown.set(this.seen);
      this.seen = grown;
    }
    const stamp = ++this.stamp;
    const seen = this.seen;
    seen[c] = stamp;
    const out: [number, number][] = [];
    let read = 0;
    for (const f of features) {
      const list = this.postings.get(f);
      if (read > 0 && read + list.length > budget) break;
      read += list.length;
      for (let i = 0; i < list.length; i++) {
        const other = list[i];
        if (seen[other] === stamp) continue;
        seen[other] = stamp;
        const o = this.classes[other];
        if (!o || (options.accept && !options.accept(other))) continue;
        const score = this.score(cls, o);
        if (score >= minScore) out.push([other, score]);
      }
    }
    return out.sort((a, b) => b[1] - a[1] || a[0] - b[0]);
  }

  /**
   * Where a class's statements are: the article of its first statement (a number that names it for
   * this comparison only), or -1 when they are in more than one article.
   */
  articleOf(c: number): number {
    const { members } = this.classes[c]!;
    const first = Math.floor(members[0] / SLOT);
    for (let i = 1; i < members.length; i++) if (Math.floor(members[i] / SLOT) !== first) return -1;
    return first;
  }

  /** Names of features (entity ids and content words) by id. */
  featureName(id: number): string {
    return this.featureNames[id];
  }

  private score(a: StatementClass, b: StatementClass): number {
    const w = this.dice(a.words, b.words);
    if (a.entities.length === 0 || b.entities.length === 0) return w;
    return ENTITY_WEIGHT * this.dice(a.entities, b.entities) + (1 - ENTITY_WEIGHT) * w;
  }

  /**
   * How much two sorted feature sets share, IDF-weighted: the mean of their Dice coefficient and of
   * their overlap with the smaller set (a short report of the same fact inside a long sentence).
   */
  private dice(a: Int32Array, b: Int32Array): number {
    if (this.idfAt !== this.changes || this.idfCache.length < this.featureNames.length) {
      this.idfCache = new Float64Array(this.featureNames.length).fill(-1);
      this.idfAt = this.changes;
    }
    let shared = 0;
    let count = 0;
    let wa = 0;
    let wb = 0;
    let i = 0;
    let j = 0;
    while (i < a.length || j < b.length) {
      if (j >= b.length || (i < a.length && a[i] < b[j])) wa += this.idf(a[i++]);
      else if (i >= a.length || b[j] < a[i]) wb += this.idf(b[j++]);
      else {
        const w = this.idf(a[i]);
        shared += w;
        count++;
        wa += w;
        wb += w;
        i++;
        j++;
      }
    }
    if (count < MIN_SHARED) return 0;
    return ((2 * shared) / (wa + wb) + shared / Math.min(wa, wb)) / 2;
  }

  /** How rare a feature is among the classes (inverse document frequency), remembered until the index changes. */
  private idf(f: number): number {
    let w = this.idfCache[f];
    if (w < 0) this.idfCache[f] = w = Math.log(1 + this.liveClasses / Math.max(1, this.df[f]));
    return w;
  }

  /** The class of the statement with `key` (created from `s` when new), with `ref` added to its members. */
  private classFor(key: string, s: Statement | undefined, ref: number): number {
    let c = this.classOfKey.get(key);
    if (c === undefined) {
      if (!s) throw new Error(`statement ${key} was neither read nor indexed`);
      const entityIds = new Set<number>();
      for (const e of s.entities) entityIds.add(this.feature(`\u0001${e}`));
      for (const q of s.quotations) if (q.speaker?.entity) entityIds.add(this.feature(`\u0001${q.speaker.entity}`));
      const entities = Int32Array.from(entityIds).sort();
      const words = Int32Array.from(new Set(s.words.map(w => this.feature(w)))).sort();
      c = this.classes.length;
      this.classes.push({ key, entities, words, shape: this.shape(s), members: [] });
      this.classOfKey.set(key, c);
      for (const f of entities) this.post(f, c);
      for (const f of words) this.post(f, c);
      this.liveClasses++;
    }
    this.classes[c]!.members.push(ref);
    return c;
  }

  private post(f: number, c: number): void {
    this.postings.add(f, c);
    this.df[f] = (this.df[f] ?? 0) + 1;
    this.livePostings++;
  }

  /** Removes a statement from its class; a class left empty is dropped (its postings are skipped until compacted). */
  private leave(c: number, ref: number): void {
    const cls = this.classes[c]!;
    const at = cls.members.indexOf(ref);
    if (at >= 0) cls.members.splice(at, 1);
    if (cls.members.length) return;
    for (const f of cls.entities) this.df[f]--;
    for (const f of cls.words) this.df[f]--;
    const n = cls.entities.length + cls.words.length;
    this.livePostings -= n;
    this.deadPostings += n;
    this.classes[c] = undefined;
    this.classOfKey.delete(cls.key);
    this.liveClasses--;
  }

  /** Rebuilds the postings from the live classes. */
  private compact(): void {
    this.postings.clear();
    this.classes.forEach((cls, c) => {
      if (!cls) return;
      for (const f of cls.entities) this.postings.add(f, c);
      for (const f of cls.words) this.postings.add(f, c);
    });
    this.deadPostings = 0;
  }

  private feature(name: string): number {
    let id = this.featureIds.get(name);
    if (id === undefined) {
      id = this.featureNames.length;
      this.featureIds.set(name, id);
      this.featureNames.push(name);
      this.df[id] = 0;
    }
    return id;
  }

  /** A string equal to `s` shared with the feature table when it holds one (contexts repeat the words). */
  private shared(s: string): string {
    const id = this.featureIds.get(s);
    return id === undefined ? s : this.featureNames[id];
  }

  /** A statement with offsets relative to its start, its strings shared, without words. */
  private shape(s: Statement): Statement {
    const d = s.start;
    const entityName = (e: string) => this.featureNames[this.feature(`\u0001${e}`)].slice(1);
    return {
      start: 0,
      end: s.end - d,
      kind: s.kind,
      paragraph: s.paragraph,
      entities: s.entities.map(entityName),
      words: [],
      dates: s.dates.map(x => ({ ...x, start: x.start - d, end: x.end - d, text: detached(x.text), context: x.context.map(w => this.shared(w)) })),
      quantities: s.quantities.map(x => ({ ...x, start: x.start - d, end: x.end - d, text: detached(x.text), context: x.context.map(w => this.shared(w)) })),
      // their words held apart from the article's text, which is not kept (detached)
      quotations: s.quotations.map(x => ({ ...x, start: x.start - d, end: x.end - d, text: detached(x.text) })),
    };
  }

  private materialize(doc: IndexedDocument, index: number): Statement {
    const cls = this.classes[doc.classes[index]]!;
    return { ...shifted(cls.shape, doc.starts[index], doc.paragraphs[index]), words: Array.from(cls.words, f => this.featureNames[f]) };
  }
}
