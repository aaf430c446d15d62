import { randomBytes } from 'node:crypto';
import { chmod, open, readFile, rename, stat, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import * as vscode from 'vscode';
import { UserError } from './errors';
import { requireWriteAccess } from './trust';
import { isSymbolicLink } from './workspacePaths';

/** A text file Marginalia keeps (sidecar, registry) as read: absent, its text, or bytes it cannot decode. */
export type TextFileRead =
  | { readonly kind: 'missing' }
  | { readonly kind: 'text'; readonly text: string }
  | { readonly kind: 'undecodable'; readonly message: string; /** The text with the bad bytes replaced, to show, never to write. */ readonly lossy: string };

/**
 * Reads a UTF-8 file Marginalia may write back. A BOM stays in the text (so a save keeps it);
 * bytes that are not UTF-8 are never replaced: the file is `undecodable`, and must not be written
 * over. Any read error other than "not found" is thrown, never taken for "empty". Local files
 * only (package.json declares no virtual workspace support): Node's fs is read directly, which in
 * a remote extension host is much faster than a round trip through the workbench.
 */
export async function readTextFile(uri: vscode.Uri): Promise<TextFileRead> {
  let bytes: Uint8Array;
  try {
    bytes = await readLocalFile(uri);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return { kind: 'missing' };
    throw e;
  }
  try {
    return { kind: 'text', text: new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes) };
  } catch {
    return {
      kind: 'undecodable',
      message: 'this file is not valid UTF-8: Marginalia reads it as far as it can and does not write it. Save it as UTF-8 to annotate again.',
      lossy: new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes),
    };
  }
}

/** The bytes of a local file (errors as Node reports them: `code` ENOENT when missing). */
export function readLocalFile(uri: vscode.Uri): Promise<Uint8Array> {
  if (uri.scheme !== 'file') return Promise.reject(new UserError(`Marginalia: cannot read ${uri.toString()} (only local files).`));
  return readFile(uri.fsPath);
}

/** A file's text (undecodable bytes replaced), or undefined when it does not exist: for files Marginalia only reads. */
export async function readTextIfExists(uri: vscode.Uri): Promise<string | undefined> {
  try {
    return new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
  } catch (e) {
    if (e instanceof vscode.FileSystemError && e.code === 'FileNotFound') return undefined;
    throw e;
  }
}

/**
 * Writes a local file whole or not at all: the content goes to a temporary sibling with an
 * unpredictable name, created exclusively (never through a planted file or link), then renamed
 * over the target. Refuses in Restricted Mode and when the target is a symbolic link.
 */
export async function writeFileAtomic(uri: vscode.Uri, content: string): Promise<void> {
  requireWriteAccess();
  if (uri.scheme !== 'file') throw new UserError(`Marginalia: cannot write ${uri.toString()} (only local files).`);
  const path = uri.fsPath;
  if (await isSymbolicLink(path)) throw new UserError(`Marginalia: ${vscode.workspace.asRelativePath(uri)} is a symbolic link; Marginalia does not write through links.`);
  const mode = await stat(path).then(s => s.mode & 0o777, () => undefined);
  const tmp = join(dirname(path), `.${basename(path)}.${randomBytes(8).toString('hex')}.tmp`);
  const handle = await open(tmp, 'wx', mode ?? 0o666);
  try {
    try {
      await handle.writeFile(content, 'utf8');
    } finally {
      await handle.close();
    }
    if (mode !== undefined) await chmod(tmp, mode); // the umask may have narrowed it
    await rename(tmp, path);
  } catch (e) {
    await unlink(tmp).catch(() => undefined);
    throw e;
  }
}
