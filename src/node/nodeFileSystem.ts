/**
 * The workspace core's `FileSystem` (src/core/workspace/fileSystem.ts) over Node's `fs`: used by
 * the CLI, and usable by the extension for `file:` URIs (its host is Node too). Paths are absolute
 * and `/`-separated; on Windows `C:\a\b` is `C:/a/b` (see `toCorePath`).
 */
import { constants, lstatSync, readFileSync } from 'node:fs';
import { lstat, mkdir, open, readdir, readFile, realpath, rename, unlink } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { DirectoryEntry, FileStat, FileSystem, FileType } from '../core';

/** An absolute `/`-separated path for the core from a native path (relative ones against the current folder). */
export function toCorePath(nativePath: string): string {
  const absolute = resolve(nativePath);
  return process.platform === 'win32' ? absolute.replace(/\\/g, '/') : absolute;
}

export class NodeFileSystem implements FileSystem {
  readonly caseInsensitive = process.platform === 'win32' || process.platform === 'darwin';

  /**
   * `blocking`: files are read and looked at without leaving the thread, for a thread that has
   * nothing else to do meanwhile (the CLI's, the analysis worker's): a trip through the thread pool
   * costs more than a small read (3,495 articles with their sidecars: 0.2–0.4 s against 0.5–0.9 s,
   * a third of the CPU).
   */
  constructor(private readonly blocking = false) {}

  async stat(path: string): Promise<FileStat | undefined> {
    try {
      const s = this.blocking ? lstatSync(path) : await lstat(path);
      return { type: typeOf(s), size: s.size, mtime: s.mtimeMs };
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT' || (e as NodeJS.ErrnoException).code === 'ENOTDIR') return undefined;
      throw e;
    }
  }

  async readFile(path: string): Promise<Uint8Array> {
    return this.blocking ? readFileSync(path) : readFile(path);
  }

  async readDirectory(path: string): Promise<DirectoryEntry[]> {
    const entries = await readdir(path, { withFileTypes: true });
    return entries.map(e => ({ name: e.name, type: typeOf(e) }));
  }

  async realPath(path: string): Promise<string> {
    return toCorePath(await realpath(path));
  }

  async createDirectory(path: string): Promise<void> {
    await mkdir(path, { recursive: true });
  }

  async createFile(path: string, data: Uint8Array, options: { durable?: boolean } = {}): Promise<void> {
    // O_EXCL: fails when anything, a planted link included, is already there; O_NOFOLLOW for good measure.
    const handle = await open(path, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | (constants.O_NOFOLLOW ?? 0), 0o666);
    try {
      await handle.writeFile(data);
      if (options.durable) await handle.datasync();
    } finally {
      await handle.close();
    }
  }

  rename(from: string, to: string): Promise<void> {
    return rename(from, to);
  }

  async delete(path: string): Promise<void> {
    try {
      await unlink(path);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
    }
  }
}

function typeOf(s: { isFile(): boolean; isDirectory(): boolean; isSymbolicLink(): boolean }): FileType {
  return s.isSymbolicLink() ? 'symlink' : s.isFile() ? 'file' : s.isDirectory() ? 'directory' : 'other';
}
