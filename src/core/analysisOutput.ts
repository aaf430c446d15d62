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
  if (format === 'json') yield* jsonPieces(stream);
  else if (format === 'jsonl') yield* jsonlPieces(stream);
  else yield* tablePieces(stream);
}

function* jsonPieces(stream: AnalysisStream): Iterable<string> {
  // JSON.stringify with indent 1 writes a value nested two deep as it writes it alone, two spaces in
  yield* jsonArray('{\n "documents": ', stream.documents);
  yield* jsonArray(',\n "entities": ', stream.entities());
  yield '\n}\n';
}

function* jsonArray(head: string, items: Iterable<AnalyzedDocument | Entity>): Iterable<string> {
  let first = true;
  for (const item of items) {
    yield `${first ? `${head}[\n  ` : ',\n  '}${printableJson(JSON.stringify(item, null, 1)).replace(/\n/g, '\n  ')}`;
    first = false;
  }
  yield first ? `${head}[]` : '\n ]';
}

function* jsonlPieces(stream: AnalysisStream): Iterable<string> {
  for (const document of stream.documents) yield printableJson(JSON.stringify({ document })) + '\n';
  for (const entity of stream.entities()) yield printableJson(JSON.stringify({ entity })) + '\n';
}

function* tablePieces(stream: AnalysisStream): Iterable<string> {
  let any = false;
  for (const doc of stream.documents) {
    any = true;
    const lines = [`${doc.path}  (published ${doc.dct ?? 'unknown'}, ${doc.mentions.length} mentions)`];
    for (const m of doc.mentions) {
      const detail = m.kind === 'date' ? `= ${m.value ?? 'unresolved'}` : `-> ${m.entity ?? ''}`;
      lines.push(`  ${String(m.start).padStart(6)}-${String(m.end).padEnd(6)} ${m.kind.padEnd(12)} ${m.text}  ${detail}`);
    }
    yield lines.map(line => printable(line) + '\n').join('');
  }
  const entities = stream.entities();
  if (entities.length) {
    const lines = ['', 'Entities:'];
    for (const e of entities) {
      lines.push(
        `  ${e.id.padEnd(32)} ${e.kind.padEnd(12)} ${String(e.mentions).padStart(4)} mentions in ${e.documents} documents  [${e.aliases.join(' | ')}]`,
      );
    }
    yield lines.map(line => printable(line) + '\n').join('');
  } else if (!any) yield '\n';
}
