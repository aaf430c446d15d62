import { decodeArticle, utf8Hash } from '../../core';
import { readFileReused, REUSED_BYTES } from '../common/fileBytes';

const decoder = new TextDecoder();
const encoder = new TextEncoder();
let textBuffer = new Uint8Array(1 << 16);

/**
 * An article's text read from its file, as the corpus index read it (decodeArticle), when it is
 * still the text the statements were read from: the UTF-8 of a text hashed `hash` (utf8Hash, as
 * CorpusIndex keys its documents); undefined when the file changed since, or cannot be read, so that
 * no statement is quoted from another text than its own. A file that is that UTF-8 as it is (no BOM,
 * valid) is decoded once; the bytes of both reads are in buffers the next read reuses. No vscode
 * import: the statement worker reads with it (statementJobs.ts).
 */
export function readArticleText(file: string, hash: string): string | undefined {
  let bytes: Uint8Array;
  try {
    bytes = readFileReused(file);
  } catch {
    return undefined;
  }
  if (utf8Hash(bytes) === hash) return decoder.decode(bytes);
  const decoded = decodeArticle(bytes);
  if (decoded.binary) return undefined;
  // at most 3 bytes for each UTF-16 code unit
  const most = 3 * decoded.text.length;
  const into = most <= REUSED_BYTES ? (textBuffer.length >= most ? textBuffer : (textBuffer = new Uint8Array(most))) : new Uint8Array(most);
  return utf8Hash(into.subarray(0, encoder.encodeInto(decoded.text, into).written)) === hash ? decoded.text : undefined;
}
