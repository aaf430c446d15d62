/**
 * The reviewer's annotations of one article, as kept in its sidecar file
 * (`NAME.annotations.yaml` beside the article; schema in docs/sidecar-schema.md).
 *
 * All offsets are UTF-16 code units into the article's text as VS Code holds it (docs/contracts.md).
 */

/** Review state of an annotation (docs/contracts.md). */
export type AnnotationStatus = 'suggested' | 'confirmed' | 'rejected' | 'disputed';

export const ANNOTATION_STATUSES: readonly AnnotationStatus[] = ['suggested', 'confirmed', 'rejected', 'disputed'];

/** The current version of the sidecar schema. */
export const SIDECAR_VERSION = 1;

/**
 * Where an annotation sits in the article: a text-quote selector (quote + context, as in the W3C
 * TextQuoteSelector) plus a position hint (as in the TextPositionSelector, but in UTF-16 units).
 */
export interface TextQuoteTarget {
  /** Exact text of the span when it was last anchored. */
  quote: string;
  /** Up to 32 code units just before the span (fewer at the start of the text). */
  prefix: string;
  /** Up to 32 code units just after the span. */
  suffix: string;
  /** Start offset (UTF-16 code units, inclusive). */
  start: number;
  /** End offset (UTF-16 code units, exclusive). */
  end: number;
}

/**
 * Another place an annotation is about, in another article (a discrepancy's other statements): a
 * text-quote target there, found again by its quote and context when that article changes.
 */
export interface AnnotationLink extends TextQuoteTarget {
  /** The other article, relative to this article's folder, '/'-separated (`tallinn-observer.txt`, `../wire/a.txt`). */
  document: string;
}

/** One reply in an annotation's discussion thread. */
export interface Reply {
  author: string;
  /** ISO 8601 timestamp. */
  time: string;
  /** Markdown. */
  body: string;
  /** Fields of the YAML mapping that Marginalia does not know, as plain data (read-only view; they survive saves). */
  extra?: Record<string, unknown>;
}

/** One reviewer annotation. */
export interface Annotation {
  /** Stable short id, unique within its sidecar (see `newAnnotationId`). */
  id: string;
  target: TextQuoteTarget;
  /** An entity kind (`person`, ...) or a configured label (`claim`, `quote`, `source`, ...). */
  label: string;
  /** Corpus-wide entity id, when the annotation names an entity. */
  entity?: string;
  status: AnnotationStatus;
  /**
   * Where a suggestion came from when not from a reviewer: an import (`conll:annotations.conll`)
   * or an external recognizer (`recognizer:spacy`). Absent for the reviewer's own annotations.
   */
  source?: string;
  /** Markdown. */
  note?: string;
  /** Replies, oldest first. Empty when there are none. */
  thread: Reply[];
  /** Other places the annotation is about, in other articles (label `discrepancy`: the statements that disagree with this one). */
  links?: AnnotationLink[];
  /** Who created the annotation. */
  author?: string;
  /** ISO 8601 timestamp of creation. */
  created?: string;
  /** ISO 8601 timestamp of the last change. */
  modified?: string;
  /**
   * Fields of the YAML mapping that Marginalia does not know, as plain data. Read from the file;
   * on save a key listed here is written when its value differs from the file's, and keys absent
   * here are left as they are in the file (so hand-added fields always survive).
   */
  extra?: Record<string, unknown>;
}

/** File-level data of a sidecar besides the annotations. */
export interface SidecarMeta {
  /** Publication date of the article (YYYY-MM-DD); it outranks the article's own metadata. */
  dct?: string;
}

/** A problem found while reading a sidecar; positions are 0-based into the YAML text. */
export interface SidecarProblem {
  message: string;
  /** 0-based line of the start of the offending text. */
  line: number;
  /** 0-based column (UTF-16 code units) of the start of the offending text. */
  column: number;
  /** 0-based end line, when known. */
  endLine?: number;
  /** 0-based end column, when known. */
  endColumn?: number;
  /** `error`: the file cannot be saved safely until fixed. `warning`: informational. */
  severity: 'error' | 'warning';
  /** Path to the offending node, e.g. `['annotations', 3, 'status']`. */
  path?: (string | number)[];
}

/** What `parseSidecar` returns. */
export interface ParsedSidecar extends SidecarMeta {
  /** Schema version found (1 when the field is missing). */
  version: number;
  /** Annotations that could be read (those without a usable id or target are left out). */
  annotations: Annotation[];
  problems: SidecarProblem[];
  /**
   * False when the file has errors (YAML syntax, alias bombs, schema violations, a newer
   * version): saving over it could lose data, so callers must not write it until it is fixed.
   */
  writable: boolean;
}
