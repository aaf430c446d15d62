/** What a mention names. More kinds may be added; consumers must tolerate unknown ones. */
export type MentionKind = 'person' | 'organization' | 'place' | 'date';

export const MENTION_KINDS: readonly MentionKind[] = ['person', 'organization', 'place', 'date'];

/** One article as the core sees it: text as VS Code holds it (no BOM, line ends as in the file). */
export interface SourceDocument {
  /** Path or URI string; used only as an identifier and in output. */
  readonly path: string;
  readonly text: string;
  /** Publication date (YYYY-MM-DD) known from outside the text (sidecar, --dates, --dct). */
  readonly dct?: string;
  /** True when `dct` comes from the sidecar and so outranks the text's own metadata. */
  readonly dctFromSidecar?: boolean;
}

/** A recognized span. Offsets are UTF-16 code units into SourceDocument.text. */
export interface Mention {
  start: number;
  end: number;
  text: string;
  kind: MentionKind;
  /** Corpus-wide entity id (names only). */
  entity?: string;
  /** ISO value for dates: YYYY, YYYY-MM, YYYY-MM-DD, YYYY-Www, a quarter as YYYY-Qn, a decade as 201X, or null. */
  value?: string | null;
}

export interface AnalyzedDocument {
  path: string;
  /** The publication date used to resolve relative dates, or null when none is known. */
  dct: string | null;
  mentions: Mention[];
  /** Problems met while reading or analyzing (binary, invalid UTF-8, truncated...). */
  warnings?: string[];
}

export interface Entity {
  id: string;
  kind: MentionKind;
  name: string;
  aliases: string[];
  /** Number of documents with at least one mention. */
  documents: number;
  mentions: number;
}

export interface Analysis {
  documents: AnalyzedDocument[];
  entities: Entity[];
}

/**
 * An analysis read as it is made, for output that streams: the documents in order (iterable once),
 * then `entities()`, valid once every document has been read.
 */
export interface AnalysisStream {
  documents: Iterable<AnalyzedDocument>;
  entities(): Entity[];
}
