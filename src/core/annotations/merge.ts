/**
 * Three-way merge of sidecars by annotation id, for "the sidecar changed on disk since it was
 * read": reload, merge, save; the other writer's changes are never overwritten.
 *
 * Rules (also in docs/sidecar-schema.md), field by field, with `base` the version both started from:
 * - changed on one side only: that side's value; changed identically on both: that value;
 * - changed differently on both (a conflict): the file's (`theirs`) value stays, and mine is kept
 *   beside it: `note`: my addition is appended to theirs (both notes, separated by a blank line,
 *   when they did not both extend the base note); `thread`: the union of both sides' replies (a
 *   reply deleted on one side and untouched on the other is deleted); `modified`: the later one;
 *   `label`, `entity`, `status`, `target` (one unit), `links` (one unit): theirs, and my values are recorded in a reply
 *   appended to the thread ("Conflicting change not applied: ...") so nobody's decision is lost;
 *   `author`, `created` and unknown fields: theirs;
 * - an annotation deleted on one side is deleted when the other side left it unchanged, else the
 *   changed version is kept (a change beats a deletion);
 * - an annotation added on both sides with the same id but different content: theirs keeps the
 *   id, mine gets a new one;
 * - `dct`: as a field (theirs on conflict).
 * Every conflict is also listed in the result so the UI can tell the reviewer.
 */
import { newAnnotationId, type IdGenerator } from './ids';
import type { Annotation, Reply, SidecarProblem } from './model';
import { compareAnnotations, deepEqual, parseSidecar, serializeSidecar } from './sidecar';

/** The data of one version of a sidecar. */
export interface SidecarState {
  annotations: readonly Annotation[];
  dct?: string;
}

/** A field both sides changed differently, and what the merge did about it. */
export interface MergeConflict {
  /** Annotation id, or `''` for file-level fields. */
  id: string;
  /** Field name (`note`, `status`, `target`, `extra.x`, `dct`), or `annotation` for delete/change and id clashes. */
  field: string;
  mine: unknown;
  theirs: unknown;
  /** What was kept, in words. */
  resolution: string;
}

export interface MergeOptions {
  /** Author of the replies that record my values that lost a conflict; default mine's `author`, else `marginalia`. */
  author?: string;
  /** Clock for those replies (ISO 8601); default `new Date().toISOString()`. */
  now?: () => string;
  /** Ids for my annotations that clash with theirs. */
  generateId?: IdGenerator;
}

export interface MergeResult {
  /** Merged annotations, in position order. */
  annotations: Annotation[];
  dct?: string;
  conflicts: MergeConflict[];
}

/**
 * Three-way merge of `mine` and `theirs`, both derived from `base` (see the module comment for the
 * rules). Pure; does not modify its arguments.
 */
export function mergeSidecars(base: SidecarState, mine: SidecarState, theirs: SidecarState, options: MergeOptions = {}): MergeResult {
  const conflicts: MergeConflict[] = [];
  const b = new Map(base.annotations.map(a => [a.id, a]));
  const m = new Map(mine.annotations.map(a => [a.id, a]));
  const t = new Map(theirs.annotations.map(a => [a.id, a]));
  const result: Annotation[] = [];
  const ids = new Set<string>([...b.keys(), ...m.keys(), ...t.keys()]);
  const taken = new Set(ids);
  for (const id of ids) {
    const ba = b.get(id),
      ma = m.get(id),
      ta = t.get(id);
    if (ma && ta) {
      if (ba) {
        result.push(mergeAnnotation(ba, ma, ta, conflicts, options));
      } else if (deepEqual(ma, ta)) {
        result.push(ta);
      } else {
        const fresh = newAnnotationId(taken, options.generateId);
        taken.add(fresh);
        result.push(ta, { ...ma, id: fresh });
        conflicts.push({ id, field: 'annotation', mine: ma, theirs: ta, resolution: `both added '${id}': theirs keeps the id, mine is now '${fresh}'` });
      }
    } else if (ma || ta) {
      const kept = (ma ?? ta)!;
      if (!ba) {
        result.push(kept); // added on one side
      } else if (!deepEqual(kept, ba)) {
        result.push(kept);
        conflicts.push({
          id,
          field: 'annotation',
          mine: ma,
          theirs: ta,
          resolution: ma ? 'changed here but deleted on disk: kept' : 'changed on disk but deleted here: kept',
        });
      } // else deleted on one side, unchanged on the other: deleted
    } // else deleted on both sides
  }
  const dct = mergeField(base.dct, mine.dct, theirs.dct);
  if (dct.conflict) conflicts.push({ id: '', field: 'dct', mine: mine.dct, theirs: theirs.dct, resolution: 'theirs kept' });
  const merged: MergeResult = { annotations: result.sort(compareAnnotations), conflicts };
  if (dct.value !== undefined) merged.dct = dct.value;
  return merged;
}

function mergeField<T>(base: T, mine: T, theirs: T): { value: T; conflict: boolean } {
  if (deepEqual(mine, theirs)) return { value: theirs, conflict: false };
  if (deepEqual(mine, base)) return { value: theirs, conflict: false };
  if (deepEqual(theirs, base)) return { value: mine, conflict: false };
  return { value: theirs, conflict: true };
}

const RECORDED_FIELDS = ['label', 'entity', 'status'] as const;

function mergeAnnotation(base: Annotation, mine: Annotation, theirs: Annotation, conflicts: MergeConflict[], options: MergeOptions): Annotation {
  if (deepEqual(mine, theirs) || deepEqual(mine, base)) return theirs;
  if (deepEqual(theirs, base)) return mine;
  const out: Annotation = { ...theirs };
  const lost: string[] = [];
  const conflict = (field: string, mineValue: unknown, theirValue: unknown, resolution: string): void => {
    conflicts.push({ id: theirs.id, field, mine: mineValue, theirs: theirValue, resolution });
  };

  const target = mergeField(base.target, mine.target, theirs.target);
  out.target = target.value;
  if (target.conflict) {
    lost.push(`span ${mine.target.start}–${mine.target.end} “${mine.target.quote}”`);
    conflict('target', mine.target, theirs.target, 'theirs kept; mine recorded in the thread');
  }
  const links = mergeField(base.links, mine.links, theirs.links);
  if (links.value?.length) out.links = links.value;
  else delete out.links;
  if (links.conflict) {
    lost.push(`links: ${(mine.links ?? []).map(l => `${l.document} “${l.quote}”`).join(', ') || '(none)'}`);
    conflict('links', mine.links, theirs.links, 'theirs kept; mine recorded in the thread');
  }
  for (const f of RECORDED_FIELDS) {
    const r = mergeField(base[f], mine[f], theirs[f]);
    setOptional(out, f, r.value);
    if (r.conflict) {
      lost.push(`${f}: ${mine[f] ?? '(none)'}`);
      conflict(f, mine[f], theirs[f], 'theirs kept; mine recorded in the thread');
    }
  }
  const note = mergeField(base.note, mine.note, theirs.note);
  setOptional(out, 'note', note.conflict ? mergeText(base.note ?? '', mine.note ?? '', theirs.note ?? '') : note.value);
  if (note.conflict) conflict('note', mine.note, theirs.note, 'both kept: mine appended to theirs');
  for (const f of ['source', 'author', 'created'] as const) {
    const r = mergeField(base[f], mine[f], theirs[f]);
    setOptional(out, f, r.value);
    if (r.conflict) conflict(f, mine[f], theirs[f], 'theirs kept');
  }
  const modified = mergeField(base.modified, mine.modified, theirs.modified);
  setOptional(out, 'modified', modified.conflict ? later(mine.modified, theirs.modified) : modified.value);

  // Unknown fields, key by key.
  const extra: Record<string, unknown> = {};
  const keys = new Set([...Object.keys(base.extra ?? {}), ...Object.keys(mine.extra ?? {}), ...Object.keys(theirs.extra ?? {})]);
  for (const k of keys) {
    const r = mergeField(base.extra?.[k], mine.extra?.[k], theirs.extra?.[k]);
    if (r.value !== undefined) extra[k] = r.value;
    if (r.conflict) conflict(`extra.${k}`, mine.extra?.[k], theirs.extra?.[k], 'theirs kept');
  }
  if (Object.keys(extra).length > 0) out.extra = extra;
  else delete out.extra;

  out.thread = mergeThreads(base.thread, mine.thread, theirs.thread);
  if (lost.length > 0) {
    out.thread.push({
      author: options.author ?? mine.author ?? 'marginalia',
      time: (options.now ?? (() => new Date().toISOString()))(),
      body: `Conflicting change not applied (the sidecar was changed elsewhere meanwhile): ${lost.join('; ')}`,
    });
  }
  return out;
}

function setOptional<K extends 'label' | 'entity' | 'status' | 'source' | 'note' | 'author' | 'created' | 'modified'>(
  a: Annotation,
  key: K,
  value: Annotation[K],
): void {
  if (value === undefined) delete a[key];
  else a[key] = value;
}

/** Both notes: when both extended the base note, theirs plus my addition; else theirs, a blank line, mine. */
function mergeText(base: string, mine: string, theirs: string): string {
  if (mine.includes(theirs)) return mine;
  if (theirs.includes(mine)) return theirs;
  if (base !== '' && mine.startsWith(base) && theirs.startsWith(base)) {
    const addition = mine.slice(base.length).replace(/^\n+/, '');
    return `${theirs.replace(/\n+$/, '')}\n\n${addition}`;
  }
  return `${theirs.replace(/\n+$/, '')}\n\n${mine}`;
}

function later(a: string | undefined, b: string | undefined): string | undefined {
  if (a === undefined) return b;
  if (b === undefined) return a;
  const ta = Date.parse(a),
    tb = Date.parse(b);
  if (Number.isNaN(ta) || Number.isNaN(tb)) return a > b ? a : b;
  return ta > tb ? a : b;
}

const replyKey = (r: Reply): string => JSON.stringify([r.author, r.time, r.body]);

/**
 * Theirs' replies plus mine's new ones, minus the base replies one side deleted; chronological
 * when every time parses (stable), else in that order.
 */
function mergeThreads(base: readonly Reply[], mine: readonly Reply[], theirs: readonly Reply[]): Reply[] {
  const inBase = new Set(base.map(replyKey));
  const inMine = new Set(mine.map(replyKey));
  const inTheirs = new Set(theirs.map(replyKey));
  const out = theirs.filter(r => !(inBase.has(replyKey(r)) && !inMine.has(replyKey(r))));
  for (const r of mine) if (!inTheirs.has(replyKey(r)) && !inBase.has(replyKey(r))) out.push(r);
  if (out.every(r => !Number.isNaN(Date.parse(r.time)))) out.sort((x, y) => Date.parse(x.time) - Date.parse(y.time));
  return out;
}

/** What `reconcileSidecar` returns. */
export interface ReconcileResult extends MergeResult {
  /** The text to write over the file, or undefined when the file on disk has errors (see `problems`). */
  text?: string;
  /** Problems of the file on disk (errors there prevent the merge). */
  problems: SidecarProblem[];
}

/**
 * "The sidecar changed on disk since it was read": merges my in-memory state into the file as it is
 * now (`onDiskNow`), taking `lastRead` (the text my state was loaded from) as the common base, and
 * renders the result over `onDiskNow` so the other writer's comments and formatting survive too.
 * When `onDiskNow` cannot be read safely, `text` is undefined and nothing should be written.
 */
export function reconcileSidecar(onDiskNow: string, lastRead: string, mine: SidecarState, options: MergeOptions = {}): ReconcileResult {
  const theirs = parseSidecar(onDiskNow);
  if (!theirs.writable) return { annotations: [...mine.annotations], ...(mine.dct ? { dct: mine.dct } : {}), conflicts: [], problems: theirs.problems };
  const base = parseSidecar(lastRead);
  const merged = mergeSidecars(base, mine, theirs, options);
  const text = serializeSidecar(onDiskNow, merged.annotations, { dct: merged.dct ?? null });
  return { ...merged, text, problems: theirs.problems };
}
