// The heavy half of indexing one document (recognition and linking within it), as a pure function
// of its text, its dates and the corpus's family names: a host runs it wherever it likes (the
// extension in a worker thread, src/vscode/corpus/analysisWorker.ts) and gives the result to
// CorpusIndex.setPrepared, whose own work is then proportional to the mentions, not the text.
import { limitWarning, MAX_ANALYZED_CHARS } from '../limits';
import { modelId, type TaggerWeights } from '../model/tagger';
import { linkNames, relinkNames, type LinkedNames } from '../linking/linkNames';
import type { WordSet } from '../names/nameCandidate';
import { recognizeDocument, type AnalyzeOptions } from '../recognizeDocument';
import type { SourceDocument } from '../types';
import { utf8Hash } from './contentHash';
import type { DocumentAnalysis } from './documentAnalysis';
import type { FileStamp } from './fileStamp';
import type { PackedAnalysis } from './packedAnalysis';

/** A document analyzed by itself, ready to enter a CorpusIndex (setPrepared). */
export interface PreparedDocument {
  readonly path: string;
  readonly hash: string;
  readonly dctSource: string;
  /** The names recognizer (modelId): '' for the rules alone. */
  readonly model: string;
  /** Undefined when an analysis the index holds for the same hash and dates is to be used (or when it is `packed`). */
  readonly analysis?: DocumentAnalysis;
  /** The analysis packed, as it crosses between threads: the index unpacks it in steps (setPreparedSteps). */
  readonly packed?: PackedAnalysis;
  /**
   * The text, UTF-8 encoded (what the index keeps of it); left out by a host that gives a file's
   * analysis without it, for the index to read again from the file when needed (CorpusIndex.readTextsWith).
   */
  readonly utf8?: Uint8Array;
  /** Why only part of the text is analyzed, when it is too long. */
  readonly warning?: string;
  /** Its file's size and modification time, taken before it was read (fileStamp), when it comes from a file. */
  readonly stamp?: FileStamp;
}

/** A PreparedDocument with its text, as prepareDocument makes it. */
export type PreparedWithText = PreparedDocument & { readonly utf8: Uint8Array };

/** The source of an analysis an index already holds (its hash, publication-date inputs and names recognizer). */
export interface HeldSource {
  readonly hash: string;
  readonly dctSource: string;
  readonly model: string;
}

/** Asked between the phases of an analysis (a worker reads a flag the host sets), so that a superseded one stops early. */
export interface CancellationFlag {
  readonly isCancellationRequested: boolean;
}

/** Thrown by prepareDocument when its flag is raised. */
export class AnalysisCancelled extends Error {
  constructor() {
    super('analysis cancelled: the document changed again');
  }
}

/** An article as read from a file: its UTF-8 bytes, not decoded (CorpusIndex.setFiles). */
export interface SourceFile {
  readonly path: string;
  readonly utf8: Uint8Array;
  readonly dct?: string;
  readonly dctFromSidecar?: boolean;
  /** The file's size and modification time, taken before it was read (fileStamp). */
  readonly stamp?: FileStamp;
}

const encoder = new TextEncoder();
/** Keeps a byte order mark, as the bytes do: the text then encodes to the same bytes. */
const decoder = new TextDecoder('utf-8', { ignoreBOM: true });

/**
 * Analyzes `doc` against the corpus's family names `surnames` (its own added): names, dates and its
 * names linked within it, with the lookups they rest on. When `held` lists a source with the same
 * hash, dates and names recognizer (`options.nameModel`), the analysis is left out (the index has it).
 */
export function prepareDocument(
  doc: SourceDocument,
  surnames: WordSet,
  options: AnalyzeOptions = {},
  held: readonly HeldSource[] = [],
  flag?: CancellationFlag,
): PreparedWithText {
  const utf8 = encoder.encode(doc.text);
  const hash = utf8Hash(utf8);
  const dctSource = dctSourceOf(doc);
  const model = modelId(options.nameModel);
  const warning = limitWarning(doc.text);
  const base = { path: doc.path, hash, dctSource, model, utf8, ...(warning ? { warning } : {}) };
  if (held.some(h => h.hash === hash && h.dctSource === dctSource && h.model === model)) return base;
  checkFlag(flag);
  const r = recognizeDocument(doc, options, () => checkFlag(flag));
  checkFlag(flag);
  const own = new Set(r.surnames);
  const linked = linkNames(doc.text, r, { has: w => own.has(w) || surnames.has(w) }, options.nameModel);
  return { ...base, analysis: { hash, dctSource, model, dct: r.dct, dates: r.dates, surnames: r.surnames, linked } };
}

/**
 * prepareDocument for a file's bytes: when `held` has an analysis of the same bytes, dates and names
 * recognizer, the bytes are only hashed (a warm start reads every article and decodes none);
 * otherwise they are decoded and analyzed.
 */
export function prepareFile(file: SourceFile, surnames: WordSet, options: AnalyzeOptions = {}, held: readonly HeldSource[] = []): PreparedWithText {
  // a text within the limits has at most as many UTF-16 code units as UTF-8 bytes
  if (held.length && file.utf8.length <= MAX_ANALYZED_CHARS) {
    const hash = utf8Hash(file.utf8);
    const dctSource = dctSourceOf(file);
    const model = modelId(options.nameModel);
    if (held.some(h => h.hash === hash && h.dctSource === dctSource && h.model === model))
      return { path: file.path, hash, dctSource, model, utf8: file.utf8, ...(file.stamp && { stamp: file.stamp }) };
  }
  const prepared = prepareDocument(
    { path: file.path, text: decoder.decode(file.utf8), dct: file.dct, dctFromSidecar: file.dctFromSidecar },
    surnames,
    options,
    held,
  );
  return file.stamp ? { ...prepared, stamp: file.stamp } : prepared;
}

/**
 * A file's analysis without its text, for an index that reads it again from the file when needed
 * (CorpusIndex.readTextsWith): the texts are most of what an index would hold. A text beyond the
 * analysis limit (a log of megabytes) is kept: read whole again for each line of context, it would
 * cost more than it holds.
 */
export function withoutText(prepared: PreparedWithText): PreparedDocument {
  const { utf8, ...rest } = prepared;
  return prepared.warning ? prepared : rest;
}

/**
 * A document's names linked again from its UTF-8 text, when the family names it looked up changed;
 * `model`: the names recognizer it was prepared with (AnalyzeOptions.nameModel).
 */
export function relinkPrepared(utf8: Uint8Array, surnames: WordSet, model?: TaggerWeights | null): LinkedNames {
  return relinkNames(new TextDecoder().decode(utf8), surnames, model);
}

/** The publication date given from outside the text: `s:` when from the sidecar; '' for none. */
export function dctSourceOf(doc: Pick<SourceDocument, 'dct' | 'dctFromSidecar'>): string {
  return `${doc.dctFromSidecar ? 's:' : ''}${doc.dct ?? ''}`;
}

function checkFlag(flag: CancellationFlag | undefined): void {
  if (flag?.isCancellationRequested) throw new AnalysisCancelled();
}
