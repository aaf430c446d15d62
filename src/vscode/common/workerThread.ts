// Starting a worker bundle of dist/ the same way for every client (src/vscode/corpus/analysisClient.ts,
// src/vscode/compare/statementClient.ts). No `vscode` import: the benches load the clients in plain Node.
import { existsSync } from 'node:fs';
import { Worker } from 'node:worker_threads';

/**
 * The worker of the bundle `file`, given the shared cancellation flags `cancelled` as
 * `workerData.cancelled`; undefined when the bundle is missing. Its replies go to `onMessage`; an
 * error or an exit goes to `onStop`. It does not keep the process alive while idle (unref'd).
 */
export function startWorker<R>(file: string, cancelled: Int32Array, onMessage: (reply: R) => void, onStop: (e: Error) => void): Worker | undefined {
  if (!existsSync(file)) return undefined;
  const worker = new Worker(file, { workerData: { cancelled: cancelled.buffer } });
  worker.on('message', onMessage);
  worker.on('error', onStop);
  worker.on('exit', code => onStop(new Error(`exit code ${code}`)));
  worker.unref();
  return worker;
}
