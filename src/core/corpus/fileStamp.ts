// What a warm start checks of a file before trusting the analysis a snapshot holds for it, as git
// checks its index: the file's size and modification time as they were when it was read. A file
// modified within RACY_MS of being read (or of the snapshot being written) could change again with
// the same time, so its stamp is not trusted: it is read and hashed (git's "racily clean" entries).
// Whatever is trusted is still hashed afterwards, in the background (CorpusIndex.unverified).
import type { FileStat, FileSystem } from '../workspace/fileSystem';

/** A file's size (bytes) and modification time (whole milliseconds since the epoch) when it was read. */
export interface FileStamp {
  readonly size: number;
  readonly mtime: number;
}

/** Two seconds: the coarsest modification times in use (FAT) tick that slowly; ext4 and NTFS much faster. */
export const RACY_MS = 2000;

/**
 * The stamp to record for a file read at `now` with `stat` taken before reading it; undefined when
 * it is not a plain file or was modified too recently for its time to tell a later change.
 */
export function fileStamp(stat: FileStat | undefined, now: number): FileStamp | undefined {
  if (stat?.type !== 'file') return undefined;
  const mtime = Math.floor(stat.mtime);
  return mtime + RACY_MS <= now ? { size: stat.size, mtime } : undefined;
}

/** A file's stat now, undefined when it cannot be taken (a stamp then never holds): the same for the worker and the host. */
export function statOrNone(fs: FileSystem, path: string): Promise<FileStat | undefined> {
  return fs.stat(path).catch(() => undefined);
}

/** The stamp of a file about to be read: fileStamp of its stat now (undefined when it cannot be stat'ed). */
export async function stampBeforeReading(fs: FileSystem, path: string): Promise<FileStamp | undefined> {
  const now = Date.now();
  return fileStamp(await statOrNone(fs, path), now);
}

/** True when a file whose stat is `now` may be taken as the one stamped `then` in a snapshot written at `writtenAt`, unread. */
export function stampHolds(then: FileStamp | undefined, now: FileStat | undefined, writtenAt: number): boolean {
  return then !== undefined && now?.type === 'file' && now.size === then.size && Math.floor(now.mtime) === then.mtime && then.mtime + RACY_MS <= writtenAt;
}
