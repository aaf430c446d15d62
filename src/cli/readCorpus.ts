import { readdir, readFile, stat } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { decodeArticle, isArticlePath, type SourceDocument } from '../core';

export interface CorpusProblem {
  path: string;
  message: string;
}

export interface ReadCorpus {
  documents: SourceDocument[];
  problems: CorpusProblem[];
}

/** Reads files and walks folders for articles, in a stable (sorted) order. */
export async function readCorpus(paths: readonly string[]): Promise<ReadCorpus> {
  const documents: SourceDocument[] = [];
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
        if (!decoded.binary) documents.push({ path: file, text: decoded.text });
      } catch (e) {
        problems.push({ path: file, message: errorMessage(e) });
      }
    }
  }
  return { documents, problems };
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
