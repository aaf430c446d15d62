// Entry of dist/sidecarWorker.js: reads and parses sidecars for the corpus, off the extension host's thread.
import { parentPort } from 'node:worker_threads';
import { summarizeSidecars } from './sidecarSummary';

parentPort?.on('message', async ({ id, paths }: { id: number; paths: string[] }) => {
  parentPort?.postMessage({ id, results: await summarizeSidecars(paths) });
});
