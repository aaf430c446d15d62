/**
 * W3C Web Annotation (JSON-LD, context http://www.w3.org/ns/anno.jsonld): export and import.
 *
 * Export: one file, `annotations.jsonld`, whose `@graph` holds an `AnnotationCollection` and its
 * `AnnotationPage`s (`first`/`last` on the collection, `partOf`/`next`/`prev`/`startIndex` on the
 * pages; `pageSize` items per page). Each annotation:
 * - `id` `<baseIri><path>#<annotation id>` (suggestions: `#suggestion-<start>-<end>-<label>`,
 *   UTF-16 offsets); `target.source` `<baseIri><path>` (path segments percent-encoded);
 * - `target.selector`: a `TextQuoteSelector` (exact, prefix, suffix) and a
 *   `TextPositionSelector` (start, end in code points, as the specification counts); an annotation
 *   with `links` (a discrepancy) has an array of targets: its own, then one per link (`source` the
 *   other document, a `TextQuoteSelector`);
 * - `body`: `TextualBody`s with `purpose` `tagging` (the label), `oa:assessing` (the status; the
 *   context has no `assessing` term),
 *   `commenting` (the note, `text/markdown`), and for an entity a `SpecificResource` with purpose
 *   `identifying` whose `source` is `urn:marginalia:entity:<id>` (with the registry's name as `label`);
 * - `motivation`: the purposes of its bodies (`tagging`, `identifying`, `oa:assessing`, `commenting`);
 * - `creator` a `Person` with `name` (a `Software` "Marginalia" for recognized mentions),
 *   `created`, `modified`;
 * - each reply is an annotation of its own right after it: `id` `<annotation IRI>/replies/<n>`,
 *   `motivation: replying`, `target` the annotation's IRI, a `TextualBody` (`text/markdown`),
 *   `creator`, `created`.
 *
 * Import accepts that file, a collection with embedded pages, a page, an array of annotations or a
 * single one (any nesting: every object typed `Annotation` is read), in the compact form of the
 * anno.jsonld context (`id`/`@id`, `type`/`@type`, terms with or without the `oa:` prefix).
 */
import { reanchor, targetFor } from '../annotations/anchoring';
import { ANNOTATION_STATUSES, type AnnotationStatus, type Reply } from '../annotations/model';
import { OffsetMap } from './offsets';
import type { EntityResolver } from './select';
import type { ExportDocument, ExportedFile, ExportProblem, ExportSpan, ImportedAnnotation } from './types';

export const ANNO_CONTEXT = 'http://www.w3.org/ns/anno.jsonld';
export const DEFAULT_BASE_IRI = 'urn:marginalia:';
export const ENTITY_IRI_PREFIX = 'urn:marginalia:entity:';
export const W3C_FILE = 'annotations.jsonld';
export const DEFAULT_PAGE_SIZE = 100;

type Json = Record<string, unknown>;

/**
 * oa:assessing is in the Web Annotation vocabulary but the anno.jsonld context has no term for it,
 * so it is written as a compact IRI (a bare `assessing` would expand to a relative IRI).
 */
const ASSESSING = 'oa:assessing';

/** The IRI of a document: `baseIri` + its path with each segment percent-encoded. */
export function documentIri(path: string, baseIri = DEFAULT_BASE_IRI): string {
  return baseIri + path.split('/').map(encodeURIComponent).join('/');
}

/** The IRI of an entity id. */
export function entityIri(id: string): string {
  return ENTITY_IRI_PREFIX + encodeURIComponent(id);
}

/** Collects the annotations of every document and renders the collection at the end. */
export class W3cWriter {
  private readonly items: Json[] = [];
  private annotationCount = 0;

  constructor(
    private readonly resolver: EntityResolver,
    private readonly baseIri = DEFAULT_BASE_IRI,
    private readonly pageSize = DEFAULT_PAGE_SIZE,
  ) {
    if (!Number.isInteger(pageSize) || pageSize < 1) throw new RangeError(`pageSize must be a positive integer: ${pageSize}`);
  }

  document(doc: ExportDocument, spans: readonly ExportSpan[]): void {
    const source = documentIri(doc.path, this.baseIri);
    const map = new OffsetMap(doc.text);
    for (const s of spans) {
      const id = `${source}#${encodeURIComponent(s.id ?? `suggestion-${s.start}-${s.end}-${s.label}`)}`;
      const body: Json[] = [{ type: 'TextualBody', purpose: 'tagging', value: s.label }];
      if (s.entity) {
        const name = this.resolver.name(s.entity);
        body.push({ type: 'SpecificResource', purpose: 'identifying', source: entityIri(s.entity), ...(name ? { label: name } : {}) });
      }
      body.push({ type: 'TextualBody', purpose: ASSESSING, value: s.status });
      if (s.note !== undefined && s.note !== '') body.push({ type: 'TextualBody', purpose: 'commenting', value: s.note, format: 'text/markdown' });
      const annotation: Json = {
        id,
        type: 'Annotation',
        motivation: body.map(b => b.purpose as string),
        ...creator(s.fromMention ? undefined : s.author, s.fromMention),
        ...(s.created ? { created: s.created } : {}),
        ...(s.modified ? { modified: s.modified } : {}),
        body,
        target: {
          source,
          selector: [
            { type: 'TextQuoteSelector', exact: s.quote, prefix: s.prefix, suffix: s.suffix },
            { type: 'TextPositionSelector', start: map.toCodePoint(s.start), end: map.toCodePoint(s.end) },
          ],
        },
      };
      // the other places a discrepancy is about: more targets, by their quotes (their texts are not at hand here)
      if (s.links?.length) {
        annotation.target = [
          annotation.target,
          ...s.links.map(l => ({
            source: documentIri(l.path, this.baseIri),
            selector: { type: 'TextQuoteSelector', exact: l.quote, prefix: l.prefix, suffix: l.suffix },
          })),
        ];
      }
      this.items.push(annotation);
      this.annotationCount++;
      s.thread.forEach((r, i) => {
        this.items.push({
          id: `${id}/replies/${i + 1}`,
          type: 'Annotation',
          motivation: 'replying',
          ...creator(r.author, false),
          ...(r.time ? { created: r.time } : {}),
          body: { type: 'TextualBody', value: r.body, format: 'text/markdown' },
          target: id,
        });
      });
    }
  }

  finish(): ExportedFile[] {
    const collectionId = `${this.baseIri}${W3C_FILE}`;
    const pageCount = Math.max(1, Math.ceil(this.items.length / this.pageSize));
    const pageId = (n: number): string => `${collectionId}#page-${n}`;
    const pages: Json[] = [];
    for (let n = 1; n <= pageCount; n++) {
      pages.push({
        id: pageId(n),
        type: 'AnnotationPage',
        partOf: collectionId,
        ...(n < pageCount ? { next: pageId(n + 1) } : {}),
        ...(n > 1 ? { prev: pageId(n - 1) } : {}),
        startIndex: (n - 1) * this.pageSize,
        items: this.items.slice((n - 1) * this.pageSize, n * this.pageSize),
      });
    }
    const collection: Json = {
      id: collectionId,
      type: 'AnnotationCollection',
      label: 'Marginalia annotations',
      total: this.items.length,
      generator: { type: 'Software', name: 'Marginalia' },
      first: pageId(1),
      last: pageId(pageCount),
    };
    const content = JSON.stringify({ '@context': ANNO_CONTEXT, '@graph': [collection, ...pages] }, null, 2) + '\n';
    return [{ path: W3C_FILE, content }];
  }

  get spans(): number {
    return this.annotationCount;
  }
}

function creator(author: string | undefined, software: boolean): Json {
  if (software) return { creator: { type: 'Software', name: 'Marginalia' } };
  return author ? { creator: { type: 'Person', name: author } } : {};
}

// ---------------------------------------------------------------------------------------------
// Import

/** A document the import can attach annotations to. */
export interface W3cImportDocument {
  path: string;
  text: string;
}

export interface W3cImportOptions {
  /** As in the export: the prefix of document IRIs. Default `urn:marginalia:`. */
  baseIri?: string;
}

export interface W3cImportResult {
  /** The annotations read, by document path (documents without any are absent). */
  documents: Map<string, ImportedAnnotation[]>;
  problems: ExportProblem[];
}

/**
 * The annotations of a W3C export (JSON text or parsed value), matched to `documents` by their
 * target's `source` (`<baseIri><path>`; else a source ending in `/<path>`; else, with a single
 * document, that one). Positions: the `TextPositionSelector` (code points, converted to UTF-16)
 * when the text there equals the `TextQuoteSelector`'s `exact`; else the quote is searched for
 * with its prefix and suffix (`reanchor`), near the position when there is one. Replies
 * (`motivation: replying`, target an annotation of the input) become that annotation's thread,
 * oldest first; replies to replies join the thread of the annotation they answer.
 */
export function readW3c(input: unknown, documents: readonly W3cImportDocument[], options: W3cImportOptions = {}): W3cImportResult {
  const problems: ExportProblem[] = [];
  let data = input;
  if (typeof input === 'string') {
    try {
      data = JSON.parse(input);
    } catch (e) {
      return { documents: new Map(), problems: [{ path: '', message: `not JSON: ${(e as Error).message}` }] };
    }
  }
  const baseIri = options.baseIri ?? DEFAULT_BASE_IRI;
  const nodes = collectAnnotations(data);
  const byIri = new Map(documents.map(d => [documentIri(d.path, baseIri), d]));
  const findDocument = (source: string): W3cImportDocument | undefined => {
    const exact = byIri.get(source);
    if (exact) return exact;
    let decoded = source;
    try {
      decoded = decodeURI(source);
    } catch {
      /* keep */
    }
    const bySuffix = documents.filter(d => decoded === d.path || decoded.endsWith(`/${d.path}`) || decoded.endsWith(`:${d.path}`));
    if (bySuffix.length > 0) return bySuffix.sort((a, b) => b.path.length - a.path.length)[0];
    return documents.length === 1 ? documents[0] : undefined;
  };

  const replies: Json[] = [];
  const read = new Map<string, { doc: W3cImportDocument; annotation: ImportedAnnotation }>();
  const out = new Map<string, ImportedAnnotation[]>();
  const annotationIds = new Set(nodes.map(idOf).filter((id): id is string => id !== undefined));
  for (const node of nodes) {
    const nodeId = idOf(node);
    const to = targetId(node.target);
    if (terms(node.motivation).includes('replying') || (to !== undefined && annotationIds.has(to))) {
      replies.push(node);
      continue;
    }
    const ref = nodeId ?? '(annotation without id)';
    const target = pickTarget(node.target);
    if (!target) {
      problems.push({ path: '', annotation: ref, message: 'no target with a source and selectors; left out' });
      continue;
    }
    const doc = findDocument(target.source);
    if (!doc) {
      problems.push({ path: '', annotation: ref, message: `no document for source ${target.source}; left out` });
      continue;
    }
    const range = locate(doc.text, target);
    if (!range) {
      problems.push({ path: doc.path, annotation: ref, message: 'its text could not be found in the document; left out' });
      continue;
    }
    const annotation = readBodies(node, problems, doc.path, ref);
    if (!annotation) continue;
    const fragment = nodeId?.startsWith(`${documentIri(doc.path, baseIri)}#`) ? safeDecode(nodeId.slice(nodeId.indexOf('#') + 1)) : undefined;
    const imported: ImportedAnnotation = {
      ...(fragment && !fragment.startsWith('suggestion-') ? { id: fragment } : {}),
      target: targetFor(doc.text, range.start, range.end),
      ...annotation,
      ...creatorOf(node.creator),
      ...(typeof node.created === 'string' ? { created: node.created } : {}),
      ...(typeof node.modified === 'string' ? { modified: node.modified } : {}),
    };
    if (nodeId) read.set(nodeId, { doc, annotation: imported });
    const list = out.get(doc.path) ?? [];
    list.push(imported);
    out.set(doc.path, list);
  }

  // Replies: follow targets up to the annotation they belong to.
  const replyTarget = new Map<string, string>();
  for (const r of replies) {
    const to = targetId(r.target);
    const id = idOf(r);
    if (id && to) replyTarget.set(id, to);
  }
  const rootOf = (id: string): string | undefined => {
    const seen = new Set<string>();
    let at: string | undefined = id;
    while (at && !read.has(at) && !seen.has(at)) {
      seen.add(at);
      at = replyTarget.get(at);
    }
    return at && read.has(at) ? at : undefined;
  };
  const threads = new Map<string, Reply[]>();
  for (const r of replies) {
    const to = targetId(r.target);
    const root = to ? rootOf(to) : undefined;
    if (!root) {
      problems.push({ path: '', annotation: idOf(r), message: 'reply to an annotation not in the input; left out' });
      continue;
    }
    const body = bodyValues(r.body)[0] ?? '';
    const author = creatorOf(r.creator).author ?? '';
    const time = typeof r.created === 'string' ? r.created : '';
    const list = threads.get(root) ?? [];
    list.push({ author, time, body });
    threads.set(root, list);
  }
  for (const [root, list] of threads) {
    if (list.every(r => !Number.isNaN(Date.parse(r.time)))) list.sort((a, b) => Date.parse(a.time) - Date.parse(b.time));
    read.get(root)!.annotation.thread = list;
  }
  return { documents: out, problems };
}

/**
 * Every object typed `Annotation` in `data`, in document order, once per id. Iterative, so that
 * input nested however deeply cannot exhaust the stack.
 */
function collectAnnotations(data: unknown): Json[] {
  const found: Json[] = [];
  const ids = new Set<string>();
  const seen = new Set<unknown>();
  const stack: unknown[] = [data];
  while (stack.length > 0) {
    const v = stack.pop();
    if (Array.isArray(v)) {
      for (let i = v.length - 1; i >= 0; i--) stack.push(v[i]);
      continue;
    }
    if (!v || typeof v !== 'object' || seen.has(v)) continue;
    seen.add(v);
    const o = v as Json;
    if (terms(o.type ?? o['@type']).includes('Annotation')) {
      const id = idOf(o);
      if (id && ids.has(id)) continue;
      if (id) ids.add(id);
      found.push(o);
      continue;
    }
    const values = Object.entries(o)
      .filter(([k]) => k !== '@context')
      .map(([, value]) => value);
    for (let i = values.length - 1; i >= 0; i--) stack.push(values[i]);
  }
  return found;
}

function idOf(o: Json): string | undefined {
  const id = o.id ?? o['@id'];
  return typeof id === 'string' ? id : undefined;
}

/** A term or list of terms, without the `oa:`/`as:` prefix or the full oa/as namespace. */
function terms(v: unknown): string[] {
  const list = Array.isArray(v) ? v : v === undefined || v === null ? [] : [v];
  return list
    .filter((t): t is string => typeof t === 'string')
    .map(t =>
      t
        .replace(/^(?:oa:|as:|http:\/\/www\.w3\.org\/ns\/oa#|https?:\/\/www\.w3\.org\/ns\/activitystreams#)/, '')
        .replace(/^OrderedCollection(Page)?$/, (_m, p) => (p ? 'AnnotationPage' : 'AnnotationCollection')),
    );
}

/** The id a reply's target names (a string, or an object with only an id). */
function targetId(target: unknown): string | undefined {
  const t = Array.isArray(target) ? target[0] : target;
  if (typeof t === 'string') return t;
  if (t && typeof t === 'object' && !('selector' in t) && !('source' in t)) return idOf(t as Json);
  return undefined;
}

interface Selectors {
  source: string;
  quote?: { exact: string; prefix: string; suffix: string };
  position?: { start: number; end: number };
}

function pickTarget(target: unknown): Selectors | undefined {
  for (const t of Array.isArray(target) ? target : [target]) {
    if (!t || typeof t !== 'object') continue;
    const o = t as Json;
    const source = typeof o.source === 'string' ? o.source : o.source && typeof o.source === 'object' ? idOf(o.source as Json) : undefined;
    if (!source) continue;
    const out: Selectors = { source };
    const selectors = Array.isArray(o.selector) ? o.selector : [o.selector];
    for (const s of selectors) {
      if (!s || typeof s !== 'object') continue;
      const sel = s as Json;
      const type = terms(sel.type ?? sel['@type']);
      if (type.includes('TextQuoteSelector') && typeof sel.exact === 'string') {
        out.quote = { exact: sel.exact, prefix: typeof sel.prefix === 'string' ? sel.prefix : '', suffix: typeof sel.suffix === 'string' ? sel.suffix : '' };
      } else if (type.includes('TextPositionSelector')) {
        const start = Number(sel.start),
          end = Number(sel.end);
        if (Number.isInteger(start) && Number.isInteger(end) && start >= 0 && end >= start) out.position = { start, end };
      }
    }
    if (out.quote || out.position) return out;
  }
  return undefined;
}

/** UTF-16 range of the selectors in `text` (see `readW3c`). */
function locate(text: string, s: Selectors): { start: number; end: number } | undefined {
  const map = new OffsetMap(text);
  const position = s.position && s.position.end <= map.codePointLength ? { start: map.toUtf16(s.position.start), end: map.toUtf16(s.position.end) } : undefined;
  if (!s.quote) return position;
  const hint = position?.start ?? 0;
  const r = reanchor(text, { quote: s.quote.exact, prefix: s.quote.prefix, suffix: s.quote.suffix, start: hint, end: hint + s.quote.exact.length });
  if (r.orphan || r.method === 'fuzzy') {
    // Exact selectors only: a fuzzy match would put the annotation on other words.
    return undefined;
  }
  return { start: r.start, end: r.end };
}

function readBodies(node: Json, problems: ExportProblem[], path: string, ref: string): Omit<ImportedAnnotation, 'target'> | undefined {
  const motivations = terms(node.motivation);
  const bodies = Array.isArray(node.body) ? node.body : node.body === undefined ? [] : [node.body];
  let label: string | undefined, entity: string | undefined, status: AnnotationStatus | undefined, note: string | undefined;
  for (const b of bodies) {
    if (typeof b === 'string') {
      // A bare IRI body: an entity when the annotation identifies.
      if (motivations.includes('identifying')) entity ??= entityFromIri(b);
      continue;
    }
    if (!b || typeof b !== 'object') continue;
    const o = b as Json;
    const purposes = terms(o.purpose);
    const purpose = purposes[0] ?? (bodies.length === 1 ? motivations[0] : undefined);
    const value = typeof o.value === 'string' ? o.value : typeof o['rdf:value'] === 'string' ? (o['rdf:value'] as string) : undefined;
    const source = typeof o.source === 'string' ? o.source : typeof o.id === 'string' && value === undefined ? o.id : undefined;
    switch (purpose) {
      case 'tagging':
      case 'classifying':
        if (value !== undefined) label ??= value;
        break;
      case 'identifying':
        entity ??= source !== undefined ? entityFromIri(source) : value;
        break;
      case 'assessing':
        if (value !== undefined && (ANNOTATION_STATUSES as readonly string[]).includes(value)) status ??= value as AnnotationStatus;
        else if (value !== undefined) problems.push({ path, annotation: ref, message: `unknown status "${value}" ignored` });
        break;
      case 'commenting':
      case 'describing':
        if (value !== undefined) note = note === undefined ? value : `${note}\n\n${value}`;
        break;
      default:
        break;
    }
  }
  if (label === undefined || label.trim() === '') {
    problems.push({
      path,
      annotation: ref,
      message: label === undefined ? 'no tagging body (the label); left out' : 'an empty tagging body (the label); left out',
    });
    return undefined;
  }
  return { label, ...(entity ? { entity } : {}), ...(status ? { status } : {}), ...(note !== undefined ? { note } : {}) };
}

function entityFromIri(iri: string): string {
  return iri.startsWith(ENTITY_IRI_PREFIX) ? safeDecode(iri.slice(ENTITY_IRI_PREFIX.length)) : iri;
}

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

function bodyValues(body: unknown): string[] {
  const list = Array.isArray(body) ? body : [body];
  return list.flatMap(b =>
    typeof b === 'string' ? [b] : b && typeof b === 'object' && typeof (b as Json).value === 'string' ? [(b as Json).value as string] : [],
  );
}

function creatorOf(c: unknown): { author?: string } {
  const first = Array.isArray(c) ? c[0] : c;
  if (typeof first === 'string') return { author: first };
  if (first && typeof first === 'object') {
    const o = first as Json;
    if (terms(o.type).includes('Software')) return {};
    const name = o.name ?? o.nickname ?? o.account ?? idOf(o);
    if (typeof name === 'string') return { author: name };
  }
  return {};
}
