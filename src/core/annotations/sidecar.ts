/**
 * Reading and writing sidecar files (`NAME.annotations.yaml`; schema in docs/sidecar-schema.md).
 *
 * Writing edits the parsed YAML document in place, so comments, key order, scalar styles and fields
 * Marginalia does not know survive, and only the lines of annotations that changed are rewritten
 * (two reviewers' edits of different annotations then merge cleanly in git). Pure: the adapters do
 * the file system work (atomic writes, watching).
 */
import {
  Document,
  isAlias,
  isCollection,
  isMap,
  isPair,
  isScalar,
  isSeq,
  LineCounter,
  parseDocument,
  Scalar,
  visit,
  type Node as YamlNode,
  type Pair,
  type ToStringOptions,
  type YAMLMap,
  type YAMLSeq,
} from 'yaml';
import { MAX_YAML_ALIASES } from '../yamlParse';
import { splice3 } from './lineDiff';
import {
  ANNOTATION_STATUSES,
  SIDECAR_VERSION,
  type Annotation,
  type AnnotationLink,
  type AnnotationStatus,
  type ParsedSidecar,
  type Reply,
  type SidecarProblem,
  type TextQuoteTarget,
} from './model';

/** Top-level keys, in the order a new file gets them. */
const TOP_KEYS = ['version', 'dct', 'annotations'];
/** Annotation keys, in the order new annotations get them (quickRead.ts reads the same). */
export const ANNOTATION_KEYS = ['id', 'target', 'label', 'entity', 'status', 'links', 'source', 'note', 'author', 'created', 'modified', 'thread'];
const TARGET_KEYS = ['quote', 'prefix', 'suffix', 'start', 'end'];
export const REPLY_KEYS = ['author', 'time', 'body'];

const PARSE_OPTIONS = { prettyErrors: true, uniqueKeys: true, strict: true, merge: false, version: '1.2' } as const;

/** Thrown by `serializeSidecar` when the original text has errors, or the annotations are invalid. */
export class SidecarWriteError extends Error {
  constructor(
    message: string,
    readonly problems: readonly SidecarProblem[] = [],
  ) {
    super(message);
    this.name = 'SidecarWriteError';
  }
}

// ---------------------------------------------------------------------------------------------
// Reading

interface ReadItem {
  node: YAMLMap;
  annotation: Annotation;
}

interface ReadResult {
  doc: Document.Parsed;
  parsed: ParsedSidecar;
  /** The annotations list node, when the document has one. */
  seq?: YAMLSeq;
  items: ReadItem[];
}

class Reader {
  readonly problems: SidecarProblem[] = [];
  constructor(
    readonly doc: Document.Parsed,
    readonly lines: LineCounter,
  ) {}

  report(node: YamlNode | Pair | null | undefined, message: string, severity: 'error' | 'warning', path: (string | number)[]): void {
    const range = isPair(node) ? (node.key as YamlNode | null)?.range : (node as YamlNode | null | undefined)?.range;
    const start = this.lines.linePos(range ? range[0] : 0);
    const end = range ? this.lines.linePos(range[1]) : undefined;
    this.problems.push({
      message,
      severity,
      path,
      line: start.line - 1,
      column: start.col - 1,
      ...(end ? { endLine: end.line - 1, endColumn: end.col - 1 } : {}),
    });
  }

  /** The value node of `key` in `map`, following one alias. */
  value(map: YAMLMap, key: string): YamlNode | null | undefined {
    const pair = findPair(map, key);
    if (!pair) return undefined;
    const v = pair.value as YamlNode | null;
    return isAlias(v) ? (v.resolve(this.doc) ?? null) : v;
  }

  string(map: YAMLMap, key: string, path: (string | number)[], required: boolean): string | undefined {
    const node = this.value(map, key);
    if (node === undefined || (isScalar(node) && node.value === null) || node === null) {
      if (required) this.report(node ?? map, `'${key}' is required`, 'error', [...path, key]);
      return undefined;
    }
    if (isScalar(node) && typeof node.value === 'string') return node.value;
    this.report(node, `'${key}' must be a string`, 'error', [...path, key]);
    return undefined;
  }

  integer(map: YAMLMap, key: string, path: (string | number)[]): number | undefined {
    const node = this.value(map, key);
    if (isScalar(node) && typeof node.value === 'number' && Number.isSafeInteger(node.value) && node.value >= 0) return node.value;
    this.report(node ?? map, node == null ? `'${key}' is required` : `'${key}' must be a whole number >= 0`, 'error', [...path, key]);
    return undefined;
  }

  timestamp(map: YAMLMap, key: string, path: (string | number)[], required: boolean): string | undefined {
    const s = this.string(map, key, path, required);
    if (s !== undefined && Number.isNaN(Date.parse(s))) this.report(this.value(map, key), `'${key}' is not an ISO 8601 timestamp`, 'warning', [...path, key]);
    return s;
  }

  extra(map: YAMLMap, known: readonly string[]): Record<string, unknown> | undefined {
    let extra: Record<string, unknown> | undefined;
    for (const pair of map.items) {
      const key = keyString(pair);
      if (key === undefined || known.includes(key)) continue;
      const v = pair.value as YamlNode | null;
      (extra ??= {})[key] = v == null ? null : v.toJS(this.doc, { maxAliasCount: MAX_YAML_ALIASES });
    }
    return extra;
  }

  annotation(node: unknown, index: number): Annotation | undefined {
    const path: (string | number)[] = ['annotations', index];
    if (!isMap(node)) {
      this.report(node as YamlNode, 'an annotation must be a mapping', 'error', path);
      return undefined;
    }
    const idNode = this.value(node, 'id');
    let id: string | undefined;
    if (isScalar(idNode) && (typeof idNode.value === 'string' || (typeof idNode.value === 'number' && Number.isSafeInteger(idNode.value)))) {
      id = String(idNode.value);
    }
    if (!id) {
      this.report(idNode ?? node, "'id' is required (a non-empty string)", 'error', [...path, 'id']);
      return undefined;
    }
    const target = this.target(node, [...path, 'target']);
    const label = this.string(node, 'label', path, true);
    if (label === '') this.report(this.value(node, 'label'), "'label' must not be empty", 'error', [...path, 'label']);
    const entity = this.string(node, 'entity', path, false);
    let status: AnnotationStatus = 'suggested';
    const statusText = this.string(node, 'status', path, false);
    if (statusText !== undefined) {
      if ((ANNOTATION_STATUSES as readonly string[]).includes(statusText)) status = statusText as AnnotationStatus;
      else this.report(this.value(node, 'status'), `'status' must be one of ${ANNOTATION_STATUSES.join(', ')}`, 'error', [...path, 'status']);
    }
    const source = this.string(node, 'source', path, false);
    const note = this.string(node, 'note', path, false);
    const author = this.string(node, 'author', path, false);
    const created = this.timestamp(node, 'created', path, false);
    const modified = this.timestamp(node, 'modified', path, false);
    const thread = this.thread(node, [...path, 'thread']);
    const links = this.links(node, [...path, 'links']);
    const extra = this.extra(node, ANNOTATION_KEYS);
    if (!target) return undefined;
    const a: Annotation = { id, target, label: label ?? '', status, thread };
    if (entity !== undefined) a.entity = entity;
    if (links !== undefined) a.links = links;
    if (source !== undefined) a.source = source;
    if (note !== undefined) a.note = note;
    if (author !== undefined) a.author = author;
    if (created !== undefined) a.created = created;
    if (modified !== undefined) a.modified = modified;
    if (extra) a.extra = extra;
    return a;
  }

  target(map: YAMLMap, path: (string | number)[]): TextQuoteTarget | undefined {
    const node = this.value(map, 'target');
    if (!isMap(node)) {
      this.report(node ?? map, node == null ? "'target' is required" : "'target' must be a mapping", 'error', path);
      return undefined;
    }
    return this.quoteTarget(node, path);
  }

  /** `links`: a list of mappings, each a document and a text-quote target in it. */
  links(map: YAMLMap, path: (string | number)[]): AnnotationLink[] | undefined {
    const node = this.value(map, 'links');
    if (node == null || (isScalar(node) && node.value === null)) return undefined;
    if (!isSeq(node)) {
      this.report(node, "'links' must be a list of places (document, quote, start, end)", 'error', path);
      return undefined;
    }
    const links: AnnotationLink[] = [];
    node.items.forEach((item, i) => {
      const l = isAlias(item) ? item.resolve(this.doc) : item;
      if (!isMap(l)) {
        this.report(item as YamlNode, 'a link must be a mapping with document, quote, start and end', 'error', [...path, i]);
        return;
      }
      const document = this.string(l, 'document', [...path, i], true);
      if (document === '') this.report(this.value(l, 'document'), "'document' must not be empty", 'error', [...path, i, 'document']);
      const target = this.quoteTarget(l, [...path, i]);
      if (document && target) links.push({ document, ...target });
    });
    return links;
  }

  /** quote, prefix, suffix, start, end of a mapping (a target, or a link). */
  quoteTarget(node: YAMLMap, path: (string | number)[]): TextQuoteTarget | undefined {
    const quote = this.string(node, 'quote', path, true);
    const prefix = this.string(node, 'prefix', path, false) ?? '';
    const suffix = this.string(node, 'suffix', path, false) ?? '';
    const start = this.integer(node, 'start', path);
    const end = this.integer(node, 'end', path);
    if (quote === undefined || start === undefined || end === undefined) return undefined;
    if (end < start) {
      this.report(this.value(node, 'end'), "'end' must not be less than 'start'", 'error', [...path, 'end']);
      return undefined;
    }
    if (quote === '')
      this.report(this.value(node, 'quote'), "'quote' is empty: the annotation cannot be found again once the text changes", 'warning', [...path, 'quote']);
    if (end - start !== quote.length) {
      this.report(
        this.value(node, 'end'),
        `'end' - 'start' is ${end - start} but the quote has ${quote.length} UTF-16 code units; the annotation will be re-anchored by its quote`,
        'warning',
        [...path, 'end'],
      );
    }
    return { quote, prefix, suffix, start, end };
  }

  thread(map: YAMLMap, path: (string | number)[]): Reply[] {
    const node = this.value(map, 'thread');
    if (node == null || (isScalar(node) && node.value === null)) return [];
    if (!isSeq(node)) {
      this.report(node, "'thread' must be a list of replies", 'error', path);
      return [];
    }
    const replies: Reply[] = [];
    node.items.forEach((item, i) => {
      const r = isAlias(item) ? item.resolve(this.doc) : item;
      if (!isMap(r)) {
        this.report(item as YamlNode, 'a reply must be a mapping with author, time and body', 'error', [...path, i]);
        return;
      }
      const author = this.string(r, 'author', [...path, i], true);
      const time = this.timestamp(r, 'time', [...path, i], true);
      const body = this.string(r, 'body', [...path, i], true);
      const extra = this.extra(r, REPLY_KEYS);
      if (author === undefined || time === undefined || body === undefined) return;
      replies.push(extra ? { author, time, body, extra } : { author, time, body });
    });
    return replies;
  }
}

function keyString(pair: Pair): string | undefined {
  const k = pair.key as unknown;
  if (isScalar(k)) return k.value === null ? undefined : String(k.value);
  if (k === null || k === undefined) return undefined;
  return typeof k === 'object' ? undefined : String(k);
}

function findPair(map: YAMLMap, key: string): Pair | undefined {
  return map.items.find(p => keyString(p) === key);
}

export function isIsoDate(s: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return false;
  const d = new Date(Date.UTC(+m[1], +m[2] - 1, +m[3]));
  return d.getUTCFullYear() === +m[1] && d.getUTCMonth() === +m[2] - 1 && d.getUTCDate() === +m[3];
}

function read(text: string): ReadResult {
  const lines = new LineCounter();
  const doc = parseDocument(text, { ...PARSE_OPTIONS, lineCounter: lines });
  const reader = new Reader(doc, lines);
  const parsed: ParsedSidecar = { version: SIDECAR_VERSION, annotations: [], problems: reader.problems, writable: true };
  const result: ReadResult = { doc, parsed, items: [] };
  for (const e of doc.errors) {
    const [start, end] = e.linePos ?? [lines.linePos(e.pos[0])];
    reader.problems.push({
      message: e.message.split('\n')[0],
      severity: 'error',
      line: start.line - 1,
      column: start.col - 1,
      ...(end ? { endLine: end.line - 1, endColumn: end.col - 1 } : {}),
    });
  }
  for (const w of doc.warnings) {
    const start = w.linePos?.[0] ?? lines.linePos(w.pos[0]);
    reader.problems.push({ message: w.message.split('\n')[0], severity: 'warning', line: start.line - 1, column: start.col - 1 });
  }
  if (doc.errors.length > 0) {
    parsed.writable = false;
    return result;
  }
  try {
    doc.toJS({ maxAliasCount: MAX_YAML_ALIASES });
  } catch (e) {
    reader.report(doc.contents, `the file uses too many aliases (${e instanceof Error ? e.message : String(e)})`, 'error', []);
    parsed.writable = false;
    return result;
  }
  const root = doc.contents;
  if (root === null || (isScalar(root) && root.value === null)) return result;
  if (!isMap(root)) {
    reader.report(root, 'a sidecar must be a mapping with version, dct and annotations', 'error', []);
    parsed.writable = false;
    return result;
  }
  const version = reader.value(root, 'version');
  if (version === undefined) {
    reader.report(root, "'version' is missing; assuming 1", 'warning', ['version']);
  } else if (!isScalar(version) || typeof version.value !== 'number' || !Number.isInteger(version.value) || version.value < 1) {
    reader.report(version, `'version' must be ${SIDECAR_VERSION}`, 'error', ['version']);
  } else if (version.value > SIDECAR_VERSION) {
    parsed.version = version.value;
    reader.report(
      version,
      `version ${version.value} was written by a newer Marginalia; this one reads version ${SIDECAR_VERSION} and will not save over it`,
      'error',
      ['version'],
    );
  }
  const dct = reader.string(root, 'dct', [], false);
  if (dct !== undefined) {
    if (isIsoDate(dct)) parsed.dct = dct;
    else reader.report(reader.value(root, 'dct'), "'dct' must be a date YYYY-MM-DD", 'error', ['dct']);
  }
  const list = reader.value(root, 'annotations');
  if (isSeq(list)) {
    result.seq = list;
    const seen = new Map<string, number>();
    list.items.forEach((item, i) => {
      const a = reader.annotation(item, i);
      if (!a) return;
      if (seen.has(a.id)) {
        reader.report(item as YamlNode, `duplicate id '${a.id}' (also annotation ${seen.get(a.id)! + 1})`, 'error', ['annotations', i, 'id']);
        return;
      }
      seen.set(a.id, i);
      result.items.push({ node: item as YAMLMap, annotation: a });
      parsed.annotations.push(a);
    });
  } else if (list != null && !(isScalar(list) && list.value === null)) {
    reader.report(list, "'annotations' must be a list", 'error', ['annotations']);
  }
  if (reader.problems.some(p => p.severity === 'error')) parsed.writable = false;
  return result;
}

/**
 * Reads a sidecar. Never throws: YAML syntax errors, duplicate keys, alias bombs (more than
 * `MAX_YAML_ALIASES` alias expansions) and schema violations are returned as `problems` with 0-based
 * positions in the YAML text, and any error makes the result `writable: false` (saving over the
 * file could lose what could not be read). Annotations are in file order; those without a usable
 * `id` or `target` are left out. Empty text is an empty, writable sidecar.
 */
export function parseSidecar(text: string): ParsedSidecar {
  // most articles have no sidecar yet: the CLI's analyze of 3,500 of them spent 73 ms parsing nothing
  if (text === '') return { version: SIDECAR_VERSION, annotations: [], problems: [], writable: true };
  return read(text).parsed;
}

// ---------------------------------------------------------------------------------------------
// Writing

/** File-level values to write. */
export interface SerializeMeta {
  /** Publication date YYYY-MM-DD to write; `null` removes it; undefined keeps the file's. */
  dct?: string | null;
}

/** Orders annotations by position: start, then end, then id (code-unit order). */
export function compareAnnotations(a: Annotation, b: Annotation): number {
  return a.target.start - b.target.start || a.target.end - b.target.end || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/**
 * The text of a sidecar holding `annotations` (in position order: `compareAnnotations`) and `meta`.
 * With `originalText` (the file as last read, or as now on disk after `reconcileSidecar`), the
 * document is edited in place: comments, blank lines, key order, quoting styles and unknown fields
 * (top-level, in annotations, targets and replies) survive; annotations whose values did not change
 * keep their lines byte for byte, changed fields are rewritten, new annotations are inserted at their
 * position, annotations absent from `annotations` are removed.
 *
 * Throws `SidecarWriteError` when `originalText` is not `writable` (see `parseSidecar`), or when
 * `annotations` repeat an id, have an unknown status or offsets that are not whole numbers with
 * 0 <= start <= end.
 */
export function serializeSidecar(originalText: string | undefined, annotations: readonly Annotation[], meta: SerializeMeta = {}): string {
  validate(annotations, meta);
  const original = originalText ?? '';
  const bom = original.startsWith('\uFEFF') ? '\uFEFF' : '';
  const source = bom ? original.slice(1) : original;
  const crlf = /\r\n/.test(source);
  const { doc, parsed, seq: existingSeq, items } = read(source);
  if (!parsed.writable)
    throw new SidecarWriteError(
      'the sidecar has errors; fix them before saving',
      parsed.problems.filter(p => p.severity === 'error'),
    );
  const options = stringifyOptions(doc, source);
  const lf = source.replace(/\r\n/g, '\n');
  // What the library renders for the unedited file: when it differs, the file has hand formatting.
  const before = source.trim() === '' || CANONICAL.has(lf) ? undefined : doc.toString(options);

  let root = doc.contents as YAMLMap | null;
  if (!isMap(root)) {
    root = doc.createNode({}) as YAMLMap;
    (doc as Document).contents = root;
  }
  if (!findPair(root, 'version')) setField(doc, root, 'version', SIDECAR_VERSION, TOP_KEYS);
  if (meta.dct !== undefined && (meta.dct ?? undefined) !== parsed.dct) setField(doc, root, 'dct', meta.dct ?? undefined, TOP_KEYS);
  let seq = existingSeq;
  if (!seq) {
    seq = doc.createNode([]) as YAMLSeq;
    setField(doc, root, 'annotations', seq, TOP_KEYS);
  }

  const byId = new Map(items.map(item => [item.annotation.id, item]));
  const nodes: unknown[] = [];
  for (const a of [...annotations].sort(compareAnnotations)) {
    const item = byId.get(a.id);
    if (item) {
      updateAnnotation(doc, item.node, item.annotation, a);
      nodes.push(item.node);
    } else {
      nodes.push(newAnnotationNode(doc, a));
    }
  }
  seq.items = nodes;
  if (nodes.length > 0) seq.flow = false;

  let text: string;
  try {
    text = doc.toString(options);
  } catch (e) {
    throw new SidecarWriteError(`cannot render the sidecar: ${e instanceof Error ? e.message : String(e)}`);
  }
  if (before !== undefined && before !== lf) text = keepHandFormatting(lf, before, text, options);
  else rememberCanonical(text);
  if (crlf) text = text.replace(/\n/g, '\r\n');
  return bom + text;
}

/**
 * Texts this module rendered itself, which the library renders back identically: saving over one
 * of them needs no check for hand formatting (saves a full rendering of the file). Most recent last.
 */
const CANONICAL = new Set<string>();

function rememberCanonical(text: string): void {
  CANONICAL.delete(text);
  CANONICAL.add(text);
  if (CANONICAL.size > 8) CANONICAL.delete(CANONICAL.values().next().value as string);
}

function validate(annotations: readonly Annotation[], meta: SerializeMeta): void {
  const ids = new Set<string>();
  for (const a of annotations) {
    if (typeof a.id !== 'string' || a.id === '') throw new SidecarWriteError('an annotation has no id');
    if (ids.has(a.id)) throw new SidecarWriteError(`duplicate annotation id '${a.id}'`);
    ids.add(a.id);
    const { start, end, quote } = a.target;
    if (!Number.isSafeInteger(start) || !Number.isSafeInteger(end) || start < 0 || end < start) {
      throw new SidecarWriteError(`annotation '${a.id}': offsets must be whole numbers with 0 <= start <= end`);
    }
    if (typeof quote !== 'string') throw new SidecarWriteError(`annotation '${a.id}': the quote must be a string`);
    for (const l of a.links ?? []) {
      if (typeof l.document !== 'string' || !l.document || !Number.isSafeInteger(l.start) || !Number.isSafeInteger(l.end) || l.start < 0 || l.end < l.start) {
        throw new SidecarWriteError(`annotation '${a.id}': a link needs a document and whole-number offsets with 0 <= start <= end`);
      }
    }
    if (typeof a.label !== 'string' || a.label === '') throw new SidecarWriteError(`annotation '${a.id}': the label must not be empty`);
    if (!(ANNOTATION_STATUSES as readonly string[]).includes(a.status)) throw new SidecarWriteError(`annotation '${a.id}': unknown status '${a.status}'`);
    for (const key of ['entity', 'source', 'note', 'author', 'created', 'modified'] as const) {
      if (a[key] !== undefined && typeof a[key] !== 'string') throw new SidecarWriteError(`annotation '${a.id}': '${key}' must be a string`);
    }
    if (!Array.isArray(a.thread) || a.thread.some(r => typeof r?.author !== 'string' || typeof r.time !== 'string' || typeof r.body !== 'string')) {
      throw new SidecarWriteError(`annotation '${a.id}': every reply needs an author, a time and a body`);
    }
  }
  if (typeof meta.dct === 'string' && !isIsoDate(meta.dct)) throw new SidecarWriteError(`dct must be a date YYYY-MM-DD, not '${meta.dct}'`);
}

/** Stringify options matching the original's style where it is easy to tell. */
function stringifyOptions(doc: Document.Parsed, source: string): ToStringOptions {
  const options: ToStringOptions = { lineWidth: 0, indentSeq: true, flowCollectionPadding: true };
  // Block sequences written flush with their key (`annotations:\n- id: ...`) rather than indented.
  const root = doc.contents;
  if (isMap(root)) {
    for (const pair of root.items) {
      const v = pair.value as YamlNode | null;
      const k = pair.key as YamlNode | null;
      if (isSeq(v) && !v.flow && v.items.length > 0 && v.range && k?.range) {
        options.indentSeq = column(source, v.range[0]) > column(source, k.range[0]);
        break;
      }
    }
  }
  // Flow collections written `{a: 1}` rather than `{ a: 1 }`: the first one among the first
  // collections decides (bounded, so that large files without any cost nothing).
  if (/[[{]/.test(source)) {
    let seen = 0;
    visit(doc, {
      Collection(_, node) {
        if (++seen > 200) return visit.BREAK;
        if (!node.flow || node.items.length === 0 || !node.range) return undefined;
        options.flowCollectionPadding = source[node.range[0] + 1] === ' ';
        return visit.BREAK;
      },
    });
  }
  return options;
}

function column(source: string, offset: number): number {
  return offset - (source.lastIndexOf('\n', offset - 1) + 1);
}

/**
 * `edited` is what the YAML library renders for the edited document, `before` what it renders for
 * the unedited one, `original` the file as it was: when the library would reformat lines the
 * reviewer wrote by hand, keep them wherever the edit did not touch them. The result is used only if
 * it renders exactly like `edited` (same data, comments and styles), else `edited` is returned.
 */
function keepHandFormatting(original: string, before: string, edited: string, options: ToStringOptions): string {
  const merged = splice3(before.split('\n'), edited.split('\n'), original.split('\n'), 4000);
  if (!merged) return edited;
  const candidate = merged.join('\n');
  const check = parseDocument(candidate, PARSE_OPTIONS);
  if (check.errors.length > 0) return edited;
  try {
    return check.toString(options) === edited ? candidate : edited;
  } catch {
    return edited;
  }
}

/** Sets `key` in `map` to `value` (undefined removes it), reusing the existing node where possible. */
function setField(doc: Document, map: YAMLMap, key: string, value: unknown, order: readonly string[]): void {
  const index = map.items.findIndex(p => keyString(p) === key);
  if (value === undefined) {
    if (index >= 0) map.items.splice(index, 1);
    return;
  }
  if (index >= 0) {
    const pair = map.items[index];
    const old = pair.value as YamlNode | null;
    if (isScalar(old) && !isCollection(value) && (value === null || typeof value !== 'object')) {
      old.value = value;
      if (typeof value === 'string') old.type = stringStyle(value, old.type);
      return;
    }
    const node = toNode(doc, value);
    if (isCollection(old) && isCollection(node)) node.flow = old.flow;
    if (old && !isAlias(old)) {
      node.comment = old.comment;
      node.commentBefore = old.commentBefore;
      node.spaceBefore = old.spaceBefore;
    }
    pair.value = node;
    return;
  }
  const pair = doc.createPair(key, toNode(doc, value));
  // Insert known keys after the last present key that precedes them in the canonical order.
  const rank = order.indexOf(key);
  let at = map.items.length;
  if (rank >= 0) {
    const lastBefore = findLastIndex(map.items, p => {
      const r = order.indexOf(keyString(p) ?? '');
      return r >= 0 && r < rank;
    });
    const firstAfter = map.items.findIndex(p => order.indexOf(keyString(p) ?? '') > rank);
    if (lastBefore >= 0) at = lastBefore + 1;
    else if (firstAfter >= 0) at = firstAfter;
  }
  map.items.splice(at, 0, pair);
}

function findLastIndex<T>(items: readonly T[], test: (item: T) => boolean): number {
  for (let i = items.length - 1; i >= 0; i--) if (test(items[i])) return i;
  return -1;
}

/** A YAML node for plain data: block style, multi-line strings as literal blocks, no aliases. */
function toNode(doc: Document, value: unknown): YamlNode {
  if (isScalar(value) || isCollection(value)) return value as YamlNode;
  const node = doc.createNode(value, { aliasDuplicateObjects: false }) as YamlNode;
  visit(node, {
    Scalar(_, s) {
      if (typeof s.value === 'string') s.type = stringStyle(s.value, undefined);
    },
  });
  return node;
}

/**
 * The style to write string `value` in, given the style it had. Multi-line text becomes a literal
 * block (`|`) when that represents it exactly, else a double-quoted string; single-line text keeps
 * a quoted or plain style (the YAML library quotes where plain would not read back the same) and
 * leaves block styles.
 */
function stringStyle(value: string, previous: Scalar.Type | undefined): Scalar.Type | undefined {
  if (value.includes('\n')) {
    // Lines of only blanks, CRs and other breaks do not survive a block scalar.
    const blockSafe = !/[\r\u0085\u2028\u2029]/.test(value) && !/(^|\n)[ \t]+(\n|$)/.test(value);
    return blockSafe ? Scalar.BLOCK_LITERAL : Scalar.QUOTE_DOUBLE;
  }
  return previous === Scalar.BLOCK_LITERAL || previous === Scalar.BLOCK_FOLDED ? undefined : previous;
}

function plainTarget(t: TextQuoteTarget): Record<string, unknown> {
  return { quote: t.quote, prefix: t.prefix, suffix: t.suffix, start: t.start, end: t.end };
}

function plainLink(l: AnnotationLink): Record<string, unknown> {
  return { document: l.document, ...plainTarget(l) };
}

function plainReply(r: Reply): Record<string, unknown> {
  return { author: r.author, time: r.time, body: r.body, ...withoutKeys(r.extra, REPLY_KEYS) };
}

function withoutKeys(extra: Record<string, unknown> | undefined, known: readonly string[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(extra ?? {})) if (!known.includes(k) && v !== undefined) out[k] = v;
  return out;
}

function newAnnotationNode(doc: Document, a: Annotation): YamlNode {
  const plain: Record<string, unknown> = { id: a.id, target: plainTarget(a.target), label: a.label };
  if (a.entity !== undefined) plain.entity = a.entity;
  plain.status = a.status;
  if (a.links?.length) plain.links = a.links.map(plainLink);
  if (a.source !== undefined) plain.source = a.source;
  if (a.note !== undefined) plain.note = a.note;
  if (a.author !== undefined) plain.author = a.author;
  if (a.created !== undefined) plain.created = a.created;
  if (a.modified !== undefined) plain.modified = a.modified;
  if (a.thread.length > 0) plain.thread = a.thread.map(plainReply);
  Object.assign(plain, withoutKeys(a.extra, ANNOTATION_KEYS));
  return toNode(doc, plain);
}

function updateAnnotation(doc: Document, node: YAMLMap, current: Annotation, next: Annotation): void {
  if (!sameTarget(current.target, next.target)) {
    const targetPair = findPair(node, 'target')!;
    let target = targetPair.value as YamlNode;
    if (isAlias(target)) {
      target = toNode(doc, plainTarget(current.target));
      targetPair.value = target;
    }
    const map = target as YAMLMap;
    for (const key of TARGET_KEYS) {
      const k = key as keyof TextQuoteTarget;
      if (current.target[k] !== next.target[k]) setField(doc, map, key, next.target[k], TARGET_KEYS);
    }
  }
  for (const key of ['label', 'entity', 'status', 'source', 'note', 'author', 'created', 'modified'] as const) {
    if (current[key] !== next[key]) setField(doc, node, key, next[key], ANNOTATION_KEYS);
  }
  if (!deepEqual(current.links ?? [], next.links ?? []))
    setField(doc, node, 'links', next.links?.length ? next.links.map(plainLink) : undefined, ANNOTATION_KEYS);
  updateThread(doc, node, current.thread, next.thread);
  updateExtra(doc, node, current.extra, next.extra, ANNOTATION_KEYS);
}

function sameTarget(a: TextQuoteTarget, b: TextQuoteTarget): boolean {
  return a.quote === b.quote && a.prefix === b.prefix && a.suffix === b.suffix && a.start === b.start && a.end === b.end;
}

/** Writes the keys of `next` that differ from `current` (keys absent from `next` stay as they are). */
function updateExtra(
  doc: Document,
  node: YAMLMap,
  current: Record<string, unknown> | undefined,
  next: Record<string, unknown> | undefined,
  known: readonly string[],
): void {
  for (const [key, value] of Object.entries(next ?? {})) {
    if (known.includes(key) || value === undefined) continue;
    if (!deepEqual(current?.[key], value)) setField(doc, node, key, value, known);
  }
}

function replyChanged(current: Reply, next: Reply): boolean {
  if (current.author !== next.author || current.time !== next.time || current.body !== next.body) return true;
  return Object.entries(next.extra ?? {}).some(([k, v]) => !REPLY_KEYS.includes(k) && v !== undefined && !deepEqual(current.extra?.[k], v));
}

function updateThread(doc: Document, node: YAMLMap, current: readonly Reply[], next: readonly Reply[]): void {
  if (current.length === next.length && current.every((r, i) => !replyChanged(r, next[i]))) return;
  if (next.length === 0) {
    setField(doc, node, 'thread', undefined, ANNOTATION_KEYS);
    return;
  }
  const pair = findPair(node, 'thread');
  const seq = pair?.value as YamlNode | null | undefined;
  if (!pair || !isSeq(seq)) {
    setField(doc, node, 'thread', next.map(plainReply), ANNOTATION_KEYS);
    return;
  }
  // The file's replies are exactly `current` (the reader refuses files with unreadable replies).
  for (let i = 0; i < next.length; i++) {
    if (i < current.length) {
      if (!replyChanged(current[i], next[i])) continue;
      const item = seq.items[i];
      if (!isMap(item)) {
        seq.items[i] = toNode(doc, plainReply(next[i]));
        continue;
      }
      for (const key of REPLY_KEYS) {
        const k = key as 'author' | 'time' | 'body';
        if (current[i][k] !== next[i][k]) setField(doc, item, key, next[i][k], REPLY_KEYS);
      }
      updateExtra(doc, item, current[i].extra, next[i].extra, REPLY_KEYS);
    } else {
      seq.items.push(toNode(doc, plainReply(next[i])));
    }
  }
  seq.items.length = next.length;
  seq.flow = false;
}

/**
 * Structural equality of plain data (JSON-like values, Dates by time). Iterative and cycle-safe:
 * YAML anchors can make self-referencing values (`x: &a [*a]`), and two values are equal when no
 * difference is found on any path (a pair of objects already being compared is taken as equal).
 */
export function deepEqual(a: unknown, b: unknown): boolean {
  const stack: [unknown, unknown][] = [[a, b]];
  const seen = new Map<object, Set<object>>();
  while (stack.length > 0) {
    const [x, y] = stack.pop()!;
    if (x === y) continue;
    if (typeof x !== 'object' || typeof y !== 'object' || x === null || y === null) {
      if (Number.isNaN(x) && Number.isNaN(y)) continue;
      return false;
    }
    if (x instanceof Date || y instanceof Date) {
      if (x instanceof Date && y instanceof Date && x.getTime() === y.getTime()) continue;
      return false;
    }
    let pairs = seen.get(x);
    if (pairs?.has(y)) continue;
    if (!pairs) seen.set(x, (pairs = new Set()));
    pairs.add(y);
    if (Array.isArray(x) !== Array.isArray(y)) return false;
    if (Array.isArray(x)) {
      const yy = y as unknown[];
      if (x.length !== yy.length) return false;
      for (let i = 0; i < x.length; i++) stack.push([x[i], yy[i]]);
      continue;
    }
    const xr = x as Record<string, unknown>,
      yr = y as Record<string, unknown>;
    const kx = Object.keys(xr).filter(k => xr[k] !== undefined);
    const ky = Object.keys(yr).filter(k => yr[k] !== undefined);
    if (kx.length !== ky.length) return false;
    for (const k of kx) stack.push([xr[k], yr[k]]);
  }
  return true;
}
