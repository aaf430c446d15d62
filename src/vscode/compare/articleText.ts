import { utf8Hash } from '../../core';
import { encodedArticle, readFileReused } from '../common/fileBytes';

const decoder = new TextDecoder();

/**
 * An article's text read from its file, as the corpus index read it (decodeArticle), when it is
 * still the text the statements were read from: the UTF-8 of a text hashed `hash` (utf8Hash, as
 * CorpusIndex keys its documents); undefined when the file changed since, or cannot be read, so that
 * no statement is quoted from another text than its own. A file that is that UTF-8 as it is (no BOM,
 * valid) is decoded once. No vscode import: the statement worker reads with it (statementJobs.ts).
 */
export function readArticleText(file: string, hash: string): string | undefined {
  let bytes: Uint8Array;
  try {
    bytes = readFileReused(file);
  } catch {
    return undefined;
  }
  if (utf8Hash(bytes) === hash) return decoder.decode(bytes);
  const encoded = encodedArticle(bytes);
  return encoded && utf8Hash(encoded.utf8) === hash ? encoded.text : undefined;
}
