// Fault injection (issue 13): read and write errors (EACCES, ENOSPC, EIO) at every file system
// operation of a sidecar save, an import, an export and a registry edit, and a process stopped
// for good at every operation (killed, say between the temporary write and the rename), over the
// in-memory and the real file system. Afterwards every file holds its old or its new content, no
// annotation is lost, and running the operation again completes it.
import { strict as assert } from 'node:assert';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import {
  importIntoWorkspace,
  MemoryFileSystem,
  parseRegistry,
  parseSidecar,
  recordRename,
  serializeSidecar,
  targetFor,
  Workspace,
  writeExport,
  type Annotation,
  type FileSystem,
  type OperationHook,
} from '../../src/core';
import { NodeFileSystem, toCorePath } from '../../src/node/nodeFileSystem';
import { sequentialIdGenerator } from '../fixtures/ids';
import { failAt, HookedFileSystem, snapshotFolder } from './helpers/faults';

const TEXT = 'Published: 5 January 2026\n\nLee Jae Myung met Xi Jinping in Beijing on Sunday.\n';
const NOW = '2026-01-06T00:00:00.000Z';

function annotation(id: string, quote: string, label = 'person'): Annotation {
  const start = TEXT.indexOf(quote);
  return { id, target: targetFor(TEXT, start, start + quote.length), label, status: 'confirmed', thread: [] };
}

/** A file system holding a workspace folder and a folder beside it (import sources, export output). */
interface Setup {
  fs: FileSystem & { hook: OperationHook | undefined };
  /** The workspace folder and the folder beside it, as core paths. */
  root: string;
  beside: string;
  /** Files of both folders: `ws/...` and `beside/...` → content. */
  snapshot(): Map<string, string>;
  dispose(): void;
}

interface Backend {
  name: string;
  make(files: Record<string, string>): Setup;
}

const memory: Backend = {
  name: 'in memory',
  make(files) {
    const fs = new MemoryFileSystem().mkdir('/t/ws').mkdir('/t/beside');
    for (const [path, content] of Object.entries(files)) fs.put(`/t/${path}`, content);
    return {
      fs,
      root: '/t/ws',
      beside: '/t/beside',
      dispose: () => undefined,
      snapshot: () => new Map([...fs.files()].map(([p, c]) => [p.slice('/t/'.length), c])),
    };
  },
};

const real: Backend = onDisk('on disk', false);
/** The CLI's: reads and looks at files without leaving the thread. */
const blocking: Backend = onDisk('on disk, reading without the thread pool (the CLI)', true);

function onDisk(name: string, blockingReads: boolean): Backend {
  return {
    name,
    make(files) {
      const dir = mkdtempSync(join(tmpdir(), 'marginalia-faults-'));
      for (const sub of ['ws', 'beside']) mkdirSync(join(dir, sub));
      for (const [path, content] of Object.entries(files)) {
        mkdirSync(dirname(join(dir, path)), { recursive: true });
        writeFileSync(join(dir, path), content);
      }
      return {
        fs: new HookedFileSystem(new NodeFileSystem(blockingReads)),
        root: toCorePath(join(dir, 'ws')),
        beside: toCorePath(join(dir, 'beside')),
        snapshot: () => snapshotFolder(dir),
        dispose: () => rmSync(dir, { recursive: true, force: true }),
      };
    },
  };
}

interface Scenario {
  name: string;
  files: Record<string, string>;
  /** Sets up what `files` cannot (an earlier export), before the old state is taken. */
  prepare?(s: Setup): Promise<unknown>;
  run(s: Setup, lock?: { staleMs: number }): Promise<unknown>;
  /** Annotations (or entries) that must never be lost, per file. */
  mustKeep?: Record<string, string[]>;
  /** How files are compared: as text, or (import: ids are made anew) sidecars by their annotations' spans and labels. */
  compare?: 'exact' | 'annotations';
  /** True when every run takes the file's lock (so the next run removes what a crashed writer left). */
  alwaysWrites?: boolean;
}

const SIDECAR = serializeSidecar(undefined, [annotation('keep0001', 'Xi Jinping')]);
const start = TEXT.indexOf('Beijing');
const BRAT = `T1\tplace ${start} ${start + 7}\tBeijing\n`;

const scenarios: Scenario[] = [
  {
    name: 'saving a sidecar',
    alwaysWrites: true,
    files: { 'ws/a.txt': TEXT, 'ws/a.txt.annotations.yaml': SIDECAR },
    mustKeep: { 'ws/a.txt.annotations.yaml': ['keep0001'] },
    async run(s, lock) {
      const ws = new Workspace(s.fs, s.root, { lock: { timeoutMs: 200, ...lock }, merge: { now: () => NOW } });
      const read = await ws.readSidecar(`${s.root}/a.txt`);
      return ws.saveSidecar(`${s.root}/a.txt`, {
        lastRead: read.text,
        annotations: [...read.parsed.annotations.filter(a => a.id !== 'new00001'), annotation('new00001', 'Beijing', 'place')],
        dct: '2026-01-05',
        text: TEXT,
      });
    },
  },
  {
    name: 'an import into two sidecars',
    files: { 'ws/a.txt': TEXT, 'ws/a.txt.annotations.yaml': SIDECAR, 'ws/b.txt': TEXT, 'beside/a.ann': BRAT, 'beside/b.ann': BRAT },
    mustKeep: { 'ws/a.txt.annotations.yaml': ['keep0001'] },
    compare: 'annotations',
    run: (s, lock) =>
      importIntoWorkspace(
        new Workspace(s.fs, s.root, { lock: { timeoutMs: 200, ...lock } }),
        'brat',
        { fs: s.fs, path: s.beside },
        {
          generateId: sequentialIdGenerator('imp'),
          now: () => NOW,
        },
      ),
  },
  {
    name: 'an export over an earlier one',
    files: {},
    prepare: s =>
      writeExport(s.fs, `${s.beside}/out`, [
        { path: 'a.ann', content: 'v1' },
        { path: 'sub/b.ann', content: 'v1' },
      ]),
    run(s) {
      return writeExport(s.fs, `${s.beside}/out`, [
        { path: 'a.ann', content: 'v2' },
        { path: 'sub/b.ann', content: 'v2' },
        { path: 'c.ann', content: 'v2' },
      ]);
    },
  },
  {
    name: 'a registry edit',
    alwaysWrites: true,
    files: { 'ws/.marginalia/entities.yaml': '# ours\nversion: 1\nentities:\n  - id: lee\n    aliases: [Lee]\n' },
    mustKeep: { 'ws/.marginalia/entities.yaml': ['lee'] },
    run: (s, lock) => new Workspace(s.fs, s.root, { lock: { timeoutMs: 200, ...lock } }).editRegistry(doc => recordRename(doc, 'lee', 'Lee Jae Myung')),
  },
];

const CODES = ['EACCES', 'ENOSPC', 'EIO'];

async function prepared(backend: Backend, scenario: Scenario): Promise<Setup> {
  const s = backend.make(scenario.files);
  await scenario.prepare?.(s);
  return s;
}
const ours = (path: string) => /\.marginalia-(tmp|lock)$/.test(path);
const manifest = (path: string) => path.endsWith('.marginalia-export.json');

/** Checks that every file is its old or new content, and that nothing that must stay was lost. */
function checkStates(
  scenario: Scenario,
  before: Map<string, string>,
  after: Map<string, string>,
  now: Map<string, string>,
  where: string,
  leftoversAllowed: boolean,
): void {
  for (const path of new Set([...before.keys(), ...after.keys(), ...now.keys()])) {
    const content = now.get(path);
    if (ours(path)) {
      assert.ok(leftoversAllowed || content === undefined, `${where}: ${path} left behind`);
      continue;
    }
    if (manifest(path)) {
      if (content !== undefined) JSON.parse(content);
      continue;
    }
    const same = (other: string | undefined) =>
      JSON.stringify(comparableFile(scenario, path, content)) === JSON.stringify(comparableFile(scenario, path, other));
    assert.ok(same(before.get(path)) || same(after.get(path)), `${where}: ${path} is neither its old nor its new content:\n${content}`);
  }
  for (const [path, ids] of Object.entries(scenario.mustKeep ?? {})) {
    const text = now.get(path) ?? '';
    for (const id of ids) assert.ok(text.includes(id), `${where}: ${id} lost from ${path}`);
  }
}

/** What to compare of a file: for an import, a sidecar's annotations by span, label and status (ids are made anew). */
function comparableFile(scenario: Scenario, path: string, content: string | undefined): unknown {
  if (content === undefined || scenario.compare !== 'annotations' || !path.endsWith('.annotations.yaml')) return content;
  return parseSidecar(content)
    .annotations.map(a => `${a.target.start}-${a.target.end}-${a.label}-${a.status}`)
    .sort();
}

/** The file states to compare after a retry. */
function comparable(scenario: Scenario, files: Map<string, string>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [path, content] of files) if (!ours(path) && !manifest(path)) out[path] = comparableFile(scenario, path, content);
  return out;
}

for (const backend of [memory, real, blocking]) {
  describe(`fault injection ${backend.name}`, function () {
    this.timeout(120_000);
    for (const scenario of scenarios) {
      it(`${scenario.name}: an error at any operation leaves old or new content, loses nothing, and a retry completes`, async () => {
        const clean = await prepared(backend, scenario);
        const before = clean.snapshot();
        const counter = failAt(-1, '');
        clean.fs.hook = counter.hook;
        await scenario.run(clean);
        clean.fs.hook = undefined;
        const after = clean.snapshot();
        clean.dispose();
        const operations = counter.count();
        assert.ok(operations > 5, `only ${operations} operations`);
        for (let at = 0; at < operations; at++) {
          for (const code of CODES) {
            const s = await prepared(backend, scenario);
            try {
              const fault = failAt(at, code);
              s.fs.hook = fault.hook;
              await scenario.run(s).catch(() => undefined);
              s.fs.hook = undefined;
              const where = `${code} at operation ${at} (${fault.hit()})`;
              checkStates(scenario, before, after, s.snapshot(), where, fault.hit() === 'delete' || fault.hit() === 'readFile');
              await scenario.run(s, { staleMs: 1 });
              assert.deepEqual(comparable(scenario, s.snapshot()), comparable(scenario, after), `${where}: the retry did not complete`);
            } finally {
              s.dispose();
            }
          }
        }
      });

      it(`${scenario.name}: a process stopped for good at any operation leaves old or new content, and the next run completes`, async () => {
        const clean = await prepared(backend, scenario);
        const before = clean.snapshot();
        const counter = failAt(-1, '');
        clean.fs.hook = counter.hook;
        await scenario.run(clean);
        clean.fs.hook = undefined;
        const after = clean.snapshot();
        clean.dispose();
        for (let at = 0; at < counter.count(); at++) {
          const s = await prepared(backend, scenario);
          try {
            let n = 0;
            let stoppedAt = '';
            let stopped!: () => void;
            const reached = new Promise<void>(resolve => {
              stopped = resolve;
            });
            s.fs.hook = (op, path) => {
              if (n++ !== at) return undefined;
              stoppedAt = `${op} ${path}`;
              stopped();
              return new Promise<void>(() => undefined); // never settles: the process is gone
            };
            void scenario.run(s);
            await reached;
            s.fs.hook = undefined;
            checkStates(scenario, before, after, s.snapshot(), `stopped at operation ${at} (${stoppedAt})`, true);
            await scenario.run(s, { staleMs: 1 });
            const final = s.snapshot();
            assert.deepEqual(comparable(scenario, final), comparable(scenario, after), `stopped at ${stoppedAt}: the next run did not complete`);
            if (scenario.alwaysWrites) {
              assert.deepEqual([...final.keys()].filter(ours), [], `stopped at ${stoppedAt}: the next run left the crashed writer's files`);
            }
          } finally {
            s.dispose();
          }
        }
      });
    }
  });
}

describe('concurrent writers of one sidecar', function () {
  this.timeout(120_000);
  for (const backend of [memory, real]) {
    it(`${backend.name}: writers that interleave at every step lose no annotation`, async () => {
      for (let round = 0; round < 20; round++) {
        const s = backend.make({ 'ws/a.txt': TEXT, 'ws/a.txt.annotations.yaml': SIDECAR });
        try {
          let seed = round + 1;
          s.fs.hook = () => new Promise(resolve => setTimeout(resolve, (seed = (seed * 16807) % 2147483647) % 3));
          const writers = ['w1', 'w2', 'w3'].map(async (name, i) => {
            const ws = new Workspace(s.fs, s.root, { lock: { timeoutMs: 10_000 } });
            const read = await ws.readSidecar(`${s.root}/a.txt`);
            const quote = ['Lee Jae Myung', 'Beijing', 'Sunday'][i];
            return ws.saveSidecar(`${s.root}/a.txt`, {
              lastRead: read.text,
              annotations: [...read.parsed.annotations, annotation(`${name}aaaaaa`, quote)],
              text: TEXT,
            });
          });
          await Promise.all(writers);
          s.fs.hook = undefined;
          const ids = parseSidecar(s.snapshot().get('ws/a.txt.annotations.yaml')!)
            .annotations.map(a => a.id)
            .sort();
          assert.deepEqual(ids, ['keep0001', 'w1aaaaaa', 'w2aaaaaa', 'w3aaaaaa'], `round ${round}`);
          assert.deepEqual([...s.snapshot().keys()].filter(ours), []);
        } finally {
          s.dispose();
        }
      }
    });
  }

  it('in memory: registry editors that interleave keep every edit', async () => {
    const s = memory.make({ 'ws/.marginalia/entities.yaml': '# ours\nversion: 1\nentities: []\n' });
    let seed = 7;
    s.fs.hook = () => new Promise(resolve => setTimeout(resolve, (seed = (seed * 16807) % 2147483647) % 3));
    await Promise.all(['a', 'b', 'c', 'd'].map(id => new Workspace(s.fs, s.root).editRegistry(doc => recordRename(doc, id, id.toUpperCase()))));
    s.fs.hook = undefined;
    const parsed = parseRegistry(s.snapshot().get('ws/.marginalia/entities.yaml')!);
    assert.deepEqual(parsed.registry.entities.map(e => e.id).sort(), ['a', 'b', 'c', 'd']);
  });
});
