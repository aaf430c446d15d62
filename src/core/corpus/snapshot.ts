// What a corpus index writes to disk for a warm start: per document, the part of its analysis that
// depends on its own text (keyed by a hash of it), and the corpus's links when it was linked as a
// whole, so that a warm start whose documents all match needs no relink. Binary (docs/contracts.md,
// "Index snapshot"): numbers in one Int32Array read in place, strings stored once as UTF-16 code
// units (a lone surrogate survives). Reading it walks the documents' records and decodes a
// document's part only when a document with its text arrives; writing and reading go in steps.
import { analyze } from '../analyze';
import { MAX_ANALYZED_CHARS, PIECE_CHARS } from '../limits';
import type { CorpusLinks } from '../linking/linkCorpus';
import type { LocalEntity } from '../linking/linkDocument';
import type { NameKind } from '../names/nameCandidate';
import { STEP_UNITS, type Steps } from '../steps';
import type { Mention } from '../types';
import { contentHash } from './contentHash';
import type { DocumentAnalysis } from './documentAnalysis';
import { Int32Slab } from './int32Slab';
import type { Interner } from './interner';

/** The corpus's links as a snapshot holds them: valid for exactly its documents, all unchanged. */
export interface StoredLinks {
  /** How many documents the snapshot holds (all of them linked together). */
  readonly documents: number;
  readonly links: Omit<CorpusLinks, 'ids'>;
}

/** One document as stored: decoded into a DocumentAnalysis (with shared strings) only when used. */
export interface StoredDocument {
  readonly hash: string;
  readonly dctSource: string;
  readonly model: string;
  /** Undefined when the snapshot turns out to be corrupt there. */
  decode(): DocumentAnalysis | undefined;
  /** The links of the snapshot's corpus, when it was written linked; `ids()` are this document's part of them. */
  readonly links: StoredLinks | undefined;
  ids(): string[] | undefined;
}

/** A document to encode: its analysis, and its entities' ids when the corpus is linked. */
export interface EncodedDocument extends DocumentAnalysis {
  readonly ids: readonly string[] | undefined;
}

/** 'MRGN', little-endian: a snapshot of format 4 or before is JSON text, and starts with `{`. */
const MAGIC = 0x4e47524d;
/** 5: binary, with the corpus's links. 4 (JSON text): each document recorded its names recognizer. */
const FORMAT = 5;
/** Int32 words before the head: magic, format, head bytes, string count, char count, number count. */
const PREAMBLE = 6;
/** Added to an entity's kind number when its kind is a guess. */
const GUESSED = 3;
const KINDS: NameKind[] = ['person', 'organization', 'place'];
const NULL = -1;
const UNDEFINED = -2;
/** A document's record: path, hash, dctSource, model, dct, then the lengths of its lists (below). */
const FIELDS = 13;
/** Numbers per chunk of the documents' spans, once decoded (1 MB). */
const SLAB_CHUNK = 1 << 18;
/** Numbers per chunk of the writer (4 MB): no step copies the whole snapshot. */
const CHUNK = 1 << 20;

interface Head {
  recognizer: string;
  defaultDct: string | null;
  documents: number;
  entities: number;
  links: boolean;
}

/** UTF-16 code units written in chunks, joined in steps at the end. */
class ChunkedWriter<A extends Uint16Array> {
  private readonly chunks: A[] = [];
  private current: A;
  private at = 0;

  constructor(private readonly make: (n: number) => A) {
    this.current = make(CHUNK);
  }

  push(n: number): void {
    if (this.at === CHUNK) {
      this.chunks.push(this.current);
      this.current = this.make(CHUNK);
      this.at = 0;
    }
    this.current[this.at++] = n;
  }

  get length(): number {
    return this.chunks.length * CHUNK + this.at;
  }

  /** Copies everything into `out` from `offset` (in elements), a chunk per step. */
  *copySteps(out: A, offset: number): Steps<void> {
    for (const c of this.chunks) {
      out.set(c, offset);
      offset += CHUNK;
      yield;
    }
    out.set(this.current.subarray(0, this.at) as A, offset);
  }
}

/**
 * Encodes the analyses of documents (by path) in steps; the corpus's links (`links`, with each
 * document's `ids`) go with them when given, which the caller does only when the documents are
 * exactly the corpus they were linked as. `recognizer`: as for decodeSnapshotSteps.
 *
 * Two passes over the same records: the first numbers the strings and counts the numbers, the
 * second writes the numbers into the snapshot's one buffer. Numbers written in chunks and joined
 * at the end held the snapshot twice over (360 MB at 100,000 articles).
 */
export function* encodeSnapshotSteps(
  documents: readonly (readonly [string, EncodedDocument])[],
  defaultDct: string | null,
  links: Omit<CorpusLinks, 'ids'> | undefined,
  recognizer = recognizerFingerprint(),
): Steps<Uint8Array> {
  // what the documents hold now: the second pass must read what the first did
  const records = documents.map(
    ([path, { hash, dctSource, model, dct, dates, surnames, linked, ids }]) => [path, { hash, dctSource, model, dct, dates, surnames, linked, ids }] as const,
  );
  const chars = new ChunkedWriter(n => new Uint16Array(n));
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
  const head: Head = { recognizer, defaultDct, documents: documents.length, entities, links: withLinks };
  const headBytes = new TextEncoder().encode(JSON.stringify(head));
  const headWords = Math.ceil(headBytes.length / 4);
  const numbersAt = PREAMBLE + headWords + ends.length;
  const charsAt = (numbersAt + count) * 2; // in 16-bit units
  const out = new ArrayBuffer(charsAt * 2 + chars.length * 2);
  const words = new Int32Array(out, 0, numbersAt + count);
  words.set([MAGIC, FORMAT, headBytes.length, ends.length, chars.length, count]);
  new Uint8Array(out, PREAMBLE * 4, headBytes.length).set(headBytes);
  words.set(ends, PREAMBLE + headWords);
  yield;
  let at = numbersAt;
  yield* encodeRecords(records, withLinks ? links : undefined, s, n => (words[at++] = n));
  yield* chars.copySteps(new Uint16Array(out, charsAt * 2), 0);
  return new Uint8Array(out);
}

/**
 * The numbers of a snapshot's records, each given to `push` in order (strings as their numbers,
 * `s`), in steps: the entities first, then each document, then the links when given (and every
 * document has its ids). Returns how many entities, and whether the links are in.
 */
function* encodeRecords(
  documents: readonly (readonly [string, EncodedDocument])[],
  links: Omit<CorpusLinks, 'ids'> | undefined,
  s: (v: string | null | undefined) => number,
  put: (n: number) => void,
): Steps<{ entities: number; withLinks: boolean }> {
  const push = (list: readonly number[] | Int32Array) => {
    for (let i = 0; i < list.length; i++) put(list[i]);
  };
  // entities first (an index shares equal entities: by identity is enough)
  const entityIndex = new Map<LocalEntity, number>();
  let units = 0;
  for (const [, a] of documents) {
    for (const e of a.linked.names.entities) {
      if (entityIndex.has(e)) continue;
      entityIndex.set(e, entityIndex.size);
      put(s(e.localId));
      put(KINDS.indexOf(e.kind) + (e.guessed ? GUESSED : 0));
      put(e.words.length);
      put(e.forms.length);
      for (const w of e.words) put(s(w));
      for (const f of e.forms) put(s(f));
      push(e.counts);
      if (++units % STEP_UNITS === 0) yield;
    }
    if (++units % STEP_UNITS === 0) yield;
  }
  const withLinks = links !== undefined && documents.every(([, a]) => a.ids !== undefined);
  for (const [path, a] of documents) {
    const { names, found, missing } = a.linked;
    for (const v of [s(path), s(a.hash), s(a.dctSource), s(a.model), s(a.dct)]) put(v);
    for (const n of [
      a.surnames.length,
      found.length,
      missing.length,
      a.dates.length,
      names.entities.length,
      names.full.length,
      names.lone.length,
      names.spans.length,
    ])
      put(n);
    for (const list of [a.surnames, found, missing]) for (const v of list) put(s(v));
    for (const m of a.dates) {
      put(m.start);
      put(m.end);
      put(s(m.text));
      put(s(m.value));
    }
    for (const e of names.entities) put(entityIndex.get(e)!);
    push(names.full);
    push(names.lone);
    push(names.spans);
    if (withLinks) for (const id of a.ids!) put(s(id));
    units += names.spans.length / 4 + a.dates.length + 1;
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
  }
  return { entities: entityIndex.size, withLinks };
}

/** The parts of a snapshot file, read in place. */
interface Parts {
  head: Head;
  ends: Int32Array;
  numbers: Int32Array;
  chars: Uint16Array;
}

/** The parts of a snapshot, or undefined when it is not one this version writes (an older format, another file, cut short). */
function parts(bytes: Uint8Array): Parts | undefined {
  // typed arrays over the bytes need them aligned
  const buf = bytes.byteOffset % 4 === 0 ? bytes : bytes.slice();
  if (buf.byteLength < PREAMBLE * 4) return undefined;
  const [magic, format, headLength, stringCount, charCount, numberCount] = new Int32Array(buf.buffer, buf.byteOffset, PREAMBLE);
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
  };
}

/** What the documents of one snapshot share: how to decode them, and its links once read. */
interface Reader {
  decode(from: number, doc: StoredDocument): DocumentAnalysis | undefined;
  ids(from: number, count: number): string[] | undefined;
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

  decode(): DocumentAnalysis | undefined {
    return this.reader.decode(this.from, this);
  }

  get links(): StoredLinks | undefined {
    return this.reader.links;
  }

  ids(): string[] | undefined {
    return this.reader.ids(this.idsAt, this.entityCount);
  }
}

/** Thrown while reading a snapshot whose numbers point outside it. */
class Corrupt extends Error {}

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
    entityAt[e] = take(4);
    take(n[at - 2] + 2 * n[at - 1]);
    if (e % STEP_UNITS === STEP_UNITS - 1) yield;
  }
  const entities = new Array<LocalEntity | undefined>(head.entities);
  const entity = (e: number): LocalEntity => {
    check(e >= 0 && e < entities.length);
    const made = entities[e];
    if (made) return made;
    const from = entityAt[e];
    const localId = n[from];
    const kind = n[from + 1];
    const wordCount = n[from + 2];
    const formCount = n[from + 3];
    check(kind >= 0 && kind < 2 * GUESSED);
    const words = strs(from + 4, wordCount);
    const forms = strs(from + 4 + wordCount, formCount);
    const counts = list(from + 4 + wordCount + formCount, formCount);
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
    decode: (from, doc) => unlessCorrupt(() => decodeDocument(from, doc)),
    ids: (from, count) => unlessCorrupt(() => strs(from, count)),
    links: undefined,
  };
  for (let d = 0; d < head.documents; d++) {
    const from = take(FIELDS);
    // the lists' lengths: surnames, found, missing, dates (4 numbers each), entities, full, lone, spans
    const entityCount = n[from + 9];
    take(n[from + 5] + n[from + 6] + n[from + 7] + 4 * n[from + 8] + entityCount + n[from + 10] + n[from + 11] + n[from + 12]);
    const idsAt = take(head.links ? entityCount : 0);
    spanNumbers += n[from + 12];
    out.set(raw(n[from]), new Stored(raw(n[from + 1]), raw(n[from + 2]), raw(n[from + 3]), reader, from, idsAt, entityCount));
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
    reader.links = { documents: head.documents, links: { idOfKey, idsOfSurname, kindOfId } };
  }
  check(at === n.length && out.size === head.documents);
  // the documents' spans, copied out (a view would keep the whole snapshot) into shared chunks, no
  // larger than all of them (a pool of workers sends a snapshot of a few hundred documents each)
  const slab = new Int32Slab(Math.min(SLAB_CHUNK, Math.max(spanNumbers, 1)));
  return out;

  function decodeDocument(from: number, doc: StoredDocument): DocumentAnalysis {
    const dateCount = n[from + 8];
    const entityCount = n[from + 9];
    const spanCount = n[from + 12];
    let i = from + FIELDS;
    const next = (count: number): number => ((i += count), i - count);
    const surnames = strs(next(n[from + 5]), n[from + 5]);
    const found = strs(next(n[from + 6]), n[from + 6]);
    const missing = strs(next(n[from + 7]), n[from + 7]);
    const dates = new Array<Mention>(dateCount);
    for (let k = 0; k < dateCount; k++, i += 4) {
      const value = n[i + 3];
      dates[k] =
        value === UNDEFINED
          ? { start: n[i], end: n[i + 1], text: str(n[i + 2]), kind: 'date' }
          : { start: n[i], end: n[i + 1], text: str(n[i + 2]), kind: 'date', value: value === NULL ? null : str(value) };
    }
    const entityRefs = new Array<LocalEntity>(entityCount);
    for (let k = 0; k < entityCount; k++) entityRefs[k] = entity(n[i + k]);
    i += entityCount;
    const full = list(next(n[from + 10]), n[from + 10]);
    const lone = list(next(n[from + 11]), n[from + 11]);
    const spans = slab.copy(n.subarray(next(spanCount), i));
    // what queries index with must be in range (a garbled number elsewhere gives wrong answers at worst)
    for (const e of full) check(e >= 0 && e < entityCount);
    for (const e of lone) check(e >= 0 && e < entityCount);
    check(spanCount % 4 === 0);
    for (let k = 0; k < spans.length; k += 4)
      check(
        spans[k] <= spans[k + 1] &&
          spans[k + 2] >= 0 &&
          spans[k + 2] < entityCount &&
          spans[k + 3] >= 0 &&
          spans[k + 3] < entityRefs[spans[k + 2]].forms.length,
      );
    return {
      hash: doc.hash,
      dctSource: doc.dctSource,
      model: doc.model,
      dct: optional(n[from + 4]) ?? null,
      dates,
      surnames,
      linked: { names: { entities: entityRefs, full, lone, spans }, found, missing },
    };
  }
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
