import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { runAgreementJob, type AgreementJob, type AgreementJobResult } from './agreementJob';

/** The bundled worker, beside dist/extension.js (esbuild.mjs). */
const WORKER_FILE = join(__dirname, 'agreementWorker.js');

/**
 * Runs comparisons in a worker thread, one at a time; cancelling stops the worker. Without the
 * worker (missing, failed to start) the job runs here instead: slower for the host, never lost.
 */
export class AgreementRunner {
  private worker: Worker | undefined;
  private next = 0;

  async run(job: AgreementJob, progress: (done: number, total: number) => void, cancelled: Promise<void>): Promise<AgreementJobResult | undefined> {
    if (!existsSync(WORKER_FILE)) return runAgreementJob(job, progress);
    const worker = (this.worker ??= new Worker(WORKER_FILE));
    const id = this.next++;
    return new Promise<AgreementJobResult | undefined>((resolve, reject) => {
      const done = () => {
        worker.off('message', onMessage);
        worker.off('error', onError);
        worker.off('exit', onExit);
        worker.unref();
      };
      const onMessage = (m: { id: number; progress?: { done: number; total: number }; result?: AgreementJobResult; error?: string }) => {
        if (m.id !== id) return;
        if (m.progress) return progress(m.progress.done, m.progress.total);
        done();
        if (m.error !== undefined) reject(new Error(m.error));
        else resolve(m.result);
      };
      const onError = (e: Error) => {
        done();
        this.worker = undefined;
        reject(e);
      };
      const onExit = () => {
        done();
        this.worker = undefined;
        resolve(undefined); // stopped (cancelled)
      };
      worker.on('message', onMessage);
      worker.on('error', onError);
      worker.on('exit', onExit);
      worker.ref();
      worker.postMessage({ id, job });
      void cancelled.then(() => {
        if (this.worker === worker) void worker.terminate();
      });
    });
  }

  dispose(): void {
    void this.worker?.terminate();
    this.worker = undefined;
  }
}
