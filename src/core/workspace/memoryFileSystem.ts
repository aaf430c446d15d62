/**
 * A file system in memory, for tests and for hosts without one: files, folders, symbolic links,
 * unreadable files and unwritable folders, watchers, and a hook before every operation that can
 * inject faults (`EACCES`, `ENOSPC`, `EIO`...), let another writer act, or never return (a process
 * killed at that step).
 */
import { FileSystemError, type DirectoryEntry, type Disposable, type FileChange, type FileStat, type FileSystem } from './fileSystem';
import { baseName, cleanPath, joinPath, parentOf } from './pathText';

export type FileOperation = 'stat' | 'readFile' | 'readDirectory' | 'realPath' | 'createDirectory' | 'createFile' | 'rename' | 'delete';

/**
 * Called before each operation with its path (`rename`: the source; `to` is the destination). It
 * may throw (the operation fails), change the file system (another writer), or never settle (the
 * process was killed there). A `createFile` that fails with `ENOSPC` or `EIO` leaves a partly
 * written file behind, as a full disk does.
 */
export type OperationHook = (op: FileOperation, path: string, to?: string) => void | Promise<void>;

type Entry =
  { type: 'file'; data: Uint8Array; mtime: number; readable: boolean } | { type: 'directory'; writable: boolean } | { type: 'symlink'; target: string };

const MAX_LINKS = 32;

export class MemoryFileSystem implements FileSystem {
  private readonly entries = new Map<string, Entry>([['/', { type: 'directory', writable: true }]]);
  private readonly watchers = new Set<{ folder: string; listener: (change: FileChange) => void }>();
  /** See `OperationHook`; replace it at any time. */
  hook: OperationHook | undefined;
  /** The clock of modification times (milliseconds); replace it to age files. */
  now: () => number = () => Date.now();

  // -------------------------------------------------------------------------------------------
  // Set-up and inspection for tests (synchronous, no hook).

  /** Writes a file, creating its folders. */
  put(path: string, content: string | Uint8Array): this {
    const p = cleanPath(path);
    this.mkdirs(parentOf(p));
    const existed = this.entries.has(p);
    this.entries.set(p, { type: 'file', data: typeof content === 'string' ? new TextEncoder().encode(content) : content, mtime: this.now(), readable: true });
    this.emit(existed ? 'changed' : 'created', p);
    return this;
  }

  /** The text of a file (UTF-8), or undefined when there is none. */
  text(path: string): string | undefined {
    const e = this.lookup(path);
    return e?.type === 'file' ? new TextDecoder().decode(e.data) : undefined;
  }

  /** Creates a symbolic link at `path` to `target` (absolute, or relative to the link's folder). */
  symlink(target: string, path: string): this {
    const p = cleanPath(path);
    this.mkdirs(parentOf(p));
    this.entries.set(p, { type: 'symlink', target });
    return this;
  }

  mkdir(path: string): this {
    this.mkdirs(cleanPath(path));
    return this;
  }

  /** Makes a file unreadable (mode 000 for reading) or readable again. */
  setReadable(path: string, readable: boolean): this {
    const e = this.entries.get(this.resolve(path));
    if (e?.type === 'file') e.readable = readable;
    return this;
  }

  /** Makes a folder unwritable (no file created, renamed or deleted in it) or writable again. */
  setWritable(folder: string, writable: boolean): this {
    const e = this.entries.get(this.resolve(folder));
    if (e?.type === 'directory') e.writable = writable;
    return this;
  }

  /** Every path held (files, folders, links), sorted. */
  paths(): string[] {
    return [...this.entries.keys()].sort();
  }

  /** The text of every file (UTF-8) by path: a snapshot to compare states with. */
  files(): Map<string, string> {
    const out = new Map<string, string>();
    for (const [p, e] of this.entries) if (e.type === 'file') out.set(p, new TextDecoder().decode(e.data));
    return out;
  }

  /** An independent copy (no hook, no watchers). */
  clone(): MemoryFileSystem {
    const copy = new MemoryFileSystem();
    for (const [p, e] of this.entries) copy.entries.set(p, e.type === 'file' ? { ...e, data: e.data.slice() } : { ...e });
    return copy;
  }

  /** Paths of files under `folder` whose name matches `pattern`. */
  filesMatching(pattern: RegExp, folder = '/'): string[] {
    const root = cleanPath(folder);
    return this.paths().filter(
      p => this.entries.get(p)?.type === 'file' && (p === root || p.startsWith(root === '/' ? '/' : `${root}/`)) && pattern.test(baseName(p)),
    );
  }

  // -------------------------------------------------------------------------------------------
  // FileSystem

  async stat(path: string): Promise<FileStat | undefined> {
    await this.hook?.('stat', path);
    const parent = this.tryResolve(parentOf(path));
    const e = parent === undefined ? undefined : this.entries.get(joinPath(parent, baseName(path)));
    if (!e) return undefined;
    if (e.type === 'file') return { type: 'file', size: e.data.length, mtime: e.mtime };
    return { type: e.type, size: 0, mtime: 0 };
  }

  async readFile(path: string): Promise<Uint8Array> {
    await this.hook?.('readFile', path);
    const e = this.entries.get(this.resolve(path));
    if (!e) throw fsError('ENOENT', 'readFile', path);
    if (e.type !== 'file') throw fsError('EISDIR', 'readFile', path);
    if (!e.readable) throw fsError('EACCES', 'readFile', path);
    return e.data.slice();
  }

  async readDirectory(path: string): Promise<DirectoryEntry[]> {
    await this.hook?.('readDirectory', path);
    const dir = this.resolve(path);
    const e = this.entries.get(dir);
    if (!e) throw fsError('ENOENT', 'scandir', path);
    if (e.type !== 'directory') throw fsError('ENOTDIR', 'scandir', path);
    const out: DirectoryEntry[] = [];
    for (const [p, entry] of this.entries) {
      if (p !== dir && parentOf(p) === dir) out.push({ name: baseName(p), type: entry.type });
    }
    return out;
  }

  async realPath(path: string): Promise<string> {
    await this.hook?.('realPath', path);
    const real = this.resolve(path);
    if (!this.entries.has(real)) throw fsError('ENOENT', 'realpath', path);
    return real;
  }

  async createDirectory(path: string): Promise<void> {
    await this.hook?.('createDirectory', path);
    const missing: string[] = [];
    let at = cleanPath(path);
    for (;;) {
      const real = this.tryResolve(at);
      const e = real === undefined ? undefined : this.entries.get(real);
      if (e?.type === 'directory') break;
      if (e) throw fsError('EEXIST', 'mkdir', at);
      missing.unshift(at);
      const up = parentOf(at);
      if (up === at) break;
      at = up;
    }
    for (const dir of missing) {
      const real = joinPath(this.resolve(parentOf(dir)), baseName(dir));
      this.checkWritable(parentOf(real), 'mkdir', dir);
      this.entries.set(real, { type: 'directory', writable: true });
      this.emit('created', real);
    }
  }

  async createFile(path: string, data: Uint8Array): Promise<void> {
    let failure: unknown;
    try {
      await this.hook?.('createFile', path);
    } catch (e) {
      const code = (e as { code?: string }).code;
      if (code !== 'ENOSPC' && code !== 'EIO') throw e;
      failure = e;
    }
    const dir = this.resolve(parentOf(path));
    const d = this.entries.get(dir);
    if (d?.type !== 'directory') throw fsError('ENOENT', 'open', path);
    this.checkWritable(dir, 'open', path);
    const p = joinPath(dir, baseName(path));
    if (this.entries.has(p)) throw fsError('EEXIST', 'open', path);
    const written = failure ? data.slice(0, data.length >> 1) : data.slice();
    this.entries.set(p, { type: 'file', data: written, mtime: this.now(), readable: true });
    this.emit('created', p);
    if (failure) throw failure;
  }

  async rename(from: string, to: string): Promise<void> {
    await this.hook?.('rename', from, to);
    const src = joinPath(this.resolve(parentOf(from)), baseName(from));
    const dst = joinPath(this.resolve(parentOf(to)), baseName(to));
    const e = this.entries.get(src);
    if (!e) throw fsError('ENOENT', 'rename', from);
    if (e.type === 'directory') throw fsError('EISDIR', 'rename', from);
    this.checkWritable(parentOf(src), 'rename', from);
    this.checkWritable(parentOf(dst), 'rename', to);
    if (this.entries.get(dst)?.type === 'directory') throw fsError('EISDIR', 'rename', to);
    const existed = this.entries.has(dst);
    this.entries.delete(src);
    this.entries.set(dst, e.type === 'file' ? { ...e, mtime: this.now() } : e);
    this.emit('deleted', src);
    this.emit(existed ? 'changed' : 'created', dst);
  }

  async delete(path: string): Promise<void> {
    await this.hook?.('delete', path);
    const parent = this.tryResolve(parentOf(path));
    if (parent === undefined) return;
    const p = joinPath(parent, baseName(path));
    const e = this.entries.get(p);
    if (!e) return;
    if (e.type === 'directory') throw fsError('EISDIR', 'unlink', path);
    this.checkWritable(parent, 'unlink', path);
    this.entries.delete(p);
    this.emit('deleted', p);
  }

  watch(folder: string, listener: (change: FileChange) => void): Disposable {
    const watcher = { folder: cleanPath(folder), listener };
    this.watchers.add(watcher);
    return { dispose: () => this.watchers.delete(watcher) };
  }

  // -------------------------------------------------------------------------------------------

  private emit(type: FileChange['type'], path: string): void {
    for (const { folder, listener } of this.watchers) {
      if (path === folder || path.startsWith(folder === '/' ? '/' : `${folder}/`)) listener({ type, path });
    }
  }

  private mkdirs(path: string): void {
    if (path === '/' || this.entries.get(path)?.type === 'directory') return;
    this.mkdirs(parentOf(path));
    this.entries.set(path, { type: 'directory', writable: true });
  }

  private checkWritable(folder: string, op: string, path: string): void {
    const d = this.entries.get(folder);
    if (d?.type === 'directory' && !d.writable) throw fsError('EACCES', op, path);
  }

  private lookup(path: string): Entry | undefined {
    const real = this.tryResolve(path);
    return real === undefined ? undefined : this.entries.get(real);
  }

  private tryResolve(path: string): string | undefined {
    try {
      return this.resolve(path);
    } catch {
      return undefined;
    }
  }

  /** The path with every link followed (the last segment too); missing segments are kept as they are. */
  private resolve(path: string, depth = 0): string {
    if (depth > MAX_LINKS) throw fsError('ELOOP', 'stat', path);
    const segments = cleanPath(path).split('/').filter(Boolean);
    let at = '/';
    for (const [i, segment] of segments.entries()) {
      const next = joinPath(at, segment);
      const e = this.entries.get(next);
      if (e?.type === 'symlink') {
        const target = e.target.startsWith('/') ? e.target : joinPath(at, e.target);
        at = this.resolve(joinPath(target, ...segments.slice(i + 1)), depth + 1);
        return at;
      }
      at = next;
    }
    return at;
  }
}

function fsError(code: string, op: string, path: string): FileSystemError {
  return new FileSystemError(code, `${code}: ${op} '${path}'`);
}
