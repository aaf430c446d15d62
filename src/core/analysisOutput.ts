// The output of `marginalia analyze` and `marginalia link` (docs/contracts.md), produced piece by
// piece from an AnalysisStream: no output is ever held whole, whatever the corpus's size.
import { printable, printableJson } from './terminalText';
import type { AnalysisStream, AnalyzedDocument, Entity } from './types';

export const ANALYSIS_FORMATS = ['json', 'jsonl', 'table'] as const;
export type AnalysisFormat = (typeof ANALYSIS_FORMATS)[number];

/**
 * The text of an analysis in `format`, in pieces to write one after the other. `json` is exactly
 * `JSON.stringify(analysis, null, 1)` and a newline; `jsonl` one line per document, then one per
 * entity; `table` a summary for terminals. Text from documents is made printable (terminalText.ts).
 */
export function* analysisOutput(format: AnalysisFormat, stream: AnalysisStream): Iterable<string> {
  const any = yield* documentsOutput(format, stream.documents);
  yield* entitiesOutput(format, stream.entities(), any);
}

/**
 * The first part of analysisOutput: the pieces of `documents`, after those of earlier documents
 * when `continuing` (another thread may write the rest: see src/cli/analysisThreads.ts). Returns
 * whether any document was written, before or now.
 */
export function* documentsOutput(format: AnalysisFormat, documents: Iterable<AnalyzedDocument>, continuing = false): Generator<string, boolean> {
  if (format === 'json') return yield* jsonItems(DOCUMENTS_HEAD, documents, continuing);
  let any = continuing;
  for (const document of documents) {
    any = true;
    yield format === 'jsonl' ? printableJson(JSON.stringify({ document })) + '\n' : tableDocument(document);
  }
  return any;
}

/** The rest of analysisOutput once the documents are written (`anyDocument`: whether there were some). */
export function* entitiesOutput(format: AnalysisFormat, entities: Entity[], anyDocument: boolean): Iterable<string> {
  if (format === 'json') {
    yield jsonEnd(DOCUMENTS_HEAD, anyDocument);
    yield jsonEnd(ENTITIES_HEAD, yield* jsonItems(ENTITIES_HEAD, entities, false));
    yield '\n}\n';
  } else if (format === 'jsonl') for (const entity of entities) yield printableJson(JSON.stringify({ entity })) + '\n';
  else yield* tableEntities(entities, anyDocument);
}

const DOCUMENTS_HEAD = '{\n "documents": ';
const ENTITIES_HEAD = ',\n "entities": ';

/**
 * Items are written in batches, each one JSON.stringify call: `[[a, b]]` with indent 1 writes a
 * and b two deep, as they stand in the whole analysis, so the text between its first and last
 * lines is theirs as the whole would have it: no re-indenting, one printableJson and one write a
 * batch (2M words: 0.30 s of CPU against 0.37 with a stringify, a re-indent and a write per document).
 * Returns whether any item was written, before (`continuing`) or now; jsonEnd closes the array.
 */
function* jsonItems(head: string, items: Iterable<AnalyzedDocument | Entity>, continuing: boolean): Generator<string, boolean> {
  let first = !continuing;
  for (const batch of batches(items)) {
    const json = JSON.stringify([batch], null, 1);
    // '[\n [\n  ' before the first item, '\n ]\n]' after the last
    yield `${first ? `${head}[\n  ` : ',\n  '}${printableJson(json.slice(7, -5))}`;
    first = false;
  }
  return !first;
}

function jsonEnd(head: string, any: boolean): string {
  return any ? '\n ]' : `${head}[]`;
}

/** Items in batches of up to BATCH_ITEMS, or fewer documents when they hold BATCH_MENTIONS mentions: pieces of about a megabyte. */
function* batches<T extends AnalyzedDocument | Entity>(items: Iterable<T>): Iterable<T[]> {
  let batch: T[] = [];
  let mentions = 0;
  for (const item of items) {
    batch.push(item);
    mentions += typeof item.mentions === 'number' ? 1 : item.mentions.length;
    if (batch.length === BATCH_ITEMS || mentions >= BATCH_MENTIONS) {
      yield batch;
      batch = [];
      mentions = 0;
    }
  }
  if (batch.length) yield batch;
}

const BATCH_ITEMS = 256;
const BATCH_MENTIONS = 8192;

function tableDocument(doc: AnalyzedDocument): string {
  const lines = [`${doc.path}  (published ${doc.dct ?? 'unknown'}, ${doc.mentions.length} mentions)`];
  for (const m of doc.mentions) {
    const detail = m.kind === 'date' ? `= ${m.value ?? 'unresolved'}` : `-> ${m.entity ?? ''}`;
    lines.push(`  ${String(m.start).padStart(6)}-${String(m.end).padEnd(6)} ${m.kind.padEnd(12)} ${m.text}  ${detail}`);
  }
  return lines.map(line => printable(line) + '\n').join('');
}

function* tableEntities(entities: Entity[], anyDocument: boolean): Iterable<string> {
  if (entities.length) {
    const lines = ['', 'Entities:'];
    for (const e of entities) {
      lines.push(
        `  ${e.id.padEnd(32)} ${e.kind.padEnd(12)} ${String(e.mentions).padStart(4)} mentions in ${e.documents} documents  [${e.aliases.join(' | ')}]`,
      );
    }
    yield lines.map(line => printable(line) + '\n').join('');
  } else if (!anyDocument) yield '\n';
}
