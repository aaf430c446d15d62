import { realpath, stat } from 'node:fs/promises';
import * as vscode from 'vscode';
import { articlePathFor, sidecarPathFor, SIDECAR_SUFFIX } from '../../core';

const RESCAN_DEBOUNCE_MS = 300;
const SIDECAR_GLOB = `**/*${SIDECAR_SUFFIX}`;
const SKIPPED = '**/{node_modules,.git}/**';

/** A sidecar found in the workspace, with what Marginalia may do with it. */
export interface SidecarFile {
  sidecar: vscode.Uri;
  article: vscode.Uri;
  articleExists: boolean;
}

/**
 * True when the article's sidecar is a file of the workspace: a local file whose real path (symbolic
 * links resolved) lies inside a workspace folder's real path. Marginalia neither reads nor writes
 * any other sidecar, so a link cannot make it touch files outside the workspace.
 */
export async function sidecarAllowed(article: vscode.Uri): Promise<boolean> {
  if (article.scheme !== 'file') return false;
  const folders = vscode.workspace.workspaceFolders?.filter(f => f.uri.scheme === 'file') ?? [];
  if (folders.length === 0) return false;
  const sidecar = sidecarPathFor(article.fsPath);
  const real = await realPathOfFileOrParent(sidecar);
  if (real === undefined) return false;
  for (const folder of folders) {
    const root = await realPathOfFileOrParent(folder.uri.fsPath);
    if (root !== undefined && isStrictlyInside(real, root)) return true;
  }
  return false;
}

/** Every sidecar of the workspace that Marginalia may use (see `sidecarAllowed`). */
export async function findSidecars(): Promise<SidecarFile[]> {
  const found = await vscode.workspace.findFiles(SIDECAR_GLOB, SKIPPED);
  const files: SidecarFile[] = [];
  for (const sidecar of found) {
    const path = articlePathFor(sidecar.path);
    if (path === undefined) continue;
    const article = sidecar.with({ path });
    if (!(await sidecarAllowed(article))) continue;
    files.push({ sidecar, article, articleExists: await isFile(article.fsPath) });
  }
  return files;
}

/**
 * Warns on each sidecar whose article is missing (renamed or deleted without it): its annotations
 * are kept, but nothing shows them until the article is back.
 */
export function registerSidecarChecks(): vscode.Disposable {
  const diagnostics = vscode.languages.createDiagnosticCollection('marginalia-sidecar-files');
  let timer: ReturnType<typeof setTimeout> | undefined;
  let generation = 0;

  const check = async (): Promise<void> => {
    const mine = ++generation;
    const sidecars = await findSidecars();
    if (mine !== generation) return; // a newer scan started meanwhile
    diagnostics.clear();
    for (const { sidecar, article, articleExists } of sidecars) {
      if (articleExists) continue;
      const name = article.path.slice(article.path.lastIndexOf('/') + 1);
      const d = new vscode.Diagnostic(
        new vscode.Range(0, 0, 0, Number.MAX_SAFE_INTEGER),
        `Marginalia: the article "${name}" of this sidecar is missing, so its annotations are not shown. Rename or move the sidecar together with its article.`,
        vscode.DiagnosticSeverity.Warning,
      );
      d.source = 'Marginalia';
      diagnostics.set(sidecar, [d]);
    }
  };
  const schedule = (): void => {
    clearTimeout(timer);
    timer = setTimeout(() => void check().catch(() => undefined), RESCAN_DEBOUNCE_MS);
  };

  // Creations and deletions of any file can orphan or restore a sidecar (folders move as a whole).
  const watcher = vscode.workspace.createFileSystemWatcher('**/*', false, true, false);
  schedule();
  return vscode.Disposable.from(
    diagnostics,
    watcher,
    watcher.onDidCreate(schedule),
    watcher.onDidDelete(schedule),
    vscode.workspace.onDidChangeWorkspaceFolders(schedule),
    { dispose: () => clearTimeout(timer) },
  );
}

/** The real path of a file, or of its folder joined with its name when the file does not exist yet. */
async function realPathOfFileOrParent(path: string): Promise<string | undefined> {
  try {
    return await realpath(path);
  } catch {
    const cut = Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\'));
    if (cut <= 0) return undefined;
    try {
      return `${await realpath(path.slice(0, cut))}${path.slice(cut)}`;
    } catch {
      return undefined;
    }
  }
}

async function isFile(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isFile();
  } catch {
    return false;
  }
}

/** True when `path` lies under `root` (both real, absolute paths of this platform). */
function isStrictlyInside(path: string, root: string): boolean {
  const fold = (p: string) => {
    const s = p.replace(/\\/g, '/').replace(/\/+$/, '');
    return process.platform === 'win32' || process.platform === 'darwin' ? s.toLowerCase() : s;
  };
  const p = fold(path), r = fold(root);
  return p.startsWith(r + '/') && p.length > r.length + 1;
}
