import { recognizeDates } from './dates/recognizeDates';
import { entityName, linkCorpus } from './linking/linkCorpus';
import { collectSurnames, linkDocument, type LinkedName } from './linking/linkDocument';
import { findNamesDetailed, type NameCandidate } from './names/recognizeNames';
import { documentOwnDate } from './publicationDate';
import type { Analysis, AnalyzedDocument, Entity, Mention, MentionKind, SourceDocument } from './types';

export interface AnalyzeOptions {
  /** Publication date for documents that have no other (the CLI's `--dct`). */
  readonly defaultDct?: string;
}

/** Analyzes one corpus: every document's mentions, and entity ids shared across documents. */
export function analyze(documents: readonly SourceDocument[], options: AnalyzeOptions = {}): Analysis {
  const names: LinkedName[][] = [];
  const dcts: Array<string | null> = [];
  const dates: Mention[][] = [];
  const found: NameCandidate[][] = [];
  const dropped: string[][] = [];
  const surnames = new Set<string>();
  for (const doc of documents) {
    const dct = publicationDate(doc, options);
    dcts.push(dct);
    const r = findNamesDetailed(doc.text);
    collectSurnames(r.names, surnames);
    found.push(r.names);
    dropped.push(r.dropped);
    dates.push(recognizeDates(doc.text, dct));
  }
  // a sentence-initial "Lee" left out for want of evidence is a name when another document names a Lee
  documents.forEach((doc, d) => {
    if (dropped[d].some(w => surnames.has(w))) found[d] = findNamesDetailed(doc.text, surnames).names;
  });
  documents.forEach((doc, d) => names.push(linkDocument(doc.text, found[d], surnames)));
  const ids = linkCorpus(names);
  const analyzed: AnalyzedDocument[] = documents.map((doc, d) => {
    const nameMentions: Mention[] = names[d].map((n, i) => ({ start: n.start, end: n.end, text: n.text, kind: n.kind, entity: ids[d][i] }));
    return { path: doc.path, dct: dcts[d], mentions: merge(nameMentions, dates[d]) };
  });
  return { documents: analyzed, entities: collectEntities(analyzed) };
}

/** Publication date in the order contracts.md gives: sidecar, the text's metadata, --dates, --dct. */
export function publicationDate(doc: SourceDocument, options: AnalyzeOptions = {}): string | null {
  if (doc.dct && doc.dctFromSidecar) return doc.dct;
  return documentOwnDate(doc.text) ?? doc.dct ?? options.defaultDct ?? null;
}

/** Names and dates in text order; a name overlapping a date gives way ("May" the month). */
function merge(names: Mention[], dates: Mention[]): Mention[] {
  if (!dates.length) return names;
  const out: Mention[] = [];
  let j = 0;
  for (const n of names) {
    while (j < dates.length && dates[j].end <= n.start) out.push(dates[j++]);
    if (j < dates.length && dates[j].start < n.end) continue;
    out.push(n);
  }
  while (j < dates.length) out.push(dates[j++]);
  return out;
}

function collectEntities(documents: readonly AnalyzedDocument[]): Entity[] {
  const byId = new Map<string, { kinds: Map<MentionKind, number>; forms: Map<string, number>; docs: number; mentions: number }>();
  for (const doc of documents) {
    const seen = new Set<string>();
    for (const m of doc.mentions) {
      if (!m.entity) continue;
      let e = byId.get(m.entity);
      if (!e) byId.set(m.entity, e = { kinds: new Map(), forms: new Map(), docs: 0, mentions: 0 });
      e.mentions++;
      e.kinds.set(m.kind, (e.kinds.get(m.kind) ?? 0) + 1);
      e.forms.set(m.text, (e.forms.get(m.text) ?? 0) + 1);
      if (!seen.has(m.entity)) { seen.add(m.entity); e.docs++; }
    }
  }
  const entities: Entity[] = [];
  for (const [id, e] of byId) {
    let kind: MentionKind = 'person';
    let best = -1;
    for (const [k, c] of e.kinds) if (c > best) { best = c; kind = k; }
    entities.push({ id, kind, name: entityName(e.forms), aliases: [...e.forms.keys()].sort(), documents: e.docs, mentions: e.mentions });
  }
  return entities.sort((a, b) => b.mentions - a.mentions || a.id.localeCompare(b.id));
}
