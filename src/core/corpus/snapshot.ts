// What a corpus index writes to disk for a warm start: per document, the part of its analysis
// that depends on its own text (keyed by a hash of it), in a compact JSON form. Strings that recur
// (entity keys, words, surface forms, date values) are stored once; numbers are small.
import { analyze } from '../analyze';
import { MAX_ANALYZED_CHARS, PIECE_CHARS } from '../limits';
import type { LocalEntity } from '../linking/linkDocument';
import type { NameKind } from '../names/nameCandidate';
import type { Mention } from '../types';
import { contentHash } from './contentHash';
import type { DocumentAnalysis } from './documentAnalysis';
import type { Interner } from './interner';

/** One document as stored: decoded into a DocumentAnalysis (with shared strings) only when used. */
export interface StoredDocument {
  hash: string;
  dctSource: string;
  model: string;
  decode(): DocumentAnalysis;
}

/** 4: each document records the names recognizer its analysis was made with (DocumentAnalysis.model). */
const FORMAT = 4;
/** Added to an entity's kind number when its kind is a guess. */
const GUESSED = 3;
const KINDS: NameKind[] = ['person', 'organization', 'place'];

/** A document: strings and entities as indices into the snapshot's tables, offsets relative to the one before. */
type Row = [
  path: string,
  hash: string,
  dctSource: string,
  model: string,
  dct: string | null,
  surnames: number[],
  found: number[],
  missing: number[],
  dates: number[],
  entities: number[],
  full: number[],
  lone: number[],
  spans: number[],
];
/** A local entity: local id, kind, words, forms (strings as indices), counts. */
type EntityRow = [localId: number, kind: number, words: number[], forms: number[], counts: number[]];

interface Stored {
  format: number;
  recognizer: string;
  defaultDct: string | null;
  strings: string[];
  entities: EntityRow[];
  documents: Row[];
}

/** Encodes the analyses of documents (by path) as one JSON text. */
export function encodeSnapshot(documents: Iterable<[string, DocumentAnalysis]>, defaultDct: string | null): string {
  const strings: string[] = [];
  const stringIndex = new Map<string, number>();
  const s = (v: string): number => {
    let i = stringIndex.get(v);
    if (i === undefined) {
      stringIndex.set(v, (i = strings.length));
      strings.push(v);
    }
    return i;
  };
  const entities: EntityRow[] = [];
  const entityIndex = new Map<LocalEntity, number>(); // an index shares equal entities: by identity is enough
  const entity = (e: LocalEntity): number => {
    let i = entityIndex.get(e);
    if (i === undefined) {
      entityIndex.set(e, (i = entities.length));
      entities.push([s(e.localId), KINDS.indexOf(e.kind) + (e.guessed ? GUESSED : 0), e.words.map(s), e.forms.map(s), e.counts]);
    }
    return i;
  };
  // rows as text at once: no object graph of the whole corpus is built
  const rows: string[] = [];
  for (const [path, a] of documents) {
    const dates: number[] = [];
    let at = 0;
    for (const m of a.dates) {
      dates.push(m.start - at, m.end - m.start, s(m.text), m.value == null ? -1 : s(m.value));
      at = m.end;
    }
    const { names, found, missing } = a.linked;
    const spans: number[] = [];
    at = 0;
    for (let i = 0; i < names.spans.length; i += 4) {
      spans.push(names.spans[i] - at, names.spans[i + 1] - names.spans[i], names.spans[i + 2], names.spans[i + 3]);
      at = names.spans[i + 1];
    }
    const row: Row = [
      path,
      a.hash,
      a.dctSource,
      a.model,
      a.dct,
      a.surnames.map(s),
      found.map(s),
      missing.map(s),
      dates,
      names.entities.map(entity),
      names.full,
      names.lone,
      spans,
    ];
    rows.push(JSON.stringify(row));
  }
  const head = { format: FORMAT, recognizer: recognizerFingerprint(), defaultDct, strings, entities };
  return `${JSON.stringify(head).slice(0, -1)},"documents":[${rows.join(',')}]}`;
}

/**
 * The documents of a snapshot, by path; empty when it was written by another format or recognizer,
 * or with another default publication date, or cannot be read. Strings and entities are shared
 * through `shared`.
 */
export function decodeSnapshot(json: string, defaultDct: string | null, shared: Interner): Map<string, StoredDocument> {
  const out = new Map<string, StoredDocument>();
  let stored: Stored;
  try {
    stored = JSON.parse(json) as Stored;
  } catch {
    return out;
  }
  if (stored?.format !== FORMAT || stored.recognizer !== recognizerFingerprint() || stored.defaultDct !== defaultDct || !Array.isArray(stored.documents))
    return out;
  const strings = stored.strings.map(v => shared.string(v));
  const str = (i: number): string => strings[i];
  const entities = stored.entities.map(([localId, kind, words, forms, counts]) =>
    shared.entity({
      localId: strings[localId],
      kind: KINDS[kind % GUESSED],
      words: words.map(str),
      forms: forms.map(str),
      counts,
      ...(kind >= GUESSED && { guessed: true }),
    }),
  );
  for (const row of stored.documents) {
    const [path, hash, dctSource, model] = row;
    out.set(path, { hash, dctSource, model, decode: () => decodeRow(row, str, entities) });
  }
  return out;
}

function decodeRow(row: Row, str: (i: number) => string, entities: readonly LocalEntity[]): DocumentAnalysis {
  const [, hash, dctSource, model, dct, surnames, found, missing, flatDates, entityRefs, full, lone, flatSpans] = row;
  const dates: Mention[] = [];
  for (let i = 0, at = 0; i < flatDates.length; i += 4) {
    const start = at + flatDates[i];
    at = start + flatDates[i + 1];
    dates.push({ start, end: at, text: str(flatDates[i + 2]), kind: 'date', value: flatDates[i + 3] < 0 ? null : str(flatDates[i + 3]) });
  }
  const spans = new Int32Array(flatSpans.length);
  for (let i = 0, at = 0; i < flatSpans.length; i += 4) {
    spans[i] = at + flatSpans[i];
    spans[i + 1] = at = spans[i] + flatSpans[i + 1];
    spans[i + 2] = flatSpans[i + 2];
    spans[i + 3] = flatSpans[i + 3];
  }
  return {
    hash,
    dctSource,
    model,
    dct,
    dates,
    surnames: surnames.map(str),
    linked: { names: { entities: entityRefs.map(e => entities[e]), full, lone, spans }, found: found.map(str), missing: missing.map(str) },
  };
}

// A text that exercises names, linking and dates: its analysis changes when the recognizer does,
// and a snapshot written by another recognizer is not used. So do the limits on long texts.
const PROBE = [
  'SEOUL, Jan. 4 (Wire) -- President Lee Jae-myung met Xi Jinping in Beijing on Monday, the Foreign Ministry said.',
  'Lee and Xi agreed to meet again next month. The United Nations (UN) welcomed the talks; Mr. Kim of Samsung Electronics',
  'said in 2025 that the Korea-China summit of early 2026 would follow the APEC meeting in Gyeongju two years ago.',
].join('\n');
let fingerprint: string | undefined;

function recognizerFingerprint(): string {
  return (fingerprint ??= contentHash(
    JSON.stringify([analyze([{ path: 'probe', text: PROBE }], { defaultDct: '2026-01-05' }), MAX_ANALYZED_CHARS, PIECE_CHARS]),
  ));
}
