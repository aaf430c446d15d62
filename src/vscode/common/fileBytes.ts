import { closeSync, fstatSync, openSync, readSync } from 'node:fs';

/** Files up to this size are read into a buffer kept for the next read. */
export const REUSED_BYTES = 1 << 20;
let fileBuffer = new Uint8Array(1 << 16);

/**
 * A file's bytes, in a buffer the next read reuses (up to REUSED_BYTES): to be used before the next
 * read. A buffer of their own for each read was garbage outside the heap, which the collector let
 * grow by some 70 MB over a few thousand reads (src/vscode/corpus/articleBytes.ts). Throws when the
 * file cannot be read. No vscode import: the workers read with it too.
 */
export function readFileReused(path: string): Uint8Array {
  const fd = openSync(path, 'r');
  try {
    const size = fstatSync(fd).size;
    const into = size <= REUSED_BYTES ? (fileBuffer.length >= size ? fileBuffer : (fileBuffer = new Uint8Array(size))) : new Uint8Array(size);
    let n = 0;
    for (let r; n < size && (r = readSync(fd, into, n, size - n, null)) > 0;) n += r;
    return into.subarray(0, n);
  } finally {
    closeSync(fd);
  }
}
