/**
 * Writing an export's files into the chosen output folder under the write policy:
 * - nothing outside the folder (real paths: a linked subfolder cannot lead out), no write through
 *   a link;
 * - never over an article being exported or its sidecar (even with `force`);
 * - never over a file the export did not create, unless forced (CLI `--force`) or confirmed (the
 *   extension asks): the folder's manifest `.marginalia-export.json` records what earlier exports
 *   wrote, so exporting again into the same folder needs neither;
 * - every file through a temporary file and a rename; all files are staged before the first
 *   rename, so a failure while writing leaves the folder as it was.
 */
import { contentHash } from '../corpus/contentHash';
import type { ExportedFile } from '../export';
import { outsideReason } from './containment';
import { describeError, type FileSystem } from './fileSystem';
import { joinPath, parentOf } from './pathText';
import { encodeText, readTextFile } from './textFiles';
import { commitTemp, createFolders, discardTemp, replaceFile, stageTemp } from './writePolicy';

/** The manifest of what exports wrote into a folder. */
const EXPORT_MANIFEST = '.marginalia-export.json';

/** Files larger than this are not compared with the new content (taken as foreign unless the manifest knows them). */
const MAX_COMPARED_BYTES = 256 * 1024 * 1024;

export interface ExportWriteOptions {
  /** Overwrite files the export did not create (never articles or sidecars: see `protect`). */
  force?: boolean;
  /** Real or plain paths of files never overwritten, whatever `force` says: the exported articles and their sidecars. */
  protect?: readonly string[];
  /**
   * Asked, with the paths concerned, when files the export did not create would be overwritten
   * (the extension's confirmation); resolves true to go on. Without it (and without `force`) the
   * export is refused.
   */
  confirm?: (paths: string[]) => Promise<boolean>;
}

/** An export that would write where it must not: nothing was written. */
export class ExportRefusedError extends Error {
  constructor(
    message: string,
    readonly paths: readonly string[],
  ) {
    super(message);
    this.name = 'ExportRefusedError';
  }
}

interface Manifest {
  version: 1;
  /** Path relative to the folder → content hashes this export may replace. */
  files: Record<string, string[]>;
}

/**
 * Writes `files` (paths relative to `folder`, `/`-separated) into `folder`, created when missing,
 * and returns their paths. Throws `ExportRefusedError` (having written nothing) when a file would
 * go outside the folder or through a link, over an article or sidecar, or over a file no export
 * wrote without `force`/`confirm`.
 */
export async function writeExport(fs: FileSystem, folder: string, files: readonly ExportedFile[], options: ExportWriteOptions = {}): Promise<string[]> {
  const manifestPath = joinPath(folder, EXPORT_MANIFEST);
  const existed = (await fs.stat(folder)) !== undefined;
  const manifest = existed ? await readManifest(fs, manifestPath) : { version: 1 as const, files: {} };
  const targets = files.map(file => ({ path: joinPath(folder, file.path), rel: file.path, content: file.content, same: false }));
  if (existed) {
    const { refused, foreign } = await checkTargets(fs, folder, targets, manifest, options.protect ?? []);
    if (refused.length) throw new ExportRefusedError(`not exported, nothing was written: ${listed(refused, '; ')}`, refused);
    if (foreign.length && !options.force && !(await options.confirm?.(foreign))) {
      const one = foreign.length === 1;
      throw new ExportRefusedError(
        `not exported, nothing was written: ${listed(foreign, ', ')} already exist${one ? 's' : ''} and ${one ? 'was' : 'were'} not written by an earlier export (overwrite with --force)`,
        foreign,
      );
    }
  } else {
    await fs.createDirectory(folder);
  }
  // The manifest accepts old and new contents while the files are being replaced, so an export
  // interrupted half-way can be run again without --force.
  const next: Manifest = { version: 1, files: { ...manifest.files } };
  for (const t of targets) next.files[t.rel] = [...new Set([...(manifest.files[t.rel] ?? []), contentHash(t.content)])].slice(-2);
  await replaceFile(fs, manifestPath, encodeText(JSON.stringify(next, null, 1) + '\n'));
  const staged: { tmp: string; path: string }[] = [];
  const made = new Set<string>();
  try {
    for (const t of targets) {
      if (t.same) continue;
      const parent = parentOf(t.path);
      if (!made.has(parent)) await createFolders(fs, folder, parent);
      made.add(parent);
      staged.push({ tmp: await stageTemp(fs, t.path, encodeText(t.content)), path: t.path });
    }
  } catch (e) {
    await Promise.all(staged.map(s => discardTemp(fs, s.tmp)));
    throw e;
  }
  for (const [i, s] of staged.entries()) {
    try {
      await commitTemp(fs, s.tmp, s.path);
    } catch (e) {
      await Promise.all(staged.slice(i + 1).map(r => discardTemp(fs, r.tmp)));
      throw e;
    }
  }
  for (const t of targets) next.files[t.rel] = [contentHash(t.content)];
  await replaceFile(fs, manifestPath, encodeText(JSON.stringify(next, null, 1) + '\n')).catch(() => undefined);
  return targets.map(t => t.path);
}

/**
 * Which targets may not be written at all (`refused`), and which exist without an earlier export
 * having written them (`foreign`); marks targets whose file already holds the new content (`same`).
 */
async function checkTargets(
  fs: FileSystem,
  folder: string,
  targets: { path: string; rel: string; content: string; same: boolean }[],
  manifest: Manifest,
  protectPaths: readonly string[],
): Promise<{ refused: string[]; foreign: string[] }> {
  const protect = await realPaths(fs, protectPaths);
  const fold = (p: string) => (fs.caseInsensitive ? p.toLowerCase() : p);
  const folders = new Map<string, Promise<string | undefined>>();
  const refused: string[] = [];
  const foreign: string[] = [];
  for (const t of targets) {
    const parent = parentOf(t.path);
    // A file's real path is its folder's real path and its name: check each folder once.
    if (!folders.has(parent)) folders.set(parent, parent === folder ? Promise.resolve(undefined) : outsideReason(fs, folder, parent));
    const outside = await folders.get(parent);
    if (outside) {
      refused.push(`${t.path} ${outside}`);
      continue;
    }
    const stat = await fs.stat(t.path);
    if (!stat) continue;
    if (stat.type === 'symlink') {
      refused.push(`${t.path} is a symbolic link`);
      continue;
    }
    if (stat.type !== 'file') {
      refused.push(`${t.path} is not a regular file`);
      continue;
    }
    if (protect.has(fold(await fs.realPath(t.path)))) {
      refused.push(`${t.path} is an article or sidecar of the export`);
      continue;
    }
    const existing = stat.size <= MAX_COMPARED_BYTES ? await readTextFile(fs, t.path, MAX_COMPARED_BYTES) : undefined;
    const text = existing?.status === 'ok' ? existing.text : undefined;
    t.same = text === t.content;
    if (!t.same && (text === undefined || !manifest.files[t.rel]?.includes(contentHash(text)))) foreign.push(t.path);
  }
  return { refused, foreign };
}

/** The first few items, then how many more. */
function listed(items: readonly string[], separator: string): string {
  const shown = items.slice(0, 3).join(separator);
  return items.length > 3 ? `${shown}${separator}and ${items.length - 3} more` : shown;
}

async function readManifest(fs: FileSystem, path: string): Promise<Manifest> {
  const read = await readTextFile(fs, path, 64 * 1024 * 1024);
  if (read.status !== 'ok') return { version: 1, files: {} };
  try {
    const data = JSON.parse(read.text) as Partial<Manifest>;
    const files: Record<string, string[]> = {};
    for (const [k, v] of Object.entries(data.files ?? {})) if (Array.isArray(v)) files[k] = v.filter(h => typeof h === 'string');
    return { version: 1, files };
  } catch {
    return { version: 1, files: {} };
  }
}

async function realPaths(fs: FileSystem, paths: readonly string[]): Promise<Set<string>> {
  const out = new Set<string>();
  for (const p of paths) {
    const real = await fs.realPath(p).catch(() => p);
    out.add(fs.caseInsensitive ? real.toLowerCase() : real);
  }
  return out;
}

/** The message of an export write failure, for a person. */
export function exportFailure(e: unknown): string {
  return e instanceof ExportRefusedError ? e.message : `not exported: ${describeError(e)}`;
}
