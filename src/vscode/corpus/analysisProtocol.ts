// The messages between the extension host (analysisClient.ts) and the analysis worker
// (analysisWorker.ts). Offsets in results are UTF-16 code units, as in the texts sent.
import type { FileStat, HeldSource, PackedAnalysis, PreparedDocument, TrainedWorkspaceModel, WorkspaceOptions } from '../../core';

/** Where a document to analyze comes from, and the publication date given from outside its text. */
export interface DocumentSource {
  /** The index key (a URI string). */
  path: string;
  dct?: string;
  dctFromSidecar?: boolean;
  /** Analyses the index holds for this path: the worker skips the analysis when one fits. */
  held: HeldSource[];
  /** The workspace model to recognize names with (the id of a `model` request sent before); omitted: the rules alone. */
  model?: string;
}

export type Request =
  /** The corpus's family names, for the jobs that follow. */
  | { type: 'surnames'; words: string[] }
  /** A workspace model's file text (`.marginalia/model.json`) under its id (workspaceModelId), parsed at first use; without `text`, forget it. */
  | { type: 'model'; id: string; text?: string }
  /** A part of the text of job `job` (a large text is sent in parts, so that no copy holds the host long). */
  | { type: 'text'; job: number; part: string }
  /** Analyze the text sent in parts. */
  | { type: 'analyze'; job: number; source: DocumentSource }
  /** Read (`file`: an absolute `/`-separated path) and analyze each document, streaming one result each. */
  | { type: 'analyzeFiles'; job: number; files: (DocumentSource & { file: string })[] }
  /** The stat of each file (absolute `/`-separated paths), for a warm start that trusts files by their size and modification time. */
  | { type: 'stat'; job: number; files: string[] }
  /** The recognizer's fingerprint, which an index snapshot records (made here: it loads the lexicon and recognizes a probe text). */
  | { type: 'fingerprint'; job: number }
  /**
   * Link a document's names again (its family-name lookups changed): of its text `utf8`, or of the
   * text read from `file` (an absolute `/`-separated path) when its hash is still `hash` (else nothing is sent back).
   */
  | ({ type: 'relink'; job: number; path: string; hash: string; model?: string } & ({ utf8: Uint8Array } | { file: string }))
  /** Learn from the reviews of the workspace folder `root` (the core's trainWorkspaceModel, nothing written when reviews cannot all be read). */
  | { type: 'train'; job: number; root: string; options: Pick<WorkspaceOptions, 'include' | 'exclude' | 'registryPath'> };

export type Reply =
  /** A document analyzed: its analysis `packed` (PreparedDocument.packed), not as objects. */
  | { type: 'prepared'; job: number; prepared: PreparedDocument; lines: Int32Array; warnings: string[] }
  /** A file that is not read: binary or unreadable (`message` says why). */
  | { type: 'unread'; job: number; path: string; message: string }
  /** A document's names linked again, packed (packLinked). */
  | { type: 'relinked'; job: number; path: string; hash: string; linked: PackedAnalysis }
  | { type: 'trained'; job: number; trained: TrainedWorkspaceModel }
  | { type: 'fingerprint'; job: number; fingerprint: string }
  /** The stats of a `stat` job's files, in order (undefined: nothing there, or it cannot be stat'ed). */
  | { type: 'stats'; job: number; stats: (FileStat | undefined)[] }
  /** A workspace model that cannot be parsed (names are then recognized by the rules); `job` is 0. */
  | { type: 'modelProblem'; job: number; message: string }
  /** The job is over: all its results were sent, or it was cancelled, or it failed (`error`). */
  | { type: 'done'; job: number; cancelled?: boolean; error?: string };

/** Slots of the shared cancellation ring: job j is cancelled when slot j % CANCEL_SLOTS holds j. */
export const CANCEL_SLOTS = 4096;
