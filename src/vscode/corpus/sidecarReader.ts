import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { FileSystem } from '../../core';
import { summarizeSidecars, type SidecarSummary } from './sidecarSummary';

/** The bundled worker, beside dist/extension.js (esbuild.mjs). */
const WORKER_FILE = join(__dirname, 'sidecarWorker.js');

/**
 * Summarizes the sidecars of a folder's articles in a worker thread, started on first use and
 * stopped when idle. Without the worker (it failed to start or died) they are read here, over
 * `fs`: slower for the host, never lost.
 */
export class SidecarReader {
  constructor(private readonly fs: FileSystem) {}

  private worker: Worker | undefined;
  private next = 0;
  private readonly pending = new Map<number, { resolve: (r: SidecarSummary[]) => void; reject: (e: Error) => void }>();

  async read(root: string, articles: readonly string[]): Promise<SidecarSummary[]> {
    if (articles.length === 0) return [];
    try {
      return await this.inWorker(root, articles);
    } catch {
      return summarizeSidecars(this.fs, root, articles);
    }
  }

  private inWorker(root: string, articles: readonly string[]): Promise<SidecarSummary[]> {
    const worker = this.start();
    const id = this.next++;
    return new Promise<SidecarSummary[]>((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      worker.ref(); // kept alive while it works; unref'd when idle
      worker.postMessage({ id, root, articles: [...articles] });
    });
  }

  private start(): Worker {
    if (this.worker) return this.worker;
    if (!existsSync(WORKER_FILE)) throw new Error(`${WORKER_FILE} is missing`);
    const worker = new Worker(WORKER_FILE);
    const fail = (e: Error) => {
      this.worker = undefined;
      for (const { reject } of this.pending.values()) reject(e);
      this.pending.clear();
    };
    worker.on('message', ({ id, results }: { id: number; results: SidecarSummary[] }) => {
      this.pending.get(id)?.resolve(results);
      this.pending.delete(id);
      if (this.pending.size === 0) worker.unref();
    });
    worker.on('error', fail);
    worker.on('exit', code => fail(new Error(`the sidecar worker exited (${code})`)));
    this.worker = worker;
    return worker;
  }

  dispose(): void {
    void this.worker?.terminate();
    this.worker = undefined;
  }
}
