/**
 * Reading Marginalia's own text files (sidecars, the registry, export manifests, import sources)
 * so that nothing unreadable is ever taken for "empty": a missing file is `missing`, any other
 * failure says why, and such a file is never written over (writePolicy.ts).
 */
import { describeError, errorCode, type FileSystem } from './fileSystem';

/**
 * Largest sidecar read (2 MiB, about 5,500 annotations on one article): a larger one is refused,
 * never parsed, so that no sidecar holds a host for long (parsing takes about a second per MiB).
 */
export const MAX_SIDECAR_BYTES = 2 * 1024 * 1024;
/** Largest entity registry read (4 MiB). */
export const MAX_REGISTRY_BYTES = 4 * 1024 * 1024;
/** Largest import source read (a W3C `.jsonld` file or a BRAT `.ann`/`.txt`): 256 MiB. */
export const MAX_IMPORT_BYTES = 256 * 1024 * 1024;

/**
 * What reading a text file gave:
 * - `ok`: its text (a UTF-8 BOM is kept as U+FEFF at the start, so that a save keeps it too);
 * - `missing`: nothing is there;
 * - `unreadable`: a read error (permission, I/O...), a folder or a device;
 * - `too-large`: over the limit, not read;
 * - `undecodable`: not UTF-8 (or UTF-16).
 * Any status but `ok` and `missing` makes the file read-only for Marginalia.
 */
export type TextRead =
  | { status: 'ok'; text: string }
  | { status: 'missing' }
  | { status: 'unreadable' | 'too-large'; message: string }
  /** `line`, `column`: 0-based, where the first bytes that are not UTF-8 are. */
  | { status: 'undecodable'; message: string; line?: number; column?: number };

/** A file that must not be written: why, in words (with the path). */
export class WriteRefusedError extends Error {
  constructor(
    readonly path: string,
    readonly reason: string,
  ) {
    super(`${path}: ${reason}`);
    this.name = 'WriteRefusedError';
  }
}

/** Reads a UTF-8 text file of at most `maxBytes` bytes (see `TextRead`). Never throws. */
export async function readTextFile(fs: FileSystem, path: string, maxBytes: number): Promise<TextRead> {
  try {
    const stat = await fs.stat(path);
    if (!stat) return { status: 'missing' };
    if (stat.type === 'directory') return { status: 'unreadable', message: 'is a folder, not a file' };
    if (stat.type === 'other') return { status: 'unreadable', message: 'is not a regular file' };
    if (stat.type === 'file' && stat.size > maxBytes) return tooLarge(stat.size, maxBytes);
    const bytes = await fs.readFile(path);
    if (bytes.length > maxBytes) return tooLarge(bytes.length, maxBytes);
    return decodeText(bytes);
  } catch (e) {
    if (errorCode(e) === 'ENOENT') return { status: 'missing' };
    return { status: 'unreadable', message: `cannot be read: ${describeError(e)}` };
  }
}

/** The text of UTF-8 bytes (BOM kept), or why they are not text. */
function decodeText(bytes: Uint8Array): TextRead {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    return { status: 'undecodable', message: 'is UTF-16; Marginalia reads and writes its files in UTF-8' };
  }
  try {
    return { status: 'ok', text: new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes) };
  } catch {
    const { line, column } = firstReplacement(bytes);
    return {
      status: 'undecodable',
      line,
      column,
      message: `has bytes that are not UTF-8 (line ${line + 1}); Marginalia will not save over it, as that would lose them`,
    };
  }
}

/** The message of a read that is not `ok` (`missing` included). */
export function readProblem(read: TextRead): string {
  return read.status === 'ok' ? '' : read.status === 'missing' ? 'not found' : read.message;
}

export function encodeText(text: string): Uint8Array {
  return new TextEncoder().encode(text);
}

function tooLarge(size: number, limit: number): TextRead {
  const mib = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MiB`;
  return { status: 'too-large', message: `is ${mib(size)}, over Marginalia's limit of ${mib(limit)}: not read, and never written` };
}

/** 0-based line and column of the first replacement character of a lenient decoding: where the bad bytes are. */
function firstReplacement(bytes: Uint8Array): { line: number; column: number } {
  const text = new TextDecoder('utf-8').decode(bytes);
  const at = Math.max(0, text.indexOf('\uFFFD'));
  const before = text.slice(0, at);
  const line = before.split('\n').length - 1;
  return { line, column: at - (before.lastIndexOf('\n') + 1) };
}
