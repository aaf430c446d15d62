import * as vscode from 'vscode';
import { articlePathFor, SIDECAR_SUFFIX } from '../../core';
import type { AnnotationStore } from './annotationStore';

const SIDECAR_GLOB = `**/*${SIDECAR_SUFFIX}`;
const SKIPPED = '**/{node_modules,.git}/**';

/** A sidecar found in the workspace, with whether its article is there. */
export interface SidecarFile {
  sidecar: vscode.Uri;
  article: vscode.Uri;
  articleExists: boolean;
}

/** Every sidecar of the workspace that Marginalia may use (really inside a workspace folder: `sidecarOutside`). */
export async function findSidecars(store: AnnotationStore): Promise<SidecarFile[]> {
  const found = await vscode.workspace.findFiles(SIDECAR_GLOB, SKIPPED);
  const files: SidecarFile[] = [];
  for (const sidecar of found) {
    const path = articlePathFor(sidecar.path);
    if (path === undefined) continue;
    const article = sidecar.with({ path });
    if (await store.sidecarOutside(article)) continue;
    const stat = await vscode.workspace.fs.stat(article).then(
      s => s,
      () => undefined,
    );
    files.push({ sidecar, article, articleExists: stat?.type === vscode.FileType.File });
  }
  return files;
}
