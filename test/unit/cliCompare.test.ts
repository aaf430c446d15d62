import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const CLI = join(__dirname, '..', '..', 'dist', 'cli.js');

function cli(...args: string[]) {
  return spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8' });
}

interface Out {
  discrepancies: { kind: string; subject: string; statements: { path: string; start: number; end: number; text: string; value: string }[] }[];
  timeline: { date: string; statements: { path: string; start: number; end: number; text: string }[] }[];
}

describe('marginalia compare (built CLI)', function () {
  before(function () {
    if (!existsSync(CLI)) throw new Error('dist/cli.js is missing: npm run build first');
  });

  it('prints the discrepancies and the timeline of the samples as JSON, offsets in UTF-16 code units', () => {
    const r = cli('compare', 'samples/rail-summit');
    assert.equal(r.status, 0, r.stderr);
    const out = JSON.parse(r.stdout) as Out;
    assert.deepEqual([...new Set(out.discrepancies.map(d => d.kind))], ['date', 'number', 'quote']);
    for (const d of out.discrepancies) {
      assert.ok(d.subject);
      assert.ok(new Set(d.statements.map(s => s.value)).size >= 2, 'statements that disagree on value');
      for (const s of d.statements) assert.equal(readFileSync(s.path, 'utf8').slice(s.start, s.end), s.text);
    }
    assert.deepEqual(
      out.timeline.map(d => d.date),
      out.timeline.map(d => d.date).sort(),
    );
  });

  it('counts offsets in UTF-16 code units after astral characters', () => {
    const dir = mkdtempSync(join(tmpdir(), 'marginalia-compare-'));
    mkdirSync(join(dir, 'a'));
    writeFileSync(join(dir, 'a', 'one.txt'), 'Date: March 3, 2026\n\n😀 𠀀 The Baltic rail summit in Tallinn opened on Tuesday with Isabel Ortiz.\n');
    writeFileSync(join(dir, 'a', 'two.txt'), 'Date: March 5, 2026\n\n🇪🇪 The Baltic rail summit in Tallinn opened on Wednesday, 4 March, with Isabel Ortiz.\n');
    const r = cli('compare', join(dir, 'a'));
    assert.equal(r.status, 0, r.stderr);
    const out = JSON.parse(r.stdout) as Out;
    assert.equal(out.discrepancies.length, 1);
    const [d] = out.discrepancies;
    assert.deepEqual(
      d.statements.map(s => s.value),
      ['2026-03-03', '2026-03-04'],
    );
    for (const s of d.statements) assert.equal(readFileSync(s.path, 'utf8').slice(s.start, s.end), s.text);
  });

  it('prints a Markdown report with article text escaped', () => {
    const r = cli('compare', '--format', 'markdown', 'samples/rail-summit');
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, /^# Where 4 articles disagree/);
    for (const heading of ['## Dates', '## Numbers', '## Quotations', '## Timeline']) assert.ok(r.stdout.includes(`\n${heading}\n`), heading);
    assert.match(r.stdout, /\| `samples\/rail-summit\/helsinki-evening-post-tunnel-pact\.txt`:\d+ \| \*\*some 300 protesters\*\* \|/);
    assert.ok(r.stdout.includes('two\\-day'), 'text is escaped for Markdown');
  });

  it('exits 2 on a wrong format', () => {
    const r = cli('compare', '--format', 'xml', 'samples/rail-summit');
    assert.equal(r.status, 2);
    assert.match(r.stderr, /--format must be json or markdown/);
  });
});
