import { summarizeEntities } from './corpus/entitySummary';
import { limitWarning } from './limits';
import { linkCorpus } from './linking/linkCorpus';
import type { DocumentNames, LocalEntity } from './linking/linkDocument';
import { linkNames, lookupsHold, relinkNames, type LinkedNames } from './linking/linkNames';
import { recognizeDocument, type AnalyzeOptions } from './recognizeDocument';
import { finish, mapSteps, STEP_UNITS, type Steps } from './steps';
import type { Analysis, AnalyzedDocument, Mention, MentionKind, SourceDocument } from './types';

export { publicationDate, type AnalyzeOptions } from './recognizeDocument';

/**
 * Analyzes one corpus: every document's mentions, and entity ids shared across documents.
 * Each document is recognized by itself, then linked within itself against the family names of the
 * documents read so far; once all are read, a document whose lookups of family names would now be
 * answered otherwise is linked again. Last, entities are linked across documents, and each gets
 * one kind, which all its mentions show (linking/entityKinds.ts). A document
 * longer than the limits allow is analyzed in pieces, up to a point (see limits.ts), with a warning.
 */
export function analyze(documents: readonly SourceDocument[], options: AnalyzeOptions = {}): Analysis {
  // each document linked against the family names of those before it and its own
  const surnames = new Set<string>();
  return analyzeTogether(
    documents,
    documents.map(doc => recognizedAndLinked(doc, options, surnames)),
    options,
  );
}

/**
 * What analyze makes of one document before it meets the others: recognized, and linked within
 * itself against its own family names. Made anywhere (a worker thread), then given to analyzeTogether.
 */
export interface DocumentAlone {
  dct: string | null;
  dates: Mention[];
  surnames: string[];
  linked: LinkedNames;
}

export function analyzeAlone(doc: SourceDocument, options: AnalyzeOptions = {}): DocumentAlone {
  return recognizedAndLinked(doc, options, new Set());
}

/** A document recognized, its family names added to `surnames`, and linked against them. */
function recognizedAndLinked(doc: SourceDocument, options: AnalyzeOptions, surnames: Set<string>): DocumentAlone {
  const r = recognizeDocument(doc, options);
  for (const s of r.surnames) surnames.add(s);
  return { dct: r.dct, dates: r.dates, surnames: r.surnames, linked: linkNames(doc.text, r, surnames, options.nameModel) };
}

/**
 * The rest of analyze, once every document is recognized (`parts[d]` of `documents[d]`, linked
 * against any family names of the corpus): the same analysis whatever names each was linked against.
 */
export function analyzeTogether(documents: readonly SourceDocument[], parts: DocumentAlone[], options: AnalyzeOptions = {}): Analysis {
  const linked = linkTogether(documents, parts, options);
  const out = documents.map((doc, d) => analyzedDocument(doc.path, limitWarning(doc.text), parts[d], linkedNamesOf(linked, d)));
  return { documents: out, entities: summarizeEntities(out) };
}

/** A document's names as analyzedDocument reads them: their spans, its entities' forms, their corpus ids and kinds. */
export interface NamesOfDocument {
  names: Pick<DocumentNames, 'spans'> & { entities: readonly Pick<LocalEntity, 'forms'>[] };
  ids: readonly string[];
  kinds: readonly MentionKind[];
}

/** The corpus linked (analyzeTogether up to the documents' mentions): each document's names, their ids, the kind of each id. */
export interface LinkedTogether {
  names: DocumentNames[];
  ids: string[][];
  kindOfId: ReadonlyMap<string, MentionKind>;
}

/** analyzeTogether's linking: each document linked again whose lookups of family names no longer hold, then the corpus. */
export function linkTogether(
  documents: readonly SourceDocument[],
  parts: Pick<DocumentAlone, 'surnames' | 'linked'>[],
  options: AnalyzeOptions = {},
): LinkedTogether {
  const surnames = new Set(parts.flatMap(p => p.surnames));
  parts.forEach((a, d) => {
    if (!lookupsHold(a.linked, surnames)) a.linked = relinkNames(documents[d].text, surnames, options.nameModel);
  });
  const names = parts.map(a => a.linked.names);
  const { ids, kindOfId } = linkCorpus(names);
  return { names, ids, kindOfId };
}

/** Document d's names of a linked corpus, as analyzedDocument reads them. */
export function linkedNamesOf(linked: LinkedTogether, d: number): NamesOfDocument {
  const names = linked.names[d];
  const ids = linked.ids[d];
  return { names, ids, kinds: documentKinds(names, ids, id => linked.kindOfId.get(id)) };
}

/** One document of analyzeTogether's analysis, from its dates and its linked names; `warning`: its limitWarning. */
export function analyzedDocument(
  path: string,
  warning: string | undefined,
  dated: Pick<DocumentAlone, 'dct' | 'dates'>,
  names: NamesOfDocument,
): AnalyzedDocument {
  return {
    path,
    dct: dated.dct,
    mentions: documentMentions(names.names, names.ids, names.kinds, dated.dates),
    ...(warning ? { warnings: [warning] } : {}),
  };
}

/** The kind of each entity of a document (`kinds[e]` for entity e): its corpus entity's, else the document's own. */
export function documentKinds(names: DocumentNames, ids: readonly string[], kindOf: (id: string) => MentionKind | undefined): MentionKind[] {
  return finish(documentKindsSteps(names, ids, kindOf));
}

/** documentKinds in steps. */
export function documentKindsSteps(names: DocumentNames, ids: readonly string[], kindOf: (id: string) => MentionKind | undefined): Steps<MentionKind[]> {
  return mapSteps(names.entities, (e, i) => kindOf(ids[i]) ?? e.kind);
}

/**
 * The mentions of one document in text order: its names with their corpus-wide ids and kinds
 * (`ids[e]` and `kinds[e]` for entity e), and its dates; a name overlapping a date gives way ("May"
 * the month).
 */
export function documentMentions(names: NamesOfDocument['names'], ids: readonly string[], kinds: readonly MentionKind[], dates: readonly Mention[]): Mention[] {
  return finish(documentMentionsSteps(names, ids, kinds, dates));
}

/** documentMentions in steps. */
export function* documentMentionsSteps(
  names: NamesOfDocument['names'],
  ids: readonly string[],
  kinds: readonly MentionKind[],
  dates: readonly Mention[],
): Steps<Mention[]> {
  const { spans, entities } = names;
  const per = 4 * STEP_UNITS;
  // sized exactly from the start (a corpus index keeps it): the names that give way are counted first
  let size = dates.length;
  for (let i = 0, j = 0; i < spans.length; i += 4) {
    while (j < dates.length && dates[j].end <= spans[i]) j++;
    if (j === dates.length || dates[j].start >= spans[i + 1]) size++;
    if (i % per === 0) yield;
  }
  const out = new Array<Mention>(size);
  let k = 0;
  let j = 0;
  for (let i = 0; i < spans.length; i += 4) {
    const start = spans[i];
    const end = spans[i + 1];
    while (j < dates.length && dates[j].end <= start) out[k++] = dates[j++];
    if (j < dates.length && dates[j].start < end) continue;
    const e = spans[i + 2];
    out[k++] = { start, end, text: entities[e].forms[spans[i + 3]], kind: kinds[e], entity: ids[e] };
    if (i % per === 0) yield;
  }
  while (j < dates.length) out[k++] = dates[j++];
  return out;
}
