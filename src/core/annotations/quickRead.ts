/**
 * A fast reader for sidecars that only need reading (a corpus-wide comparison, a command-line run
 * over thousands of articles): `loadSidecar(text)` gives exactly what `parseSidecar(text)` gives,
 * about ten times faster on the files Marginalia writes. It parses with js-yaml (YAML 1.2 core
 * schema, as sidecar.ts reads) into plain data and builds the annotations from it; whenever the file
 * holds anything the full reader would report (an error, a warning), uses aliases, or js-yaml does
 * not accept it, the full reader (`parseSidecar`) reads it instead, with positions for its problems.
 * test/unit/annotations.quickRead.test.ts checks the two agree.
 */
import { CORE_SCHEMA, load } from 'js-yaml';
import { ANNOTATION_STATUSES, SIDECAR_VERSION, type Annotation, type AnnotationStatus, type ParsedSidecar, type Reply, type TextQuoteTarget } from './model';
import { ANNOTATION_KEYS, isIsoDate, parseSidecar, REPLY_KEYS } from './sidecar';

/** `parseSidecar(text)`, faster for plain files (see the module comment). */
export function loadSidecar(text: string): ParsedSidecar {
  return quickRead(text) ?? parseSidecar(text);
}

type Plain = Record<string, unknown>;

/** The sidecar read from plain data; undefined when the full reader must read it. Exported for tests. */
export function quickRead(text: string): ParsedSidecar | undefined {
  let data: unknown;
  try {
    data = load(text, { schema: CORE_SCHEMA, maxAliases: 0 });
  } catch {
    return undefined; // syntax errors, aliases, duplicate keys, empty text: the full reader says what
  }
  if (!isPlain(data) || data.version !== SIDECAR_VERSION) return undefined;
  const parsed: ParsedSidecar = { version: SIDECAR_VERSION, annotations: [], problems: [], writable: true };
  if (data.dct !== undefined && data.dct !== null) {
    if (typeof data.dct !== 'string' || !isIsoDate(data.dct)) return undefined;
    parsed.dct = data.dct;
  }
  const list = data.annotations;
  if (list === undefined || list === null) return parsed;
  if (!Array.isArray(list)) return undefined;
  const ids = new Set<string>();
  for (const item of list) {
    const a = annotation(item);
    if (!a || ids.has(a.id)) return undefined;
    ids.add(a.id);
    parsed.annotations.push(a);
  }
  return parsed;
}

function annotation(item: unknown): Annotation | undefined {
  if (!isPlain(item)) return undefined;
  const id = typeof item.id === 'number' && Number.isSafeInteger(item.id) ? String(item.id) : item.id;
  if (typeof id !== 'string' || id === '') return undefined;
  if (item.links !== undefined) return undefined; // places in other articles: rare, read by the full reader
  const target = targetOf(item.target);
  const label = item.label;
  if (!target || typeof label !== 'string' || label === '') return undefined;
  const status = optional(item.status);
  if (status === false || (status !== undefined && !ANNOTATION_STATUSES.includes(status as AnnotationStatus))) return undefined;
  const entity = optional(item.entity);
  const note = optional(item.note);
  const author = optional(item.author);
  const source = optional(item.source);
  const created = timestamp(item.created);
  const modified = timestamp(item.modified);
  const thread = threadOf(item.thread);
  if (entity === false || note === false || author === false || source === false || created === false || modified === false || !thread) return undefined;
  const a: Annotation = { id, target, label, status: (status as AnnotationStatus | undefined) ?? 'suggested', thread };
  if (entity !== undefined) a.entity = entity;
  if (note !== undefined) a.note = note;
  if (author !== undefined) a.author = author;
  if (source !== undefined) a.source = source;
  if (created !== undefined) a.created = created;
  if (modified !== undefined) a.modified = modified;
  const extra = extraOf(item, ANNOTATION_KEYS);
  if (extra) a.extra = extra;
  return a;
}

function targetOf(value: unknown): TextQuoteTarget | undefined {
  if (!isPlain(value)) return undefined;
  const { quote, start, end } = value;
  const prefix = optional(value.prefix);
  const suffix = optional(value.suffix);
  if (typeof quote !== 'string' || quote === '' || prefix === false || suffix === false) return undefined;
  if (!isOffset(start) || !isOffset(end) || end < start || end - start !== quote.length) return undefined;
  return { quote, prefix: prefix ?? '', suffix: suffix ?? '', start, end };
}

function threadOf(value: unknown): Reply[] | undefined {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) return undefined;
  const replies: Reply[] = [];
  for (const item of value) {
    if (!isPlain(item)) return undefined;
    const { author, body } = item;
    const time = timestamp(item.time);
    if (typeof author !== 'string' || typeof body !== 'string' || typeof time !== 'string') return undefined;
    const extra = extraOf(item, REPLY_KEYS);
    replies.push(extra ? { author, time, body, extra } : { author, time, body });
  }
  return replies;
}

/** A string field that may be absent or null (undefined), or false when it has another type. */
function optional(value: unknown): string | undefined | false {
  if (value === undefined || value === null) return undefined;
  return typeof value === 'string' ? value : false;
}

/** An optional ISO 8601 timestamp; false when it is not one (the full reader warns). */
function timestamp(value: unknown): string | undefined | false {
  const s = optional(value);
  return typeof s === 'string' && Number.isNaN(Date.parse(s)) ? false : s;
}

function extraOf(map: Plain, known: readonly string[]): Record<string, unknown> | undefined {
  let extra: Record<string, unknown> | undefined;
  for (const [key, value] of Object.entries(map)) if (!known.includes(key)) (extra ??= {})[key] = value;
  return extra;
}

function isOffset(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;
}

function isPlain(value: unknown): value is Plain {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
