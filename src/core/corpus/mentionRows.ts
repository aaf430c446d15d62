// A document's mentions as a corpus index keeps them: numbers in one Int32Array, strings as ids of a
// table shared by the corpus. A Mention object has 64 bytes and a corpus has millions of them (at
// 10,000 articles, 770,000 were a third of the index's heap); a row of four numbers has 16. Mention
// objects are made when asked for (a document's list, a page of references, a hover), and the
// list of a document is kept as long as someone holds it, so that asking twice gives the same one.
import { STEP_UNITS, type Steps } from '../steps';
import type { DocumentNames } from '../linking/linkDocument';
import type { Int32Slab } from './int32Slab';
import { ShardedMap } from './shardedMap';
import type { Mention, MentionKind } from '../types';

/** Strings by number and numbers by string: the surface forms, entity ids and date values of a corpus's mentions, each once. */
export class StringIds {
  private readonly ids = new ShardedMap<number>();
  private readonly strings: string[] = [];
  /** The ids of lists of strings shared by many documents (an entity's forms), while the list lives. */
  private readonly listIds = new WeakMap<readonly string[], readonly number[]>();

  id(s: string): number {
    let i = this.ids.get(s);
    if (i === undefined) {
      // a row keeps a text's id beside its kinds in one number (MentionRows)
      if (this.strings.length >= MAX_STRINGS) throw new Error(`more than ${MAX_STRINGS} distinct strings in the mentions of a corpus`);
      this.ids.set(s, (i = this.strings.push(s) - 1));
    }
    return i;
  }

  /** The id of a string, -1 when it has none (none is made). */
  find(s: string): number {
    return this.ids.get(s) ?? -1;
  }

  /** The ids of a list's strings, kept while the list lives: for lists that many documents share and never change. */
  idsOf(list: readonly string[]): readonly number[] {
    let ids = this.listIds.get(list);
    if (!ids) this.listIds.set(list, (ids = list.map(s => this.id(s))));
    return ids;
  }

  /** How many strings there are (ids are below this). */
  get size(): number {
    return this.strings.length;
  }

  at(i: number): string {
    return this.strings[i];
  }
}

const KINDS: MentionKind[] = ['person', 'organization', 'place', 'date'];
const KIND_CODE = new Map(KINDS.map((k, i) => [k, i]));
const DATE_CODE = KIND_CODE.get('date')!;

/**
 * Columns of a row: start and end (UTF-16 code units), surface form and kinds in one number (the
 * form's id shifted by TEXT_SHIFT bits, above the recognized kind, above the kind), entity id or
 * date value. A column of its own for the kinds was a fifth of the rows: 29 MB at 100,000 articles.
 */
const START = 0;
const END = 1;
const TEXT_KINDS = 2;
const KEY = 3;
const WIDTH = 4;
/** The kind's bits, and where the recognized kind's are. */
const KIND_MASK = 3;
const RECOGNIZED_SHIFT = 2;
const TEXT_SHIFT = 4;
/** Text ids stay below this: shifted, they stay positive in 32 bits. */
const MAX_STRINGS = 1 << (31 - TEXT_SHIFT);
/** A key column without an entity id (or, for a date, without a value), and a date whose value is null. */
const ABSENT = -1;
const NULL = -2;
/** A row a registry leaves out (reviewedSteps). */
const LEFT_OUT = -3;

/** A row's TEXT_KINDS column: the form's id, the kind recognized and the kind (KIND_CODE numbers). */
function textKinds(text: number, kind: number, recognized: number): number {
  return (text << TEXT_SHIFT) | (recognized << RECOGNIZED_SHIFT) | kind;
}

/** The form's id (StringIds) in a MentionRows.formKind. */
export function formIdIn(formKind: number): number {
  return formKind >> TEXT_SHIFT;
}

/** The kind in a MentionRows.formKind. */
export function kindIn(formKind: number): MentionKind {
  return KINDS[formKind & KIND_MASK];
}

/** The kind bits of a name of kind `kind` (recognized with it too), for MentionRows.mergedSteps. */
export function nameKindCode(kind: MentionKind): number {
  const code = KIND_CODE.get(kind)!;
  return textKinds(0, code, code);
}

/** Numbers a date takes in what MentionRows.mergedSteps reads: start, end, the text's id, dateKey. */
export const DATE_WIDTH = 4;

/** The key column of a date whose normalized value is `value`, `id` giving a string's id. */
export function dateKey<T>(value: T | null | undefined, id: (value: T) => number): number {
  return value === undefined ? ABSENT : value === null ? NULL : id(value);
}

/**
 * A document's dates (DocumentAnalysis.dates) as MentionRows.namesSteps takes them: DATE_WIDTH
 * numbers each, strings as ids of `strings`; in `slab` when given.
 */
export function packedDates(dates: readonly Mention[], strings: StringIds, slab?: Int32Slab): Int32Array {
  const packed = slab ? slab.take(dates.length * DATE_WIDTH) : new Int32Array(dates.length * DATE_WIDTH);
  for (let j = 0, r = 0; j < dates.length; j++, r += DATE_WIDTH) {
    const m = dates[j];
    packed[r] = m.start;
    packed[r + 1] = m.end;
    packed[r + 2] = strings.id(m.text);
    packed[r + 3] = dateKey(m.value, v => strings.id(v));
  }
  return packed;
}

/** A document's dates packed (packedDates), read back as MentionRows reads a published document's. */
export class PackedDates {
  constructor(
    private readonly numbers: Int32Array,
    private readonly strings: StringIds,
  ) {}

  packedDates(): Int32Array {
    return this.numbers;
  }

  dates(): Mention[] {
    const n = this.numbers;
    const out = new Array<Mention>(n.length / DATE_WIDTH);
    for (let r = 0, j = 0; r < n.length; r += DATE_WIDTH, j++) {
      const key = n[r + 3];
      const text = this.strings.at(n[r + 2]);
      out[j] =
        key === ABSENT
          ? { start: n[r], end: n[r + 1], text, kind: 'date' }
          : { start: n[r], end: n[r + 1], text, kind: 'date', value: key === NULL ? null : this.strings.at(key) };
    }
    return out;
  }
}

/**
 * A document's names (`spans` from `from` to `to`: four numbers a name, as DocumentNames has them)
 * and `dateCount` dates (`dates`: DATE_WIDTH numbers a date: start, end, the text's id, dateKey),
 * to merge into rows. Entity e's forms, key and kind code (nameKindCode) are `forms[e]`, `keys[e]`
 * and `kindCodes[e]`, as ids of the strings of the rows.
 */
export interface MergeInput {
  readonly spans: Int32Array;
  readonly from: number;
  readonly to: number;
  readonly dates: Int32Array;
  readonly dateCount: number;
  readonly forms: readonly (readonly number[])[];
  readonly keys: Int32Array;
  readonly kindCodes: Int32Array;
}

/** A merge of names and dates into rows under way (MentionRows.mergedSteps): the rows, sized first, and where it is. */
class Merge {
  readonly rows: Int32Array;
  private readonly datesEnd: number;
  /** The next name (in `spans`), row and date (in `dates`). */
  private i: number;
  private r = 0;
  private j = 0;

  constructor(
    private readonly input: MergeInput,
    slab: Int32Slab | undefined,
  ) {
    const { spans, from, to, dates, dateCount } = input;
    const datesEnd = (this.datesEnd = dateCount * DATE_WIDTH);
    // the names left are counted first
    let size = dateCount;
    for (let i = from, j = 0; i < to; i += 4) {
      while (j < datesEnd && dates[j + 1] <= spans[i]) j += DATE_WIDTH;
      if (j === datesEnd || dates[j] >= spans[i + 1]) size++;
    }
    this.rows = slab ? slab.take(size * WIDTH) : new Int32Array(size * WIDTH);
    this.i = from;
  }

  /** Writes the rows of the names up to `to` (in `spans`), and of the dates before them. */
  names(to: number): void {
    const { spans, dates, forms, keys, kindCodes } = this.input;
    const { rows, datesEnd } = this;
    let { r, j } = this;
    for (let i = this.i; i < to; i += 4) {
      const start = spans[i];
      for (; j < datesEnd && dates[j + 1] <= start; j += DATE_WIDTH, r += WIDTH) date(rows, r, dates, j);
      if (j < datesEnd && dates[j] < spans[i + 1]) continue;
      const e = spans[i + 2];
      rows[r + START] = start;
      rows[r + END] = spans[i + 1];
      rows[r + TEXT_KINDS] = (forms[e][spans[i + 3]] << TEXT_SHIFT) | kindCodes[e];
      rows[r + KEY] = keys[e];
      r += WIDTH;
    }
    this.i = to;
    this.r = r;
    this.j = j;
  }

  /** The rows, the dates after the last name written. */
  end(): Int32Array {
    for (; this.j < this.datesEnd; this.j += DATE_WIDTH, this.r += WIDTH) date(this.rows, this.r, this.input.dates, this.j);
    return this.rows;
  }
}

/** Writes the row of the date at `j` of `dates` (MergeInput) at `r`. */
function date(rows: Int32Array, r: number, dates: Int32Array, j: number): void {
  rows[r + START] = dates[j];
  rows[r + END] = dates[j + 1];
  rows[r + TEXT_KINDS] = textKinds(dates[j + 2], DATE_CODE, DATE_CODE);
  rows[r + KEY] = dates[j + 3];
}

/**
 * A document's mentions read field by field, without an object for each: for a caller that reads
 * every document once (a Mention list made for each would outlive it, held by `list`'s WeakRef).
 */
export interface MentionFields {
  readonly length: number;
  start(i: number): number;
  end(i: number): number;
  kind(i: number): MentionKind;
  entity(i: number): string | undefined;
  value(i: number): string | null | undefined;
}

/** One document's mentions, in text order, packed in rows. */
export class MentionRows implements MentionFields {
  /** The list last made by `list`, while someone holds it. */
  private made: WeakRef<Mention[]> | undefined;
  /** How many times a kind was changed (setKind). */
  private kindChanges = 0;

  private constructor(
    private readonly rows: Int32Array,
    private readonly strings: StringIds,
  ) {}

  /**
   * Packs `mentions`; `recognized` gives the kind a mention was recognized with where it shows
   * another (a registry's), which recognizedKind returns.
   */
  static *packSteps(mentions: readonly Mention[], strings: StringIds, recognized?: (m: Mention) => MentionKind | undefined): Steps<MentionRows> {
    const rows = new Int32Array(mentions.length * WIDTH);
    for (let i = 0, r = 0; i < mentions.length; i++, r += WIDTH) {
      const m = mentions[i];
      const kind = KIND_CODE.get(m.kind)!;
      const was = recognized?.(m);
      rows[r + START] = m.start;
      rows[r + END] = m.end;
      rows[r + TEXT_KINDS] = textKinds(strings.id(m.text), kind, was === undefined ? kind : KIND_CODE.get(was)!);
      const key = m.kind === 'date' ? m.value : m.entity;
      rows[r + KEY] = dateKey(key, k => strings.id(k));
      if (i % STEP_UNITS === STEP_UNITS - 1) yield;
    }
    return new MentionRows(rows, strings);
  }

  /**
   * The rows of `documentMentions(names, ids, kinds, dates)` (src/core/analyze.ts) packed as
   * `packSteps` packs them, made from the names' spans without a Mention object per name: how a
   * corpus's mentions are published (a warm start publishes millions at once). `dates`: packed
   * (packedDates, or a published document's own: MentionRows.packedDates). `slab`: where the rows go
   * when many documents are published together.
   */
  static *namesSteps(
    names: DocumentNames,
    ids: readonly string[],
    kinds: readonly MentionKind[],
    dates: Int32Array,
    strings: StringIds,
    slab?: Int32Slab,
  ): Steps<MentionRows> {
    const { entities } = names;
    // per entity, in steps: a 50 MB file has tens of thousands, each new to the strings
    const keys = new Int32Array(entities.length);
    const kindCodes = new Int32Array(entities.length);
    const forms = new Array<readonly number[]>(entities.length);
    for (let e = 0; e < entities.length; e++) {
      keys[e] = strings.id(ids[e]);
      kindCodes[e] = nameKindCode(kinds[e]);
      forms[e] = strings.idsOf(entities[e].forms);
      if (e % (STEP_UNITS / 4) === STEP_UNITS / 4 - 1) yield;
    }
    const merge = { spans: names.spans, from: 0, to: names.spans.length, dates, dateCount: dates.length / DATE_WIDTH, forms, keys, kindCodes };
    return yield* MentionRows.mergedSteps(merge, strings, slab);
  }

  /**
   * The rows of a document's names and dates (MergeInput), in text order, a name overlapping a
   * date giving way ("May" the month), in steps. `slab`: where the rows go.
   */
  static *mergedSteps(input: MergeInput, strings: StringIds, slab?: Int32Slab): Steps<MentionRows> {
    const m = new Merge(input, slab);
    for (let at = input.from; at < input.to; at += 4 * STEP_UNITS) {
      if (at > input.from) yield;
      m.names(Math.min(input.to, at + 4 * STEP_UNITS));
    }
    return new MentionRows(m.end(), strings);
  }

  /** mergedSteps at once (for a document of some thousands of names at most): no generator. */
  static merged(input: MergeInput, strings: StringIds, slab?: Int32Slab): MentionRows {
    const m = new Merge(input, slab);
    m.names(input.to);
    return new MentionRows(m.end(), strings);
  }

  /**
   * These rows (as recognized) as a registry has them, in steps, with no Mention object: each name's
   * entity as `entityOf` gives it (undefined: left out), its kind as `kindOf` gives that entity (else
   * its own), the kind it has here kept as the one it was recognized with (recognizedKind); dates
   * pass unchanged. `slab`: where the rows go when many documents are reviewed together.
   */
  *reviewedSteps(
    entityOf: (text: string, entity: string | undefined) => string | undefined,
    kindOf: (entity: string) => MentionKind | undefined,
    slab?: Int32Slab,
  ): Steps<MentionRows> {
    const n = this.length;
    // each row's key once reviewed, counted first so that the rows are sized exactly
    const keys = new Int32Array(n);
    let size = 0;
    for (let i = 0; i < n; i++) {
      if (this.kindCode(i) === DATE_CODE) keys[i] = this.rows[i * WIDTH + KEY];
      else {
        const entity = entityOf(this.text(i), this.entity(i));
        keys[i] = entity === undefined ? LEFT_OUT : this.strings.id(entity);
      }
      if (keys[i] !== LEFT_OUT) size++;
      if (i % STEP_UNITS === STEP_UNITS - 1) yield;
    }
    const rows = slab ? slab.take(size * WIDTH) : new Int32Array(size * WIDTH);
    for (let i = 0, r = 0; i < n; i++) {
      if (keys[i] === LEFT_OUT) continue;
      const from = i * WIDTH;
      const recognized = this.kindCode(i);
      const reviewed = recognized === DATE_CODE ? undefined : kindOf(this.strings.at(keys[i]));
      const kind = reviewed === undefined ? recognized : KIND_CODE.get(reviewed)!;
      rows[r + START] = this.rows[from + START];
      rows[r + END] = this.rows[from + END];
      rows[r + TEXT_KINDS] = textKinds(this.textKey(i), kind, recognized);
      rows[r + KEY] = keys[i];
      r += WIDTH;
      if (i % STEP_UNITS === STEP_UNITS - 1) yield;
    }
    return new MentionRows(rows, this.strings);
  }

  get length(): number {
    return this.rows.length / WIDTH;
  }

  /** The dates among these rows, DATE_WIDTH numbers each, as namesSteps takes them: every date of the document (none gives way, and no registry changes one). */
  packedDates(): Int32Array {
    let count = 0;
    for (let i = 0; i < this.length; i++) if (this.recognizedCode(i) === DATE_CODE) count++;
    const out = new Int32Array(count * DATE_WIDTH);
    for (let i = 0, j = 0; i < this.length; i++) {
      if (this.recognizedCode(i) !== DATE_CODE) continue;
      out[j++] = this.start(i);
      out[j++] = this.end(i);
      out[j++] = this.textKey(i);
      out[j++] = this.rows[i * WIDTH + KEY];
    }
    return out;
  }

  /** The dates among these rows as the document's analysis has them (DocumentAnalysis.dates). */
  dates(): Mention[] {
    const out: Mention[] = [];
    for (let i = 0; i < this.length; i++) if (this.recognizedKind(i) === 'date') out.push(this.make(i));
    return out;
  }

  /** The id (StringIds) of mention i's entity, -1 for a date or a name without one. */
  entityKey(i: number): number {
    return this.kindCode(i) === DATE_CODE ? ABSENT : this.rows[i * WIDTH + KEY];
  }

  /** The id (StringIds) of mention i's date value, -1 for a name or a date without one (null). */
  dateKey(i: number): number {
    const key = this.rows[i * WIDTH + KEY];
    return this.kindCode(i) === DATE_CODE && key >= 0 ? key : ABSENT;
  }

  /** The id (StringIds) of mention i's text, and its kind's number (kindAt). */
  textKey(i: number): number {
    return this.rows[i * WIDTH + TEXT_KINDS] >> TEXT_SHIFT;
  }

  /** Mention i's form and kind in one number (formIdIn, kindIn), what a table counts its mentions by: the row's TEXT_KINDS without the recognized kind. */
  formKind(i: number): number {
    return this.rows[i * WIDTH + TEXT_KINDS] & ~(KIND_MASK << RECOGNIZED_SHIFT);
  }

  kindCode(i: number): number {
    return this.rows[i * WIDTH + TEXT_KINDS] & KIND_MASK;
  }

  /** The number of the kind mention i was recognized with (kindAt). */
  private recognizedCode(i: number): number {
    return (this.rows[i * WIDTH + TEXT_KINDS] >> RECOGNIZED_SHIFT) & KIND_MASK;
  }

  start(i: number): number {
    return this.rows[i * WIDTH + START];
  }

  end(i: number): number {
    return this.rows[i * WIDTH + END];
  }

  text(i: number): string {
    return this.strings.at(this.textKey(i));
  }

  kind(i: number): MentionKind {
    return KINDS[this.kindCode(i)];
  }

  /** The kind mention i was recognized with (its kind unless a registry gave it another). */
  recognizedKind(i: number): MentionKind {
    return KINDS[this.recognizedCode(i)];
  }

  /** Gives mention i the kind `kind` (its recognized kind stays). */
  setKind(i: number, kind: MentionKind): void {
    const r = i * WIDTH + TEXT_KINDS;
    this.rows[r] = (this.rows[r] & ~KIND_MASK) | KIND_CODE.get(kind)!;
    this.made = undefined;
    this.kindChanges++;
  }

  /** Changes whenever a kind does. */
  get version(): number {
    return this.kindChanges;
  }

  /** The entity id of a name mention. */
  entity(i: number): string | undefined {
    const key = this.rows[i * WIDTH + KEY];
    return key >= 0 && this.kind(i) !== 'date' ? this.strings.at(key) : undefined;
  }

  /** The normalized value of a date mention (undefined for other mentions, and for a date without one). */
  value(i: number): string | null | undefined {
    const key = this.rows[i * WIDTH + KEY];
    return this.kind(i) !== 'date' || key === ABSENT ? undefined : key === NULL ? null : this.strings.at(key);
  }

  /** Mention i, the object of `list` while that is held. */
  mention(i: number): Mention {
    return this.made?.deref()?.[i] ?? this.make(i);
  }

  /** Every mention, in text order: the same list as long as it is held (and no kind changed). */
  list(): Mention[] {
    let list = this.made?.deref();
    if (!list) {
      list = Array.from({ length: this.length }, (_, i) => this.make(i));
      this.made = new WeakRef(list);
    }
    return list;
  }

  /**
   * The mentions ending after UTF-16 offset `from` and starting before `to`, in text order (the
   * objects of `list` while it is held): what an editor shows of a long document, without an
   * object for each of its mentions.
   */
  between(from: number, to: number): Mention[] {
    const out: Mention[] = [];
    for (let i = this.firstEndingAfter(from); i < this.length && this.start(i) < to; i++) out.push(this.mention(i));
    return out;
  }

  /** The first mention ending after `offset` (mentions do not overlap: their ends are in order too). */
  private firstEndingAfter(offset: number): number {
    let lo = 0;
    let hi = this.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.end(mid) <= offset) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /**
   * The index of the mention covering a UTF-16 offset (an offset at either edge counts), or -1.
   * Mentions do not overlap.
   */
  indexAt(offset: number): number {
    let lo = 0;
    let hi = this.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (this.end(mid) < offset) lo = mid + 1;
      else if (this.start(mid) > offset) hi = mid - 1;
      else return mid;
    }
    return -1;
  }

  /** A new Mention object for row i, with the properties (and their order) of those packed. */
  private make(i: number): Mention {
    const start = this.start(i);
    const end = this.end(i);
    const text = this.text(i);
    const kind = this.kind(i);
    if (kind === 'date') {
      const value = this.value(i);
      return value === undefined ? { start, end, text, kind } : { start, end, text, kind, value };
    }
    const entity = this.entity(i);
    return entity === undefined ? { start, end, text, kind } : { start, end, text, kind, entity };
  }
}
