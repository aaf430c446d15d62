// What the corpus needs from each article's sidecar (its publication date and annotations), read
// through the workspace core (limits, containment, decoding: src/core/workspace) in a worker thread
// (sidecarWorker.ts), so that sidecars never hold the extension host. No `vscode` import: the worker
// bundle and the unit tests load it.
import { Workspace, type Annotation, type FileSystem } from '../../core';

/** One article's sidecar as the corpus sees it, or why it could not be used. */
export type SidecarSummary =
  | { readonly article: string; readonly dct?: string; readonly annotations: Annotation[] }
  | { readonly article: string; readonly sidecar: string; readonly problem: string };

/**
 * The sidecars of `articles` (absolute paths in the folder `root`): an article without a sidecar,
 * or whose sidecar lies outside the folder, is left out; one that cannot be read (permissions, too
 * large, not UTF-8) is returned with its problem. Never throws: one file never stops the others.
 */
export async function summarizeSidecars(fs: FileSystem, root: string, articles: readonly string[]): Promise<SidecarSummary[]> {
  const workspace = new Workspace(fs, root);
  const results: SidecarSummary[] = [];
  for (const article of articles) {
    const read = await workspace.readSidecar(article);
    if (read.status === 'missing' || read.status === 'outside') continue;
    if (read.status === 'ok') results.push({ article, dct: read.parsed.dct, annotations: read.parsed.annotations });
    else results.push({ article, sidecar: read.path, problem: read.parsed.problems[0]?.message ?? read.status });
  }
  return results;
}
