import * as vscode from 'vscode';
import { decodeArticle } from '../../core';
import { readFileReused, REUSED_BYTES } from '../common/fileBytes';

/** Texts of files up to REUSED_BYTES are encoded into a buffer kept for the next read. */
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
    const decoded = decodeArticle(readFileReused(vscode.Uri.parse(key).fsPath));
    if (decoded.binary) return undefined;
    // at most 3 bytes for each UTF-16 code unit
    const most = 3 * decoded.text.length;
    const into = most <= REUSED_BYTES ? (textBuffer.length >= most ? textBuffer : (textBuffer = new Uint8Array(most))) : new Uint8Array(most);
    return into.subarray(0, encoder.encodeInto(decoded.text, into).written);
  } catch {
    return undefined;
  }
}
