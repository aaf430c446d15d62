// The first, per-document phase of an analysis: what a text says by itself. Its result depends on
// the text and the publication date only, so a corpus index can keep it per document.
import { findNamesInPieces, recognizeDatesInPieces } from './limits';
import type { TaggerWeights } from './model/tagger';
import { collectSurnames } from './names/familyNames';
import type { NameCandidate } from './names/nameCandidate';
import { keptNames } from './names/recognizeNames';
import { documentOwnDate } from './publicationDate';
import type { Mention, SourceDocument } from './types';

export interface AnalyzeOptions {
  /** Publication date for documents that have no other (the CLI's `--dct`). */
  readonly defaultDct?: string;
  /** The learned model for names (src/core/model/; the committed one is nameModel()): omitted or null, the rules alone. */
  readonly nameModel?: TaggerWeights | null;
}

export interface RecognizedDocument {
  dct: string | null;
  dates: Mention[];
  /** Names found before other documents are known: `linkNames` may read them again. */
  names: NameCandidate[];
  /** Sentence-initial common words left out for want of evidence. */
  dropped: string[];
  /** Family names of the persons named in full, which make lone words of other documents names (and the names the model kept). */
  surnames: string[];
}

/** Publication date in the order docs/contracts.md gives: sidecar, the text's metadata, --dates, --dct. */
export function publicationDate(doc: SourceDocument, options: AnalyzeOptions = {}): string | null {
  if (doc.dct && doc.dctFromSidecar) return doc.dct;
  return documentOwnDate(doc.text) ?? doc.dct ?? options.defaultDct ?? null;
}

/** `between`: called between the recognizers (a caller may throw there to stop early). */
export function recognizeDocument(doc: SourceDocument, options: AnalyzeOptions = {}, between?: () => void): RecognizedDocument {
  const names = recognizeNames(doc, options);
  between?.();
  return { ...recognizeDocumentDates(doc, options), ...names };
}

/** The names half of recognizeDocument: the dates may be recognized elsewhere (another thread). */
export function recognizeNames(doc: SourceDocument, options: AnalyzeOptions = {}): Pick<RecognizedDocument, 'names' | 'dropped' | 'surnames'> {
  const { names, dropped } = findNamesInPieces(doc.text, undefined, options.nameModel);
  return { names, dropped, surnames: documentSurnames(names) };
}

/** The dates half of recognizeDocument, with the publication date they are resolved against. */
export function recognizeDocumentDates(doc: SourceDocument, options: AnalyzeOptions = {}): Pick<RecognizedDocument, 'dct' | 'dates'> {
  const dct = publicationDate(doc, options);
  return { dct, dates: recognizeDatesInPieces(doc.text, dct) };
}

/** The family names of `names` and the names the model kept (names/recognizeNames.ts, keptNames), each once. */
function documentSurnames(names: readonly NameCandidate[]): string[] {
  const found = new Set<string>();
  collectSurnames(names, found);
  keptNames(names, found);
  return [...found];
}
