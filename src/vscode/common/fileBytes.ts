import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { decodeArticle } from '../../core';

/** Files up to this size are read, and their texts encoded, into buffers kept for the next read. */
const REUSED_BYTES = 1 << 20;
let fileBuffer: Uint8Array = new Uint8Array(1 << 16);
let textBuffer: Uint8Array = new Uint8Array(1 << 16);
const encoder = new TextEncoder();

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
    fileBuffer = reused(fileBuffer, size);
    const into = size <= REUSED_BYTES ? fileBuffer : new Uint8Array(size);
    let n = 0;
    for (let r; n < size && (r = readSync(fd, into, n, size - n, null)) > 0;) n += r;
    return into.subarray(0, n);
  } finally {
    closeSync(fd);
  }
}

/**
 * An article's bytes decoded as the index reads them (decodeArticle), and that text as UTF-8 in a
 * buffer the next call reuses (up to REUSED_BYTES), as the index hashes it; undefined when not text.
 */
export function encodedArticle(bytes: Uint8Array): { text: string; utf8: Uint8Array } | undefined {
  const decoded = decodeArticle(bytes);
  if (decoded.binary) return undefined;
  // at most 3 bytes for each UTF-16 code unit
  const most = 3 * decoded.text.length;
  textBuffer = reused(textBuffer, most);
  const into = most <= REUSED_BYTES ? textBuffer : new Uint8Array(most);
  return { text: decoded.text, utf8: into.subarray(0, encoder.encodeInto(decoded.text, into).written) };
}

/** `buffer`, or a larger one when `size` needs it and may be kept (at most REUSED_BYTES). */
function reused(buffer: Uint8Array, size: number): Uint8Array {
  return size <= REUSED_BYTES && buffer.length < size ? new Uint8Array(size) : buffer;
}
