import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { parseSidecar, serializeSidecar, targetFor } from '../../src/core';
import { tempFolders } from '../fixtures/tempFolders';

const CLI = join(__dirname, '..', '..', 'dist', 'cli.js');

function cli(...args: string[]) {
  return spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8' });
}

describe('marginalia export (built CLI)', function () {
  before(function () {
    if (!existsSync(CLI)) throw new Error('dist/cli.js is missing: npm run build first');
  });

  const tempFolder = tempFolders('marginalia-cli-');
  const text = 'Published: 5 January 2026\r\n\r\n😀 𠀀 Lee Jae Myung met Xi Jinping in Beijing.\r\n';

  /** A new folder `articles` holding one article and its sidecar (Xi Jinping, confirmed). */
  function articles(): string {
    const dir = join(tempFolder(), 'articles');
    mkdirSync(dir);
    writeFileSync(join(dir, 'a.txt'), text);
    const start = text.indexOf('Xi Jinping');
    writeFileSync(
      join(dir, 'a.txt.annotations.yaml'),
      serializeSidecar(undefined, [
        {
          id: 'a1b2c3d4',
          target: targetFor(text, start, start + 10),
          label: 'person',
          status: 'confirmed',
          note: 'checked, "twice"',
          thread: [],
        },
      ]),
    );
    return dir;
  }

  /** Exports the articles of `dir` to `out-FORMAT` beside it and returns that folder. */
  function exported(dir: string, format: string, ...options: string[]): string {
    const out = join(dirname(dir), `out-${format}`);
    const run = cli('export', '--format', format, ...options, '-o', out, dir);
    assert.equal(run.status, 0, run.stderr);
    assert.match(run.stderr, /exported \d+ spans/);
    return out;
  }

  for (const format of ['w3c', 'brat', 'conll', 'jsonl', 'csv']) {
    it(`writes ${format} and exits 0`, () => {
      const dir = articles();
      const out = join(dirname(dir), 'out');
      const run = cli('export', '--format', format, '-o', out, dir);
      assert.equal(run.status, 0, run.stderr);
      assert.match(run.stderr, /exported 1 spans/);
      assert.ok(existsSync(out));
    });
  }

  it('counts BRAT offsets in code points', () => {
    const ann = readFileSync(join(exported(articles(), 'brat'), 'a.ann'), 'utf8');
    const [, type, s, e, quote] = /^T1\t(\S+) (\d+) (\d+)\t(.*)$/m.exec(ann)!;
    assert.equal(type, 'person');
    assert.equal(Array.from(text).slice(+s, +e).join(''), quote);
    assert.equal(quote, 'Xi Jinping');
  });

  it('adds recognized mentions with --include-suggestions', () => {
    const out = exported(articles(), 'jsonl', '--include-suggestions');
    const line = JSON.parse(readFileSync(join(out, 'annotations.jsonl'), 'utf8').split('\n')[0]);
    const quotes = line.spans.map((s: { start: number; end: number }) => text.slice(s.start, s.end));
    assert.ok(quotes.includes('Lee Jae Myung') && quotes.includes('Beijing'), quotes.join(', '));
  });

  for (const format of ['brat', 'w3c']) {
    it(`imports ${format} back into a sidecar, without duplicates`, () => {
      const dir = articles();
      const out = exported(dir, format);
      const sidecar = join(dir, 'a.txt.annotations.yaml');
      const before = parseSidecar(readFileSync(sidecar, 'utf8')).annotations;
      rmSync(sidecar);
      const source = format === 'brat' ? out : join(out, 'annotations.jsonld');
      for (let i = 0; i < 2; i++) {
        const run = cli('import', '--format', format, '-i', source, dir);
        assert.equal(run.status, 0, run.stderr);
      }
      const after = parseSidecar(readFileSync(sidecar, 'utf8')).annotations;
      assert.equal(after.length, 1);
      assert.deepEqual(
        [after[0].target, after[0].label, after[0].status, after[0].note],
        [before[0].target, before[0].label, before[0].status, before[0].note],
      );
    });
  }

  it('exits 2 on a wrong format and writes nothing', () => {
    const dir = articles();
    const run = cli('export', '--format', 'xml', '-o', join(dirname(dir), 'none'), dir);
    assert.equal(run.status, 2);
    assert.ok(!existsSync(join(dirname(dir), 'none')));
  });
});
