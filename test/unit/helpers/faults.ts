// Fault injection for the workspace's file systems: a wrapper that runs a hook before every
// operation of any FileSystem (the real one included), and snapshots of folder trees.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { DirectoryEntry, FileOperation, FileStat, FileSystem, OperationHook } from '../../../src/core';

/** `inner` with `hook` run before each operation (as MemoryFileSystem's hook: it may throw, act, or never settle). */
export class HookedFileSystem implements FileSystem {
  hook: OperationHook | undefined;
  constructor(private readonly inner: FileSystem) {}
  get caseInsensitive(): boolean | undefined {
    return this.inner.caseInsensitive;
  }
  async stat(path: string): Promise<FileStat | undefined> {
    await this.hook?.('stat', path);
    return this.inner.stat(path);
  }
  async readFile(path: string): Promise<Uint8Array> {
    await this.hook?.('readFile', path);
    return this.inner.readFile(path);
  }
  async readDirectory(path: string): Promise<DirectoryEntry[]> {
    await this.hook?.('readDirectory', path);
    return this.inner.readDirectory(path);
  }
  async realPath(path: string): Promise<string> {
    await this.hook?.('realPath', path);
    return this.inner.realPath(path);
  }
  async createDirectory(path: string): Promise<void> {
    await this.hook?.('createDirectory', path);
    return this.inner.createDirectory(path);
  }
  async createFile(path: string, data: Uint8Array, options?: { durable?: boolean }): Promise<void> {
    try {
      await this.hook?.('createFile', path);
    } catch (e) {
      // A full disk or an I/O error leaves part of the file written, as a real one does.
      const code = (e as { code?: string }).code;
      if (code === 'ENOSPC' || code === 'EIO') await this.inner.createFile(path, data.slice(0, data.length >> 1), options);
      throw e;
    }
    return this.inner.createFile(path, data, options);
  }
  async rename(from: string, to: string): Promise<void> {
    await this.hook?.('rename', from, to);
    return this.inner.rename(from, to);
  }
  async delete(path: string): Promise<void> {
    await this.hook?.('delete', path);
    return this.inner.delete(path);
  }
}

/** A hook that counts operations and throws `code` at the `at`-th (0-based); `count()` tells how many ran. */
export function failAt(at: number, code: string): { hook: OperationHook; count: () => number; hit: () => FileOperation | undefined } {
  let n = 0;
  let hit: FileOperation | undefined;
  return {
    hook: op => {
      if (n++ === at) {
        hit = op;
        throw Object.assign(new Error(`${code} (injected) at ${op}`), { code });
      }
    },
    count: () => n,
    hit: () => hit,
  };
}

/** Every file under a real folder: path relative to it → content. */
export function snapshotFolder(root: string): Map<string, string> {
  const out = new Map<string, string>();
  const visit = (rel: string) => {
    for (const name of readdirSync(join(root, rel))) {
      const path = rel ? `${rel}/${name}` : name;
      if (statSync(join(root, path)).isDirectory()) visit(path);
      else out.set(path, readFileSync(join(root, path), 'utf8'));
    }
  };
  visit('');
  return out;
}
