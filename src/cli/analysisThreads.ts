/**
 * `analyze` on every core: the documents' dates recognized on a thread of their own, their names
 * each by itself, in batches, on this thread and any other worker threads; once the corpus's family
 * names are known, each document linked within itself where its names were recognized; the corpus
 * linked on this thread (analyzeTogether). The analysis is the one `analyze` gives on one thread,
 * whatever the number of threads. The workers run this same file (dist/cli.js). Printed as it is
 * made (printAnalysisOnThreads), the documents' output is made on two threads: this one and the
 * thread of dates, which is idle once its dates are done.
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
  analyzedDocument,
  analyzeTogether,
  documentsOutput,
  entitiesOutput,
  EntityTally,
  limitWarning,
  linkedNamesOf,
  linkNames,
  linkTogether,
  recognizeDocumentDates,
  recognizeNames,
  type Analysis,
  type AnalysisFormat,
  type AnalyzeOptions,
  type CorpusProblem,
  type DocumentAlone,
  type LinkedNames,
  type NamesOfDocument,
  type RecognizedDocument,
  type SourceDocument,
  type TallyTotals,
} from '../core';

/** Below this many characters, another thread (which loads the lexicons again) costs more than it saves. */
const MIN_CHARS = 1 << 20;
/** Documents given to a thread at a time: few messages, and threads that finish early take more. */
const BATCH_CHARS = 256 * 1024;

type Dated = Pick<DocumentAlone, 'dct' | 'dates'>;
type Batch<T extends string> = { type: T; from: number; documents: SourceDocument[] };
/**
 * The documents from `from` on, printed by the thread that recognized their dates: their names as
 * JSON text (CompactNames[]), and the spans of all (DocumentNames.spans) one after the other.
 */
type PrintRequest = { type: 'print'; format: AnalysisFormat; from: number; names: string; spans: Int32Array };
/** Dates to recognize: the thread of dates sends back those of the documents below `replyBelow`, and keeps all to print the others. */
type DatesBatch = Batch<'dates'> & { replyBelow: number };
type Request = Batch<'names'> | DatesBatch | { type: 'link'; surnames: string[] } | PrintRequest;
/** The printed documents as UTF-8 (moved, not copied, between threads), and their entities' counts. */
type Printed = { type: 'printed'; pieces: Uint8Array[]; totals: TallyTotals };
type Reply =
  | { type: 'names'; from: number; surnames: string[][] }
  | { type: 'dates'; from: number; dated: Dated[] }
  | { type: 'linked'; linked: [number, LinkedNames][] }
  | Printed;
/** NamesOfDocument as a print request carries it, but its spans: how many numbers of them are the document's. */
type CompactNames = { spans: number; forms: string[][]; ids: readonly string[]; kinds: NamesOfDocument['kinds'] };

/**
 * `analyze(documents, options)` on this thread and up to `threads - 1` worker threads: one for the
 * dates, the others for names. Default: one thread per core but one, left to the rest of the
 * machine, and two on two cores (the thread of dates takes work off this one, and costs little
 * more in all).
 */
export async function analyzeOnThreads(documents: readonly SourceDocument[], options: AnalyzeOptions, threads = defaultThreads()): Promise<Analysis> {
  const recognized = await recognizeOnThreads(documents, options, threads, documents.length);
  if (!recognized) return analyze(documents, options);
  await recognized.stop();
  const { alone, dated } = recognized;
  return analyzeTogether(
    documents,
    documents.map((_, d) => ({ ...dated[d], ...alone[d] })),
    options,
  );
}

/**
 * The part of the documents (in characters) whose output this thread makes when the thread of dates
 * makes the rest's: half, as each has as much to do besides (this one packs the other's names before
 * and prints the entities after; the other reads the names and runs the output's code cold).
 */
const PRINTED_HERE = 0.5;

/**
 * analyzeOnThreads's analysis in `format`, each piece given to `write` as soon as it is made (what
 * printAnalysis prints of it), without the whole analysis ever held: once the corpus is linked,
 * this thread prints the first documents while the thread of dates, which holds the dates of all,
 * prints the others, then this one the entities. The problems the analysis met (documents too long
 * to analyze whole); undefined, with nothing written, when one thread does it all (the corpus is
 * small, or `threads` is 1).
 */
export async function printAnalysisOnThreads(
  documents: readonly SourceDocument[],
  options: AnalyzeOptions,
  threads: number | undefined,
  format: AnalysisFormat,
  write: (piece: string | Uint8Array) => void,
): Promise<CorpusProblem[] | undefined> {
  const chars = documents.reduce((n, d) => n + d.text.length, 0);
  let here = 0;
  for (let size = 0; here < documents.length && (here === 0 || size < chars * PRINTED_HERE); here++) size += documents[here].text.length;
  // the dates of the documents the thread of dates prints stay there
  const recognized = await recognizeOnThreads(documents, options, threads, here);
  if (!recognized) return undefined;
  try {
    const { alone, dated, print } = recognized;
    const linked = linkTogether(documents, alone, options);
    const theirs = documents.slice(here).map((_, i) => linkedNamesOf(linked, here + i));
    const spans = new Int32Array(theirs.reduce((n, t) => n + t.names.spans.length, 0));
    let at = 0;
    const compact = theirs.map(({ names, ids, kinds }): CompactNames => {
      spans.set(names.spans, at);
      at += names.spans.length;
      return { spans: names.spans.length, forms: names.entities.map(e => e.forms), ids, kinds };
    });
    const printed = here < documents.length ? print({ type: 'print', format, from: here, names: JSON.stringify(compact), spans }) : undefined;
    printed?.catch(() => undefined); // a failure is thrown where it is awaited, below
    // each document's mentions made as it is printed, garbage once written
    const tally = new EntityTally();
    const mine = (function* () {
      for (let d = 0; d < here; d++) {
        const analyzed = analyzedDocument(documents[d].path, limitWarning(documents[d].text), dated[d], linkedNamesOf(linked, d));
        tally.add(analyzed.mentions);
        yield analyzed;
      }
    })();
    for (const piece of documentsOutput(format, mine)) write(piece);
    if (printed) {
      const { pieces, totals } = await printed;
      for (const piece of pieces) write(piece);
      tally.addTotals(totals);
    }
    for (const piece of entitiesOutput(format, tally.entities(), true)) write(piece);
    const problems: CorpusProblem[] = [];
    for (const doc of documents) {
      const warning = limitWarning(doc.text);
      if (warning) problems.push({ path: doc.path, message: warning });
    }
    return problems;
  } finally {
    await recognized.stop();
  }
}

/** Documents recognized on threads, each linked within itself; the threads still running, to `print` and `stop`. */
interface RecognizedOnThreads {
  alone: Pick<DocumentAlone, 'surnames' | 'linked'>[];
  /** The dates of the documents below `replyBelow` (recognizeOnThreads). */
  dated: Dated[];
  /** What the thread of dates prints of the documents from `request.from` on. */
  print(request: PrintRequest): Promise<Printed>;
  stop(): Promise<void>;
}

/**
 * The documents recognized and linked each within itself on the threads, with the dates of those
 * below `replyBelow`; undefined when one thread is enough.
 */
async function recognizeOnThreads(
  documents: readonly SourceDocument[],
  options: AnalyzeOptions,
  threads = defaultThreads(),
  replyBelow: number,
): Promise<RecognizedOnThreads | undefined> {
  const chars = documents.reduce((n, d) => n + d.text.length, 0);
  const workerCount = Math.min(threads, Math.floor(chars / MIN_CHARS)) - 1;
  if (workerCount < 1) return undefined;
  const surnamesOf = new Array<string[]>(documents.length);
  const datedOf = new Array<Dated>(documents.length);
  const linkedOf = new Array<LinkedNames>(documents.length);
  let linking = 0;
  let linked: () => void = () => undefined;
  let printed: (p: Printed) => void = () => undefined;
  const receive = (r: Reply) => {
    if (r.type === 'names') r.surnames.forEach((s, i) => (surnamesOf[r.from + i] = s));
    else if (r.type === 'dates') r.dated.forEach((p, i) => (datedOf[r.from + i] = p));
    else if (r.type === 'printed') printed(r);
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
  failed.catch(() => undefined); // also once the workers are terminated
  const stop = async () => void (await Promise.all([dater, ...namers].map(w => w.terminate())));
  try {
    const dateBatch = batches(documents, 'dates');
    const dated = serve(
      dater,
      () => {
        const batch = dateBatch();
        return batch && { ...batch, replyBelow };
      },
      receive,
    );
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
  } catch (e) {
    await stop();
    throw e;
  }
  const alone = documents.map((_, d) => ({ surnames: surnamesOf[d], linked: linkedOf[d] }));
  const print = (request: PrintRequest) => {
    const reply = new Promise<Printed>(resolve => (printed = resolve));
    dater.postMessage(request satisfies Request, [request.spans.buffer as ArrayBuffer]);
    return Promise.race([reply, failed]);
  };
  return { alone, dated: datedOf, print, stop };
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
    worker.on('message', (message: string | Printed) => {
      const r = typeof message === 'string' ? fromJson(message) : message;
      const batch = r.type === 'names' || r.type === 'dates';
      if (batch) sent--;
      receive(r);
      if (batch) send();
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
  /** The documents whose dates this thread recognized, with them: what it needs to print them. */
  private readonly dated: (Dated & { path: string; warning: string | undefined })[] = [];

  constructor(private readonly options: AnalyzeOptions) {}

  handle(request: Request): Reply {
    if (request.type === 'dates') {
      const dated = request.documents.map((doc, i) => {
        const found = recognizeDocumentDates(doc, this.options);
        // kept only for the documents this thread will print (those it does not reply with)
        if (request.from + i >= request.replyBelow) this.dated[request.from + i] = { ...found, path: doc.path, warning: limitWarning(doc.text) };
        return found;
      });
      return { type: 'dates', from: request.from, dated: dated.slice(0, Math.max(0, request.replyBelow - request.from)) };
    }
    if (request.type === 'print') return this.print(request);
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

  /** The documents of `request`, as printAnalysisOnThreads prints the others, in UTF-8; the counts of their entities. */
  private print(request: PrintRequest): Printed {
    const names = JSON.parse(request.names) as CompactNames[];
    const tally = new EntityTally();
    const dated = this.dated;
    const documents = (function* () {
      for (let i = 0, at = 0; i < names.length; i++) {
        const { forms, ids, kinds } = names[i];
        const spans = request.spans.subarray(at, (at += names[i].spans));
        const d = dated[request.from + i];
        const analyzed = analyzedDocument(d.path, d.warning, d, { names: { spans, entities: forms.map(f => ({ forms: f })) }, ids, kinds });
        tally.add(analyzed.mentions);
        yield analyzed;
      }
    })();
    const encoder = new TextEncoder();
    const pieces = Array.from(documentsOutput(request.format, documents, true), piece => encoder.encode(piece));
    return { type: 'printed', pieces, totals: tally.totals() };
  }
}

/** When this file runs as an analysis thread: serves requests until terminated, and says so. */
export function servesAnalysis(): boolean {
  const options = (workerData as { analyzeOnThread?: AnalyzeOptions } | null)?.analyzeOnThread;
  if (isMainThread || !options || !parentPort) return false;
  const port = parentPort;
  const thread = new AnalysisThread(options);
  port.on('message', (request: Request) => {
    const reply = thread.handle(request);
    if (reply.type === 'printed')
      port.postMessage(
        reply,
        reply.pieces.map(p => p.buffer as ArrayBuffer),
      );
    else port.postMessage(toJson(reply));
  });
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
