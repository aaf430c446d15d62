import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import * as vscode from 'vscode';
import { decodeArticle } from '../../core';

/** Files up to this size are read, and their texts encoded, into buffers kept for the next read. */
const REUSED_BYTES = 1 << 20;
let fileBuffer = new Uint8Array(1 << 16);
let textBuffer = new Uint8Array(1 << 16);
const encoder = new TextEncoder();

/**
 * The text of an article as the worker reads it (UTF-8; another encoding decoded), read here on the
 * host: an article entered in the index without its text (read in the worker, or unread at a warm
 * start) whose text is needed (a line of context, a position; CorpusIndex.readTextsWith). Undefined
 * when it cannot be read. The bytes are those of a buffer the next read reuses, as the index allows:
 * a buffer of their own for each of a few thousand hovers' lines of context was garbage outside the
 * heap, which the collector let grow by some 70 MB (scripts/benchCorpus.mjs, 1,000 hovers).
 */
export function readArticleBytes(key: string): Uint8Array | undefined {
  try {
    const decoded = decodeArticle(readFile(vscode.Uri.parse(key).fsPath));
    if (decoded.binary) return undefined;
    // at most 3 bytes for each UTF-16 code unit
    const most = 3 * decoded.text.length;
    const into = most <= REUSED_BYTES ? (textBuffer.length >= most ? textBuffer : (textBuffer = new Uint8Array(most))) : new Uint8Array(most);
    return into.subarray(0, encoder.encodeInto(decoded.text, into).written);
  } catch {
    return undefined;
  }
}

function readFile(path: string): Uint8Array {
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
