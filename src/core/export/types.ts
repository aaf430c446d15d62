/**
 * Shared types of the exporters and importers (conventions in ./README.md).
 */
import type { Annotation, AnnotationStatus, Reply } from '../annotations/model';
import type { Registry } from '../corpus/registry';
import type { Mention } from '../types';

/** Export formats. `doccano` is the doccano flavour of `jsonl` (code-point offsets). */
export type ExportFormat = 'w3c' | 'brat' | 'conll' | 'jsonl' | 'doccano' | 'csv';

export const EXPORT_FORMATS: readonly ExportFormat[] = ['w3c', 'brat', 'conll', 'jsonl', 'doccano', 'csv'];

/** One article to export. */
export interface ExportDocument {
  /** Path relative to the export's root, '/'-separated (e.g. `samples/beijing.txt`). */
  path: string;
  /** The article's text as VS Code holds it (no BOM; line ends as in the file). */
  text: string;
  /** The sidecar's annotations (UTF-16 offsets into `text`). */
  annotations: readonly Annotation[];
  /** Recognized mentions, exported as `suggested` spans with `includeSuggestions`. */
  mentions?: readonly Mention[];
}

/** Called after each document is done. */
export type ProgressCallback = (progress: { path: string; index: number; total: number }) => void;

export interface ExportOptions {
  /**
   * Also export suggestions: sidecar annotations whose status is `suggested`, and recognized
   * mentions that no annotation covers (as `suggested`). Default false: reviewed annotations
   * only (`confirmed`, `disputed`).
   */
  includeSuggestions?: boolean;
  /** Also export `rejected` annotations. Default false. */
  includeRejected?: boolean;
  /** The entity registry: merged entity ids are exported as the surviving id, canonical names are used where a format has room for a name, and "not an entity" mentions are never suggested. */
  registry?: Registry;
  /** W3C: prefix of document IRIs (`<baseIri><path>`); annotation ids are `<document IRI>#<id>`. Default `urn:marginalia:`. */
  baseIri?: string;
  /** W3C: annotations (replies included) per `AnnotationPage`. Default 100. */
  pageSize?: number;
  /** Called after each document. */
  onDocument?: ProgressCallback;
  /** Checked before each document and before returning; when true, the export throws `CancelledError`. */
  isCancelled?: () => boolean;
}

/** One file to write, relative to the output folder ('/'-separated). */
export interface ExportedFile {
  path: string;
  content: string;
}

/** Something the export or import left out or changed. */
export interface ExportProblem {
  /** The document concerned (its `path`), or `''` for the whole export. */
  path: string;
  /** The annotation concerned, when there is one (its id, or `start-end` for a suggestion). */
  annotation?: string;
  message: string;
}

export interface ExportResult {
  files: ExportedFile[];
  /** Spans left out or changed (overlaps in CoNLL, line breaks in BRAT, stale anchors...). */
  problems: ExportProblem[];
  /** Number of spans exported (replies not counted). */
  spans: number;
}

/** Thrown when `isCancelled()` returned true: nothing was produced. */
export class CancelledError extends Error {
  constructor(message = 'Export cancelled') {
    super(message);
    this.name = 'CancelledError';
  }
}

/**
 * One span to export, after selection: an annotation (current offsets) or a recognized mention
 * not yet reviewed. Offsets are UTF-16 code units into the document's text.
 */
export interface ExportSpan {
  /** The annotation's id; absent for a mention. */
  id?: string;
  start: number;
  end: number;
  /** `text.slice(start, end)`. */
  quote: string;
  /** Context of the span in the text as it is now (as `targetFor` gives it). */
  prefix: string;
  suffix: string;
  label: string;
  /** Entity id, after the registry's merges. */
  entity?: string;
  status: AnnotationStatus;
  note?: string;
  author?: string;
  created?: string;
  modified?: string;
  thread: readonly Reply[];
  /** True for a recognized mention (no annotation). */
  fromMention: boolean;
  /** Other places the annotation is about: their documents relative to the export's root, '/'-separated. */
  links?: { path: string; quote: string; prefix: string; suffix: string }[];
}

/**
 * An annotation read from an export, before it is merged into a sidecar: targets are already
 * in UTF-16 offsets of the document's text. Fields absent in the source are absent here.
 */
export interface ImportedAnnotation {
  /** Id carried by the source (W3C), adopted when free. */
  id?: string;
  target: Annotation['target'];
  label: string;
  entity?: string;
  status?: AnnotationStatus;
  /** Where it came from (an external recognizer's name); see `Annotation.source`. */
  source?: string;
  note?: string;
  thread?: Reply[];
  author?: string;
  created?: string;
  modified?: string;
}

/** A document to import into: its text and the annotations its sidecar has now. */
export interface ImportDocument {
  path: string;
  text: string;
  annotations: readonly Annotation[];
}

/** The merged annotations of one document (see `mergeImported`). */
export interface ImportedDocument {
  path: string;
  /** The sidecar's annotations with the import merged in, in position order. */
  annotations: Annotation[];
  added: string[];
  updated: string[];
  unchanged: number;
}

export interface ImportResult {
  documents: ImportedDocument[];
  problems: ExportProblem[];
}
