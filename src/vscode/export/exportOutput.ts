import { createHash, randomBytes } from 'node:crypto';
import { lstat, mkdir, open, readFile, rename, unlink } from 'node:fs/promises';
import { dirname, join, relative, sep } from 'node:path';
import * as vscode from 'vscode';
import { isSidecarPath, type ExportedFile } from '../../core';
import { UserError } from '../shared/errors';
import { requireWriteAccess } from '../shared/trust';
import { isStrictlyInside, realPathOf } from '../shared/workspacePaths';

/** Where the files an export wrote are remembered (real path → hash of what was written). */
const WRITTEN_KEY = 'marginalia.exportedFiles';

/** A file about to be written, and what is there now. */
interface Target {
  file: ExportedFile;
  path: string;
  /** The file there now was not written by an export of Marginalia (or was changed since). */
  foreign: boolean;
}

/**
 * Writes an export's files into the chosen folder, under the file-writing policy of issue 13:
 * - every file lands inside the folder, its real path checked (a linked subfolder cannot lead out)
 *   and never through a symbolic link;
 * - an article of the corpus, a sidecar or the entity registry is never written over;
 * - a file there that Marginalia's exports did not write (or that changed since) is replaced only
 *   when `confirmOverwrite` agrees;
 * - each file goes to a temporary name created exclusively, and all are renamed into place only
 *   when all were written.
 */
export async function writeExport(
  folder: vscode.Uri, files: readonly ExportedFile[], memory: vscode.Memento,
  isProtected: (realPath: string) => Promise<boolean>, confirmOverwrite: (paths: string[]) => Promise<boolean>,
): Promise<string[]> {
  requireWriteAccess();
  if (folder.scheme !== 'file') throw new UserError(`Marginalia: export into a local folder (${folder.toString()} is not one).`);
  await mkdir(folder.fsPath, { recursive: true });
  const root = await realPathOf(folder.fsPath);
  if (root === undefined) throw new UserError(`Marginalia: cannot find the folder ${folder.fsPath}.`);
  const written: Record<string, string> = memory.get(WRITTEN_KEY, {});
  const targets: Target[] = [];
  const refused: string[] = [];
  for (const file of files) {
    const path = join(root, ...file.path.split('/'));
    const real = await realPathOf(path);
    if (real === undefined || !isStrictlyInside(real, root) || file.path.split('/').includes('..')) {
      throw new UserError(`Marginalia: ${file.path} would be written outside ${folder.fsPath}; nothing was exported.`);
    }
    const existing = await lstat(real).catch(() => undefined);
    if (!existing) {
      targets.push({ file, path: real, foreign: false });
      continue;
    }
    if (existing.isSymbolicLink() || !existing.isFile()) throw new UserError(`Marginalia: ${real} is not a plain file; nothing was exported.`);
    if (isSidecarPath(real) || await isProtected(real)) refused.push(real);
    else targets.push({ file, path: real, foreign: written[real] !== hash(await readFile(real)) });
  }
  if (refused.length) {
    throw new UserError(`Marginalia: the export would write over ${refused.length === 1 ? 'an article' : `${refused.length} articles`} or Marginalia's own files (${shortList(refused, root)}); choose another folder. Nothing was exported.`);
  }
  const foreign = targets.filter(t => t.foreign).map(t => t.path);
  if (foreign.length && !(await confirmOverwrite(foreign))) {
    throw new UserError(`Marginalia: ${foreign.length} file(s) in ${folder.fsPath} were not written by a Marginalia export (${shortList(foreign, root)}); nothing was exported.`);
  }
  await stageAndRename(root, targets);
  for (const t of targets) written[t.path] = hash(Buffer.from(t.file.content, 'utf8'));
  await memory.update(WRITTEN_KEY, written);
  return targets.map(t => t.path);
}

async function stageAndRename(root: string, targets: readonly Target[]): Promise<void> {
  const staged: { tmp: string; path: string }[] = [];
  try {
    for (const { file, path } of targets) {
      await mkdir(dirname(path), { recursive: true });
      const real = await realPathOf(dirname(path)); // created folders are checked again
      if (real === undefined || (real !== root && !isStrictlyInside(real, root))) throw new UserError(`Marginalia: ${dirname(path)} leads outside ${root}; nothing was exported.`);
      const tmp = join(real, `.${file.path.split('/').pop()}.${randomBytes(8).toString('hex')}.tmp`);
      const handle = await open(tmp, 'wx');
      staged.push({ tmp, path });
      try {
        await handle.writeFile(file.content, 'utf8');
      } finally {
        await handle.close();
      }
    }
    for (const { tmp, path } of staged) await rename(tmp, path);
  } catch (e) {
    await Promise.all(staged.map(({ tmp }) => unlink(tmp).catch(() => undefined)));
    throw e;
  }
}

function hash(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex').slice(0, 32);
}

function shortList(paths: readonly string[], root: string): string {
  const names = paths.slice(0, 3).map(p => relative(root, p).split(sep).join('/'));
  return names.join(', ') + (paths.length > 3 ? ` and ${paths.length - 3} more` : '');
}
