// Entry of dist/sidecarWorker.js: reads the sidecars of a folder's articles for the corpus, off the
// extension host's thread (sidecarReader.ts).
import { parentPort } from 'node:worker_threads';
import { NodeFileSystem } from '../../node/nodeFileSystem';
import { summarizeSidecars } from './sidecarSummary';

const fs = new NodeFileSystem();

parentPort?.on('message', async ({ id, root, articles }: { id: number; root: string; articles: string[] }) => {
  parentPort?.postMessage({ id, results: await summarizeSidecars(fs, root, articles) });
});
