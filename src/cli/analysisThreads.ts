/**
 * `analyze` on every core: the documents' dates recognized on a thread of their own, their names
 * each by itself, in batches, on this thread and any other worker threads; once the corpus's family
 * names are known, each document linked within itself where its names were recognized; the corpus
 * linked on this thread (analyzeTogether). The analysis is the one `analyze` gives on one thread,
 * whatever the number of threads. The workers run this same file (dist/cli.js).
 *
 * Why dates apart: a thread pays for its first batches (code not yet optimized, lexicons and
 * regular expressions made: on the 2M words of scripts/bench.mjs a worker's first 256 KB took 0.50 s of CPU, its
 * batches once warm 0.06 to 0.08 s), so the documents split between two threads cost 1.3 times
 * the CPU of one thread (the process's CPU on 2M words, median of eight runs: 6.2 s against 4.8 s).
 * A thread of dates warms up the dates' code alone: with it this thread spent 2.9 s against 3.6 s
 * alone, for the same CPU in all (4.8 s; docs/measurements.md).
 */
import { availableParallelism } from 'node:os';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import {
  analyze,
  analyzeTogether,
  linkNames,
  recognizeDocumentDates,
  recognizeNames,
  type Analysis,
  type AnalyzeOptions,
  type DocumentAlone,
  type LinkedNames,
  type RecognizedDocument,
  type SourceDocument,
} from '../core';

/** Below this many characters, another thread (which loads the lexicons again) costs more than it saves. */
const MIN_CHARS = 1 << 20;
/** Documents given to a thread at a time: few messages, and threads that finish early take more. */
const BATCH_CHARS = 256 * 1024;

type Dated = Pick<DocumentAlone, 'dct' | 'dates'>;
type Batch<T extends string> = { type: T; from: number; documents: SourceDocument[] };
type Request = Batch<'names'> | Batch<'dates'> | { type: 'link'; surnames: string[] };
type Reply =
  { type: 'names'; from: number; surnames: string[][] } | { type: 'dates'; from: number; dated: Dated[] } | { type: 'linked'; linked: [number, LinkedNames][] };

/**
 * `analyze(documents, options)` on this thread and up to `threads - 1` worker threads: one for the
 * dates, the others for names. Default: one thread per core but one, left to the rest of the
 * machine, and two on two cores (the thread of dates takes work off this one, and costs little
 * more in all).
 */
export async function analyzeOnThreads(documents: readonly SourceDocument[], options: AnalyzeOptions, threads = defaultThreads()): Promise<Analysis> {
  const chars = documents.reduce((n, d) => n + d.text.length, 0);
  const workerCount = Math.min(threads, Math.floor(chars / MIN_CHARS)) - 1;
  if (workerCount < 1) return analyze(documents, options);
  const surnamesOf = new Array<string[]>(documents.length);
  const datedOf = new Array<Dated>(documents.length);
  const linkedOf = new Array<LinkedNames>(documents.length);
  let linking = 0;
  let linked: () => void = () => undefined;
  const receive = (r: Reply) => {
    if (r.type === 'names') r.surnames.forEach((s, i) => (surnamesOf[r.from + i] = s));
    else if (r.type === 'dates') r.dated.forEach((p, i) => (datedOf[r.from + i] = p));
    else {
      for (const [d, names] of r.linked) linkedOf[d] = names;
      if (--linking === 0) linked();
    }
  };
  const here = new AnalysisThread(options);
  const start = () => new Worker(__filename, { workerData: { analyzeOnThread: options } });
  const dater = start();
  const namers = Array.from({ length: workerCount - 1 }, start);
  // a worker that fails fails the run at whichever step it is awaited (its batches are never answered)
  const failed = Promise.race([dater, ...namers].map(failure));
  failed.catch(() => undefined); // also once the workers are terminated below
  try {
    const dated = serve(dater, batches(documents, 'dates'), receive);
    const nameBatch = batches(documents, 'names');
    const named = Promise.all(namers.map(w => serve(w, nameBatch, receive)));
    for (let request = nameBatch(); request; request = nameBatch()) {
      receive(here.handle(request));
      await new Promise(resolve => setImmediate(resolve)); // the workers' replies, and their next batches
    }
    await Promise.race([named, failed]);
    // the family names in the order of the documents, as analyze meets them
    const surnames = [...new Set(surnamesOf.flat())];
    const done = new Promise<void>(resolve => (linked = resolve));
    linking = namers.length + 1;
    for (const w of namers) w.postMessage({ type: 'link', surnames } satisfies Request);
    receive(here.handle({ type: 'link', surnames }));
    await Promise.race([Promise.all([done, dated]), failed]);
  } finally {
    await Promise.all([dater, ...namers].map(w => w.terminate()));
  }
  const parts = documents.map((_, d): DocumentAlone => ({ ...datedOf[d], surnames: surnamesOf[d], linked: linkedOf[d] }));
  return analyzeTogether(documents, parts, options);
}

function defaultThreads(): number {
  const cores = availableParallelism();
  return Math.min(cores, Math.max(2, cores - 1));
}

/** The requests of `type` for all `documents`, a batch at a time (undefined once all are given). */
function batches<T extends 'names' | 'dates'>(documents: readonly SourceDocument[], type: T): () => Batch<T> | undefined {
  let next = 0;
  return () => {
    if (next >= documents.length) return undefined;
    const from = next;
    for (let size = 0; next < documents.length && (next === from || size < BATCH_CHARS); next++) size += documents[next].text.length;
    // only what recognition reads: not the annotations and sidecars of the corpus's documents
    return { type, from, documents: documents.slice(from, next).map(({ path, text, dct, dctFromSidecar }) => ({ path, text, dct, dctFromSidecar })) };
  };
}

/**
 * Gives `worker` batches, two at a time so that it never waits for the next, until there are no
 * more; its replies go to `receive`.
 */
function serve(worker: Worker, batch: () => Request | undefined, receive: (r: Reply) => void): Promise<void> {
  return new Promise(resolve => {
    let sent = 0;
    const send = () => {
      const request = batch();
      if (request) {
        sent++;
        worker.postMessage(request);
      } else if (sent === 0) resolve();
    };
    worker.on('message', (json: string) => {
      const r = fromJson(json);
      if (r.type !== 'linked') sent--;
      receive(r);
      if (r.type !== 'linked') send();
    });
    send();
    send();
  });
}

/** Rejects when `worker` fails or stops. */
function failure(worker: Worker): Promise<never> {
  return new Promise((_, reject) => {
    worker.on('error', reject);
    worker.on('exit', code => reject(new Error(`an analysis thread stopped (exit code ${code})`)));
  });
}

/** What a thread keeps between recognizing the names of its documents and linking them: their texts and first readings. */
class AnalysisThread {
  private readonly held = new Map<number, { text: string; recognized: Pick<RecognizedDocument, 'names' | 'dropped'> }>();

  constructor(private readonly options: AnalyzeOptions) {}

  handle(request: Request): Reply {
    if (request.type === 'dates') {
      const dated = request.documents.map(doc => recognizeDocumentDates(doc, this.options));
      return { type: 'dates', from: request.from, dated };
    }
    if (request.type === 'names') {
      const surnames = request.documents.map((doc, i) => {
        const recognized = recognizeNames(doc, this.options);
        this.held.set(request.from + i, { text: doc.text, recognized });
        return recognized.surnames;
      });
      return { type: 'names', from: request.from, surnames };
    }
    const surnames = new Set(request.surnames);
    const linked = [...this.held].map(([d, { text, recognized }]): [number, LinkedNames] => [d, linkNames(text, recognized, surnames, this.options.nameModel)]);
    this.held.clear();
    return { type: 'linked', linked };
  }
}

/** When this file runs as an analysis thread: serves requests until terminated, and says so. */
export function servesAnalysis(): boolean {
  const options = (workerData as { analyzeOnThread?: AnalyzeOptions } | null)?.analyzeOnThread;
  if (isMainThread || !options || !parentPort) return false;
  const port = parentPort;
  const thread = new AnalysisThread(options);
  port.on('message', (request: Request) => port.postMessage(toJson(thread.handle(request))));
  return true;
}

/**
 * Replies cross threads as JSON text: copying one string is several times cheaper than a structured
 * clone of a hundred thousand small objects (2M words: 0.4 s against 1.7 s for a thread's replies).
 */
function toJson(r: Reply): string {
  return JSON.stringify(
    r.type === 'linked' ? { ...r, linked: r.linked.map(([d, l]) => [d, { ...l, names: { ...l.names, spans: Array.from(l.names.spans) } }]) } : r,
  );
}

function fromJson(json: string): Reply {
  const r = JSON.parse(json) as Reply;
  if (r.type === 'linked') for (const [, l] of r.linked) l.names.spans = Int32Array.from(l.names.spans);
  return r;
}
