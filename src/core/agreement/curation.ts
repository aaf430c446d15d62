/**
 * Settling a disagreement: the reviewers' spans of one unit are replaced, in the workspace's
 * sidecar, by the curated annotation(s), whose record (curationRecord.ts) keeps every original, so
 * agreement before curation can still be computed. Pure: the host writes the result through its
 * annotation store.
 */
import { targetFor } from '../annotations/anchoring';
import { newAnnotationId, type IdGenerator } from '../annotations/ids';
import type { Annotation, AnnotationStatus, Reply } from '../annotations/model';
import { curationFields, curationOf, originalKey, type CurationDecisionKind, type CurationOriginal } from './curationRecord';
import type { Disagreement } from './disagreements';
import type { ReviewSpan } from './model';

/**
 * - `take`: one reviewer's version (a reviewer with no span there: nothing, as `neither`);
 * - `both`: every distinct version the reviewers gave (span, label, entity), each its own annotation;
 * - `neither`: nothing; a `rejected` annotation keeps the record;
 * - `edit`: the curator's own span, label and entity;
 * - `agreed`: the reviewers agree; their identical annotations become one.
 */
export type CurationChoice =
  | { decision: 'take'; reviewer: string }
  | { decision: 'both' }
  | { decision: 'neither' }
  | { decision: 'edit'; start: number; end: number; label: string; entity?: string; note?: string }
  | { decision: 'agreed' };

export interface CurationContext {
  /** The article's current text. */
  text: string;
  /** The annotations now in the workspace's sidecar of the article. */
  annotations: readonly Annotation[];
  /** Who settles it. */
  curator: string;
  /** ISO 8601 time of the curation. */
  now: string;
  generateId?: IdGenerator;
}

export interface CurationResult {
  /** Ids of annotations to remove from the workspace's sidecar. */
  remove: string[];
  /** The curated annotations to add to it. */
  add: Annotation[];
}

/** What settling `unit` with `choice` changes in the workspace's sidecar. */
export function curate(unit: Disagreement, choice: CurationChoice, context: CurationContext): CurationResult {
  const { text, annotations } = context;
  const keys = new Set(unit.spans.map(originalKey));
  // Curated annotations whose records hold these spans: curating again replaces them all ("both"
  // made several with the same record).
  const replaced = annotations.filter(a => curationOf(a)?.from.some(o => keys.has(originalKey(o))));
  const here = new Set(unit.spans.filter(s => s.origin.in === 'sidecar').map(s => s.id));
  const remove = [...new Set([...annotations.filter(a => here.has(a.id)).map(a => a.id), ...replaced.map(a => a.id)])];
  const from = unit.spans.map(recordOf);
  const thread = mergedThreads(annotations.filter(a => remove.includes(a.id)));
  const taken = new Set(annotations.map(a => a.id).filter(id => !remove.includes(id)));
  const make = (decision: CurationDecisionKind, spec: Version, author: string | undefined): Annotation => {
    const id = newAnnotationId(taken, context.generateId);
    taken.add(id);
    return {
      id,
      target: targetFor(text, spec.start, spec.end),
      label: spec.label,
      ...(spec.entity !== undefined ? { entity: spec.entity } : {}),
      status: spec.status,
      ...(spec.note !== undefined ? { note: spec.note } : {}),
      thread: thread.map(r => ({ ...r })),
      ...(author !== undefined ? { author } : {}),
      created: context.now,
      modified: context.now,
      extra: curationFields({ curatedBy: context.curator, decision, from }),
    };
  };
  const verdict = (s: ReviewSpan): Version => ({ ...s, status: s.status === 'rejected' ? 'rejected' : 'confirmed' });
  const nothing = (): CurationResult => {
    const first = unit.spans[0];
    return { remove, add: [make('neither', { start: first.start, end: first.end, label: first.label, status: 'rejected' }, context.curator)] };
  };
  switch (choice.decision) {
    case 'take': {
      const chosen = unit.spans.filter(s => s.reviewer === choice.reviewer);
      if (chosen.length === 0) return nothing();
      return { remove, add: chosen.map(s => make('take', verdict(s), s.author)) };
    }
    case 'agreed':
      return { remove, add: [make('agreed', verdict(unit.spans[0]), unit.spans[0].author)] };
    case 'both': {
      const versions = new Map<string, ReviewSpan>();
      for (const s of unit.spans) {
        if (s.status === 'rejected') continue;
        const key = JSON.stringify([s.start, s.end, s.label, s.entity ?? null]);
        if (!versions.has(key)) versions.set(key, s);
      }
      if (versions.size === 0) return nothing();
      return { remove, add: [...versions.values()].map(s => make('both', verdict(s), s.author)) };
    }
    case 'neither':
      return nothing();
    case 'edit': {
      if (!(
        Number.isSafeInteger(choice.start) &&
        Number.isSafeInteger(choice.end) &&
        0 <= choice.start &&
        choice.start < choice.end &&
        choice.end <= text.length
      )) {
        throw new RangeError(`curate: the edited span ${choice.start}-${choice.end} is not in the text`);
      }
      if (!choice.label) throw new RangeError('curate: the edited annotation needs a label');
      return { remove, add: [make('edit', { ...choice, status: 'confirmed' }, context.curator)] };
    }
  }
}

/** The annotations of a sidecar after `result`: removed ones gone, curated ones added. */
export function applyCuration(annotations: readonly Annotation[], result: CurationResult): Annotation[] {
  const remove = new Set(result.remove);
  return [...annotations.filter(a => !remove.has(a.id)), ...result.add];
}

interface Version {
  start: number;
  end: number;
  label: string;
  entity?: string;
  note?: string;
  status: AnnotationStatus;
}

function recordOf(s: ReviewSpan): CurationOriginal {
  return {
    id: s.id,
    ...(s.author !== undefined ? { author: s.author } : {}),
    ...(s.origin.in === 'elsewhere' ? { source: s.origin.source } : {}),
    label: s.label,
    ...(s.entity !== undefined ? { entity: s.entity } : {}),
    status: s.status,
    start: s.start,
    end: s.end,
    quote: s.quote,
    ...(s.note !== undefined ? { note: s.note } : {}),
  };
}

/** The replies of every replaced annotation, once each, oldest first. */
function mergedThreads(annotations: readonly Annotation[]): Reply[] {
  const seen = new Set<string>();
  const out: Reply[] = [];
  for (const a of annotations) {
    for (const r of a.thread) {
      const key = JSON.stringify([r.author, r.time, r.body]);
      if (seen.has(key)) continue;
      seen.add(key);
      out.push(r);
    }
  }
  return out.sort((x, y) => (x.time < y.time ? -1 : x.time > y.time ? 1 : 0));
}
