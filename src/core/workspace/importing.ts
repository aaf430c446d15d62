/**
 * Importing an earlier export (a BRAT folder, a W3C `.jsonld` file) or other tools' spans (a
 * CoNLL, JSONL, doccano or CSV file, as suggestions: src/core/export/spanImport.ts) into a workspace's sidecars:
 * reading the source, merging with each sidecar (same span and label is the same annotation), and
 * saving under the write policy. A sidecar that cannot be read, or has errors, is never written;
 * neither is a sidecar outside the workspace; every other document is still imported.
 */
import type { Annotation } from '../annotations/model';
import {
  bratFileNames,
  importBrat,
  importSpans,
  importW3c,
  SPAN_FORMATS,
  type BratImportOptions,
  type ImportDocument,
  type ImportResult,
  type MergeImportOptions,
  type SpanFormat,
  type SpanImportOptions,
  type W3cImportOptions,
} from '../export';
import type { CorpusProblem } from './corpus';
import { describeError, type FileSystem } from './fileSystem';
import { baseName, joinPath } from './pathText';
import { placeAnnotations } from './placement';
import type { ScanProblem } from './scan';
import type { SidecarRead } from './sidecarFiles';
import { MAX_IMPORT_BYTES, readTextFile, WriteRefusedError } from './textFiles';
import type { Workspace } from './workspace';

export type ImportFormat = 'brat' | 'w3c' | SpanFormat;

export const IMPORT_FORMATS: readonly ImportFormat[] = ['brat', 'w3c', ...SPAN_FORMATS];

/** Where an import is read from: a BRAT folder, or a file of the other formats, on any file system. */
export interface ImportSource {
  fs: FileSystem;
  path: string;
}

/**
 * Options of every format. For CoNLL, JSONL, doccano and CSV, `source` defaults to
 * `<format>:<file name>` and `status` is the status of the spans added (src/core/export/spanImport.ts).
 */
export type ImportReadOptions = BratImportOptions & W3cImportOptions & MergeImportOptions & Omit<SpanImportOptions, 'file'>;

/**
 * The annotations of `source` merged with each document's (`documents[i].annotations`), without
 * writing anything. Problems name the document (its `path`) or the source file.
 */
export async function readImport(
  format: ImportFormat,
  source: ImportSource,
  documents: readonly ImportDocument[],
  options: ImportReadOptions = {},
): Promise<ImportResult> {
  if (format !== 'brat') {
    const read = await readTextFile(source.fs, source.path, MAX_IMPORT_BYTES);
    if (read.status !== 'ok') return { documents: [], problems: [{ path: source.path, message: read.status === 'missing' ? 'not found' : read.message }] };
    if (format === 'w3c') return importW3c(read.text, documents, options);
    const name = baseName(source.path);
    return importSpans(format, read.text, documents, { ...options, source: options.source ?? `${format}:${name}`, file: name });
  }
  const result: ImportResult = { documents: [], problems: [] };
  for (const doc of documents) {
    const names = bratFileNames(doc.path);
    const annPath = joinPath(source.path, names.ann);
    const ann = await readTextFile(source.fs, annPath, MAX_IMPORT_BYTES);
    if (ann.status === 'missing') continue;
    if (ann.status !== 'ok') {
      result.problems.push({ path: doc.path, message: `${annPath} ${ann.message}; not imported` });
      continue;
    }
    const txtPath = joinPath(source.path, names.txt);
    const txt = await readTextFile(source.fs, txtPath, MAX_IMPORT_BYTES);
    if (txt.status !== 'ok' && txt.status !== 'missing') {
      result.problems.push({ path: doc.path, message: `${txtPath} ${txt.message}; not imported` });
      continue;
    }
    const one = importBrat(doc, txt.status === 'ok' ? stripBom(txt.text) : doc.text, ann.text, options);
    result.documents.push(...one.documents);
    result.problems.push(...one.problems);
  }
  return result;
}

/** What an import into sidecars did. */
export interface ImportSummary {
  /** Sidecars written. */
  sidecars: number;
  added: number;
  updated: number;
  problems: CorpusProblem[];
}

function stripBom(text: string): string {
  return text.startsWith('\uFEFF') ? text.slice(1) : text;
}

/**
 * Imports `source` into the sidecars of every article of `workspace`. Each sidecar is placed in its
 * article first (annotations found again where the text moved; orphans kept as they are), merged
 * with the import, then saved under the write policy (merged again with any change made on disk
 * meanwhile). Problem paths are relative to the workspace folder (the source's: as given).
 */
export async function importIntoWorkspace(
  workspace: Workspace,
  format: ImportFormat,
  source: ImportSource,
  options: ImportReadOptions = {},
): Promise<ImportSummary> {
  const summary: ImportSummary = { sidecars: 0, added: 0, updated: 0, problems: [] };
  const shown = (path: string) => workspace.relative(path) ?? path;
  const scanProblems: ScanProblem[] = [];
  const articles = await workspace.listArticles(scanProblems);
  for (const p of scanProblems) summary.problems.push({ path: shown(p.path), message: describeError(p.error) });
  const targets = new Map<string, { file: string; text: string; sidecar: SidecarRead; orphans: Annotation[] }>();
  const documents: ImportDocument[] = [];
  for (const file of articles) {
    const path = shown(file);
    const read = await workspace.readArticle(file);
    if (read.status !== 'ok') {
      summary.problems.push({ path, message: read.message });
      continue;
    }
    const sidecar = await workspace.readSidecar(file);
    const placed = placeAnnotations(read.text, sidecar.parsed.annotations);
    targets.set(path, { file, text: read.text, sidecar, orphans: placed.orphans });
    documents.push({ path, text: read.text, annotations: placed.annotations });
  }
  const result = await readImport(format, source, documents, options);
  summary.problems.push(...result.problems.map(p => ({ path: p.path || source.path, message: p.annotation ? `${p.annotation}: ${p.message}` : p.message })));
  for (const imported of result.documents) {
    if (imported.added.length === 0 && imported.updated.length === 0) continue;
    const target = targets.get(imported.path)!;
    const sidecarPath = shown(target.sidecar.path);
    if (!target.sidecar.parsed.writable) {
      const why = target.sidecar.parsed.problems.find(p => p.severity === 'error');
      summary.problems.push({ path: sidecarPath, message: `not imported: ${why ? `line ${why.line + 1}: ${why.message}` : 'the sidecar cannot be written'}` });
      continue;
    }
    try {
      await workspace.saveSidecar(target.file, {
        lastRead: target.sidecar.text,
        annotations: imported.annotations,
        orphans: target.orphans,
        dct: target.sidecar.parsed.dct,
        text: target.text,
      });
    } catch (e) {
      summary.problems.push({ path: sidecarPath, message: `not imported: ${e instanceof WriteRefusedError ? e.reason : describeError(e)}` });
      continue;
    }
    summary.sidecars++;
    summary.added += imported.added.length;
    summary.updated += imported.updated.length;
  }
  return summary;
}
