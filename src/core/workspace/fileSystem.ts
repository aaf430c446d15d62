/**
 * The file system as the workspace core sees it: a small, asynchronous, host-neutral interface
 * (as vscode-markdown-languageservice's `IWorkspace` does for its hosts). Hosts implement it: the
 * CLI over Node's `fs` (src/node/nodeFileSystem.ts), the extension over the same for `file:` URIs
 * or over `vscode.workspace.fs`, the unit tests in memory (`MemoryFileSystem`).
 *
 * Paths are absolute and `/`-separated (POSIX paths, URI paths, or Windows paths written with `/`
 * such as `C:/articles/a.txt`). The core only joins and compares them as text; it never resolves
 * links by itself (`realPath` does).
 */

/** What is at a path. A symbolic link is reported as `symlink`, whatever it points to. */
export type FileType = 'file' | 'directory' | 'symlink' | 'other';

export interface FileStat {
  type: FileType;
  /** Size in bytes (files). */
  size: number;
  /** Last modification, milliseconds since the epoch. */
  mtime: number;
}

export interface DirectoryEntry {
  name: string;
  type: FileType;
}

/** A change seen by a watcher. */
export interface FileChange {
  type: 'created' | 'changed' | 'deleted';
  path: string;
}

export interface Disposable {
  dispose(): void;
}

/**
 * Errors are thrown as objects with a `code` (Node's convention: `ENOENT`, `EACCES`, `EEXIST`,
 * `ENOSPC`, `EIO`, `ENOTDIR`, `EISDIR`...); `errorCode` also understands `vscode.FileSystemError`
 * codes, so an implementation over `vscode.workspace.fs` may let those through.
 */
export interface FileSystem {
  /** True when names differ only by case name the same file (Windows, macOS); default false. */
  readonly caseInsensitive?: boolean;
  /** What is at `path` itself (a link is not followed), or undefined when nothing is there. */
  stat(path: string): Promise<FileStat | undefined>;
  /** The bytes of a file (following links). Throws on any error: a missing file is `ENOENT`. */
  readFile(path: string): Promise<Uint8Array>;
  /** The entries of a folder, in any order. */
  readDirectory(path: string): Promise<DirectoryEntry[]>;
  /**
   * The path with every symbolic link resolved (Node's `realpath`). Throws `ENOENT` when the path
   * does not exist. A file system without links returns the path as it is.
   */
  realPath(path: string): Promise<string>;
  /** Creates a folder and its missing parents; nothing happens when it exists. */
  createDirectory(path: string): Promise<void>;
  /**
   * Creates a new file holding `data`, failing with `EEXIST` when anything (a file, a link) is
   * already at `path` (Node's `wx` flag, `O_CREAT | O_EXCL`: a planted link is never followed).
   * `durable`: flush the data to the disk before returning (`fsync`), for files that a crash must
   * not leave empty once renamed into place. An implementation that cannot create exclusively must
   * at least check that nothing is there first.
   */
  createFile(path: string, data: Uint8Array, options?: { durable?: boolean }): Promise<void>;
  /** Renames a file, replacing whatever file is at `to` (atomic on one local file system). */
  rename(from: string, to: string): Promise<void>;
  /** Deletes a file (not a folder); nothing happens when it is missing. */
  delete(path: string): Promise<void>;
  /**
   * Watches a folder and everything under it; optional (the CLI needs none, the extension may use
   * VS Code's watchers instead).
   */
  watch?(folder: string, listener: (change: FileChange) => void): Disposable;
}

/** A file system error with a Node-style code, for implementations that make their own. */
export class FileSystemError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'FileSystemError';
  }
}

const VSCODE_CODES: Record<string, string> = {
  FileNotFound: 'ENOENT',
  FileExists: 'EEXIST',
  NoPermissions: 'EACCES',
  FileNotADirectory: 'ENOTDIR',
  FileIsADirectory: 'EISDIR',
  Unavailable: 'EIO',
};

/** The Node-style code of an error thrown by a `FileSystem` (undefined for other errors). */
export function errorCode(e: unknown): string | undefined {
  const code = (e as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? (VSCODE_CODES[code] ?? code) : undefined;
}

const PLAIN_CODES: Record<string, string> = {
  ENOENT: 'not found',
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  EEXIST: 'already exists',
  ENOSPC: 'no space left on the device',
  EIO: 'input/output error',
  ENOTDIR: 'not a folder',
  EISDIR: 'is a folder',
  EROFS: 'read-only file system',
  ELOOP: 'too many symbolic links',
  EMFILE: 'too many open files',
  EBUSY: 'busy',
};

/** An error in words for a person: `permission denied (EACCES)`; other errors by their message. */
export function describeError(e: unknown): string {
  const code = errorCode(e);
  if (code && PLAIN_CODES[code]) return `${PLAIN_CODES[code]} (${code})`;
  return e instanceof Error ? e.message : String(e);
}
