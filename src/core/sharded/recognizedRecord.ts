// The map step of a sharded analysis (`marginalia recognize`, docs/contracts.md): everything about
// one document that needs that document only, as one line of JSON. `marginalia link` reads the
// lines of all documents and finishes the analysis exactly as `analyze` would.
import { limitWarning } from '../limits';
import type { DocumentNames, LocalEntity } from '../linking/linkDocument';
import { analyzeAlone } from '../analyze';
import type { AnalyzeOptions } from '../recognizeDocument';
import type { Mention, SourceDocument } from '../types';

/** Version of the record format; `link` refuses records of another. */
export const RECORD_VERSION = 1;

/** One recognized document: a line of `recognize`'s output. */
export interface RecognizedRecord {
  /** RECORD_VERSION. */
  recognized: number;
  path: string;
  dct: string | null;
  warnings?: string[];
  dates: Mention[];
  /** Family names of the persons it names in full (what it adds to the corpus's). */
  surnames: string[];
  /** Its names linked within it against its own family names only. */
  names: RecordNames;
  /** The family-name lookups that linking rests on: found, and not found. */
  found: string[];
  missing: string[];
  /** The text, to link again when the corpus's family names answer a lookup otherwise. */
  text: string;
}

/** DocumentNames as JSON: the spans a plain array. */
export type RecordNames = Omit<DocumentNames, 'spans'> & { spans: number[] };

/** The record of one document (its publication date as analyze takes it). */
export function recognizedRecord(doc: SourceDocument, options: AnalyzeOptions = {}): RecognizedRecord {
  const { dct, dates, surnames, linked } = analyzeAlone(doc, options);
  const warning = limitWarning(doc.text);
  return {
    recognized: RECORD_VERSION,
    path: doc.path,
    dct,
    ...(warning ? { warnings: [warning] } : {}),
    dates,
    surnames,
    names: { ...linked.names, spans: Array.from(linked.names.spans) },
    found: linked.found,
    missing: linked.missing,
    text: doc.text,
  };
}

/** The names of a record as linking reads them. */
export function documentNames(names: RecordNames): DocumentNames {
  return { ...names, spans: Int32Array.from(names.spans) };
}

/** A line of `recognize`'s output that is not a record; its message says what is wrong. */
export class RecordError extends Error {}

/** Parses one line of `recognize`'s output; throws RecordError saying what is wrong with it. */
export function parseRecord(line: string): RecognizedRecord {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch (e) {
    throw new RecordError(`not JSON (${(e as Error).message})`);
  }
  if (!isObject(value) || !('recognized' in value)) throw new RecordError('not a record of marginalia recognize');
  if (value.recognized !== RECORD_VERSION)
    throw new RecordError(`record version ${JSON.stringify(value.recognized)}, this link reads version ${RECORD_VERSION}`);
  const r = value as Partial<Record<keyof RecognizedRecord, unknown>>;
  need(typeof r.path === 'string', 'path');
  need(r.dct === null || typeof r.dct === 'string', 'dct');
  need(r.warnings === undefined || stringArray(r.warnings), 'warnings');
  need(Array.isArray(r.dates) && r.dates.every(isMention), 'dates');
  need(stringArray(r.surnames), 'surnames');
  need(stringArray(r.found), 'found');
  need(stringArray(r.missing), 'missing');
  need(typeof r.text === 'string', 'text');
  need(isNames(r.names, (r.text as string).length), 'names');
  return value as unknown as RecognizedRecord;
}

function need(ok: boolean, field: string): void {
  if (!ok) throw new RecordError(`"${field}" is missing or malformed`);
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function stringArray(v: unknown): v is string[] {
  return Array.isArray(v) && v.every(s => typeof s === 'string');
}

function isMention(m: unknown): boolean {
  return isObject(m) && Number.isInteger(m.start) && Number.isInteger(m.end) && typeof m.text === 'string' && m.kind === 'date';
}

function isEntity(e: unknown): e is LocalEntity {
  return (
    isObject(e) &&
    typeof e.localId === 'string' &&
    typeof e.kind === 'string' &&
    stringArray(e.words) &&
    stringArray(e.forms) &&
    Array.isArray(e.counts) &&
    e.counts.length === e.forms.length &&
    e.counts.every(Number.isInteger)
  );
}

/** Linked names whose indexes all point at something, with spans inside a text of `length`. */
function isNames(v: unknown, length: number): boolean {
  if (!isObject(v) || !Array.isArray(v.entities) || !v.entities.every(isEntity)) return false;
  const entities = v.entities as LocalEntity[];
  const index = (i: unknown) => Number.isInteger(i) && (i as number) >= 0 && (i as number) < entities.length;
  if (!Array.isArray(v.full) || !v.full.every(index) || !Array.isArray(v.lone) || !v.lone.every(index)) return false;
  const spans = v.spans;
  if (!Array.isArray(spans) || spans.length % 4 !== 0) return false;
  for (let i = 0; i < spans.length; i += 4) {
    const [start, end, e, f] = [spans[i], spans[i + 1], spans[i + 2], spans[i + 3]];
    if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end < start || end > length || !index(e)) return false;
    if (!Number.isInteger(f) || f < 0 || f >= entities[e as number].forms.length) return false;
  }
  return true;
}
