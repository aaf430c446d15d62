/**
 * What agreement is computed on: per document, the spans of every reviewer who took part.
 * Offsets are UTF-16 code units into the document's current text (docs/contracts.md).
 */
import type { AnnotationStatus } from '../annotations/model';
import type { CurationSource } from './curationRecord';

/** One reviewer's annotation, placed in the document's current text. */
export interface ReviewSpan {
  reviewer: string;
  /** The annotation's author (by author, the reviewer). */
  author?: string;
  /** The annotation's id in its sidecar. */
  id: string;
  start: number;
  end: number;
  /** The annotated text. */
  quote: string;
  label: string;
  entity?: string;
  status: AnnotationStatus;
  note?: string;
  /** Where the annotation is kept (see `CurationSource`); curation removes it from there or records it. */
  origin: CurationSource;
}

/** A document as the reviewers saw it. */
export interface ReviewedDocument {
  /** As the host names it (relative to the workspace in reports). */
  path: string;
  /** Length of the text in UTF-16 code units. */
  length: number;
  /**
   * Reviewers who took part: by author, those with at least one annotation in it; comparing two
   * places, those that have a sidecar for it. Only they are compared on it.
   */
  reviewers: readonly string[];
  /** Every reviewer's spans, rejected ones too (a rejection is a verdict on a span). */
  spans: readonly ReviewSpan[];
  /** `originalKey`s of the annotations a curation has settled (from the curation records). */
  settled?: ReadonlySet<string>;
}

/** Spans an agreement counts: a rejected annotation says there is nothing there. */
export function isCounted(span: ReviewSpan): boolean {
  return span.status !== 'rejected';
}
