import { strict as assert } from 'node:assert';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LazyWorker } from '../../src/vscode/common/workerThread';

// A client's worker (src/vscode/common/workerThread.ts): started on first use, told when it stops,
// started again only when the client can send it what it held (restart), never when its bundle is missing.
describe('a lazily started worker', () => {
  let dir: string;
  let file: string;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'marginalia-worker-'));
    file = join(dir, 'echo.js');
    // echoes a message; exits on 'exit'
    writeFileSync(
      file,
      `const { parentPort } = require('node:worker_threads');
       parentPort.on('message', m => (m === 'exit' ? process.exit(3) : parentPort.postMessage(m)));`,
    );
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  function client(restart: boolean) {
    const replies: unknown[] = [];
    const stops: string[] = [];
    let heard: () => void = () => undefined;
    const worker = new LazyWorker<unknown>(
      file,
      new Int32Array(new SharedArrayBuffer(4)),
      {
        message: r => (replies.push(r), heard()),
        stop: e => (stops.push(e.message), heard()),
      },
      restart,
    );
    const next = () => new Promise<void>(resolve => (heard = resolve));
    return { worker, replies, stops, next };
  }

  for (const restart of [true, false])
    it(`is ${restart ? '' : 'not '}started again after it stopped (restart: ${restart})`, async () => {
      const { worker, replies, stops, next } = client(restart);
      assert.equal(worker.running, undefined, 'not started before it is asked for');
      const first = worker.get()!;
      assert.equal(worker.get(), first, 'one worker while it runs');
      first.ref();
      let heard = next();
      first.postMessage('hello');
      await heard;
      assert.deepEqual(replies, ['hello']);
      heard = next();
      first.postMessage('exit');
      await heard;
      assert.deepEqual(stops, ['exit code 3']);
      assert.equal(worker.running, undefined);
      const second = worker.get();
      if (!restart) assert.equal(second, undefined, 'the client runs its jobs itself from now on');
      else {
        assert.ok(second && second !== first, 'a new worker');
        second.ref();
        heard = next();
        second.postMessage('again');
        await heard;
        assert.deepEqual(replies, ['hello', 'again']);
      }
      worker.dispose();
      assert.equal(worker.get(), undefined, 'none after dispose');
    });

  it('gives none when its bundle is missing', () => {
    const { worker, stops } = client(true);
    const missing = new LazyWorker<unknown>(
      join(dir, 'missing.js'),
      new Int32Array(new SharedArrayBuffer(4)),
      { message: () => undefined, stop: () => undefined },
      true,
    );
    assert.equal(missing.get(), undefined);
    assert.equal(worker.running, undefined);
    assert.deepEqual(stops, []);
  });
});
