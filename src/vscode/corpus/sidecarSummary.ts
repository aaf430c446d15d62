// What the corpus needs from each sidecar (its publication date and annotations), read and parsed
// in a worker thread (sidecarWorker.ts) so that big sidecars never hold the extension host. No
// `vscode` import: the worker bundle and the unit tests load it.
import { readFile } from 'node:fs/promises';
import { loadSidecar, type Annotation } from '../../core/annotations';

/** One sidecar as the corpus sees it, or why it could not be read. */
export type SidecarSummary =
  | { readonly path: string; readonly dct?: string; readonly annotations: Annotation[] }
  | { readonly path: string; readonly error: string };

/** Reads the bytes of a file (injected by the unit tests to fail on purpose). */
export type ReadBytes = (path: string) => Promise<Uint8Array>;

/** A sidecar's summary; a read error is returned (never thrown), so that one file never stops the others. */
export async function summarizeSidecar(path: string, read: ReadBytes = readFile): Promise<SidecarSummary> {
  try {
    // Undecodable bytes are replaced here: the corpus only shows what the file says; the annotation
    // store, which writes sidecars, refuses to write such a file.
    const { dct, annotations } = loadSidecar(new TextDecoder().decode(await read(path)));
    return { path, dct, annotations };
  } catch (e) {
    return { path, error: e instanceof Error ? e.message : String(e) };
  }
}

/** The summaries of many sidecars, in order; each failure stays with its file. */
export async function summarizeSidecars(paths: readonly string[], read: ReadBytes = readFile): Promise<SidecarSummary[]> {
  const results: SidecarSummary[] = [];
  for (const path of paths) results.push(await summarizeSidecar(path, read));
  return results;
}
