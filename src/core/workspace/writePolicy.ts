/**
 * The one way Marginalia writes a file (sidecars, the registry, exports), so that a reviewer's
 * work is never lost and nothing is written where it does not belong:
 * - only inside a root (the workspace folder, or the chosen output folder), checked on real paths:
 *   a symbolic link, at the file or at a folder on the way, never leads a write outside the root,
 *   and a file that is itself a link is never written;
 * - through a temporary sibling with an unpredictable name, created exclusively (`O_EXCL`: a
 *   planted link is never followed), then renamed over the file: readers, and a crash, see the
 *   old content or the new, never half a file; a failed write removes its temporary file;
 * - read-modify-write files (sidecars, the registry) under a lock file, re-read right before the
 *   rename and merged again when another writer changed them meanwhile; a file that cannot be read
 *   (`TextRead` other than `ok` or `missing`) is never written.
 */
import { randomIdGenerator } from '../annotations/ids';
import { outsideReason } from './containment';
import { describeError, errorCode, type FileSystem } from './fileSystem';
import { baseName, cleanPath, joinPath, parentOf, relativeTo } from './pathText';
import { encodeText, readTextFile, WriteRefusedError, type TextRead } from './textFiles';

/** Suffix of temporary files: not an article, not a sidecar, so no scan ever picks one up. */
export const TEMP_SUFFIX = '.marginalia-tmp';
/** Suffix of lock files beside a file being updated. */
export const LOCK_SUFFIX = '.marginalia-lock';

const randomName = randomIdGenerator();

/** `.NAME.<random>.marginalia-tmp` beside `path`: about 80 random bits, never guessed in advance. */
export function tempPathFor(path: string): string {
  return joinPath(parentOf(path), `.${baseName(path)}.${randomName()}${randomName()}${TEMP_SUFFIX}`);
}

/** The lock file of `path`: `.NAME.marginalia-lock` beside it. */
function lockPathFor(path: string): string {
  return joinPath(parentOf(path), `.${baseName(path)}${LOCK_SUFFIX}`);
}

/**
 * Throws `WriteRefusedError` unless `path` may be written under `root`: inside it as text and on
 * real paths (its existing folders resolved), and not itself a link, a folder or a device.
 * Folders that do not exist yet are fine (see `createFolders`).
 */
export async function checkWriteLocation(fs: FileSystem, root: string, path: string): Promise<void> {
  const outside = await outsideReason(fs, root, path);
  if (outside) throw new WriteRefusedError(path, `${outside}; Marginalia writes only inside it`);
  const stat = await fs.stat(path);
  if (stat?.type === 'symlink') throw new WriteRefusedError(path, 'is a symbolic link; Marginalia does not write through links');
  if (stat && stat.type !== 'file') throw new WriteRefusedError(path, 'is not a regular file; not written');
}

/**
 * Creates the folders from `root` down to `folder`, one at a time, checking that each one that
 * exists (or was just made) is really inside `root`.
 */
export async function createFolders(fs: FileSystem, root: string, folder: string): Promise<void> {
  const rel = relativeTo(root, folder, fs.caseInsensitive);
  if (rel === undefined) throw new WriteRefusedError(folder, `is outside ${root}; Marginalia writes only inside it`);
  const realRoot = await realPathOrRefuse(fs, root, root);
  let at = cleanPath(root);
  for (const segment of rel.split('/').filter(Boolean)) {
    at = joinPath(at, segment);
    const stat = await fs.stat(at);
    if (!stat) await fs.createDirectory(at);
    else if (stat.type !== 'directory' && stat.type !== 'symlink') throw new WriteRefusedError(at, 'is a file where a folder is needed');
    const real = await realPathOrRefuse(fs, at, at);
    if (relativeTo(realRoot, real, fs.caseInsensitive) === undefined) {
      throw new WriteRefusedError(at, `leads outside ${root} through a symbolic link (it is ${real}); not written`);
    }
  }
}

/**
 * Writes `data` to a new temporary sibling of `path` (exclusively) and returns its path; the
 * caller renames it into place (`commitTemp`) or removes it (`discardTemp`).
 */
export async function stageTemp(fs: FileSystem, path: string, data: Uint8Array, durable = false): Promise<string> {
  for (let attempt = 0; ; attempt++) {
    const tmp = tempPathFor(path);
    try {
      await fs.createFile(tmp, data, { durable });
      return tmp;
    } catch (e) {
      await discardTemp(fs, tmp, e);
      if (errorCode(e) !== 'EEXIST' || attempt >= 3) throw e;
    }
  }
}

/** Renames a staged temporary file over `path`; on failure the temporary file is removed. */
export async function commitTemp(fs: FileSystem, tmp: string, path: string): Promise<void> {
  try {
    await fs.rename(tmp, path);
  } catch (e) {
    await discardTemp(fs, tmp);
    throw e;
  }
}

/** Removes a temporary file, ignoring errors (`cause`: a failed creation that may have left one, unless it was EEXIST). */
export async function discardTemp(fs: FileSystem, tmp: string, cause?: unknown): Promise<void> {
  if (cause !== undefined && errorCode(cause) === 'EEXIST') return; // not ours
  await fs.delete(tmp).catch(() => undefined);
}

/** Writes a whole file atomically (temporary sibling, then rename). The location must have been checked. */
export async function replaceFile(fs: FileSystem, path: string, data: Uint8Array, durable = false): Promise<void> {
  await commitTemp(fs, await stageTemp(fs, path, data, durable), path);
}

export interface LockOptions {
  /** A lock file older than this is left over by a crashed writer and is removed (default 10 s). */
  staleMs?: number;
  /** How long to wait for another writer before giving up (default 10 s). */
  timeoutMs?: number;
  /** The clock lock ages are measured with (default `Date.now`); the file system's times must agree. */
  now?: () => number;
}

/**
 * Runs `work` holding the lock of `path` (`.NAME.marginalia-lock`, created exclusively), so that
 * two Marginalia writers (two windows, the CLI and the editor) never interleave their
 * read-merge-write of the same file. A lock left by a crashed writer is broken once stale.
 */
export async function withFileLock<T>(fs: FileSystem, path: string, work: () => Promise<T>, options: LockOptions = {}): Promise<T> {
  const lock = lockPathFor(path);
  const now = options.now ?? Date.now;
  const staleMs = options.staleMs ?? 10_000;
  const deadline = now() + (options.timeoutMs ?? 10_000);
  const token = encodeText(`${randomName()}${randomName()}\n`);
  for (let wait = 5; ; wait = Math.min(wait * 2, 200)) {
    try {
      await fs.createFile(lock, token);
      break;
    } catch (e) {
      if (errorCode(e) !== 'EEXIST') {
        await discardTemp(fs, lock, e); // a lock half written (a full disk) is ours to remove
        throw e;
      }
    }
    const held = await fs.stat(lock);
    if (held && now() - held.mtime > staleMs) {
      await fs.delete(lock).catch(() => undefined);
      await removeLeftovers(fs, path);
      continue;
    }
    if (now() > deadline) throw new WriteRefusedError(path, `another writer holds ${lock}; try again (or remove that file if no Marginalia is running)`);
    await new Promise(resolve => setTimeout(resolve, wait));
  }
  try {
    return await work();
  } finally {
    // Only our own lock is removed (a stale-lock breaker may have replaced it meanwhile); one that
    // cannot be read back is most likely still ours, and left in place it would hold others up.
    const held = await fs.readFile(lock).catch(() => undefined);
    if (!held || sameBytes(held, token)) await fs.delete(lock).catch(() => undefined);
  }
}

/**
 * Removes the temporary files of `path` that a crashed writer left (it held the lock, which is now
 * stale: no live writer of `path` has one).
 */
async function removeLeftovers(fs: FileSystem, path: string): Promise<void> {
  const prefix = `.${baseName(path)}.`;
  const folder = parentOf(path);
  const entries = await fs.readDirectory(folder).catch(() => []);
  for (const e of entries) {
    if (e.type === 'file' && e.name.startsWith(prefix) && e.name.endsWith(TEMP_SUFFIX)) await fs.delete(joinPath(folder, e.name)).catch(() => undefined);
  }
}

/** What an update computed from the file as it is now. */
export type UpdateDecision = { text: string } | { unchanged: true };

export interface UpdateOptions extends LockOptions {
  /** The folder the file must be in (see `checkWriteLocation`). */
  root: string;
  path: string;
  /** Size limit of the file as read (`TextRead` `too-large` above it). */
  maxBytes: number;
  /**
   * Computes the new text from the file as it is now (`ok` or `missing`; other reads never get
   * here). Called again when the file changed while the new text was being written; throw to refuse.
   */
  update: (current: TextRead & { status: 'ok' | 'missing' }) => UpdateDecision;
  /** Flush to disk before the rename (default true: these files hold a reviewer's work). */
  durable?: boolean;
}

/** What `updateTextFile` did. */
export interface UpdateResult {
  /** The file's text now (undefined: still missing). */
  text: string | undefined;
  written: boolean;
}

const MAX_UPDATE_ROUNDS = 5;

/**
 * Read-modify-write of a text file under its lock: reads it (refusing any read but `ok` and
 * `missing`), computes the new text, stages it, reads the file again right before the rename and,
 * if another writer changed it meanwhile, computes again from the new content.
 */
export async function updateTextFile(fs: FileSystem, options: UpdateOptions): Promise<UpdateResult> {
  const { root, path, maxBytes } = options;
  await checkWriteLocation(fs, root, path);
  await createFolders(fs, root, parentOf(path));
  return withFileLock(
    fs,
    path,
    async () => {
      for (let round = 0; round < MAX_UPDATE_ROUNDS; round++) {
        const current = readable(path, await readTextFile(fs, path, maxBytes));
        const decision = options.update(current);
        const before = current.status === 'ok' ? current.text : undefined;
        if ('unchanged' in decision || decision.text === before) return { text: before, written: false };
        const tmp = await stageTemp(fs, path, encodeText(decision.text), options.durable ?? true);
        const again = await readTextFile(fs, path, maxBytes);
        if (again.status !== current.status || (again.status === 'ok' ? again.text : undefined) !== before) {
          await discardTemp(fs, tmp);
          continue; // changed by another writer meanwhile: compute again from what it holds now
        }
        await commitTemp(fs, tmp, path);
        return { text: decision.text, written: true };
      }
      throw new WriteRefusedError(path, 'keeps changing on disk while Marginalia writes it; not written, try again');
    },
    options,
  );
}

/** `read` when the file may be written over, else throws. */
function readable(path: string, read: TextRead): TextRead & { status: 'ok' | 'missing' } {
  if (read.status === 'ok' || read.status === 'missing') return read;
  throw new WriteRefusedError(path, `${read.message}; not written`);
}

async function realPathOrRefuse(fs: FileSystem, path: string, forPath: string): Promise<string> {
  try {
    return await fs.realPath(path);
  } catch (e) {
    throw new WriteRefusedError(forPath, `${path} ${describeError(e)}; not written`);
  }
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}
