// A file read for the index as the extension's analysis worker and the host without it read one
// (src/vscode/corpus/analysisWorker.ts, analysisClient.ts): stamped (fileStamp.ts) before it is
// read, so that a change meanwhile is seen at the next warm start; prepared without its text, which
// the index reads again from the file when it needs it (withoutText).
import { readArticle } from '../workspace/articleRead';
import type { FileSystem } from '../workspace/fileSystem';
import { stampBeforeReading } from './fileStamp';
import { withoutText, type PreparedDocument, type PreparedWithText } from './prepareDocument';

/** A file prepared, with its text and the warnings of reading it; or why it was not read. */
export type ReadPrepared = { prepared: PreparedDocument; text: string; warnings: string[] } | { message: string };

/** Reads a file and prepares its text with `prepare`, giving the result the file's stamp and not its text (withoutText). */
export async function readPrepared(fs: FileSystem, file: string, prepare: (text: string) => PreparedWithText): Promise<ReadPrepared> {
  const stamp = await stampBeforeReading(fs, file);
  const read = await readArticle(fs, file);
  if (read.status !== 'ok') return { message: read.message };
  return { prepared: { ...withoutText(prepare(read.text)), ...(stamp && { stamp }) }, text: read.text, warnings: read.warnings };
}
