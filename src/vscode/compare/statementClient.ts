import { AnswerAssembler, PART_VALUES, PARTED_LISTS } from './answerParts';
import { packMentions, type MentionsToPack } from './packedMentions';
import { CANCEL_SLOTS, type Answer, type ArticleText, type Query, type Reply, type Request, type StatementDocument } from './statementProtocol';
import { drive, StatementJobs } from './statementJobs';
import { SharedSlices } from '../common/slices';
import { LazyWorker } from '../common/workerThread';

/** Milliseconds between two progress reports of a long job. */
const PROGRESS_MS = 100;
/** Longest stretch of gathering articles to send to the worker (their analyses and texts) between two yields. */
const GATHER_MS = 10;
/** Articles sent in one message at most. */
const BATCH = 50;

/** Where the articles to send are read from: the corpus index (CorpusIndex, statementService.ts). */
export interface ArticleSource {
  /**
   * The text the article was indexed with: its UTF-8 when the source holds it (an open document's),
   * else its file and that text's hash (utf8Hash), for the statements' side to read (not read here).
   */
  text(path: string): ArticleText | undefined;
  /** Its publication date and mentions (from a corpus index, CorpusIndex.publishedMentions: no object made for each). */
  mentions(path: string): { dct: string | null; mentions: MentionsToPack } | undefined;
}

/** A job asked: its number (to cancel it) and its answer, undefined when it was cancelled. */
export interface Asked<A> {
  job: number;
  answer: Promise<A | undefined>;
}

interface Pending {
  resolve(answer: unknown): void;
  reject(e: Error): void;
  onProgress?(done: number, total: number): void;
  /** The parts of its answer so far, when it comes in parts. */
  parts?: AnswerAssembler;
}

/**
 * The extension host's side of the statement worker (dist/statementWorker.js, statementWorker.ts),
 * which holds the statements of the workspace's articles: updates go out (the articles' analyses,
 * and their UTF-8 texts or their files to read there), answers come back (discrepancies, comparisons, the timeline;
 * the large ones in parts, answerParts.ts), jobs run one at a
 * time in the order asked, and a scan can be cancelled through a shared flag the worker reads.
 * Without the worker (the bundle missing, or it stopped) the same jobs run here, in slices that
 * they and the gathering of the articles to send share (slices.ts): slower for the host, never lost; `onLost` is told when the worker's statements are gone,
 * so that the caller sends every article again. No vscode import (scripts/benchStatements.mjs runs it).
 */
export class StatementClient {
  private readonly worker: LazyWorker<Reply>;
  private local: StatementJobs | undefined;
  /** The slices of the jobs run here and of gathering the articles sent to them. */
  private readonly slices = new SharedSlices();
  private localQueue = Promise.resolve();
  private nextJob = 1;
  private readonly cancelled = new Int32Array(new SharedArrayBuffer(CANCEL_SLOTS * Int32Array.BYTES_PER_ELEMENT));
  private readonly pending = new Map<number, Pending>();

  /**
   * `workerFile`: the bundled worker; `partValues`: how many values of a list answer's lists
   * (discrepancies' statements, answerParts.ts) come in one message at most, each taken in at a turn of its own.
   */
  constructor(
    workerFile: string,
    onLost: (reason: string) => void,
    private readonly partValues = PART_VALUES,
  ) {
    // once it stopped, its statements are gone: the jobs run here, from the articles sent again
    this.worker = new LazyWorker<Reply>(
      workerFile,
      this.cancelled,
      {
        message: r => this.onReply(r),
        stop: e => {
          const reason = `the statement worker stopped: ${e.message}`;
          for (const p of this.pending.values()) p.reject(new Error(reason));
          this.pending.clear();
          onLost(reason);
        },
      },
      false,
    );
  }

  /** Whether the jobs run in the worker (false: on this thread). */
  get inWorker(): boolean {
    return this.worker.get() !== undefined;
  }

  /** Asks a query; `onProgress` hears how far a long job is. */
  ask<Q extends Query>(query: Q, onProgress?: (done: number, total: number) => void): Asked<Answer<Q>> {
    const job = this.nextJob++;
    const worker = this.worker.get();
    if (!worker) return { job, answer: this.runHere(job, query, onProgress) };
    const answer = new Promise<Answer<Q> | undefined>((resolve, reject) => {
      const field = PARTED_LISTS[query.type];
      this.pending.set(job, { resolve: resolve as (a: unknown) => void, reject, onProgress, parts: field ? new AnswerAssembler(field) : undefined });
    });
    worker.ref(); // kept alive while it works; unref'd when idle
    worker.postMessage({ job, query, partValues: this.partValues } satisfies Request);
    return { job, answer };
  }

  /**
   * Sends the statements of `paths` to be read again (from `source`'s texts or files and analyses,
   * dates normalized) and those of `deleted` to be forgotten, in messages of at most BATCH articles,
   * gathered in steps of at most GATHER_MS between which the host gets a turn (without the worker: a
   * batch gathered once the last is read, in the slices the jobs run in). `sent` hears each
   * article sent with the analysis it was sent with, `read` how many are read so far. Resolves when
   * all are read (a batch lost with the worker is not waited for: `onLost` tells the caller).
   */
  async update(
    source: ArticleSource,
    paths: readonly string[],
    deleted: readonly string[],
    on: { sent?(path: string): void; read?(count: number): void } = {},
  ): Promise<void> {
    const answers: Promise<unknown>[] = [];
    let read = 0;
    let documents: StatementDocument[] = [];
    let gone = [...deleted];
    const post = () => {
      const count = documents.length;
      const answer = this.ask({ type: 'update', documents, deleted: gone }).answer.then(() => {
        read += count;
        on.read?.(read);
      });
      answers.push(answer);
      documents = [];
      gone = [];
      return answer;
    };
    let sliceStart = Date.now();
    for (const path of paths) {
      const published = source.mentions(path);
      const text = source.text(path);
      if (published && text) {
        documents.push({ path, ...('utf8' in text ? { utf8: ownBuffer(text.utf8) } : text), dct: published.dct, mentions: packMentions(published.mentions) });
        on.sent?.(path);
      }
      if (!this.inWorker) {
        // here, a batch is read before the next is gathered: gathered ahead, every batch waiting was held
        if (documents.length >= BATCH || this.slices.over) {
          if (documents.length || gone.length) await post().catch(() => undefined); // settled below with the others
          while (this.slices.over) await this.slices.next();
        }
      } else if (documents.length >= BATCH || Date.now() - sliceStart > GATHER_MS) {
        void post(); // read while the next is gathered
        await new Promise(resolve => setTimeout(resolve, 0));
        sliceStart = Date.now();
      }
    }
    if (documents.length || gone.length) void post();
    await Promise.allSettled(answers);
  }

  /** Cancels a job: not begun, it is skipped; under way, it stops at its next step. Its answer is undefined. */
  cancel(job: number): void {
    Atomics.store(this.cancelled, job % CANCEL_SLOTS, job);
  }

  private runHere<Q extends Query>(job: number, query: Q, onProgress?: (done: number, total: number) => void): Promise<Answer<Q> | undefined> {
    const jobs = (this.local ??= new StatementJobs());
    const run = this.localQueue.then(() =>
      drive(jobs.run(query), {
        isCancelled: () => Atomics.load(this.cancelled, job % CANCEL_SLOTS) === job,
        onProgress: (done, total) => onProgress?.(done, total),
        progressMs: PROGRESS_MS,
        slices: this.slices,
      }),
    );
    this.localQueue = run.then(
      () => undefined,
      () => undefined,
    );
    return run.then(r => r?.answer);
  }

  private onReply(r: Reply): void {
    const p = this.pending.get(r.job);
    if (r.type === 'part') {
      // one part taken in at a turn: the next is asked for once this one is (the worker waits for it)
      p?.parts?.add(r.part);
      this.worker.running?.postMessage({ job: r.job, next: true } satisfies Request);
      return;
    }
    if (!p) return;
    if (r.type === 'progress') return p.onProgress?.(r.done, r.total);
    this.pending.delete(r.job);
    if (this.pending.size === 0) this.worker.running?.unref();
    if (r.error !== undefined) p.reject(new Error(r.error));
    else if (r.cancelled) p.resolve(undefined);
    else if (r.part && p.parts) {
      p.parts.add(r.part);
      p.resolve(p.parts.answer);
    } else p.resolve(r.answer);
  }

  dispose(): void {
    this.worker.dispose();
  }
}

/** The bytes in a buffer of their own (a view's whole buffer would be copied to the worker). */
function ownBuffer(bytes: Uint8Array): Uint8Array {
  return bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength ? bytes : bytes.slice();
}
