// The extension's comparison job (src/vscode/agreement/agreementJob.ts, run in a worker thread):
// articles and sidecars are read through the workspace core, so one that cannot be used is
// reported and left out, never read as "no annotations".
import { strict as assert } from 'node:assert';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { MAX_SIDECAR_BYTES, serializeSidecar, targetFor, type Annotation } from '../../src/core';
import { runAgreementJob } from '../../src/vscode/agreement/agreementJob';

const TEXT = '😀 Lee Jae Myung met Xi Jinping in Beijing.\n';
const span = (author: string, quote: string, label: string, id: string): Annotation => {
  const start = TEXT.indexOf(quote);
  return { id, target: targetFor(TEXT, start, start + quote.length), label, status: 'confirmed', thread: [], author };
};
const HANA = [span('Hana', 'Lee Jae Myung', 'person', 'h1'), span('Hana', 'Beijing', 'place', 'h2')];
const MARTIN = [span('Martin', 'Lee Jae Myung', 'person', 'm1'), span('Martin', 'Beijing', 'organization', 'm2')];
const NOT_UTF8 = new Uint8Array([0x76, 0x65, 0x72, 0x73, 0x69, 0x6f, 0x6e, 0x3a, 0x20, 0xff, 0xfe, 0x0a]);

describe("agreement job (the extension's worker)", () => {
  let dir = '';
  let passed = true;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'marginalia-agreement-job-'));
    const files: Record<string, string | Uint8Array> = {
      'ws/a.txt': TEXT,
      'ws/a.txt.annotations.yaml': serializeSidecar(undefined, [...HANA, ...MARTIN]),
      'ws/b.txt': TEXT,
      'ws/b.txt.annotations.yaml': NOT_UTF8,
      'ws/c.txt': TEXT,
      'ws/c.txt.annotations.yaml': `# ${'x'.repeat(MAX_SIDECAR_BYTES)}\n`,
      'ws/d.txt': new Uint8Array([0x41, 0, 0x42]),
      'mine/a.txt': TEXT,
      'mine/a.txt.annotations.yaml': serializeSidecar(undefined, HANA),
      'mine/b.txt': TEXT,
      'mine/b.txt.annotations.yaml': serializeSidecar(undefined, HANA),
      'theirs/a.txt.annotations.yaml': serializeSidecar(undefined, MARTIN),
      'theirs/b.txt.annotations.yaml': NOT_UTF8,
    };
    for (const [path, content] of Object.entries(files)) {
      mkdirSync(dirname(join(dir, path)), { recursive: true });
      writeFileSync(join(dir, path), content);
    }
  });
  afterEach(function () {
    passed &&= this.currentTest?.state === 'passed';
  });
  after(() => {
    if (passed) rmSync(dir, { recursive: true, force: true });
    else console.log(`    kept ${dir}`);
  });

  const articles = (root: string, names: string[]) => names.map(n => ({ file: join(root, n), path: n }));

  it('by author: an undecodable or too large sidecar and a binary article are reported and left out; the rest is compared', async () => {
    const root = join(dir, 'ws');
    const result = await runAgreementJob({ root, articles: articles(root, ['a.txt', 'b.txt', 'c.txt', 'd.txt']) });
    assert.deepEqual(result.reviewers, ['Hana', 'Martin']);
    assert.deepEqual(
      result.documents.map(d => d.path),
      ['a.txt'],
    );
    assert.equal(result.report.pairs[0].spanF1.exact, 1);
    // Labels person/person and place/organization: p_o 1/2, p_e 1/4, kappa (1/2 - 1/4) / (3/4).
    assert.ok(Math.abs(result.report.pairs[0].kappa! - 1 / 3) < 1e-12);
    const problems = new Map(result.problems.map(p => [p.path, p]));
    assert.deepEqual([...problems.keys()].sort(), ['b.txt', 'c.txt', 'd.txt']);
    assert.match(problems.get('b.txt')!.message, /UTF-8/);
    assert.match(problems.get('c.txt')!.message, /larger|limit|MiB/i);
    for (const p of problems.values()) assert.equal(p.severity, 'error');
  });

  it('with another folder: a sidecar there that cannot be read is reported as NAME:path and that article compared without it', async () => {
    const root = join(dir, 'mine');
    const result = await runAgreementJob({ root, articles: articles(root, ['a.txt', 'b.txt']), other: { folder: join(dir, 'theirs'), name: 'theirs' } });
    assert.deepEqual(result.reviewers, ['workspace', 'theirs']);
    assert.equal(result.report.pairs[0].documents, 1, 'theirs took part in a.txt only');
    assert.deepEqual(
      result.problems.map(p => p.path),
      ['theirs:b.txt'],
    );
    assert.match(result.problems[0].message, /UTF-8/);
  });
});
