/**
 * Which spans of a document an export writes (README.md, "What is exported"):
 * - annotations `confirmed` and `disputed`; `suggested` ones with `includeSuggestions`; `rejected`
 *   ones with `includeRejected`;
 * - with `includeSuggestions`, recognized mentions that no annotation covers, as `suggested`. An
 *   annotation covers a mention when it has the same span (whatever its label or status: a
 *   rejected annotation keeps the mention out), or overlaps it with the mention's kind as label;
 * - an annotation whose stored offsets no longer hold its quote is re-anchored (`reanchor`); one
 *   that cannot be found is left out and reported;
 * - entity ids go through the registry's merges (a merged id becomes the surviving one); mentions
 *   of "not an entity" decisions are not suggested.
 */
import { reanchor, targetFor } from '../annotations/anchoring';
import type { Annotation } from '../annotations/model';
import type { Registry } from '../corpus/registry';
import type { ExportDocument, ExportOptions, ExportProblem, ExportSpan } from './types';

/** Registry look-ups the exporters need. */
export interface EntityResolver {
  /** The surviving id of `id` (itself unless merged into another). */
  canonical(id: string): string;
  /** The canonical name of entity `id`, when the registry has one. */
  name(id: string): string | undefined;
  /** True when the registry marks the entity or the surface form as not an entity. */
  notEntity(id: string | undefined, text: string): boolean;
}

export function entityResolver(registry: Registry | undefined): EntityResolver {
  const into = new Map<string, string>();
  const names = new Map<string, string>();
  const notIds = new Set<string>();
  for (const e of registry?.entities ?? []) {
    for (const m of e.merged) into.set(m, e.id);
    if (e.name) names.set(e.id, e.name);
    if (e.notEntity) notIds.add(e.id);
  }
  const notForms = new Set((registry?.notEntities ?? []).map(s => s.toLowerCase()));
  const canonical = (id: string): string => {
    let at = id;
    const seen = new Set<string>();
    while (into.has(at) && !seen.has(at)) {
      seen.add(at);
      at = into.get(at)!;
    }
    return at;
  };
  return {
    canonical,
    name: id => names.get(canonical(id)),
    notEntity: (id, text) => (id !== undefined && notIds.has(canonical(id))) || notForms.has(text.toLowerCase()),
  };
}

/** The spans of `doc` to export, in position order (start, end, label), and what was left out. */
export function selectSpans(doc: ExportDocument, options: ExportOptions, resolver: EntityResolver, problems: ExportProblem[]): ExportSpan[] {
  const { text } = doc;
  const spans: ExportSpan[] = [];
  const placed: { start: number; end: number; label: string }[] = [];
  for (const a of doc.annotations) {
    const at = locate(text, a);
    if (!at) {
      problems.push({ path: doc.path, annotation: a.id, message: `annotation "${a.target.quote}" is no longer in the text; left out` });
      continue;
    }
    placed.push({ start: at.start, end: at.end, label: a.label });
    if (a.status === 'rejected' && !options.includeRejected) continue;
    if (a.status === 'suggested' && !options.includeSuggestions) continue;
    const target = targetFor(text, at.start, at.end); // context as the text is now
    spans.push({
      id: a.id,
      start: at.start,
      end: at.end,
      quote: text.slice(at.start, at.end),
      prefix: target.prefix,
      suffix: target.suffix,
      label: a.label,
      ...(a.entity ? { entity: resolver.canonical(a.entity) } : {}),
      status: a.status,
      ...(a.note !== undefined ? { note: a.note } : {}),
      ...(a.author !== undefined ? { author: a.author } : {}),
      ...(a.created !== undefined ? { created: a.created } : {}),
      ...(a.modified !== undefined ? { modified: a.modified } : {}),
      thread: a.thread ?? [],
      fromMention: false,
      ...(a.links?.length ? { links: a.links.map(l => ({ path: besidePath(doc.path, l.document), quote: l.quote, prefix: l.prefix, suffix: l.suffix })) } : {}),
    });
  }
  if (options.includeSuggestions) {
    for (const m of doc.mentions ?? []) {
      if (!(Number.isInteger(m.start) && Number.isInteger(m.end) && m.start >= 0 && m.start < m.end && m.end <= text.length)) continue;
      const quote = text.slice(m.start, m.end);
      if (resolver.notEntity(m.entity, quote)) continue;
      const covered = placed.some(p => (p.start === m.start && p.end === m.end) || (p.label === m.kind && p.start < m.end && m.start < p.end));
      if (covered) continue;
      const t = targetFor(text, m.start, m.end);
      spans.push({
        start: t.start,
        end: t.end,
        quote: t.quote,
        prefix: t.prefix,
        suffix: t.suffix,
        label: m.kind,
        ...(m.entity ? { entity: resolver.canonical(m.entity) } : {}),
        status: 'suggested',
        thread: [],
        fromMention: true,
      });
      placed.push({ start: t.start, end: t.end, label: m.kind });
    }
  }
  return spans.sort(compareSpans);
}

export function compareSpans(a: ExportSpan, b: ExportSpan): number {
  return (
    a.start - b.start ||
    a.end - b.end ||
    (a.label < b.label ? -1 : a.label > b.label ? 1 : 0) ||
    ((a.id ?? '') < (b.id ?? '') ? -1 : (a.id ?? '') > (b.id ?? '') ? 1 : 0)
  );
}

/** Where the annotation is in `text` now, or undefined when it cannot be found. */
function locate(text: string, a: Annotation): { start: number; end: number } | undefined {
  const r = reanchor(text, a.target);
  if (r.orphan) return undefined;
  return { start: r.start, end: r.end };
}

/** A short reference to a span for problems: its id, or `start-end` for a mention. */
export function spanRef(s: ExportSpan): string {
  return s.id ?? `${s.start}-${s.end}`;
}

/**
 * `path` checked and normalised for use as an output file name: backslashes become '/', and a
 * path that is empty, absolute, has a drive letter or a `..` or `.` segment is refused (an export
 * must never write outside its output folder).
 */
export function checkRelativePath(path: string): string {
  const p = path.replace(/\\/g, '/');
  const segments = p.split('/');
  if (p === '' || p.startsWith('/') || /^[A-Za-z]:/.test(p) || segments.some(s => s === '' || s === '.' || s === '..') || /[\0\r\n]/.test(p)) {
    throw new TypeError(`export: document path must be relative and '/'-separated: ${JSON.stringify(path)}`);
  }
  return p;
}

/** `relative` (a link's document, relative to the folder of `path`) as a path from the same root, '/'-separated. */
export function besidePath(path: string, relative: string): string {
  const parts = path.split('/').slice(0, -1);
  for (const part of relative.split('/')) {
    if (part === '..') parts.pop();
    else if (part && part !== '.') parts.push(part);
  }
  return parts.join('/');
}
