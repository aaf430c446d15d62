// The write policy across real processes (issue 13): a writer killed (SIGKILL) between writing its
// temporary file and renaming it leaves the sidecar as it was, and the next writer completes and
// removes what it left; two processes saving the same sidecar at once lose no annotation.
import { strict as assert } from 'node:assert';
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseSidecar, serializeSidecar, targetFor, Workspace } from '../../src/core';
import { NodeFileSystem, toCorePath } from '../../src/node/nodeFileSystem';

const TEXT = 'Published: 5 January 2026\n\nLee Jae Myung met Xi Jinping in Beijing on Sunday.\n';
const WRITER = join(__dirname, '..', 'fixtures', 'sidecarWriter.ts');

function writer(...args: string[]): ChildProcess {
  return spawn(process.execPath, ['-r', 'tsx/cjs', WRITER, ...args], { stdio: ['ignore', 'ignore', 'pipe'] });
}

function exited(child: ChildProcess): Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string }> {
  let stderr = '';
  child.stderr?.on('data', d => {
    stderr += d;
  });
  return new Promise(resolve => child.on('exit', (code, signal) => resolve({ code, signal, stderr })));
}

describe('sidecar writers in separate processes', function () {
  this.timeout(120_000);
  let dir: string;
  let article: string;
  const original = serializeSidecar(undefined, [{ id: 'keep0001', target: targetFor(TEXT, 27, 40), label: 'person', status: 'confirmed', thread: [] }]);

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'marginalia-procs-'));
    article = join(dir, 'a.txt');
    writeFileSync(article, TEXT);
    writeFileSync(`${article}.annotations.yaml`, original);
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('a writer killed between its temporary write and the rename leaves the old sidecar; the next one completes and cleans up', async () => {
    const marker = join(dir, '..', `${dir.split(/[\\/]/).pop()}.stopped`);
    const child = writer('stop-before-rename', article, marker);
    const done = exited(child);
    for (let waited = 0; !existsSync(marker); waited += 20) {
      assert.ok(waited < 60_000, 'the writer never reached its rename');
      await new Promise(resolve => setTimeout(resolve, 20));
    }
    child.kill('SIGKILL');
    assert.equal((await done).signal, 'SIGKILL');
    const temp = readFileSync(marker, 'utf8').trim();
    rmSync(marker);
    assert.ok(existsSync(temp), 'the temporary file was written');
    assert.equal(readFileSync(`${article}.annotations.yaml`, 'utf8'), original, 'the sidecar is as it was');
    assert.ok(
      readdirSync(dir).some(n => n.endsWith('.marginalia-lock')),
      'the killed writer held the lock',
    );

    const ws = new Workspace(new NodeFileSystem(), toCorePath(dir), { lock: { staleMs: 50 } });
    const read = await ws.readSidecar(toCorePath(article));
    assert.deepEqual(
      read.parsed.annotations.map(a => a.id),
      ['keep0001'],
    );
    await new Promise(resolve => setTimeout(resolve, 100));
    const start = TEXT.indexOf('Beijing');
    await ws.saveSidecar(toCorePath(article), {
      lastRead: read.text,
      text: TEXT,
      annotations: [...read.parsed.annotations, { id: 'next0001', target: targetFor(TEXT, start, start + 7), label: 'place', status: 'confirmed', thread: [] }],
    });
    assert.deepEqual(
      parseSidecar(readFileSync(`${article}.annotations.yaml`, 'utf8'))
        .annotations.map(a => a.id)
        .sort(),
      ['keep0001', 'next0001'],
    );
    assert.deepEqual(readdirSync(dir).sort(), ['a.txt', 'a.txt.annotations.yaml'], 'the lock and the temporary file are gone');
  });

  it('two processes adding annotations to the same sidecar at once lose none', async () => {
    const runs = [exited(writer('add', article, 'p', '12')), exited(writer('add', article, 'q', '12'))];
    for (const run of await Promise.all(runs)) assert.equal(run.code, 0, run.stderr);
    const ids = parseSidecar(readFileSync(`${article}.annotations.yaml`, 'utf8')).annotations.map(a => a.id);
    assert.equal(ids.length, 25, ids.join(' '));
    for (const prefix of ['p', 'q']) for (let i = 0; i < 12; i++) assert.ok(ids.includes(`${prefix}${String(i).padStart(4, '0')}`));
    assert.deepEqual(readdirSync(dir).sort(), ['a.txt', 'a.txt.annotations.yaml']);
  });
});
