import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join, resolve, sep } from 'node:path';
import type { ExportedFile } from '../core';

/**
 * Writes every file under `outDir`: all to temporary names first, then renamed into place, so an
 * error leaves no half-written file behind. Returns the absolute paths written.
 */
export async function writeFilesAtomically(outDir: string, files: readonly ExportedFile[]): Promise<string[]> {
  const root = resolve(outDir);
  const staged: { tmp: string; final: string }[] = [];
  try {
    for (const file of files) {
      const final = resolve(join(root, ...file.path.split('/')));
      if (!final.startsWith(root + sep)) throw new Error(`refusing to write outside ${root}: ${file.path}`);
      await mkdir(dirname(final), { recursive: true });
      const tmp = `${final}.${process.pid}.tmp`;
      await writeFile(tmp, file.content, 'utf8');
      staged.push({ tmp, final });
    }
    for (const { tmp, final } of staged) await rename(tmp, final);
  } catch (e) {
    await Promise.all(staged.map(({ tmp }) => rm(tmp, { force: true })));
    throw e;
  }
  return staged.map(s => s.final);
}

/** Writes one file through a temporary sibling and a rename; the temporary file never outlives an error. */
export async function writeFileAtomically(path: string, content: string): Promise<void> {
  const tmp = `${path}.${process.pid}.tmp`;
  try {
    await writeFile(tmp, content, 'utf8');
    await rename(tmp, path);
  } catch (e) {
    await rm(tmp, { force: true });
    throw e;
  }
}
