// Starting a worker bundle of dist/ the same way for every client (src/vscode/corpus/analysisClient.ts,
// src/vscode/compare/statementClient.ts). No `vscode` import: the benches load the clients in plain Node.
import { existsSync } from 'node:fs';
import { Worker, type ResourceLimits } from 'node:worker_threads';

/** What a client hears from its worker. */
export interface WorkerEvents<R> {
  /** A reply. */
  message(reply: R): void;
  /** The worker stopped (an error or an exit); what it held is gone. */
  stop(e: Error): void;
}

/**
 * The worker of the bundle `file`, started on first use (`get`), given the shared cancellation flags
 * `cancelled` as `workerData.cancelled` (and its heap limits `resourceLimits`, when given). It does not keep the process alive while idle (unref'd).
 * When the bundle is missing, or the worker stopped and `restart` is false, `get` gives undefined
 * from then on and the client runs its jobs on the host.
 */
export class LazyWorker<R> {
  private worker: Worker | undefined;
  private closed = false;

  constructor(
    private readonly file: string,
    private readonly cancelled: Int32Array,
    private readonly events: WorkerEvents<R>,
    private readonly restart: boolean,
    private readonly resourceLimits?: ResourceLimits,
  ) {}

  /** The running worker, without starting one. */
  get running(): Worker | undefined {
    return this.worker;
  }

  /** The worker, started when none runs; undefined when it cannot run. */
  get(): Worker | undefined {
    if (this.worker || this.closed) return this.worker;
    if (!existsSync(this.file)) {
      this.closed = true;
      return undefined;
    }
    const worker = new Worker(this.file, { workerData: { cancelled: this.cancelled.buffer }, resourceLimits: this.resourceLimits });
    const stopped = (e: Error) => {
      if (this.worker !== worker) return;
      this.worker = undefined;
      if (!this.restart) this.closed = true;
      this.events.stop(e);
    };
    worker.on('message', (reply: R) => this.events.message(reply));
    worker.on('error', stopped);
    worker.on('exit', code => stopped(new Error(`exit code ${code}`)));
    worker.unref();
    this.worker = worker;
    return worker;
  }

  /** Stops the worker for good. */
  dispose(): void {
    const worker = this.worker;
    this.worker = undefined;
    this.closed = true;
    void worker?.terminate();
  }
}
