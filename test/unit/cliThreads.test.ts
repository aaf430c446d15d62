// `marginalia analyze` recognizes a large corpus on several threads (src/cli/analysisThreads.ts):
// what it prints is byte for byte what one thread prints, with astral characters, CRLF, publication
// dates from sidecars and a dates file, a registry, and the learned model; and without a registry,
// which two threads print as the analysis is made, in every format. Runs the built dist/cli.js.
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generatedCorpus } from './generatedCorpus';

const ROOT = join(__dirname, '..', '..');
const CLI = process.env.MARGINALIA_CLI ?? join(ROOT, 'dist', 'cli.js');

function run(cwd: string, args: string[]): { stdout: string; stderr: string; status: number | null } {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', maxBuffer: 1 << 29 });
  return { stdout: r.stdout, stderr: r.stderr, status: r.status };
}

describe('analyze on several threads', function () {
  this.timeout(240_000);
  let cwd: string;
  before(() => {
    cwd = mkdtempSync(join(tmpdir(), 'marginalia-threads-'));
    // 700 articles, about 2.4 million characters: two threads of at least a million each
    generatedCorpus(cwd, 700);
    writeFileSync(
      join(cwd, 'corpus', 'astral.txt'),
      'Officials 😀 met President Lee in Seoul on Monday.\r\n𝒳 Lee said the talks with Xi Jinping went well.\r\n',
    );
    writeFileSync(join(cwd, 'corpus', 'lee.txt'), 'Lee met Moon in Busan on Tuesday.\n');
    writeFileSync(join(cwd, 'corpus', 'lee.txt.annotations.yaml'), 'version: 1\ndct: 2024-02-02\nannotations: []\n');
    writeFileSync(join(cwd, 'dates.csv'), 'file,date\ncorpus/astral.txt,2025-03-01\n');
    cpSync(join(cwd, 'corpus'), join(cwd, 'plain'), { recursive: true, filter: from => !from.includes('.marginalia') });
  });
  after(() => rmSync(cwd, { recursive: true, force: true }));

  // the registry names an entity "President Lee"; without it, the astral article shows by its path
  for (const [name, options, path, shown] of [
    ['json, the rules, a registry and dates', ['--format', 'json', '--dct', '2026-01-05', '--dates', 'dates.csv'], 'corpus', /😀|President Lee/],
    ['jsonl, the learned model', ['--format', 'jsonl', '--names', 'model'], 'corpus', /😀|President Lee/],
    ['json, no registry', ['--format', 'json', '--dct', '2026-01-05'], 'plain', /astral\.txt/],
    ['jsonl, no registry, the learned model', ['--format', 'jsonl', '--names', 'model'], 'plain', /astral\.txt/],
    ['table, no registry', ['--format', 'table'], 'plain', /astral\.txt/],
  ] as const) {
    it(`prints what one thread prints: ${name}`, () => {
      const one = run(cwd, ['analyze', '--threads', '1', ...options, path]);
      assert.equal(one.status, 0, one.stderr);
      assert.ok(one.stdout.length > 1_000_000, 'the corpus was analyzed');
      assert.match(one.stdout, shown);
      for (const threads of ['2', '3']) {
        const many = run(cwd, ['analyze', '--threads', threads, ...options, path]);
        assert.equal(many.status, 0, many.stderr);
        assert.ok(many.stdout === one.stdout, `${threads} threads print what one prints (${many.stdout.length} and ${one.stdout.length} characters)`);
      }
    });
  }

  it('refuses a number of threads that is none', () => {
    for (const threads of ['0', 'two', '1000', '2.5']) {
      const r = run(cwd, ['analyze', '--threads', threads, 'corpus/lee.txt']);
      assert.equal(r.status, 2, threads);
      assert.match(r.stderr, /--threads must be a number from 1 to 999/);
    }
  });
});
