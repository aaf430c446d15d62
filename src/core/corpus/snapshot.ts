// What a corpus index writes to disk for a warm start: per document, the part of its analysis that
// depends on its own text (keyed by a hash of it), and the corpus's links when it was linked as a
// whole, so that a warm start whose documents all match needs no relink. Binary (docs/contracts.md,
// "Index snapshot"): numbers in one Int32Array read in place, strings stored once as UTF-16 code
// units (a lone surrogate survives). Reading it walks the documents' records and decodes a
// document's part only when a document with its text arrives, and then only what the index reads
// at once (its names and dates when first read); writing and reading go in steps. A snapshot of a
// linked corpus also holds its published mention tables' totals, so that a warm start whose
// documents all match builds its tables without counting every mention.
import { analyze } from '../analyze';
import { MAX_ANALYZED_CHARS, PIECE_CHARS } from '../limits';
import type { CorpusLinks } from '../linking/linkCorpus';
import type { DocumentNames, LocalEntity } from '../linking/linkDocument';
import type { LinkedNames } from '../linking/linkNames';
import type { NameKind } from '../names/nameCandidate';
import { STEP_UNITS, type Steps } from '../steps';
import type { Mention, MentionKind } from '../types';
import { contentHash } from './contentHash';
import type { DocumentAnalysis } from './documentAnalysis';
import type { FileStamp } from './fileStamp';
import { Int32Slab } from './int32Slab';
import type { Interner } from './interner';
import { DATE_WIDTH, dateKey, MentionRows, nameKindCode, type MergeInput, type StringIds } from './mentionRows';
import type { GroupTotals } from './mentionTable';
import { SnapshotChecksum } from './snapshotChecksum';

/** The corpus's links as a snapshot holds them: valid for exactly its documents, all unchanged. */
export interface StoredLinks {
  /** How many documents the snapshot holds (all of them linked together). */
  readonly documents: number;
  readonly links: Omit<CorpusLinks, 'ids'>;
  /**
   * The totals of the groups of its published mention tables (by entity, by date), when it was
   * written without a registry: what the documents' mentions published with these links give.
   */
  readonly tables: readonly [ReadonlyMap<string, GroupTotals>, ReadonlyMap<string, GroupTotals>] | undefined;
}

/** One document as stored: decoded into a DocumentAnalysis (with shared strings) only when used. */
export interface StoredDocument {
  readonly hash: string;
  readonly dctSource: string;
  readonly model: string;
  /** Its file's size and modification time when it was read (none: not read from a file, or modified too recently to tell). */
  stamp(): FileStamp | undefined;
  /** When the snapshot was written (milliseconds since the epoch). */
  readonly writtenAt: number;
  /**
   * Its analysis: publication date, family names and lookups at once; its names and dates decoded
   * when first read (the snapshot is kept until then).
   */
  analysis(): DocumentAnalysis;
  /** The links of the snapshot's corpus, when it was written linked; `ids()` are this document's part of them. */
  readonly links: StoredLinks | undefined;
  ids(): string[] | undefined;
  /**
   * Its mentions packed as a corpus index publishes them without a registry, with its entities'
   * `ids()` (of a snapshot written linked only; undefined when they do not hold) and each id's
   * kind (`kindOf`, else the entity's own), without decoding its names and dates; with the ids and
   * kinds given. `slab`: where the rows go. `kindOf` is asked once per id while it is the same
   * function.
   */
  publishedSteps(kindOf: (id: string) => MentionKind | undefined, strings: StringIds, slab: Int32Slab): Steps<Published | undefined>;
  /**
   * publishedSteps in one step, for a document of at most STEP_UNITS names (most of them):
   * no generator for each of 100,000 documents. Undefined for a larger one too.
   */
  published(kindOf: (id: string) => MentionKind | undefined, strings: StringIds, slab: Int32Slab): Published | undefined;
}

/** A stored document's mentions as published (StoredDocument.publishedSteps), with its entities' ids and kinds. */
export interface Published {
  readonly ids: string[];
  readonly kinds: MentionKind[];
  readonly rows: MentionRows;
}

/** A document to encode: its analysis, its entities' ids when the corpus is linked, its file's stamp when read from one. */
export interface EncodedDocument extends DocumentAnalysis {
  readonly ids: readonly string[] | undefined;
  readonly stamp: FileStamp | undefined;
}

/** A mention table's groups by key, with their totals, for encodeSnapshotSteps. */
export type TableTotals = readonly (readonly [string, GroupTotals])[];

/**
 * A stored document's linked names: its family-name lookups at once, its names decoded when first
 * read. Where they are in the snapshot is kept as numbers, not in a function: a closure and its
 * context for each of 100,000 documents were megabytes more for the collector to go through.
 */
class StoredLinked implements LinkedNames {
  private made: DocumentNames | undefined;

  constructor(
    public found: string[],
    public missing: string[],
    readonly entityCount: number,
    readonly nameCount: number,
    private reader: Reader | undefined,
    /** Where the document's record is. */
    private readonly from: number,
  ) {}

  get names(): DocumentNames {
    if (!this.made) {
      this.made = this.reader!.names(this.from);
      this.reader = undefined; // nothing of it keeps the snapshot any more
    }
    return this.made;
  }

  set names(names: DocumentNames) {
    this.made = names;
    this.reader = undefined;
  }
}

/**
 * A stored document's analysis, its dates decoded when first read. A class, with `dates` on its
 * prototype: an object literal with a getter and a setter of its own got a hidden class of its own
 * (its accessors being other functions), and past a few thousand documents a dictionary of
 * properties (800 bytes each) once extended into an indexed document.
 */
class StoredAnalysis implements DocumentAnalysis {
  private made: Mention[] | undefined;

  constructor(
    public hash: string,
    public dctSource: string,
    public model: string,
    public dct: string | null,
    public surnames: string[],
    public linked: LinkedNames,
    private reader: Reader | undefined,
    /** Where its dates are in the snapshot's numbers, and how many. */
    private readonly datesAt: number,
    private readonly dateCount: number,
  ) {}

  get dates(): Mention[] {
    if (!this.made) {
      this.made = this.reader!.dates(this.datesAt, this.dateCount);
      this.reader = undefined;
    }
    return this.made;
  }

  set dates(dates: Mention[]) {
    this.made = dates;
    this.reader = undefined;
  }
}

/** How many names linked names have (DocumentNames.spans), without decoding a stored document's. */
export function nameCountOf(linked: LinkedNames): number {
  return linked instanceof StoredLinked ? linked.nameCount : linked.names.spans.length / 4;
}

/** How many entities linked names have, without decoding a stored document's. */
export function entityCountOf(linked: LinkedNames): number {
  return linked instanceof StoredLinked ? linked.entityCount : linked.names.entities.length;
}

/** 'MRGN', little-endian: a snapshot of format 4 or before is JSON text, and starts with `{`. */
const MAGIC = 0x4e47524d;
/** 7: each document's file size and modification time, and when the snapshot was written. 6: a checksum, and the published tables' totals. 5: binary, with the corpus's links. 4 (JSON text): each document recorded its names recognizer. */
const FORMAT = 7;
/** Int32 words before the head: magic, format, head bytes, string count, char count, number count, checksum (two words). */
const PREAMBLE = 8;
/** An entity's record: ENTITY_FIELDS numbers (its local id, kind, how many words and forms), then its words, its forms and their counts. */
const ENTITY_ID = 0;
const ENTITY_KIND = 1;
const WORD_COUNT = 2;
const FORM_COUNT = 3;
const ENTITY_FIELDS = 4;
/** Added to an entity's kind number when its kind is a guess. */
const GUESSED = 3;
const KINDS: NameKind[] = ['person', 'organization', 'place'];
/** The kinds of mentions in the tables' totals. */
const MENTION_KINDS: MentionKind[] = [...KINDS, 'date'];
const NULL = -1;
const UNDEFINED = -2;
/**
 * A document's record: FIELDS numbers (below), then its lists in the order of their lengths there
 * (listAt), then its entities' ids when the snapshot holds the links. Its strings first: path,
 * hash, dctSource, model, dct.
 */
const PATH = 0;
const HASH = 1;
const DCT_SOURCE = 2;
const MODEL = 3;
const DCT = 4;
/** The lengths of its lists (a date DATE_NUMBERS numbers): surnames, found, missing, dates, entities, full, lone, spans; LISTS_END, past them. */
const SURNAMES = 5;
const FOUND = 6;
const MISSING = 7;
const DATES = 8;
const ENTITIES = 9;
const FULL = 10;
const LONE = 11;
const SPANS = 12;
const LISTS_END = 13;
/** Where its file stamp starts (size, then the modification time's high and low words), and its size when it has none. */
const STAMP_AT = 13;
const NO_SIZE = -1;
const FIELDS = 16;
/** A stored date: start, end, text, value. */
const DATE_NUMBERS = 4;
const TWO_32 = 2 ** 32;
/** Numbers per chunk of the documents' spans, once decoded (1 MB). */
const SLAB_CHUNK = 1 << 18;
/** Numbers per chunk of the writer (4 MB): no step copies the whole snapshot. */
const CHUNK = 1 << 20;
/** Numbers per piece of a snapshot given to its sink (1 MB). */
const PIECE_WORDS = 1 << 18;

interface Head {
  recognizer: string;
  defaultDct: string | null;
  documents: number;
  entities: number;
  links: boolean;
  /** Whether the published tables' totals follow the links. */
  tables: boolean;
  /** When it was written (milliseconds since the epoch): a file modified since, or as recently as RACY_MS before, is read. */
  writtenAt: number;
}

/** UTF-16 code units written in chunks. */
class ChunkedWriter {
  private readonly full: Uint16Array[] = [];
  private current = new Uint16Array(CHUNK);
  private at = 0;

  push(n: number): void {
    if (this.at === CHUNK) {
      this.full.push(this.current);
      this.current = new Uint16Array(CHUNK);
      this.at = 0;
    }
    this.current[this.at++] = n;
  }

  get length(): number {
    return this.full.length * CHUNK + this.at;
  }

  /** What was written, in chunks: whole ones, then the last one's part written. */
  chunks(): Uint16Array[] {
    return [...this.full, this.current.subarray(0, this.at)];
  }
}

/** The corpus's links to encode, with its published mention tables' totals (by entity, by date) when it has no registry. */
export interface EncodedLinks extends Omit<CorpusLinks, 'ids'> {
  readonly tables?: readonly [TableTotals, TableTotals];
}

/**
 * Where a snapshot's bytes go as they are made (encodeSnapshotSteps), a piece at a time, so that no
 * buffer holds them all (a 180 MB one at 100,000 articles, garbage once written: the collector lets
 * such memory outside the heap grow by tens of megabytes before it runs).
 */
export interface SnapshotSink {
  /** A snapshot of `length` bytes begins: again after a change to the corpus meanwhile, what was written before void. */
  begin(length: number): void;
  /** Its bytes `bytes` at byte `offset` (given in order); the first PREAMBLE words come last, at 0, once the rest is written. */
  write(bytes: Uint8Array, offset: number): void;
}

/** A sink that gathers the snapshot in one buffer. */
export function bufferSink(): SnapshotSink & { readonly bytes: Uint8Array } {
  let bytes = new Uint8Array(0);
  return {
    get bytes() {
      return bytes;
    },
    begin: length => (bytes = new Uint8Array(length)),
    write: (piece, offset) => bytes.set(piece, offset),
  };
}

/**
 * Encodes the analyses of documents (by path) in steps, into `sink`; the corpus's links (`links`,
 * with each document's `ids`) go with them when given, which the caller does only when the
 * documents are exactly the corpus they were linked as. `recognizer`: as for decodeSnapshotSteps.
 *
 * Two passes over the same records: the first numbers the strings and counts the numbers, the
 * second writes the numbers, a piece of PIECE_WORDS at a time (the strings follow, in the chunks
 * the first pass wrote them in).
 */
export function* encodeSnapshotSteps(
  documents: readonly (readonly [string, EncodedDocument])[],
  defaultDct: string | null,
  links: EncodedLinks | undefined,
  sink: SnapshotSink,
  recognizer = recognizerFingerprint(),
  writtenAt = Date.now(),
): Steps<void> {
  // what the documents hold now (the second pass must read what the first did): a document's
  // links may be replaced meanwhile, the rest never is (a stored one's names and dates are decoded
  // when first read, in the pass's steps)
  const records = documents.map(([path, a]) => [path, a, a.linked, a.ids, a.stamp] as const);
  const chars = new ChunkedWriter();
  const ends: number[] = [];
  const stringIndex = new Map<string, number>();
  const s = (v: string | null | undefined): number => {
    if (v === null) return NULL;
    if (v === undefined) return UNDEFINED;
    let i = stringIndex.get(v);
    if (i === undefined) {
      stringIndex.set(v, (i = ends.length));
      for (let c = 0; c < v.length; c++) chars.push(v.charCodeAt(c));
      ends.push(chars.length);
    }
    return i;
  };
  let count = 0;
  const { entities, withLinks } = yield* encodeRecords(records, links, s, () => count++);
  const head: Head = {
    recognizer,
    defaultDct,
    documents: documents.length,
    entities,
    links: withLinks,
    tables: withLinks && links?.tables !== undefined,
    writtenAt,
  };
  const headBytes = new TextEncoder().encode(JSON.stringify(head));
  const headWords = Math.ceil(headBytes.length / 4);
  const numbersAt = PREAMBLE + headWords + ends.length;
  const charsAt = (numbersAt + count) * 4;
  sink.begin(charsAt + chars.length * 2);
  const checksum = new SnapshotChecksum();
  // the preamble's place (written last), the head and the strings' ends
  const first = new Int32Array(numbersAt);
  new Uint8Array(first.buffer, PREAMBLE * 4, headBytes.length).set(headBytes);
  first.set(ends, PREAMBLE + headWords);
  checksum.add(first.subarray(PREAMBLE));
  sink.write(new Uint8Array(first.buffer), 0);
  yield;
  let written = 0;
  let piece = new Int32Array(Math.min(PIECE_WORDS, count));
  let at = 0;
  // each piece a buffer of its own: the sink may write it after the next is made
  const flush = () => {
    const words = piece.subarray(0, at);
    checksum.add(words);
    sink.write(new Uint8Array(words.buffer, 0, at * 4), (numbersAt + written) * 4);
    written += at;
    piece = new Int32Array(Math.min(PIECE_WORDS, count - written));
    at = 0;
  };
  yield* encodeRecords(records, withLinks ? links : undefined, s, n => {
    piece[at++] = n;
    if (at === piece.length) flush();
  });
  if (at > 0) flush();
  let offset = charsAt;
  const chunks = chars.chunks();
  for (const chunk of chunks) {
    checksum.add(new Int32Array(chunk.buffer, chunk.byteOffset, chunk.length >> 1));
    sink.write(new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.length * 2), offset);
    offset += chunk.length * 2;
    yield;
  }
  // an odd number of code units ends in half a word (only the last chunk is not whole)
  const last = chunks[chunks.length - 1];
  const tail = new Uint8Array(last.buffer, last.byteOffset + (last.length & ~1) * 2, (last.length & 1) * 2);
  sink.write(new Uint8Array(new Int32Array([MAGIC, FORMAT, headBytes.length, ends.length, chars.length, count, ...checksum.end(tail)]).buffer), 0);
}

/**
 * Two 32-bit hashes of every byte after the preamble (of a buffer aligned to 4 bytes), a few
 * megabytes a step: a snapshot changed on disk (a garbled byte) is told from one this code wrote,
 * before any of it is read lazily.
 */
function* checksumSteps(bytes: Uint8Array): Steps<[number, number]> {
  const from = PREAMBLE * 4;
  const words = new Int32Array(bytes.buffer, bytes.byteOffset + from, (bytes.length - from) >> 2);
  const checksum = new SnapshotChecksum();
  for (let at = 0; at < words.length; at += CHUNK) {
    checksum.add(words.subarray(at, Math.min(words.length, at + CHUNK)));
    yield;
  }
  return checksum.end(bytes.subarray(from + words.length * 4));
}

/**
 * The numbers of a snapshot's records, each given to `push` in order (strings as their numbers,
 * `s`), in steps: the entities first, then each document, then the links when given (and every
 * document has its ids). Returns how many entities, and whether the links are in.
 */
function* encodeRecords(
  documents: readonly (readonly [string, EncodedDocument, LinkedNames, readonly string[] | undefined, FileStamp | undefined])[],
  links: EncodedLinks | undefined,
  s: (v: string | null | undefined) => number,
  put: (n: number) => void,
): Steps<{ entities: number; withLinks: boolean }> {
  const push = (list: readonly number[] | Int32Array) => {
    for (let i = 0; i < list.length; i++) put(list[i]);
  };
  // entities first (an index shares equal entities: by identity is enough)
  const entityIndex = new Map<LocalEntity, number>();
  const entityRecord = new Int32Array(ENTITY_FIELDS);
  let units = 0;
  for (const [, , linked] of documents) {
    for (const e of linked.names.entities) {
      if (entityIndex.has(e)) continue;
      entityIndex.set(e, entityIndex.size);
      entityRecord[ENTITY_ID] = s(e.localId);
      entityRecord[ENTITY_KIND] = KINDS.indexOf(e.kind) + (e.guessed ? GUESSED : 0);
      entityRecord[WORD_COUNT] = e.words.length;
      entityRecord[FORM_COUNT] = e.forms.length;
      push(entityRecord);
      for (const w of e.words) put(s(w));
      for (const f of e.forms) put(s(f));
      push(e.counts);
      if (++units % STEP_UNITS === 0) yield;
    }
    if (++units % STEP_UNITS === 0) yield;
  }
  const withLinks = links !== undefined && documents.every(([, , , ids]) => ids !== undefined);
  const record = new Int32Array(FIELDS);
  for (const [path, a, { names, found, missing }, ids, stamp] of documents) {
    // read once: an index makes a published document's dates from its rows when asked
    const dates = a.dates;
    record[PATH] = s(path);
    record[HASH] = s(a.hash);
    record[DCT_SOURCE] = s(a.dctSource);
    record[MODEL] = s(a.model);
    record[DCT] = s(a.dct);
    record[SURNAMES] = a.surnames.length;
    record[FOUND] = found.length;
    record[MISSING] = missing.length;
    record[DATES] = dates.length;
    record[ENTITIES] = names.entities.length;
    record[FULL] = names.full.length;
    record[LONE] = names.lone.length;
    record[SPANS] = names.spans.length;
    record[STAMP_AT] = stamp ? stamp.size : NO_SIZE;
    record[STAMP_AT + 1] = stamp ? Math.floor(stamp.mtime / TWO_32) : 0;
    record[STAMP_AT + 2] = stamp ? (stamp.mtime % TWO_32) | 0 : 0;
    push(record);
    // the lists in the order of their lengths in the record
    for (const list of [a.surnames, found, missing]) for (const v of list) put(s(v));
    for (const m of dates) {
      put(m.start);
      put(m.end);
      put(s(m.text));
      put(s(m.value));
    }
    for (const e of names.entities) put(entityIndex.get(e)!);
    push(names.full);
    push(names.lone);
    push(names.spans);
    if (withLinks) for (const id of ids!) put(s(id));
    units += names.spans.length / 4 + dates.length + 1;
    if (units >= STEP_UNITS) {
      units = 0;
      yield;
    }
  }
  if (withLinks) {
    put(links.idOfKey.size);
    for (const [key, id] of links.idOfKey) {
      put(s(key));
      put(s(id));
    }
    put(links.idsOfSurname.size);
    for (const [family, ids] of links.idsOfSurname) {
      put(s(family));
      put(ids.length);
      for (const id of ids) put(s(id));
    }
    put(links.kindOfId.size);
    for (const [id, kind] of links.kindOfId) {
      put(s(id));
      put(KINDS.indexOf(kind));
    }
    yield;
    for (const table of links.tables ?? []) {
      put(table.length);
      for (const [key, { count, documents, forms, kinds }] of table) {
        for (const v of [s(key), count, documents, forms.size, kinds.size]) put(v);
        for (const [form, n] of forms) {
          put(s(form));
          put(n);
        }
        for (const [kind, n] of kinds) {
          put(MENTION_KINDS.indexOf(kind));
          put(n);
        }
        if (++units % STEP_UNITS === 0) yield;
      }
    }
  }
  return { entities: entityIndex.size, withLinks };
}

/**
 * The ids in a StringIds of a snapshot's strings (-1: not asked yet) and of its entities' forms,
 * and the kinds `kindOf` gives its strings as ids (a MENTION_KINDS index, UNKNOWN_KIND: not asked
 * yet, OWN_KIND: none given), for the last StringIds and kindOf asked about.
 */
interface IdsIn {
  readonly strings: StringIds;
  readonly ids: Int32Array;
  /** idIn for these strings. */
  readonly idOf: (i: number) => number;
  readonly forms: (readonly number[])[];
  kindOf: ((id: string) => MentionKind | undefined) | undefined;
  kinds: Int8Array | undefined;
}

const UNKNOWN_KIND = -1;
const OWN_KIND = -2;

/** The arrays a reader's publishedSteps fills for each document (only the start of each is used). */
interface Scratch {
  readonly keys: Int32Array;
  readonly kindCodes: Int32Array;
  readonly forms: (readonly number[])[];
  readonly dates: Int32Array;
}

function newScratch(entityCount: number, dateCount: number): Scratch {
  return {
    keys: new Int32Array(entityCount),
    kindCodes: new Int32Array(entityCount),
    forms: new Array(entityCount),
    dates: new Int32Array(dateCount * DATE_WIDTH),
  };
}

/** The parts of a snapshot file, read in place. */
interface Parts {
  head: Head;
  ends: Int32Array;
  numbers: Int32Array;
  chars: Uint16Array;
  /** The whole file (aligned), and the checksum it says it has. */
  bytes: Uint8Array;
  checksum: [number, number];
}

/** The parts of a snapshot, or undefined when it is not one this version writes (an older format, another file, cut short). */
function parts(bytes: Uint8Array): Parts | undefined {
  // typed arrays over the bytes need them aligned
  const buf = bytes.byteOffset % 4 === 0 ? bytes : bytes.slice();
  if (buf.byteLength < PREAMBLE * 4) return undefined;
  const [magic, format, headLength, stringCount, charCount, numberCount, check1, check2] = new Int32Array(buf.buffer, buf.byteOffset, PREAMBLE);
  if (magic !== MAGIC || format !== FORMAT || headLength < 0 || stringCount < 0 || charCount < 0 || numberCount < 0) return undefined;
  const endsAt = PREAMBLE + Math.ceil(headLength / 4);
  const numbersAt = endsAt + stringCount;
  const charsAt = (numbersAt + numberCount) * 4;
  if (buf.byteLength !== charsAt + charCount * 2) return undefined;
  let head: Head;
  try {
    head = JSON.parse(new TextDecoder().decode(buf.subarray(PREAMBLE * 4, PREAMBLE * 4 + headLength))) as Head;
  } catch {
    return undefined;
  }
  return {
    head,
    ends: new Int32Array(buf.buffer, buf.byteOffset + endsAt * 4, stringCount),
    numbers: new Int32Array(buf.buffer, buf.byteOffset + numbersAt * 4, numberCount),
    chars: new Uint16Array(buf.buffer, buf.byteOffset + charsAt, charCount),
    bytes: buf,
    checksum: [check1, check2],
  };
}

/** What the documents of one snapshot share: how to decode them, and its links once read. */
interface Reader {
  readonly writtenAt: number;
  analysis(from: number, doc: StoredDocument): DocumentAnalysis;
  /** The names of the document whose record is at `from`. */
  names(from: number): DocumentNames;
  /** `count` dates from `at`. */
  dates(at: number, count: number): Mention[];
  stamp(from: number): FileStamp | undefined;
  ids(from: number, count: number): string[] | undefined;
  published(from: number, idsAt: number, kindOf: (id: string) => MentionKind | undefined, strings: StringIds, slab: Int32Slab): Published | undefined;
  publishedSteps(
    from: number,
    idsAt: number,
    kindOf: (id: string) => MentionKind | undefined,
    strings: StringIds,
    slab: Int32Slab,
  ): Steps<Published | undefined>;
  links: StoredLinks | undefined;
}

/** A document of a snapshot: where its record is (one small object each: a snapshot may hold 100,000). */
class Stored implements StoredDocument {
  constructor(
    readonly hash: string,
    readonly dctSource: string,
    readonly model: string,
    private readonly reader: Reader,
    private readonly from: number,
    private readonly idsAt: number,
    private readonly entityCount: number,
  ) {}

  analysis(): DocumentAnalysis {
    return this.reader.analysis(this.from, this);
  }

  stamp(): FileStamp | undefined {
    return this.reader.stamp(this.from);
  }

  get writtenAt(): number {
    return this.reader.writtenAt;
  }

  published(kindOf: (id: string) => MentionKind | undefined, strings: StringIds, slab: Int32Slab): Published | undefined {
    return this.reader.published(this.from, this.idsAt, kindOf, strings, slab);
  }

  publishedSteps(kindOf: (id: string) => MentionKind | undefined, strings: StringIds, slab: Int32Slab): Steps<Published | undefined> {
    return this.reader.publishedSteps(this.from, this.idsAt, kindOf, strings, slab);
  }

  get links(): StoredLinks | undefined {
    return this.reader.links;
  }

  ids(): string[] | undefined {
    return this.reader.ids(this.idsAt, this.entityCount);
  }
}

/** Thrown while reading a snapshot whose numbers point outside it (its checksum holds: a snapshot this code did not write). */
class Corrupt extends Error {
  constructor() {
    super('the index snapshot is inconsistent');
  }
}

/**
 * The documents of a snapshot, by path, in steps; empty when it was written by another format or
 * recognizer, or with another default publication date, or cannot be read. Strings and entities
 * are shared through `shared` as documents are decoded. `recognizer`: recognizerFingerprint(), when
 * made elsewhere (making it loads the lexicon: a host's thread leaves that to a worker).
 */
export function* decodeSnapshotSteps(
  bytes: Uint8Array,
  defaultDct: string | null,
  shared: Interner,
  recognizer = recognizerFingerprint(),
): Steps<Map<string, StoredDocument>> {
  const out = new Map<string, StoredDocument>();
  const p = parts(bytes);
  if (!p || p.head.recognizer !== recognizer || p.head.defaultDct !== defaultDct) return out;
  const [h1, h2] = yield* checksumSteps(p.bytes);
  if (h1 !== p.checksum[0] || h2 !== p.checksum[1]) return out;
  const read = readDocuments(p, shared);
  for (;;) {
    const r = unlessCorrupt(() => read.next());
    if (!r) return out;
    if (r.done) return r.value;
    yield;
  }
}

function* readDocuments({ head, ends, numbers: n, chars }: Parts, shared: Interner): Steps<Map<string, StoredDocument>> {
  const out = new Map<string, StoredDocument>();
  const check = (ok: boolean) => {
    if (!ok) throw new Corrupt();
  };
  // strings as they are, and shared (the parts of analyses) when first used
  const raw = (i: number): string => {
    check(i >= 0 && i < ends.length);
    const start = i ? ends[i - 1] : 0;
    check(start <= ends[i] && ends[i] <= chars.length);
    let v = '';
    // apply takes the typed array as it is (a spread would go through its iterator)
    for (let at = start; at < ends[i]; at += 8192)
      v += String.fromCharCode.apply(null, chars.subarray(at, Math.min(ends[i], at + 8192)) as unknown as number[]);
    return v;
  };
  const sharedStrings = new Array<string | undefined>(ends.length);
  let spanNumbers = 0;
  const str = (i: number): string => (sharedStrings[i] ??= shared.string(raw(i)));
  const optional = (i: number): string | null | undefined => (i === NULL ? null : i === UNDEFINED ? undefined : str(i));
  let at = 0;
  const take = (count: number): number => {
    check(count >= 0 && at + count <= n.length);
    const from = at;
    at += count;
    return from;
  };
  // plain loops: a typed array's subarray, destructuring or Array.from cost more than the reads
  const list = (from: number, count: number): number[] => {
    const out = new Array<number>(count);
    for (let k = 0; k < count; k++) out[k] = n[from + k];
    return out;
  };
  const strs = (from: number, count: number): string[] => {
    const out = new Array<string>(count);
    for (let k = 0; k < count; k++) out[k] = str(n[from + k]);
    return out;
  };
  // entities: where each starts; made (and shared) when first used
  const entityAt = new Int32Array(head.entities);
  for (let e = 0; e < head.entities; e++) {
    const from = (entityAt[e] = take(ENTITY_FIELDS));
    take(n[from + WORD_COUNT] + 2 * n[from + FORM_COUNT]);
    if (e % STEP_UNITS === STEP_UNITS - 1) yield;
  }
  const entities = new Array<LocalEntity | undefined>(head.entities);
  const entity = (e: number): LocalEntity => {
    check(e >= 0 && e < entities.length);
    const made = entities[e];
    if (made) return made;
    const from = entityAt[e];
    const localId = n[from + ENTITY_ID];
    const kind = n[from + ENTITY_KIND];
    const wordCount = n[from + WORD_COUNT];
    const formCount = n[from + FORM_COUNT];
    check(kind >= 0 && kind < 2 * GUESSED);
    const words = strs(from + ENTITY_FIELDS, wordCount);
    const forms = strs(from + ENTITY_FIELDS + wordCount, formCount);
    const counts = list(from + ENTITY_FIELDS + wordCount + formCount, formCount);
    return (entities[e] = shared.entity({
      localId: str(localId),
      kind: KINDS[kind % GUESSED],
      words,
      forms,
      counts,
      ...(kind >= GUESSED && { guessed: true }),
    }));
  };
  const reader: Reader = {
    writtenAt: typeof head.writtenAt === 'number' ? head.writtenAt : 0,
    analysis,
    published,
    names: decodeNames,
    dates: decodeDates,
    stamp: from => {
      const size = n[from + STAMP_AT];
      return size === NO_SIZE ? undefined : { size, mtime: n[from + STAMP_AT + 1] * TWO_32 + (n[from + STAMP_AT + 2] >>> 0) };
    },
    ids: (from, count) => unlessCorrupt(() => strs(from, count)),
    publishedSteps,
    links: undefined,
  };
  for (let d = 0; d < head.documents; d++) {
    const from = take(FIELDS);
    const entityCount = n[from + ENTITIES];
    check(n[from + SPANS] % 4 === 0);
    take(listAt(n, from, LISTS_END) - at);
    const idsAt = take(head.links ? entityCount : 0);
    spanNumbers += n[from + SPANS];
    out.set(raw(n[from + PATH]), new Stored(raw(n[from + HASH]), raw(n[from + DCT_SOURCE]), raw(n[from + MODEL]), reader, from, idsAt, entityCount));
    if (d % STEP_UNITS === STEP_UNITS - 1) yield;
  }
  if (head.links) {
    const idOfKey = new Map<string, string>();
    for (let i = 0, count = n[take(1)]; i < count; i++) {
      const k = take(2);
      idOfKey.set(str(n[k]), str(n[k + 1]));
      if (i % STEP_UNITS === STEP_UNITS - 1) yield;
    }
    const idsOfSurname = new Map<string, string[]>();
    for (let i = 0, count = n[take(1)]; i < count; i++) {
      const k = take(2);
      idsOfSurname.set(str(n[k]), list(take(n[k + 1]), n[k + 1]).map(str));
      if (i % STEP_UNITS === STEP_UNITS - 1) yield;
    }
    const kindOfId = new Map<string, NameKind>();
    for (let i = 0, count = n[take(1)]; i < count; i++) {
      const k = take(2);
      check(n[k + 1] >= 0 && n[k + 1] < GUESSED);
      kindOfId.set(str(n[k]), KINDS[n[k + 1]]);
      if (i % STEP_UNITS === STEP_UNITS - 1) yield;
    }
    const totals = function* (): Steps<Map<string, GroupTotals>> {
      const groups = new Map<string, GroupTotals>();
      for (let i = 0, count = n[take(1)]; i < count; i++) {
        const k = take(5);
        const forms = new Map<string, number>();
        for (let f = 0; f < n[k + 3]; f++) {
          const at = take(2);
          forms.set(str(n[at]), n[at + 1]);
        }
        const kinds = new Map<MentionKind, number>();
        for (let f = 0; f < n[k + 4]; f++) {
          const at = take(2);
          check(n[at] >= 0 && n[at] < MENTION_KINDS.length);
          kinds.set(MENTION_KINDS[n[at]], n[at + 1]);
        }
        groups.set(str(n[k]), { count: n[k + 1], documents: n[k + 2], forms, kinds });
        if (i % STEP_UNITS === STEP_UNITS - 1) yield;
      }
      return groups;
    };
    const tables = head.tables ? ([yield* totals(), yield* totals()] as const) : undefined;
    reader.links = { documents: head.documents, links: { idOfKey, idsOfSurname, kindOfId }, tables };
  }
  check(at === n.length && out.size === head.documents);
  // the documents' spans, copied out (a view would keep the whole snapshot) into shared chunks, no
  // larger than all of them (a pool of workers sends a snapshot of a few hundred documents each)
  const slab = new Int32Slab(Math.min(SLAB_CHUNK, Math.max(spanNumbers, 1)));
  let idsFor: IdsIn | undefined;
  let scratch = newScratch(64, 64);
  return out;

  /** A document's analysis: its lists of strings at once, its dates and names when first read. */
  function analysis(from: number, doc: StoredDocument): DocumentAnalysis {
    const surnames = strs(listAt(n, from, SURNAMES), n[from + SURNAMES]);
    const found = strs(listAt(n, from, FOUND), n[from + FOUND]);
    const missing = strs(listAt(n, from, MISSING), n[from + MISSING]);
    const linked = new StoredLinked(found, missing, n[from + ENTITIES], n[from + SPANS] / 4, reader, from);
    const dct = optional(n[from + DCT]) ?? null;
    return new StoredAnalysis(doc.hash, doc.dctSource, doc.model, dct, surnames, linked, reader, listAt(n, from, DATES), n[from + DATES]);
  }

  function decodeDates(at: number, count: number): Mention[] {
    const dates = new Array<Mention>(count);
    for (let k = 0; k < count; k++, at += DATE_NUMBERS) {
      const value = n[at + 3];
      dates[k] =
        value === UNDEFINED
          ? { start: n[at], end: n[at + 1], text: str(n[at + 2]), kind: 'date' }
          : { start: n[at], end: n[at + 1], text: str(n[at + 2]), kind: 'date', value: value === NULL ? null : str(value) };
    }
    return dates;
  }

  /** The names of the document whose record is at `from`. */
  function decodeNames(from: number): DocumentNames {
    const entityCount = n[from + ENTITIES];
    const entitiesAt = listAt(n, from, ENTITIES);
    const entityRefs = new Array<LocalEntity>(entityCount);
    for (let k = 0; k < entityCount; k++) entityRefs[k] = entity(n[entitiesAt + k]);
    const full = list(listAt(n, from, FULL), n[from + FULL]);
    const lone = list(listAt(n, from, LONE), n[from + LONE]);
    const spansAt = listAt(n, from, SPANS);
    const spans = slab.copy(n.subarray(spansAt, spansAt + n[from + SPANS]));
    // what queries index with must be in range (a garbled number elsewhere gives wrong answers at worst)
    for (const e of full) check(e >= 0 && e < entityCount);
    for (const e of lone) check(e >= 0 && e < entityCount);
    for (let k = 0; k < spans.length; k += 4) {
      const e = spans[k + 2];
      check(spans[k] <= spans[k + 1] && e >= 0 && e < entityCount && spans[k + 3] >= 0 && spans[k + 3] < entityRefs[e].forms.length);
    }
    return { entities: entityRefs, full, lone, spans };
  }

  /** What idsFor holds for `strings` (and `kindOf`, when given): made anew when asked about others. */
  function idsIn(strings: StringIds, kindOf?: (id: string) => MentionKind | undefined): IdsIn {
    if (idsFor?.strings !== strings)
      idsFor = { strings, ids: new Int32Array(ends.length).fill(-1), idOf: i => idIn(strings, i), forms: [], kindOf: undefined, kinds: undefined };
    if (kindOf && idsFor.kindOf !== kindOf) {
      idsFor.kindOf = kindOf;
      idsFor.kinds = new Int8Array(ends.length).fill(UNKNOWN_KIND);
    }
    return idsFor;
  }

  /** The StringIds id of string i. */
  function idIn(strings: StringIds, i: number): number {
    const { ids } = idsIn(strings);
    check(i >= 0 && i < ids.length);
    return ids[i] >= 0 ? ids[i] : (ids[i] = strings.id(str(i)));
  }

  function published(from: number, idsAt: number, kindOf: (id: string) => MentionKind | undefined, strings: StringIds, slab: Int32Slab): Published | undefined {
    if (n[from + SPANS] > 4 * STEP_UNITS) return undefined;
    // the same arrays for every document: typed ones cost microseconds each to make, and plain ones
    // made the collector copy them (a warm start publishes 100,000 documents)
    const parts = publishedParts(from, idsAt, kindOf, strings, scratchFor(n[from + ENTITIES], n[from + DATES]));
    return parts && { ids: parts.ids, kinds: parts.kinds, rows: MentionRows.merged(parts.merge, strings, slab) };
  }

  function* publishedSteps(
    from: number,
    idsAt: number,
    kindOf: (id: string) => MentionKind | undefined,
    strings: StringIds,
    slab: Int32Slab,
  ): Steps<Published | undefined> {
    // arrays of its own: another document may be published between its steps
    const parts = publishedParts(from, idsAt, kindOf, strings, newScratch(n[from + ENTITIES], n[from + DATES]));
    return parts && { ids: parts.ids, kinds: parts.kinds, rows: yield* MentionRows.mergedSteps(parts.merge, strings, slab) };
  }

  /** What publishing the document whose record is at `from` takes (its ids, kinds and what MentionRows merges), `scratch` filled; undefined when its ids do not hold. */
  function publishedParts(
    from: number,
    idsAt: number,
    kindOf: (id: string) => MentionKind | undefined,
    strings: StringIds,
    scratch: Scratch,
  ): { ids: string[]; kinds: MentionKind[]; merge: MergeInput } | undefined {
    const dateCount = n[from + DATES];
    const entityCount = n[from + ENTITIES];
    const datesAt = listAt(n, from, DATES);
    const entitiesAt = listAt(n, from, ENTITIES);
    const spansAt = listAt(n, from, SPANS);
    const spansEnd = spansAt + n[from + SPANS];
    // its ids as ids() has them (none when they are out of range)
    const ids = head.links ? unlessCorrupt(() => strs(idsAt, entityCount)) : undefined;
    if (!ids) return undefined;
    const cache = idsIn(strings, kindOf);
    const kindsOfIds = cache.kinds!;
    const kinds = new Array<MentionKind>(entityCount);
    const { keys, kindCodes, forms, dates } = scratch;
    for (let e = 0; e < entityCount; e++) {
      const x = n[entitiesAt + e];
      const local = entity(x);
      const id = n[idsAt + e];
      let kind = kindsOfIds[id];
      if (kind === UNKNOWN_KIND) {
        const given = kindOf(ids[e]);
        kindsOfIds[id] = kind = given === undefined ? OWN_KIND : MENTION_KINDS.indexOf(given);
      }
      kinds[e] = kind === OWN_KIND ? local.kind : MENTION_KINDS[kind];
      keys[e] = idIn(strings, id);
      kindCodes[e] = nameKindCode(kinds[e]);
      forms[e] = cache.forms[x] ??= local.forms.map(f => strings.id(f));
    }
    for (let k = 0, j = datesAt; k < dateCount * DATE_WIDTH; k += DATE_WIDTH, j += DATE_NUMBERS) {
      const value = n[j + 3];
      dates[k] = n[j];
      dates[k + 1] = n[j + 1];
      dates[k + 2] = idIn(strings, n[j + 2]);
      dates[k + 3] = dateKey(value === UNDEFINED ? undefined : value === NULL ? null : value, cache.idOf);
    }
    for (let k = spansAt; k < spansEnd; k += 4) {
      const e = n[k + 2];
      check(n[k] <= n[k + 1] && e >= 0 && e < entityCount && n[k + 3] >= 0 && n[k + 3] < forms[e].length);
    }
    return { ids, kinds, merge: { spans: n, from: spansAt, to: spansEnd, dates, dateCount, forms, keys, kindCodes } };
  }

  /** The reader's arrays for publishedSteps, large enough for a document of `entityCount` entities and `dateCount` dates. */
  function scratchFor(entityCount: number, dateCount: number): Scratch {
    if (scratch.keys.length < entityCount || scratch.dates.length < dateCount * DATE_WIDTH)
      scratch = newScratch(Math.max(entityCount, 2 * scratch.keys.length), Math.max(dateCount, scratch.dates.length / 2));
    return scratch;
  }
}

/** Where list `length` (SURNAMES to SPANS, or LISTS_END) of the document record at `from` starts: its lists follow its FIELDS in the order of their lengths. */
function listAt(n: Int32Array, from: number, length: number): number {
  let at = from + FIELDS;
  for (let f = SURNAMES; f < length; f++) at += f === DATES ? DATE_NUMBERS * n[from + f] : n[from + f];
  return at;
}

function unlessCorrupt<T>(run: () => T): T | undefined {
  try {
    return run();
  } catch (e) {
    if (e instanceof Corrupt) return undefined;
    throw e;
  }
}

// A text that exercises names, linking and dates: its analysis changes when the recognizer does,
// and a snapshot written by another recognizer is not used. So do the limits on long texts.
const PROBE = [
  'SEOUL, Jan. 4 (Wire) -- President Lee Jae-myung met Xi Jinping in Beijing on Monday, the Foreign Ministry said.',
  'Lee and Xi agreed to meet again next month. The United Nations (UN) welcomed the talks; Mr. Kim of Samsung Electronics',
  'said in 2025 that the Korea-China summit of early 2026 would follow the APEC meeting in Gyeongju two years ago.',
].join('\n');
let fingerprint: string | undefined;

/** A fingerprint of the recognizer (and of the limits on long texts) this code has: what a snapshot records. */
export function recognizerFingerprint(): string {
  return (fingerprint ??= contentHash(
    JSON.stringify([analyze([{ path: 'probe', text: PROBE }], { defaultDct: '2026-01-05' }), MAX_ANALYZED_CHARS, PIECE_CHARS]),
  ));
}
