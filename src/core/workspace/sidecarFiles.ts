/**
 * Sidecar files on a `FileSystem`: reading (a file that cannot be read, is too large or is not
 * UTF-8 is read-only, with a problem for the diagnostics, never "empty") and saving under the
 * write policy (writePolicy.ts): validated first, merged with changes made on disk since it was
 * read (`reconcileSidecar`), written atomically inside the workspace.
 */
import type { MergeConflict, MergeOptions } from '../annotations/merge';
import { reconcileSidecar } from '../annotations/merge';
import { SIDECAR_VERSION, type Annotation, type ParsedSidecar } from '../annotations/model';
import { sidecarPathFor } from '../annotations/paths';
import { loadSidecar } from '../annotations/quickRead';
import { parseSidecar, serializeSidecar, SidecarWriteError } from '../annotations/sidecar';
import type { FileSystem } from './fileSystem';
import { MAX_SIDECAR_BYTES, readTextFile, WriteRefusedError, type TextRead } from './textFiles';
import { updateTextFile, type LockOptions } from './writePolicy';

/** A sidecar as read: what it says, and whether Marginalia may write it. */
export interface SidecarRead {
  /** The sidecar's path. */
  path: string;
  /**
   * How the read went (`TextRead`), or `outside`: the sidecar is not inside the workspace (through
   * a link, or its article is outside), so it is neither read nor written. Anything but `ok` and
   * `missing` makes the sidecar read-only.
   */
  status: TextRead['status'] | 'outside';
  /** The text read: the base of the next save's merge (undefined when there is no file). */
  text: string | undefined;
  /**
   * The parsed content. When the file could not be read, it holds no annotations, one error
   * problem that says why, and `writable: false`.
   */
  parsed: ParsedSidecar;
}

/** Reads the sidecar of `article` (see `SidecarRead`). Never throws. */
export async function readSidecar(fs: FileSystem, article: string, maxBytes = MAX_SIDECAR_BYTES): Promise<SidecarRead> {
  const path = sidecarPathFor(article);
  const read = await readTextFile(fs, path, maxBytes);
  return sidecarFromRead(path, read);
}

/** A `SidecarRead` from a `TextRead` of the sidecar at `path` (for hosts that read files themselves). */
export function sidecarFromRead(path: string, read: TextRead | { status: 'outside'; message: string }): SidecarRead {
  if (read.status === 'ok') return { path, status: 'ok', text: read.text, parsed: loadSidecar(read.text) };
  if (read.status === 'missing') return { path, status: 'missing', text: undefined, parsed: parseSidecar('') };
  const at = read.status === 'undecodable' ? { line: read.line ?? 0, column: read.column ?? 0 } : { line: 0, column: 0 };
  return {
    path,
    status: read.status,
    text: undefined,
    parsed: { version: SIDECAR_VERSION, annotations: [], writable: false, problems: [{ message: `This sidecar ${read.message}.`, severity: 'error', ...at }] },
  };
}

/** What to save into a sidecar. */
export interface SidecarSave {
  /** The sidecar text the annotations were loaded from (`SidecarRead.text`); undefined: there was no file. */
  lastRead: string | undefined;
  /** Annotations placed in the article's current text. */
  annotations: readonly Annotation[];
  /** Annotations that could not be placed: kept in the file as they are. */
  orphans?: readonly Annotation[];
  /** The publication date; undefined: none (removed from the file). */
  dct?: string;
  /** The article's current text: placed annotations must lie inside it. */
  text?: string;
  /** For the merge with changes on disk (reply author, clock, ids). */
  merge?: MergeOptions;
  lock?: LockOptions;
}

/** What `saveSidecar` did. */
export interface SidecarSaved {
  /** The sidecar's text now: the base of the next save (undefined: there is still no file). */
  text: string | undefined;
  written: boolean;
  /**
   * True when the file had changed on disk since `lastRead`: `annotations` and `dct` are then the
   * merge of both sides (the caller should place them again), and `conflicts` says what clashed.
   */
  merged: boolean;
  annotations: Annotation[];
  dct?: string;
  conflicts: MergeConflict[];
}

/**
 * Saves annotations into the sidecar of `article`, inside the workspace folder `root`, under the
 * write policy. Refuses (throws `WriteRefusedError`, the file untouched) when the annotations are
 * invalid (empty label, bad offsets...), when the file cannot be read or has errors, or when the
 * location is not allowed. A file changed on disk since `lastRead` is merged, never overwritten.
 * Nothing is written for an empty state when there is no file.
 */
export async function saveSidecar(fs: FileSystem, root: string, article: string, save: SidecarSave): Promise<SidecarSaved> {
  const path = sidecarPathFor(article);
  const all = [...save.annotations, ...(save.orphans ?? [])];
  checkAnnotations(path, save.annotations, save.text);
  let outcome: Omit<SidecarSaved, 'text' | 'written'> = { merged: false, annotations: all, dct: save.dct, conflicts: [] };
  const result = await updateTextFile(fs, {
    ...save.lock,
    root,
    path,
    maxBytes: MAX_SIDECAR_BYTES,
    update: current =>
      render(path, () => {
        const onDisk = current.status === 'ok' ? current.text : undefined;
        outcome = { merged: false, annotations: all, dct: save.dct, conflicts: [] };
        if (onDisk === undefined && all.length === 0 && !save.dct) return { unchanged: true };
        if (onDisk === undefined || onDisk === save.lastRead) return { text: serializeSidecar(save.lastRead, all, { dct: save.dct ?? null }) };
        const merged = reconcileSidecar(onDisk, save.lastRead ?? '', { annotations: all, dct: save.dct }, save.merge);
        if (merged.text === undefined) {
          const first = merged.problems.find(p => p.severity === 'error');
          throw new WriteRefusedError(path, `changed on disk and now has errors${first ? ` (line ${first.line + 1}: ${first.message})` : ''}; not saved`);
        }
        outcome = { merged: true, annotations: merged.annotations, dct: merged.dct, conflicts: merged.conflicts };
        return { text: merged.text };
      }),
  });
  return { ...outcome, text: result.text, written: result.written };
}

/** Throws `WriteRefusedError` when placed annotations do not fit the article's text. */
function checkAnnotations(path: string, annotations: readonly Annotation[], text: string | undefined): void {
  if (text === undefined) return;
  const outside = annotations.find(a => a.target.end > text.length);
  if (outside) {
    throw new WriteRefusedError(path, `annotation '${outside.id}' ends at ${outside.target.end}, past the end of the article (${text.length}); not saved`);
  }
}

/** Runs a serialization, its refusals (`SidecarWriteError`) turned into `WriteRefusedError`. */
function render<T>(path: string, serialize: () => T): T {
  try {
    return serialize();
  } catch (e) {
    if (e instanceof SidecarWriteError) throw new WriteRefusedError(path, `${e.message}; not saved`);
    throw e;
  }
}
