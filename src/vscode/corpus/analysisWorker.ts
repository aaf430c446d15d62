// Entry of dist/analysisWorker.js: recognition and in-document linking (the core's prepareDocument)
// off the extension host's thread, for analysisClient.ts, and learning from reviews. A thin adapter:
// messages in, core calls, results out (line starts, texts sent by the host as transferred UTF-8
// bytes, analyses packed: packedAnalysis.ts, so that the host neither copies nor clones much in one
// step; a file's text stays here: the index reads it again from the file when needed). The
// shipped model's weights (src/core/model/weights.ts, needed only to learn) are bundled here and not
// in dist/extension.js; decoded on first use.
import { parentPort, workerData } from 'node:worker_threads';
import {
  AnalysisCancelled,
  articleBytesOf,
  lineStarts,
  packAnalysis,
  packedBuffers,
  packLinked,
  parseWorkspaceModelText,
  prepareDocument,
  readPrepared,
  recognizerFingerprint,
  relinkPrepared,
  statOrNone,
  trainWorkspaceModel,
  Workspace,
  WORKSPACE_MODEL_PATH,
  type CancellationFlag,
  type PreparedDocument,
} from '../../core';
import { nameModel } from '../../core/model/nameModel';
import type { TaggerWeights } from '../../core/model/tagger';
import { NodeFileSystem } from '../../node/nodeFileSystem';
import { CANCEL_SLOTS, type DocumentSource, type Reply, type Request } from './analysisProtocol';

const port = parentPort;
if (port)
  serve(
    (reply, transfer) => port.postMessage(reply, transfer),
    new Int32Array(workerData.cancelled as SharedArrayBuffer),
    handler => port.on('message', handler),
  );

function serve(send: (reply: Reply, transfer?: ArrayBuffer[]) => void, cancelled: Int32Array, listen: (handler: (r: Request) => void) => void): void {
  // files read without the thread pool: this thread has nothing else to do meanwhile (cancellation
  // comes through shared memory); the extension's scan of 10,000 articles 8.7–9.5 s against 14.4–14.6 s
  const fs = new NodeFileSystem(true);
  let surnames = new Set<string>();
  /** Workspace models by id: the file's text, parsed at first use (null: it cannot be, the rules are used). */
  const models = new Map<string, { text: string; parsed?: TaggerWeights | null }>();
  const modelOf = (id: string | undefined): TaggerWeights | undefined => {
    if (id === undefined) return undefined;
    const held = models.get(id);
    // forgotten meanwhile (the folder's model changed): the job is outdated, never done with the rules
    if (!held) throw new Error(`the workspace model ${id} is no longer in use`);
    if (held.parsed === undefined) {
      const read = parseWorkspaceModelText(WORKSPACE_MODEL_PATH, held.text);
      held.parsed = read.status === 'ok' ? read.model : null;
      if (read.status === 'problem') send({ type: 'modelProblem', job: 0, message: read.message.replace('the shipped model is used', 'the rules are used') });
    }
    return held.parsed ?? undefined;
  };
  const parts = new Map<number, string[]>();
  const flagOf = (job: number): CancellationFlag => ({
    get isCancellationRequested() {
      return Atomics.load(cancelled, job % CANCEL_SLOTS) === job;
    },
  });

  const sendPrepared = (job: number, { analysis, ...prepared }: PreparedDocument, text: string, warnings: string[]) => {
    const lines = Int32Array.from(lineStarts(text));
    const packed = analysis && packAnalysis(analysis);
    send({ type: 'prepared', job, prepared: packed ? { ...prepared, packed } : prepared, lines, warnings }, [
      ...(prepared.utf8 ? [prepared.utf8.buffer as ArrayBuffer] : []),
      lines.buffer,
      ...(packed ? packedBuffers(packed) : []),
    ]);
  };
  const prepare = (source: DocumentSource, text: string, job: number) =>
    prepareDocument(
      { path: source.path, text, dct: source.dct, dctFromSidecar: source.dctFromSidecar },
      surnames,
      { nameModel: modelOf(source.model) },
      source.held,
      flagOf(job),
    );

  const run = async (r: Exclude<Request, { type: 'surnames' | 'text' | 'model' }>): Promise<void> => {
    const flag = flagOf(r.job);
    if (r.type === 'analyze') {
      const text = (parts.get(r.job) ?? []).join('');
      parts.delete(r.job);
      if (!flag.isCancellationRequested) sendPrepared(r.job, prepare(r.source, text, r.job), text, []);
    } else if (r.type === 'analyzeFiles') {
      for (const f of r.files) {
        if (flag.isCancellationRequested) throw new AnalysisCancelled();
        const read = await readPrepared(fs, f.file, text => prepare(f, text, r.job));
        if ('message' in read) send({ type: 'unread', job: r.job, path: f.path, message: read.message });
        else sendPrepared(r.job, read.prepared, read.text, read.warnings);
      }
    } else if (r.type === 'stat') {
      const stats = [];
      for (const file of r.files) stats.push(await statOrNone(fs, file));
      send({ type: 'stats', job: r.job, stats });
    } else if (r.type === 'fingerprint') {
      send({ type: 'fingerprint', job: r.job, fingerprint: recognizerFingerprint() });
    } else if (r.type === 'train') {
      send({ type: 'trained', job: r.job, trained: await trainWorkspaceModel(new Workspace(fs, r.root, r.options), nameModel(), true) });
    } else if (!flag.isCancellationRequested) {
      const utf8 = 'utf8' in r ? r.utf8 : await articleBytesOf(fs, r.file, r.hash);
      const linked = utf8 && packLinked(relinkPrepared(utf8, surnames, modelOf(r.model)));
      if (linked) send({ type: 'relinked', job: r.job, path: r.path, hash: r.hash, linked }, packedBuffers(linked));
    }
    if (flag.isCancellationRequested) throw new AnalysisCancelled();
  };

  // one job at a time, in the order sent
  let queue = Promise.resolve();
  listen(r => {
    if (r.type === 'surnames')
      queue = queue.then(() => {
        surnames = new Set(r.words);
      });
    else if (r.type === 'model')
      queue = queue.then(() => {
        if (r.text === undefined) models.delete(r.id);
        else if (!models.has(r.id)) models.set(r.id, { text: r.text });
      });
    else if (r.type === 'text') {
      const held = parts.get(r.job);
      if (held) held.push(r.part);
      else parts.set(r.job, [r.part]);
    } else {
      queue = queue
        .then(() => run(r))
        .then(
          () => send({ type: 'done', job: r.job }),
          e =>
            send(
              e instanceof AnalysisCancelled
                ? { type: 'done', job: r.job, cancelled: true }
                : { type: 'done', job: r.job, error: String((e as Error)?.stack ?? e) },
            ),
        );
    }
  });
}
