// Entry of dist/statementWorker.js: the workspace's statements (reading them, their index, the
// discrepancy scan, compare at the cursor, the timeline, the quotations) off the extension host's
// thread, for statementClient.ts. A thin adapter: messages in, the jobs of statementJobs.ts, answers out.
import { parentPort, workerData } from 'node:worker_threads';
import { answerParts, PARTED_LISTS } from './answerParts';
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
  /** The job whose answer is being sent in parts, and what to do when the host asks for the next. */
  let sending: { job: number; next(): void } | undefined;
  port.on('message', (request: Request) => {
    if ('next' in request) {
      if (sending?.job === request.job) sending.next();
      return;
    }
    const { job, query, partValues } = request;
    queue = queue.then(async () => {
      try {
        const result = await drive(jobs.run(query), {
          isCancelled: () => Atomics.load(cancelled, job % CANCEL_SLOTS) === job,
          onProgress: (done, total) => send({ type: 'progress', job, done, total }),
          progressMs: PROGRESS_MS,
        });
        const field = PARTED_LISTS[query.type];
        if (!result) send({ type: 'done', job, cancelled: true });
        else if (!field) send({ type: 'done', job, answer: result.answer });
        else {
          // each part waits for the host to have taken in the one before; the last rides on `done`
          const parts = answerParts(result.answer as object[], field, partValues);
          let part = parts.next().value!;
          for (let after = parts.next(); !after.done; after = parts.next()) {
            const sent = part;
            await new Promise<void>(next => {
              sending = { job, next };
              send({ type: 'part', job, part: sent });
            });
            part = after.value;
          }
          sending = undefined;
          send({ type: 'done', job, part });
        }
      } catch (e) {
        send({ type: 'done', job, error: String((e as Error)?.stack ?? e) });
      }
    });
  });
}
