/**
 * Reading an article: its bytes decoded as VS Code would show them (decode.ts). Articles are only
 * ever read, never written, so a lossy decoding (invalid UTF-8 replaced, with a warning) is fine.
 */
import { utf8Hash } from '../corpus/contentHash';
import { decodeArticle } from '../decode';
import { describeError, type FileSystem } from './fileSystem';

/** An article as read: its text (no BOM), or why it is left out. */
export type ArticleRead =
  | { status: 'ok'; text: string; warnings: string[] }
  /** Not text (NUL bytes) or not readable: `message` says why. */
  | { status: 'binary' | 'unreadable'; message: string };

/** Reads and decodes an article. Never throws. */
export async function readArticle(fs: FileSystem, path: string): Promise<ArticleRead> {
  let bytes: Uint8Array;
  try {
    bytes = await fs.readFile(path);
  } catch (e) {
    return { status: 'unreadable', message: `cannot be read: ${describeError(e)}` };
  }
  const decoded = decodeArticle(bytes);
  if (decoded.binary) return { status: 'binary', message: decoded.warnings.join('; ') };
  return { status: 'ok', text: decoded.text, warnings: decoded.warnings };
}

const encoder = new TextEncoder();

/**
 * An article's text as it was analyzed (readArticle's, UTF-8 encoded) when its hash (utf8Hash) is
 * still `hash`; undefined when the file changed since, or cannot be read. A file that is that UTF-8
 * as it is (no BOM, valid) is taken as read, not decoded and encoded again.
 */
export async function articleBytesOf(fs: FileSystem, path: string, hash: string): Promise<Uint8Array | undefined> {
  let bytes: Uint8Array;
  try {
    bytes = await fs.readFile(path);
  } catch {
    return undefined;
  }
  if (utf8Hash(bytes) === hash) return bytes;
  const decoded = decodeArticle(bytes);
  if (decoded.binary) return undefined;
  const utf8 = encoder.encode(decoded.text);
  return utf8Hash(utf8) === hash ? utf8 : undefined;
}
