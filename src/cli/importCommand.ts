import { readFile } from 'node:fs/promises';
import { join, relative, resolve, sep } from 'node:path';
import { bratFileNames, importBrat, importW3c, serializeSidecar, sidecarPathFor, type ImportDocument, type ImportResult } from '../core';
import { readCorpus, type CorpusProblem } from './readCorpus';
import { writeFileAtomically } from './writeFiles';

export type ImportFormat = 'brat' | 'w3c';

export interface ImportSummary {
  sidecars: number;
  added: number;
  updated: number;
  problems: CorpusProblem[];
}

/**
 * Imports BRAT standoff (a folder of .txt/.ann) or a W3C Web Annotation export into the sidecars
 * of the articles under `root`, merging with what they hold. Sidecars with errors are left alone.
 */
export async function importAnnotations(format: ImportFormat, source: string, root: string): Promise<ImportSummary> {
  const corpus = await readCorpus([root]);
  const problems = [...corpus.problems];
  const documents: (ImportDocument & { file: string })[] = corpus.documents.map(doc => ({
    file: doc.path,
    path: relative(resolve(root), resolve(doc.path)).split(sep).join('/'),
    text: doc.text,
    annotations: doc.annotations,
  }));
  const results: ImportResult[] = [];
  if (format === 'w3c') {
    results.push(importW3c(await readFile(source, 'utf8'), documents));
  } else {
    for (const doc of documents) {
      const names = bratFileNames(doc.path);
      const ann = await readFile(join(source, ...names.ann.split('/')), 'utf8').catch(() => undefined);
      if (ann === undefined) continue;
      const txt = await readFile(join(source, ...names.txt.split('/')), 'utf8').catch(() => doc.text);
      results.push(importBrat(doc, txt, ann));
    }
  }
  const summary: ImportSummary = { sidecars: 0, added: 0, updated: 0, problems };
  for (const result of results) {
    for (const p of result.problems) problems.push({ path: p.path, message: p.message });
    for (const imported of result.documents) {
      if (imported.added.length === 0 && imported.updated.length === 0) continue;
      const doc = documents.find(d => d.path === imported.path)!;
      const sidecar = sidecarPathFor(doc.file);
      const original = await readFile(sidecar, 'utf8').catch(() => undefined);
      let content: string;
      try {
        content = serializeSidecar(original, imported.annotations);
      } catch (e) {
        problems.push({ path: sidecar, message: `not changed: ${(e as Error).message}` });
        continue;
      }
      await writeFileAtomically(sidecar, content);
      summary.sidecars++;
      summary.added += imported.added.length;
      summary.updated += imported.updated.length;
    }
  }
  return summary;
}
