/**
 * Importing other tools' spans as suggestions: CoNLL-2003 (./conllRead.ts), JSON Lines in the
 * spaCy/Prodigy and doccano shapes (./jsonlRead.ts) and our CSV (./csvRead.ts). Each record is
 * matched to its article; one whose text is not the article's is refused with a message naming
 * the document, and the others are still imported. Merged as every import is (./merge.ts: the
 * same span and label is the same annotation, so importing twice adds nothing).
 *
 * Status: `options.status` when the user picked one (for every span added; the file's statuses
 * are then ignored); otherwise the file's own status where the format carries one (our JSONL and
 * CSV exports, so that they round-trip), else `suggested`. Added annotations get
 * `options.source`.
 */
import type { AnnotationStatus } from '../annotations/model';
import { conllChunks, conllKey, readConll, squeezed, type ConllToken } from './conllRead';
import { labelForConllType } from './conll';
import { readCsvSpans } from './csvRead';
import { refused, type TextDocument } from './importMatch';
import { readJsonlSpans, type SpanRead } from './jsonlRead';
import { DEFAULT_LABELS } from './labels';
import { mergeImported, type MergeImportOptions } from './merge';
import { targetFor } from '../annotations/anchoring';
import type { ImportDocument, ImportResult } from './types';

/** Formats imported as suggestions. */
export type SpanFormat = 'conll' | 'jsonl' | 'doccano' | 'csv';

export const SPAN_FORMATS: readonly SpanFormat[] = ['conll', 'jsonl', 'doccano', 'csv'];

export interface SpanImportOptions extends MergeImportOptions {
  /** Labels to map type names back to (CoNLL `KEY_CLAIM` → `key claim`). Default: the kinds plus claim, quote, source. */
  labels?: readonly string[];
  /** Status of every span added (see the module comment). */
  status?: AnnotationStatus;
  /** The imported file's name, put before line numbers in problems. */
  file?: string;
}

/**
 * Imports `content` (a file in `format`) into `documents`. Returns the documents the file had
 * records for, each with the import merged in, and what was left out.
 */
export function importSpans(format: SpanFormat, content: string, documents: readonly ImportDocument[], options: SpanImportOptions = {}): ImportResult {
  const labels = options.labels ?? DEFAULT_LABELS;
  const text = content.replace(/^\uFEFF/, '');
  const read =
    format === 'conll'
      ? readConllSpans(text, documents, labels, options.file)
      : format === 'csv'
        ? readCsvSpans(text, documents, options.file)
        : readJsonlSpans(text, documents, labels, options.file);
  const merge: MergeImportOptions = { ...options, defaultStatus: options.status ?? 'suggested' };
  return {
    documents: documents
      .filter(d => read.documents.has(d.path))
      .map(d => {
        const imported = read.documents.get(d.path)!.map(a => (options.status ? { ...a, status: undefined } : a));
        return { path: d.path, ...mergeImported(d.annotations, imported, merge) };
      }),
    problems: read.problems,
  };
}

/**
 * The CoNLL documents of `content` on their articles: each goes to the first article not taken yet
 * whose text, whitespace aside, is its tokens (CoNLL names no documents).
 */
export function readConllSpans(content: string, documents: readonly TextDocument[], labels: readonly string[] = DEFAULT_LABELS, file = ''): SpanRead {
  const out: SpanRead = { documents: new Map(), problems: [] };
  const byKey = new Map<string, TextDocument[]>();
  for (const d of documents) {
    const key = squeezed(d.text);
    byKey.set(key, [...(byKey.get(key) ?? []), d]);
  }
  readConll(content).forEach((conll, i) => {
    const where = `${file ? `${file} ` : ''}document ${i + 1} (line ${conll.line})`;
    const doc = byKey.get(conllKey(conll))?.find(d => !out.documents.has(d.path));
    const badTags: ConllToken[] = [];
    const chunks = doc && conllChunks(conll, doc.text, badTags);
    if (!doc || !chunks) {
      const first = conll.sentences
        .flat()
        .slice(0, 6)
        .map(t => t.token)
        .join(' ');
      out.problems.push(refused('', `${where}: its tokens ("${first} ...") are not the text of any article`));
      return;
    }
    for (const t of badTags) out.problems.push({ path: doc.path, message: `${file ? `${file} ` : ''}line ${t.line}: tag "${t.tag}" is not IOB; read as O` });
    out.documents.set(
      doc.path,
      chunks.map(c => ({ target: targetFor(doc.text, c.start, c.end), label: labelForConllType(c.type, labels) })),
    );
  });
  return out;
}
