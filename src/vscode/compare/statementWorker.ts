// Entry of dist/statementWorker.js: the workspace's statements (reading them, their index, the
// discrepancy scan, compare at the cursor, the timeline, the quotations) off the extension host's
// thread, for statementClient.ts. A thin adapter: messages in, the jobs of statementJobs.ts, answers out.
import { parentPort, workerData } from 'node:worker_threads';
import { CANCEL_SLOTS, type Reply, type Request } from './statementProtocol';
import { drive, StatementJobs } from './statementJobs';

/** Milliseconds between two progress messages of a long job. */
const PROGRESS_MS = 100;

const port = parentPort;
if (port) {
  const cancelled = new Int32Array(workerData.cancelled as SharedArrayBuffer);
  const jobs = new StatementJobs();
  const send = (reply: Reply) => port.postMessage(reply);
  // one job at a time, in the order sent
  let queue = Promise.resolve();
  port.on('message', ({ job, query }: Request) => {
    queue = queue.then(async () => {
      try {
        const result = await drive(jobs.run(query), {
          isCancelled: () => Atomics.load(cancelled, job % CANCEL_SLOTS) === job,
          onProgress: (done, total) => send({ type: 'progress', job, done, total }),
          progressMs: PROGRESS_MS,
        });
        send(result ? { type: 'done', job, answer: result.answer } : { type: 'done', job, cancelled: true });
      } catch (e) {
        send({ type: 'done', job, error: String((e as Error)?.stack ?? e) });
      }
    });
  });
}
