import { analyze, type AnalyzeOptions } from '../analyze';
import { lineStarts, positionAt, type TextPosition } from '../textPositions';
import type { Analysis, AnalyzedDocument, Entity, Mention, SourceDocument } from '../types';
import { applyRegistry } from './applyRegistry';
import { EMPTY_REGISTRY, type Registry } from './registry';
import { foldedName } from './variantKey';

/** A mention together with the document it is in. */
export interface MentionRef {
  path: string;
  mention: Mention;
}

export interface CorpusStats {
  documents: number;
  entities: number;
  mentions: number;
}

interface Views {
  analysis: Analysis;
  byPath: Map<string, AnalyzedDocument>;
  entityById: Map<string, Entity>;
  mentionsByEntity: Map<string, MentionRef[]>;
  mentionsByDate: Map<string, MentionRef[]>;
}

/**
 * Every article of a workspace, analyzed as one corpus so that entity ids are shared.
 * Documents are added, replaced and removed one at a time; the corpus-wide views are rebuilt
 * lazily on the next query.
 */
export class CorpusIndex {
  private readonly documents = new Map<string, SourceDocument>();
  private registry: Registry = EMPTY_REGISTRY;
  private views: Views | undefined;
  private readonly lines = new Map<string, number[]>();

  constructor(private readonly options: AnalyzeOptions = {}) {}

  setDocument(doc: SourceDocument): void {
    this.documents.set(doc.path, doc);
    this.lines.delete(doc.path);
    this.views = undefined;
  }

  deleteDocument(path: string): boolean {
    const deleted = this.documents.delete(path);
    this.lines.delete(path);
    if (deleted) this.views = undefined;
    return deleted;
  }

  hasDocument(path: string): boolean {
    return this.documents.has(path);
  }

  setRegistry(registry: Registry): void {
    this.registry = registry;
    this.views = undefined;
  }

  /** The text the document was indexed with. */
  text(path: string): string | undefined {
    return this.documents.get(path)?.text;
  }

  /** Line/character of a UTF-16 offset in an indexed document (which need not be open). */
  positionAt(path: string, offset: number): TextPosition {
    let starts = this.lines.get(path);
    if (!starts) this.lines.set(path, (starts = lineStarts(this.documents.get(path)?.text ?? '')));
    return positionAt(starts, offset);
  }

  /** Paths of the indexed documents, sorted. */
  paths(): string[] {
    return [...this.documents.keys()].sort();
  }

  analyzed(path: string): AnalyzedDocument | undefined {
    return this.build().byPath.get(path);
  }

  entities(): readonly Entity[] {
    return this.build().analysis.entities;
  }

  entity(id: string): Entity | undefined {
    return this.build().entityById.get(id);
  }

  /** Every mention of an entity, in document order, documents sorted by path. */
  mentionsOf(id: string): readonly MentionRef[] {
    return this.build().mentionsByEntity.get(id) ?? [];
  }

  /** Every date mention with the given normalized value. */
  mentionsOfDate(value: string): readonly MentionRef[] {
    return this.build().mentionsByDate.get(value) ?? [];
  }

  /** The mention covering a UTF-16 offset of a document (an offset at either edge counts). */
  mentionAt(path: string, offset: number): Mention | undefined {
    const mentions = this.analyzed(path)?.mentions ?? [];
    let lo = 0;
    let hi = mentions.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const m = mentions[mid];
      if (m.end < offset) lo = mid + 1;
      else if (m.start > offset) hi = mid - 1;
      else return m;
    }
    return undefined;
  }

  /** Entities whose name or an alias contains the query, folded; best (prefix, most mentioned) first. */
  findEntities(query: string, limit = 100): Entity[] {
    const q = foldedName(query);
    const scored: [Entity, number][] = [];
    for (const e of this.entities()) {
      const forms = [e.name, ...e.aliases].map(foldedName);
      const rank = forms.some(f => f.startsWith(q)) ? 0 : forms.some(f => f.includes(q)) ? 1 : -1;
      if (rank >= 0) scored.push([e, rank]);
    }
    return scored.sort((a, b) => a[1] - b[1] || b[0].mentions - a[0].mentions).slice(0, limit).map(([e]) => e);
  }

  stats(): CorpusStats {
    const { analysis } = this.build();
    return {
      documents: analysis.documents.length,
      entities: analysis.entities.length,
      mentions: analysis.documents.reduce((n, d) => n + d.mentions.length, 0),
    };
  }

  private build(): Views {
    if (this.views) return this.views;
    const docs = this.paths().map(p => this.documents.get(p)!);
    const analysis = applyRegistry(analyze(docs, this.options), this.registry);
    const mentionsByEntity = new Map<string, MentionRef[]>();
    const mentionsByDate = new Map<string, MentionRef[]>();
    for (const doc of analysis.documents) {
      for (const mention of doc.mentions) {
        const key = mention.entity ?? (mention.kind === 'date' && mention.value ? mention.value : undefined);
        if (!key) continue;
        const map = mention.entity ? mentionsByEntity : mentionsByDate;
        let list = map.get(key);
        if (!list) map.set(key, (list = []));
        list.push({ path: doc.path, mention });
      }
    }
    this.views = {
      analysis,
      byPath: new Map(analysis.documents.map(d => [d.path, d])),
      entityById: new Map(analysis.entities.map(e => [e.id, e])),
      mentionsByEntity,
      mentionsByDate,
    };
    return this.views;
  }
}
