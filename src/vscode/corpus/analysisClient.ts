import {
  articleBytesOf,
  lineStarts,
  parseWorkspaceModelText,
  prepareDocument,
  readPrepared,
  relinkPrepared,
  statOrNone,
  WORKSPACE_MODEL_PATH,
  type FileStat,
  type FileSystem,
  type LinkedNames,
  type PackedAnalysis,
  type PreparedDocument,
  type TrainedWorkspaceModel,
  type WorkspaceOptions,
} from '../../core';
import type { TaggerWeights } from '../../core/model/tagger';
import { CANCEL_SLOTS, type DocumentSource, type Reply, type Request } from './analysisProtocol';
import { LazyWorker } from '../common/workerThread';
import { ANALYSIS_WORKER_LIMITS } from './analysisWorkerLimits';

/** A document analyzed in the worker, with its line starts (UTF-16 offsets) and the warnings of reading it. */
export interface AnalysisResult {
  prepared: PreparedDocument;
  lines: ArrayLike<number>;
  warnings: string[];
}

/** What analyzing a file gave: a result, or why the file was not read. */
export type FileResult = AnalysisResult | { path: string; message: string };

/** The corpus's family names and their version (CorpusIndex.surnameWords). */
export type SurnameSource = () => { version: number; words: string[] };

interface Job {
  onReply(reply: Reply): void;
}

/**
 * The extension host's side of the analysis worker (dist/analysisWorker.js, analysisWorker.ts):
 * texts go out (large ones in parts), analyses come back, one message per document. A job started
 * for a document cancels the one before it (`key`): a job not begun is skipped, one under way stops
 * at its next phase (through a shared flag the worker reads), and its result, if any, is dropped.
 * No vscode import, so that scripts/benchHost.mjs runs it as the extension does. Without the worker
 * (it failed to start), documents are analyzed here: slower for the host, never lost, with the same
 * workspace models (their files hold whole models); but learning needs the shipped model, which is
 * bundled only in the worker, so it then fails with a message.
 */
export class AnalysisClient {
  private readonly worker: LazyWorker<Reply>;
  private nextJob = 1;
  private readonly cancelled = new Int32Array(new SharedArrayBuffer(CANCEL_SLOTS * Int32Array.BYTES_PER_ELEMENT));
  private readonly jobs = new Map<number, Job>();
  /** The running job of each key (a document's URI, or a scan). */
  private readonly latest = new Map<string, number>();
  private sentSurnames = -1;
  /** Workspace models by id (useModel): their files' texts; which the worker has; those parsed here. */
  private readonly models = new Map<string, string>();
  private readonly sentModels = new Set<string>();
  private readonly parsedHere = new Map<string, TaggerWeights | undefined>();

  /**
   * `workerFile`: the bundled worker; `fs`: for reading files when analyzing here; `onModelProblem`:
   * told when a workspace model cannot be parsed (names are then recognized by the rules).
   */
  constructor(
    private readonly workerFile: string,
    private readonly surnames: SurnameSource,
    private readonly fs: FileSystem,
    private readonly onModelProblem: (message: string) => void = () => undefined,
  ) {
    // a worker that stopped is started again on the next job, sent the family names and models anew
    this.worker = new LazyWorker<Reply>(
      workerFile,
      this.cancelled,
      {
        message: r => (r.type === 'modelProblem' ? this.onModelProblem(r.message) : this.jobs.get(r.job)?.onReply(r)),
        stop: e => {
          this.sentSurnames = -1;
          this.sentModels.clear();
          const done: Reply = { type: 'done', job: 0, error: `the analysis worker stopped: ${e.message}` };
          for (const [job, { onReply }] of [...this.jobs]) onReply({ ...done, job });
          this.jobs.clear();
        },
      },
      true,
      ANALYSIS_WORKER_LIMITS,
    );
  }

  /**
   * Another client with a worker of its own and this one's workspace models, for a scan on another
   * core (100,000 articles: 68 s instead of 94 s, the same CPU); dispose it when the scan is done.
   */
  sibling(): AnalysisClient {
    const other = new AnalysisClient(this.workerFile, this.surnames, this.fs, this.onModelProblem);
    for (const [id, text] of this.models) other.useModel(id, text);
    return other;
  }

  /** Makes a workspace model (its file's text, under its id: workspaceModelId) usable by `DocumentSource.model`. */
  useModel(id: string, text: string): void {
    this.models.set(id, text);
  }

  /** Forgets a workspace model no document uses any more. */
  forgetModel(id: string): void {
    this.models.delete(id);
    this.parsedHere.delete(id);
    if (this.sentModels.delete(id)) this.worker.running?.postMessage({ type: 'model', id } satisfies Request);
  }

  /**
   * Learns from the reviews of the workspace folder `root` in the worker (the core's
   * trainWorkspaceModel; nothing is written when reviews cannot all be read). Throws without the worker.
   */
  async train(root: string, options: Pick<WorkspaceOptions, 'include' | 'exclude' | 'registryPath'>): Promise<TrainedWorkspaceModel> {
    const key = `train:${root}`;
    const job = this.begin(key);
    if (!this.worker.get()) {
      this.end(key, job);
      throw new Error('learning from reviews needs the analysis worker (dist/analysisWorker.js, where the shipped model is), which could not start');
    }
    let trained: TrainedWorkspaceModel | undefined;
    await this.run(key, job, { type: 'train', job, root, options }, r => {
      if (r.type === 'trained') trained = r.trained;
    });
    if (!trained) throw new Error('learning from reviews was cancelled');
    return trained;
  }

  /** The model of `id` parsed here, when analyzing without the worker (once per model). */
  private modelHere(id: string | undefined): TaggerWeights | undefined {
    const text = id === undefined ? undefined : this.models.get(id);
    if (id === undefined || text === undefined) return undefined;
    if (!this.parsedHere.has(id)) {
      const read = parseWorkspaceModelText(WORKSPACE_MODEL_PATH, text);
      if (read.status === 'problem') this.onModelProblem(read.message.replace('the shipped model is used', 'the rules are used'));
      this.parsedHere.set(id, read.status === 'ok' ? read.model : undefined);
    }
    return this.parsedHere.get(id);
  }

  /**
   * Analyzes a text sent as `parts` (each posted as it comes, so that a caller can yield between
   * them). Resolves with undefined when a later job of the same key, `cancel(key)` or `isStale`
   * (asked after each part) made this one useless.
   */
  async analyzeText(key: string, source: DocumentSource, parts: AsyncIterable<string>, isStale: () => boolean): Promise<AnalysisResult | undefined> {
    const job = this.begin(key);
    const worker = this.worker.get();
    const local: string[] = [];
    for await (const part of parts) {
      if (isStale() || this.latest.get(key) !== job) return this.end(key, job);
      if (worker) worker.postMessage({ type: 'text', job, part } satisfies Request);
      else local.push(part);
    }
    if (!worker) {
      this.end(key, job);
      const text = local.join('');
      const prepared = prepareDocument({ ...source, text }, new Set(this.surnames().words), { nameModel: this.modelHere(source.model) }, source.held);
      return { prepared, lines: lineStarts(text), warnings: [] };
    }
    let result: AnalysisResult | undefined;
    const cancelled = await this.run(key, job, { type: 'analyze', job, source }, r => {
      if (r.type === 'prepared') result = r;
    });
    return cancelled ? undefined : result;
  }

  /**
   * Reads and analyzes files, calling `onResult` for each as it arrives. Returns false when
   * cancelled (a later job of `key`, or `cancel(key)`).
   */
  async analyzeFiles(key: string, files: (DocumentSource & { file: string })[], onResult: (r: FileResult) => void): Promise<boolean> {
    const job = this.begin(key);
    if (!this.worker.get()) {
      for (const f of files) {
        if (this.latest.get(key) !== job) return false;
        const read = await readPrepared(this.fs, f.file, text =>
          prepareDocument({ ...f, text }, new Set(this.surnames().words), { nameModel: this.modelHere(f.model) }, f.held),
        );
        if ('message' in read) onResult({ path: f.path, message: read.message });
        else onResult({ prepared: read.prepared, lines: lineStarts(read.text), warnings: read.warnings });
      }
      this.end(key, job);
      return true;
    }
    const cancelled = await this.run(key, job, { type: 'analyzeFiles', job, files }, r => {
      if (r.type === 'prepared') onResult(r);
      else if (r.type === 'unread') onResult({ path: r.path, message: r.message });
    });
    return !cancelled;
  }

  /**
   * The stat of each file (absolute `/`-separated paths), taken in the worker (here without it):
   * for a warm start, which reads only the files whose size or modification time changed.
   */
  async stat(files: string[]): Promise<(FileStat | undefined)[]> {
    const key = `stat:${this.nextJob}`;
    const job = this.begin(key);
    if (!this.worker.get()) {
      this.end(key, job);
      return Promise.all(files.map(f => statOrNone(this.fs, f)));
    }
    let stats: (FileStat | undefined)[] = [];
    await this.run(key, job, { type: 'stat', job, files }, r => {
      if (r.type === 'stats') stats = r.stats;
    });
    return stats;
  }

  /** The recognizer's fingerprint (for the index snapshot), made in the worker; undefined without it, or when it stopped. */
  async fingerprint(): Promise<string | undefined> {
    const key = 'fingerprint';
    const job = this.begin(key);
    if (!this.worker.get()) return this.end(key, job);
    let fingerprint: string | undefined;
    await this.run(key, job, { type: 'fingerprint', job }, r => {
      if (r.type === 'fingerprint') fingerprint = r.fingerprint;
    }).catch(() => undefined);
    return fingerprint;
  }

  /**
   * A document's names linked again against the current family names (`text`: its indexed text, or
   * its file's, read there, when its hash is still `hash`: undefined otherwise; `model`: as it was
   * analyzed with); packed when they come from the worker.
   */
  async relink(path: string, hash: string, text: { utf8: Uint8Array } | { file: string }, model?: string): Promise<LinkedNames | PackedAnalysis | undefined> {
    const key = `relink:${path}`;
    const job = this.begin(key);
    if (!this.worker.get()) {
      this.end(key, job);
      const utf8 = 'utf8' in text ? text.utf8 : await articleBytesOf(this.fs, text.file, hash);
      return utf8 && relinkPrepared(utf8, new Set(this.surnames().words), this.modelHere(model));
    }
    let linked: PackedAnalysis | undefined;
    await this.run(key, job, { type: 'relink', job, path, hash, ...text, ...(model !== undefined && { model }) }, r => {
      if (r.type === 'relinked') linked = r.linked;
    });
    return linked;
  }

  /** Cancels the running job of `key`, if any. */
  cancel(key: string): void {
    const job = this.latest.get(key);
    if (job !== undefined) {
      Atomics.store(this.cancelled, job % CANCEL_SLOTS, job);
      this.latest.delete(key);
    }
  }

  private begin(key: string): number {
    this.cancel(key);
    const job = this.nextJob++;
    this.latest.set(key, job);
    return job;
  }

  private end(key: string, job: number): undefined {
    if (this.latest.get(key) === job) this.latest.delete(key);
    return undefined;
  }

  /** Posts a job (the family names first, when they changed, and models not sent yet) and resolves when it is done: true when cancelled. */
  private run(key: string, job: number, request: Request, onReply: (r: Reply) => void): Promise<boolean> {
    const worker = this.worker.running!;
    const { version, words } = this.surnames();
    if (version !== this.sentSurnames) {
      worker.postMessage({ type: 'surnames', words } satisfies Request);
      this.sentSurnames = version;
    }
    for (const [id, text] of this.models) {
      if (!this.sentModels.has(id)) worker.postMessage({ type: 'model', id, text } satisfies Request);
      this.sentModels.add(id);
    }
    return new Promise<boolean>((resolve, reject) => {
      this.jobs.set(job, {
        onReply: r => {
          // a job cancelled meanwhile delivers nothing
          if (r.type !== 'done') {
            if (this.latest.get(key) === job) onReply(r);
            return;
          }
          this.jobs.delete(job);
          const cancelled = r.cancelled === true || this.latest.get(key) !== job;
          this.end(key, job);
          if (this.jobs.size === 0) worker.unref();
          if (r.error) reject(new Error(r.error));
          else resolve(cancelled);
        },
      });
      worker.ref(); // kept alive while it works; unref'd when idle
      worker.postMessage(request);
    });
  }

  dispose(): void {
    this.worker.dispose();
  }
}
