import { stat } from 'node:fs/promises';
import * as vscode from 'vscode';
import { articlePathFor, SIDECAR_SUFFIX } from '../../core';
import { sidecarAllowed } from './workspacePaths';

const SIDECAR_GLOB = `**/*${SIDECAR_SUFFIX}`;
const SKIPPED = '**/{node_modules,.git}/**';

/** A sidecar found in the workspace, with what Marginalia may do with it. */
export interface SidecarFile {
  sidecar: vscode.Uri;
  article: vscode.Uri;
  articleExists: boolean;
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

async function isFile(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isFile();
  } catch {
    return false;
  }
}
