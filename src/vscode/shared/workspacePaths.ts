import { lstat, realpath } from 'node:fs/promises';
import { basename, isAbsolute, join, resolve } from 'node:path';
import * as vscode from 'vscode';
import { sidecarPathFor } from '../../core';

/**
 * The real path of `path` (symbolic links resolved). A path that does not exist yet resolves
 * through its nearest existing ancestor, with the missing names appended; undefined when no
 * ancestor can be resolved.
 */
export async function realPathOf(path: string): Promise<string | undefined> {
  const missing: string[] = [];
  for (let current = resolve(path); ;) {
    try {
      return join(await realpath(current), ...missing.reverse());
    } catch {
      const parent = resolve(current, '..');
      if (parent === current) return undefined;
      missing.push(basename(current));
      current = parent;
    }
  }
}

/** True when `path` lies strictly under `root` (both real, absolute paths of this platform). */
export function isStrictlyInside(path: string, root: string): boolean {
  const fold = (p: string) => {
    const s = p.replace(/\\/g, '/').replace(/\/+$/, '');
    return process.platform === 'win32' || process.platform === 'darwin' ? s.toLowerCase() : s;
  };
  const p = fold(path), r = fold(root);
  return p.startsWith(r + '/') && p.length > r.length + 1;
}

/** The real paths of the workspace's local folders. */
async function workspaceRoots(): Promise<string[]> {
  const folders = vscode.workspace.workspaceFolders?.filter(f => f.uri.scheme === 'file') ?? [];
  const roots = await Promise.all(folders.map(f => realPathOf(f.uri.fsPath)));
  return roots.filter((r): r is string => r !== undefined);
}

/** True when a local file (existing or not) really lies inside a workspace folder, links resolved. */
export async function isInWorkspace(file: vscode.Uri): Promise<boolean> {
  if (file.scheme !== 'file') return false;
  const real = await realPathOf(file.fsPath);
  if (real === undefined) return false;
  return (await workspaceRoots()).some(root => isStrictlyInside(real, root));
}

/**
 * True when the article's sidecar is a file of the workspace: a local file whose real path (symbolic
 * links resolved) lies inside a workspace folder's real path. Marginalia neither reads nor writes
 * any other sidecar, so a link cannot make it touch files outside the workspace.
 */
export function sidecarAllowed(article: vscode.Uri): Promise<boolean> {
  return article.scheme === 'file' ? isInWorkspace(vscode.Uri.file(sidecarPathFor(article.fsPath))) : Promise.resolve(false);
}

/**
 * A path given relative to a folder (a setting), as a file inside that folder: undefined when it
 * leads outside (`..`, an absolute path, a symbolic link on the way).
 */
export async function fileInside(folder: vscode.Uri, relative: string): Promise<vscode.Uri | undefined> {
  if (folder.scheme !== 'file' || isAbsolute(relative)) return undefined;
  const root = await realPathOf(folder.fsPath);
  const real = await realPathOf(resolve(folder.fsPath, relative));
  if (root === undefined || real === undefined || !isStrictlyInside(real, root)) return undefined;
  return vscode.Uri.file(resolve(folder.fsPath, relative));
}

/** True when the path exists and is a symbolic link. */
export async function isSymbolicLink(path: string): Promise<boolean> {
  try {
    return (await lstat(path)).isSymbolicLink();
  } catch {
    return false;
  }
}
