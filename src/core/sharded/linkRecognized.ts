// The reduce step of a sharded analysis (`marginalia link`, docs/contracts.md): the records of
// `marginalia recognize`, from any number of sources in any order, linked into the analysis that
// `analyze` gives for the same documents. It repeats analyze.ts's last steps: a document whose
// family-name lookups the whole corpus answers otherwise is linked again, then entities are linked
// across documents in path order.
import { documentKinds, documentMentions } from '../analyze';
import { EntityTally } from '../corpus/entitySummary';
import { linkCorpus } from '../linking/linkCorpus';
import type { DocumentNames } from '../linking/linkDocument';
import { lookupsHold, relinkNames } from '../linking/linkNames';
import type { AnalysisStream, AnalyzedDocument, Mention } from '../types';
import { documentNames, parseRecord, RecordError } from './recognizedRecord';

/** Lines of records: a file of `recognize`'s output. */
export interface RecordSource {
  /** The source as messages name it (its file name). */
  readonly name: string;
  /** Its lines in order, without line ends; read as often as linking needs (twice at most). */
  lines(): AsyncIterable<string>;
}

/** Input `link` refuses: a line that is no record (named `FILE:LINE`), or a document recognized twice. */
export class LinkInputError extends Error {}

/** What is kept of a record until its document is printed (not its text). */
interface Kept {
  path: string;
  source: number;
  line: number;
  dct: string | null;
  warnings?: string[];
  dates: Mention[] | undefined;
  names: DocumentNames | undefined;
  found: string[];
  missing: string[];
}

/**
 * Links the records of `sources` (blank lines skipped). Documents come out in path order (the
 * order of pathOrder), entities once all documents are read, as analyze gives them. Throws
 * LinkInputError, before anything is returned, for a bad line or a path met twice.
 */
export async function linkRecognized(sources: readonly RecordSource[]): Promise<AnalysisStream> {
  const kept: Kept[] = [];
  const surnames = new Set<string>();
  for (let s = 0; s < sources.length; s++) {
    for await (const { line, record } of records(sources[s])) {
      for (const w of record.surnames) surnames.add(w);
      kept.push({
        path: record.path,
        source: s,
        line,
        dct: record.dct,
        warnings: record.warnings,
        dates: record.dates,
        names: documentNames(record.names),
        found: record.found,
        missing: record.missing,
      });
    }
  }
  kept.sort((a, b) => pathOrder(a.path, b.path));
  for (let d = 1; d < kept.length; d++) {
    const [a, b] = [kept[d - 1], kept[d]];
    if (a.path === b.path) throw new LinkInputError(`${a.path}: recognized twice, at ${where(sources, a)} and ${where(sources, b)}`);
  }
  await relinkWhereNeeded(sources, kept, surnames);
  const { ids, kindOfId } = linkCorpus(kept.map(k => k.names!));
  const tally = new EntityTally();
  function* documents(): Iterable<AnalyzedDocument> {
    for (let d = 0; d < kept.length; d++) {
      const k = kept[d];
      const doc: AnalyzedDocument = {
        path: k.path,
        dct: k.dct,
        mentions: documentMentions(
          k.names!,
          ids[d],
          documentKinds(k.names!, ids[d], id => kindOfId.get(id)),
          k.dates!,
        ),
        ...(k.warnings ? { warnings: k.warnings } : {}),
      };
      // printed documents are let go: what stays is the entity totals
      k.names = k.dates = undefined;
      ids[d] = [];
      tally.add(doc.mentions);
      yield doc;
    }
  }
  return { documents: documents(), entities: () => tally.entities() };
}

/**
 * The order of documents in link's output: paths compared `/`-separated segment by segment, each
 * in code-unit order, which is the order analyze reads one folder in (scan.ts).
 */
export function pathOrder(a: string, b: string): number {
  const x = a.split('/');
  const y = b.split('/');
  for (let i = 0; i < x.length && i < y.length; i++) if (x[i] !== y[i]) return x[i] < y[i] ? -1 : 1;
  return x.length - y.length;
}

async function* records(source: RecordSource): AsyncIterable<{ line: number; record: ReturnType<typeof parseRecord> }> {
  let line = 0;
  for await (const text of source.lines()) {
    line++;
    if (!text.trim()) continue;
    try {
      yield { line, record: parseRecord(text) };
    } catch (e) {
      if (e instanceof RecordError) throw new LinkInputError(`${source.name}:${line}: ${e.message}`);
      throw e;
    }
  }
}

/** Links again, from their texts (read once more), the documents whose lookups no longer hold. */
async function relinkWhereNeeded(sources: readonly RecordSource[], kept: Kept[], surnames: ReadonlySet<string>): Promise<void> {
  const stale = new Map<number, Map<number, Kept>>(); // source -> line -> document
  for (const k of kept) {
    if (lookupsHold(k, surnames)) continue;
    let lines = stale.get(k.source);
    if (!lines) stale.set(k.source, (lines = new Map()));
    lines.set(k.line, k);
  }
  for (const [s, lines] of stale) {
    for await (const { line, record } of records(sources[s])) {
      const k = lines.get(line);
      if (k === undefined) continue;
      if (record.path !== k.path) throw new LinkInputError(`${sources[s].name}:${line}: changed while it was read`);
      k.names = relinkNames(record.text, surnames).names;
      lines.delete(line);
      if (lines.size === 0) break;
    }
    if (lines.size) throw new LinkInputError(`${sources[s].name}: changed while it was read`);
  }
}

function where(sources: readonly RecordSource[], k: Kept): string {
  return `${sources[k.source].name}:${k.line}`;
}
