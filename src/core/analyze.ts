import { recognizeDates } from './dates/recognizeDates';
import { recognizeNames } from './names/recognizeNames';
import { documentOwnDate } from './publicationDate';
import type { Analysis, AnalyzedDocument, Entity, SourceDocument } from './types';

export interface AnalyzeOptions {
  /** Publication date for documents that have no other (the CLI's `--dct`). */
  readonly defaultDct?: string;
}

/** Analyzes one corpus: every document's mentions, and entity ids shared across documents. */
export function analyze(documents: readonly SourceDocument[], options: AnalyzeOptions = {}): Analysis {
  const analyzed = documents.map(doc => analyzeDocument(doc, options));
  return { documents: analyzed, entities: collectEntities(analyzed) };
}

/** Publication date in the order contracts.md gives: sidecar, the text's metadata, --dates, --dct. */
export function publicationDate(doc: SourceDocument, options: AnalyzeOptions = {}): string | null {
  if (doc.dct && doc.dctFromSidecar) return doc.dct;
  return documentOwnDate(doc.text) ?? doc.dct ?? options.defaultDct ?? null;
}

function analyzeDocument(doc: SourceDocument, options: AnalyzeOptions): AnalyzedDocument {
  const dct = publicationDate(doc, options);
  const mentions = [...recognizeNames(doc.text), ...recognizeDates(doc.text, dct)].sort((a, b) => a.start - b.start || b.end - a.end);
  return { path: doc.path, dct, mentions };
}

function collectEntities(documents: readonly AnalyzedDocument[]): Entity[] {
  const byId = new Map<string, Entity & { seenIn: Set<string> }>();
  for (const doc of documents) {
    for (const m of doc.mentions) {
      if (!m.entity) continue;
      let e = byId.get(m.entity);
      if (!e) {
        e = { id: m.entity, kind: m.kind, name: m.text, aliases: [], documents: 0, mentions: 0, seenIn: new Set() };
        byId.set(m.entity, e);
      }
      e.mentions++;
      e.seenIn.add(doc.path);
      if (!e.aliases.includes(m.text)) e.aliases.push(m.text);
    }
  }
  return [...byId.values()]
    .map(({ seenIn, ...e }) => ({ ...e, documents: seenIn.size, aliases: e.aliases.sort() }))
    .sort((a, b) => b.mentions - a.mentions || a.id.localeCompare(b.id));
}
