import * as vscode from 'vscode';
import { encodedArticle, readFileReused } from '../common/fileBytes';

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
    return encodedArticle(readFileReused(vscode.Uri.parse(key).fsPath))?.utf8;
  } catch {
    return undefined;
  }
}
