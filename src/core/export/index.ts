/**
 * Exporting annotation sets (W3C Web Annotation, BRAT, CoNLL, JSONL, doccano, CSV) and importing
 * them back (BRAT, W3C; CoNLL, JSONL, doccano and CSV as suggestions: ./spanImport.ts). Conventions: ./README.md.
 *
 * Exports are all-or-nothing: the files are returned together at the end for the caller to write
 * (atomically), and a cancelled export throws `CancelledError` having produced nothing.
 */
import { reanchor, targetFor } from '../annotations/anchoring';
import { BratWriter, readBrat, type BratImportOptions } from './brat';
import { ConllWriter } from './conll';
import { CsvWriter } from './csv';
import { JsonlWriter } from './jsonl';
import { mergeImported, type MergeImportOptions } from './merge';
import { checkRelativePath, entityResolver, selectSpans } from './select';
import {
  CancelledError,
  EXPORT_FORMATS,
  type ExportDocument,
  type ExportedFile,
  type ExportFormat,
  type ExportOptions,
  type ExportProblem,
  type ExportResult,
  type ExportSpan,
  type ImportDocument,
  type ImportedAnnotation,
  type ImportResult,
} from './types';
import { readW3c, W3cWriter, type W3cImportOptions } from './w3c';

export * from './types';
export { OffsetMap } from './offsets';
export { DEFAULT_LABELS, labelForType } from './labels';
export { selectSpans, entityResolver, checkRelativePath, type EntityResolver } from './select';
export { bratTypeName, bratFileNames, labelForBratType, readBrat, escapeNote, unescapeNote, BRAT_CONF, BRAT_DB, type BratImportOptions } from './brat';
export { conllType, labelForConllType, tokenize, nonOverlapping, conllSentences, CONLL_FILE, DOCSTART, type Token } from './conll';
export { csvField, csvRow, CSV_FILE, CSV_COLUMNS } from './csv';
export { JSONL_FILE, DOCCANO_FILE } from './jsonl';
export {
  readW3c,
  documentIri,
  entityIri,
  ANNO_CONTEXT,
  DEFAULT_BASE_IRI,
  ENTITY_IRI_PREFIX,
  W3C_FILE,
  DEFAULT_PAGE_SIZE,
  type W3cImportDocument,
  type W3cImportOptions,
  type W3cImportResult,
} from './w3c';
export { mergeImported, type MergeImportOptions, type MergeImportResult } from './merge';
export { importSpans, readConllSpans, SPAN_FORMATS, type SpanFormat, type SpanImportOptions } from './spanImport';
export { readConll, conllChunks, type ConllDocument, type ConllToken, type ConllChunk } from './conllRead';
export { readJsonlSpans, type SpanRead } from './jsonlRead';
export { readCsvSpans, parseCsv, unguard } from './csvRead';
export { documentAt, textDifference } from './importMatch';

interface Writer {
  document(doc: ExportDocument, spans: readonly ExportSpan[], problems: ExportProblem[]): void;
  finish(): ExportedFile[];
  readonly spans: number;
}

/** Milliseconds of work between two yields to the event loop in `exportAnnotations`. */
const SLICE_MS = 16;

/**
 * Exports `documents` in `format` (see README.md for each format's files). Runs in slices,
 * yielding to the event loop between documents, so that progress shows and `isCancelled` can turn
 * true meanwhile. Rejects with `CancelledError` when cancelled, with a `TypeError` for a bad
 * document path or a path given twice, with a `RangeError` for an unknown format.
 */
export async function exportAnnotations(format: ExportFormat, documents: readonly ExportDocument[], options: ExportOptions = {}): Promise<ExportResult> {
  const steps = run(format, documents, options);
  let sliceStart = Date.now();
  for (let step = steps.next(); ; step = steps.next()) {
    if (step.done) return step.value;
    if (Date.now() - sliceStart >= SLICE_MS) {
      await new Promise<void>(resolve => setTimeout(resolve, 0));
      sliceStart = Date.now();
    }
  }
}

/** `exportAnnotations` without yielding (for the CLI and tests). */
export function exportAnnotationsSync(format: ExportFormat, documents: readonly ExportDocument[], options: ExportOptions = {}): ExportResult {
  const steps = run(format, documents, options);
  for (let step = steps.next(); ; step = steps.next()) if (step.done) return step.value;
}

function* run(format: ExportFormat, documents: readonly ExportDocument[], options: ExportOptions): Generator<void, ExportResult> {
  const resolver = entityResolver(options.registry);
  const writer = makeWriter(format, options, resolver);
  const problems: ExportProblem[] = [];
  const seen = new Set<string>();
  const checkCancel = (): void => {
    if (options.isCancelled?.()) throw new CancelledError();
  };
  for (const [index, original] of documents.entries()) {
    checkCancel();
    const path = checkRelativePath(original.path);
    if (seen.has(path)) throw new TypeError(`export: document path given twice: ${path}`);
    seen.add(path);
    const doc = path === original.path ? original : { ...original, path };
    writer.document(doc, selectSpans(doc, options, resolver, problems), problems);
    options.onDocument?.({ path, index, total: documents.length });
    yield;
  }
  checkCancel();
  const files = writer.finish();
  checkCancel();
  return { files, problems, spans: writer.spans };
}

function makeWriter(format: ExportFormat, options: ExportOptions, resolver: ReturnType<typeof entityResolver>): Writer {
  switch (format) {
    case 'w3c':
      return new W3cWriter(resolver, options.baseIri, options.pageSize);
    case 'brat':
      return new BratWriter(resolver);
    case 'conll':
      return new ConllWriter();
    case 'jsonl':
      return new JsonlWriter('spacy');
    case 'doccano':
      return new JsonlWriter('doccano');
    case 'csv':
      return new CsvWriter();
    default:
      throw new RangeError(`export: unknown format ${JSON.stringify(format)} (one of ${EXPORT_FORMATS.join(', ')})`);
  }
}

// ---------------------------------------------------------------------------------------------
// Import

/**
 * Imports a BRAT `.txt`/`.ann` pair into `doc`. When the `.txt` differs from the document's text
 * (an older version), each span is re-anchored in the document (`reanchor`); spans not found are
 * reported and left out.
 */
export function importBrat(doc: ImportDocument, bratText: string, ann: string, options: BratImportOptions & MergeImportOptions = {}): ImportResult {
  const read = readBrat(bratText, ann, options, doc.path);
  const problems = [...read.problems];
  const annotations = bratText === doc.text ? read.annotations : moveToText(doc, read.annotations, problems);
  const merged = mergeImported(doc.annotations, annotations, options);
  return { documents: [{ path: doc.path, ...merged }], problems };
}

/**
 * Imports a W3C Web Annotation export (JSON text or value; see `readW3c`) into `documents`
 * (matched by the annotations' target sources). Documents without imported annotations are
 * returned unchanged.
 */
export function importW3c(input: unknown, documents: readonly ImportDocument[], options: W3cImportOptions & MergeImportOptions = {}): ImportResult {
  const read = readW3c(input, documents, options);
  return {
    documents: documents.map(d => ({ path: d.path, ...mergeImported(d.annotations, read.documents.get(d.path) ?? [], options) })),
    problems: read.problems,
  };
}

function moveToText(doc: ImportDocument, annotations: readonly ImportedAnnotation[], problems: ExportProblem[]): ImportedAnnotation[] {
  const out: ImportedAnnotation[] = [];
  for (const a of annotations) {
    const r = reanchor(doc.text, a.target);
    if (r.orphan) {
      problems.push({ path: doc.path, message: `"${a.target.quote}" (${a.label}) is not in the document's text; left out` });
      continue;
    }
    out.push({ ...a, target: targetFor(doc.text, r.start, r.end) });
  }
  return out;
}
