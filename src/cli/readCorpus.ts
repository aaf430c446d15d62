import { readdir, readFile, stat } from 'node:fs/promises';
import { dirname, join, relative, resolve, sep } from 'node:path';
import {
  DEFAULT_REGISTRY_PATH, decodeArticle, isArticlePath, loadSidecar, parseRegistry, sidecarPathFor,
  type Annotation, type Registry, type SourceDocument,
} from '../core';

export interface CorpusProblem {
  path: string;
  message: string;
}

/** An article with what its sidecar says. */
export interface CorpusDocument extends SourceDocument {
  annotations: Annotation[];
}

export interface ReadCorpus {
  documents: CorpusDocument[];
  problems: CorpusProblem[];
  /** The reviewers' registry found above the inputs, if any. */
  registry?: Registry;
}

/**
 * Reads files and walks folders for articles, in a stable (sorted) order, with their sidecars
 * (annotations and publication date) and the entity registry of the workspace they are in.
 */
export async function readCorpus(paths: readonly string[]): Promise<ReadCorpus> {
  const documents: CorpusDocument[] = [];
  const problems: CorpusProblem[] = [];
  for (const path of paths) {
    let files: string[];
    try {
      files = (await stat(path)).isDirectory() ? await walk(path) : [path];
    } catch (e) {
      problems.push({ path, message: errorMessage(e) });
      continue;
    }
    for (const file of files) {
      try {
        const decoded = decodeArticle(await readFile(file));
        for (const message of decoded.warnings) problems.push({ path: file, message });
        if (decoded.binary) continue;
        const sidecar = await readSidecar(file, problems);
        documents.push({
          path: file,
          text: decoded.text,
          annotations: sidecar?.annotations ?? [],
          ...(sidecar?.dct ? { dct: sidecar.dct, dctFromSidecar: true } : {}),
        });
      } catch (e) {
        problems.push({ path: file, message: errorMessage(e) });
      }
    }
  }
  return { documents, problems, registry: await findRegistry(paths, problems) };
}

async function readSidecar(article: string, problems: CorpusProblem[]): Promise<{ annotations: Annotation[]; dct?: string } | undefined> {
  const path = sidecarPathFor(article);
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch {
    return undefined;
  }
  const parsed = loadSidecar(text);
  for (const p of parsed.problems.filter(p => p.severity === 'error')) problems.push({ path, message: `line ${p.line + 1}: ${p.message}` });
  return parsed;
}

/** `.marginalia/entities.yaml` in the first input folder or the nearest folder above it. */
async function findRegistry(paths: readonly string[], problems: CorpusProblem[]): Promise<Registry | undefined> {
  if (paths.length === 0) return undefined;
  let dir = resolve(paths[0]);
  if (!(await stat(dir).then(s => s.isDirectory(), () => false))) dir = dirname(dir);
  for (;;) {
    const file = join(dir, DEFAULT_REGISTRY_PATH);
    const text = await readFile(file, 'utf8').catch(() => undefined);
    if (text !== undefined) {
      const parsed = parseRegistry(text);
      for (const p of parsed.problems) problems.push({ path: file, message: `line ${p.line + 1}: ${p.message}` });
      return parsed.registry;
    }
    const parent = dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

async function walk(root: string): Promise<string[]> {
  const out: string[] = [];
  const visit = async (dir: string): Promise<void> => {
    const entries = await readdir(dir, { withFileTypes: true });
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      const full = join(dir, entry.name);
      const rel = relative(root, full).split(sep).join('/');
      if (entry.isDirectory()) {
        if (!isArticlePath(`${rel}/x.txt`)) continue; // an excluded folder
        await visit(full);
      } else if (entry.isFile() && isArticlePath(rel)) {
        out.push(full);
      }
    }
  };
  await visit(root);
  return out;
}

function errorMessage(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}
