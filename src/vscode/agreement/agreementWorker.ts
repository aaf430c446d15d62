// Entry of dist/agreementWorker.js: compares reviewers off the extension host's thread (agreementRunner.ts).
import { parentPort } from 'node:worker_threads';
import { runAgreementJob, type AgreementJob } from './agreementJob';

parentPort?.on('message', async ({ id, job }: { id: number; job: AgreementJob }) => {
  try {
    const result = await runAgreementJob(job, (done, total) => parentPort?.postMessage({ id, progress: { done, total } }));
    parentPort?.postMessage({ id, result });
  } catch (e) {
    parentPort?.postMessage({ id, error: e instanceof Error ? e.message : String(e) });
  }
});
