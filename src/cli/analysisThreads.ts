/**
 * `analyze` on every core: the documents recognized each by itself, in batches, on this thread and
 * on worker threads; once the corpus's family names are known, each linked within itself where it
 * was recognized; the corpus linked on this thread (analyzeTogether). The analysis is the one
 * `analyze` gives on one thread, whatever the number of threads. The workers run this same file
 * (dist/cli.js).
 */
import { availableParallelism } from 'node:os';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import {
  analyze,
  analyzeTogether,
  linkNames,
  recognizeDocument,
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

type Request = { type: 'recognize'; from: number; documents: SourceDocument[] } | { type: 'link'; surnames: string[] };
type Reply = { type: 'recognized'; from: number; parts: Omit<DocumentAlone, 'linked'>[] } | { type: 'linked'; linked: [number, LinkedNames][] };

/**
 * `analyze(documents, options)` on this thread and up to `threads - 1` worker threads. Default: one
 * thread per core but one, left to the rest of the machine (on this project's 2 cores, where two
 * threads cost 1.5 times the CPU of one and ended no sooner, that is one).
 */
export async function analyzeOnThreads(
  documents: readonly SourceDocument[],
  options: AnalyzeOptions,
  threads = Math.max(1, availableParallelism() - 1),
): Promise<Analysis> {
  const chars = documents.reduce((n, d) => n + d.text.length, 0);
  const workerCount = Math.min(threads, Math.floor(chars / MIN_CHARS)) - 1;
  if (workerCount < 1) return analyze(documents, options);
  const parts = new Array<DocumentAlone>(documents.length);
  let next = 0;
  const batch = (): Request | undefined => {
    if (next >= documents.length) return undefined;
    const from = next;
    for (let size = 0; next < documents.length && (next === from || size < BATCH_CHARS); next++) size += documents[next].text.length;
    // only what recognition reads: not the annotations and sidecars of the corpus's documents
    return {
      type: 'recognize',
      from,
      documents: documents.slice(from, next).map(({ path, text, dct, dctFromSidecar }) => ({ path, text, dct, dctFromSidecar })),
    };
  };
  let linking = 0;
  let linked: () => void = () => undefined;
  const receive = (r: Reply) => {
    if (r.type === 'recognized') r.parts.forEach((p, i) => (parts[r.from + i] = p as DocumentAlone));
    else {
      for (const [d, names] of r.linked) parts[d].linked = names;
      if (--linking === 0) linked();
    }
  };
  const here = new AnalysisThread(options);
  const workers = Array.from({ length: workerCount }, () => new Worker(__filename, { workerData: { analyzeOnThread: options } }));
  try {
    const recognized = Promise.all(workers.map(w => serve(w, batch, receive)));
    for (let request = batch(); request; request = batch()) {
      receive(here.handle(request));
      await new Promise(resolve => setImmediate(resolve)); // the workers' replies, and their next batches
    }
    await recognized;
    // the family names in the order of the documents, as analyze meets them
    const surnames = [...new Set(parts.flatMap(p => p.surnames))];
    const done = new Promise<void>(resolve => (linked = resolve));
    linking = workers.length + 1;
    for (const w of workers) w.postMessage({ type: 'link', surnames } satisfies Request);
    receive(here.handle({ type: 'link', surnames }));
    await done;
  } finally {
    await Promise.all(workers.map(w => w.terminate()));
  }
  return analyzeTogether(documents, parts, options);
}

/**
 * Gives `worker` batches, two at a time so that it never waits for the next, until there are no
 * more; its replies go to `receive`. Fails when the worker does, or stops.
 */
function serve(worker: Worker, batch: () => Request | undefined, receive: (r: Reply) => void): Promise<void> {
  return new Promise((resolve, reject) => {
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
      if (r.type === 'recognized') sent--;
      receive(r);
      if (r.type === 'recognized') send();
    });
    worker.on('error', reject);
    worker.on('exit', code => reject(new Error(`an analysis thread stopped (exit code ${code})`)));
    send();
    send();
  });
}

/** What a thread keeps between recognizing its documents and linking them: their texts and first readings. */
class AnalysisThread {
  private readonly held = new Map<number, { text: string; recognized: RecognizedDocument }>();

  constructor(private readonly options: AnalyzeOptions) {}

  handle(request: Request): Reply {
    if (request.type === 'recognize') {
      const parts = request.documents.map((doc, i) => {
        const recognized = recognizeDocument(doc, this.options);
        this.held.set(request.from + i, { text: doc.text, recognized });
        return { dct: recognized.dct, dates: recognized.dates, surnames: recognized.surnames };
      });
      return { type: 'recognized', from: request.from, parts };
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
