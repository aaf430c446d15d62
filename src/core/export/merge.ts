/**
 * Merging imported annotations into a sidecar's: the same span (start and end) with the same label
 * is the same annotation, whatever its id. A match takes the import's status, note and entity when
 * the import carries them, and gains the import's replies it lacks; anything else is added, with
 * the import's id when that id is free (W3C), else a new one.
 */
import { newAnnotationId, randomIdGenerator, type IdGenerator } from '../annotations/ids';
import type { Annotation, AnnotationStatus, Reply } from '../annotations/model';
import { compareAnnotations } from '../annotations/sidecar';
import type { ImportedAnnotation } from './types';

export interface MergeImportOptions {
  /** Ids of added annotations (default: random, as for new annotations). */
  generateId?: IdGenerator;
  /** Status of added annotations the import gives none. Default `confirmed` (a human made them). */
  defaultStatus?: AnnotationStatus;
  /** `modified` of changed annotations when the import has none; default `new Date().toISOString()`. */
  now?: () => string;
  /** Author of added annotations the import gives none. */
  author?: string;
  /** `source` of added annotations the import gives none (where the suggestions came from). */
  source?: string;
}

export interface MergeImportResult {
  /** All annotations, in position order (`compareAnnotations`). */
  annotations: Annotation[];
  /** Ids of annotations added. */
  added: string[];
  /** Ids of existing annotations changed. */
  updated: string[];
  /** Imported annotations that changed nothing. */
  unchanged: number;
}

const ID_SHAPE = /^[A-Za-z0-9][A-Za-z0-9_.-]*$/;

/** `existing` with `imported` merged in (see the module comment). Pure. */
export function mergeImported(existing: readonly Annotation[], imported: readonly ImportedAnnotation[], options: MergeImportOptions = {}): MergeImportResult {
  const generate = options.generateId ?? randomIdGenerator();
  const now = options.now ?? (() => new Date().toISOString());
  const out = existing.map(a => ({ ...a, thread: [...(a.thread ?? [])] }));
  const taken = new Set(out.map(a => a.id));
  const key = (start: number, end: number, label: string): string => `${start}:${end}:${label}`;
  const index = new Map<string, number>();
  out.forEach((a, i) => {
    if (!index.has(key(a.target.start, a.target.end, a.label))) index.set(key(a.target.start, a.target.end, a.label), i);
  });
  const added: string[] = [];
  const updated = new Set<string>();
  let unchanged = 0;

  for (const imp of imported) {
    const k = key(imp.target.start, imp.target.end, imp.label);
    const at = index.get(k);
    if (at === undefined) {
      const id = imp.id && ID_SHAPE.test(imp.id) && !taken.has(imp.id) ? imp.id : newAnnotationId(taken, generate);
      taken.add(id);
      const author = imp.author ?? options.author;
      const source = imp.source ?? options.source;
      const a: Annotation = {
        id,
        target: { ...imp.target },
        label: imp.label,
        ...(imp.entity ? { entity: imp.entity } : {}),
        status: imp.status ?? options.defaultStatus ?? 'confirmed',
        ...(source !== undefined ? { source } : {}),
        ...(imp.note !== undefined ? { note: imp.note } : {}),
        thread: [...(imp.thread ?? [])],
        ...(author !== undefined ? { author } : {}),
        ...(imp.created !== undefined ? { created: imp.created } : {}),
        ...(imp.modified !== undefined ? { modified: imp.modified } : {}),
      };
      index.set(k, out.length);
      out.push(a);
      added.push(id);
      continue;
    }
    const a = out[at];
    let changed = false;
    if (imp.status !== undefined && imp.status !== a.status) {
      a.status = imp.status;
      changed = true;
    }
    if (imp.note !== undefined && imp.note !== a.note) {
      a.note = imp.note;
      changed = true;
    }
    if (imp.entity !== undefined && imp.entity !== a.entity) {
      a.entity = imp.entity;
      changed = true;
    }
    const have = new Set(a.thread.map(replyKey));
    for (const r of imp.thread ?? []) {
      if (!have.has(replyKey(r))) {
        a.thread.push({ ...r });
        have.add(replyKey(r));
        changed = true;
      }
    }
    if (changed) {
      if (a.thread.every(r => !Number.isNaN(Date.parse(r.time)))) a.thread.sort((x, y) => Date.parse(x.time) - Date.parse(y.time));
      a.modified = imp.modified ?? now();
      if (!added.includes(a.id)) updated.add(a.id);
    } else {
      unchanged++;
    }
  }
  return { annotations: out.sort(compareAnnotations), added, updated: [...updated], unchanged };
}

const replyKey = (r: Reply): string => JSON.stringify([r.author, r.time, r.body]);
