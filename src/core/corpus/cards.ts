import type { Entity, Mention } from '../types';
import type { CorpusIndex } from './corpusIndex';
import type { DocumentCount } from './mentionTable';

/** One other document in a hover card: how often it mentions the entity, and where first. */
export interface CardDocument {
  path: string;
  count: number;
  first: Mention;
  /** One line of text around the first mention, whitespace collapsed. */
  context: string;
}

export interface EntityCard {
  entity: Entity;
  /** Documents other than the one hovered, most mentions first. */
  documents: CardDocument[];
  /** How many further documents were left out by the limit. */
  more: number;
}

export interface DateCard {
  mention: Mention;
  /** Weekday name when the value is a full date. */
  weekday?: string;
  /** The publication date the value was resolved against, if any. */
  dct: string | null;
  documents: CardDocument[];
  more: number;
}

const CONTEXT_CHARS = 50;
const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

/** What a hover on a name shows: the entity and the other documents that mention it. */
export function entityCard(index: CorpusIndex, entityId: string, hoveredPath: string, maxDocuments: number): EntityCard | undefined {
  const entity = index.entity(entityId);
  if (!entity) return undefined;
  return { entity, ...withContext(index, index.documentsOf(entityId, maxDocuments, hoveredPath)) };
}

/** What a hover on a date shows: its value, how it was resolved, and other documents with that date. */
export function dateCard(index: CorpusIndex, mention: Mention, hoveredPath: string, maxDocuments: number): DateCard {
  const value = mention.value ?? null;
  const { documents, more } = withContext(index, value ? index.documentsOfDate(value, maxDocuments, hoveredPath) : { documents: [], total: 0 });
  return {
    mention,
    weekday: value && /^\d{4}-\d{2}-\d{2}$/.test(value) ? WEEKDAYS[new Date(`${value}T00:00:00Z`).getUTCDay()] : undefined,
    dct: index.publicationDate(hoveredPath)?.dct ?? null,
    documents,
    more,
  };
}

/** The line of text around a span, trimmed to a readable length. */
export function contextLine(text: string, start: number, end: number, chars = CONTEXT_CHARS): string {
  const lineStart = Math.max(text.lastIndexOf('\n', start - 1) + 1, start - chars);
  const nl = text.indexOf('\n', end);
  const lineEnd = Math.min(nl < 0 ? text.length : nl, end + chars);
  const head = lineStart > 0 && text[lineStart - 1] !== '\n' ? '…' : '';
  const tail = lineEnd < text.length && text[lineEnd] !== '\n' && text[lineEnd] !== '\r' ? '…' : '';
  let line = text.slice(lineStart, lineEnd);
  // Cut at word boundaries so the context never starts or ends inside a word.
  if (head) line = line.slice(Math.min(Math.max(0, line.search(/\s/)), start - lineStart));
  if (tail) line = line.slice(0, Math.max(end - lineStart, line.search(/\s\S*$/)));
  return head + line.replace(/\s+/g, ' ').trim() + tail;
}

/** The documents a card lists, each with a line around its first mention, and how many more there are. */
function withContext(index: CorpusIndex, found: { documents: DocumentCount[]; total: number }): { documents: CardDocument[]; more: number } {
  const documents = found.documents.map(({ path, count, first }) => ({
    path,
    count,
    first,
    context: contextLine(index.text(path) ?? '', first.start, first.end),
  }));
  return { documents, more: found.total - documents.length };
}
