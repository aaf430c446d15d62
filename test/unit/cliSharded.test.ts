// The sharded analysis end to end (issue 16): `marginalia recognize` over 4 shards run by GNU
// parallel, then `marginalia link`, prints byte for byte what one `marginalia analyze` prints, on
// the samples and on a generated corpus. Runs the built dist/cli.js; needs `parallel` (.ci/run
// installs it), and fails, never skips, without it.
import { strict as assert } from 'node:assert';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { generatedCorpus } from './generatedCorpus';

const ROOT = join(__dirname, '..', '..');
const CLI = process.env.MARGINALIA_CLI ?? join(ROOT, 'dist', 'cli.js');

/** The articles under `dir` as paths relative to `cwd`, in an order unlike analyze's. */
function articles(cwd: string, dir: string): string[] {
  const walk = (d: string): string[] =>
    readdirSync(d).flatMap(name => {
      const p = join(d, name);
      return statSync(p).isDirectory() ? walk(p) : /\.(txt|md)$/.test(name) ? [relative(cwd, p)] : [];
    });
  return walk(join(cwd, dir)).sort().reverse();
}

function run(cwd: string, args: string[]): { stdout: string; stderr: string; status: number | null } {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', maxBuffer: 1 << 28 });
  return { stdout: r.stdout, stderr: r.stderr, status: r.status };
}

/**
 * Recognizes the articles under `dir` in 4 shards (every 4th file from the i-th), with `parallel`
 * running the shards side by side, each `xargs ... recognize` as the README shows; returns the
 * shard outputs, last shard first.
 */
function recognizeInShards(cwd: string, dir: string, work: string, options: string[]): string[] {
  const files = articles(cwd, dir);
  const lists = [0, 1, 2, 3].map(i => {
    const list = join(work, `shard-${i}`);
    writeFileSync(list, files.filter((_, k) => k % 4 === i).join('\n') + '\n');
    return list;
  });
  const command = `xargs -d '\\n' ${process.execPath} ${CLI} recognize ${options.join(' ')} < {} > {}.jsonl`;
  execFileSync('parallel', ['--will-cite', '--halt', 'now,fail=1', '-j4', command, ':::', ...lists], { cwd, stdio: ['ignore', 'ignore', 'inherit'] });
  return lists.map(l => `${l}.jsonl`).reverse();
}

/** Checks link against analyze in every format; returns analyze's JSON. */
function assertShardedSame(cwd: string, dir: string, work: string, options: string[] = [], linkOptions: string[] = []): string {
  const shards = recognizeInShards(cwd, dir, work, options);
  for (const format of ['json', 'jsonl', 'table']) {
    const whole = run(cwd, ['analyze', '--format', format, ...options, dir]);
    const linked = run(cwd, ['link', '--format', format, ...linkOptions, ...shards]);
    assert.equal(linked.status, whole.status, linked.stderr);
    assert.ok(whole.stdout.length > 100, `${format}: analyze printed something`);
    assert.ok(linked.stdout === whole.stdout, `${format}: link prints what analyze prints (${linked.stdout.length} and ${whole.stdout.length} characters)`);
  }
  return run(cwd, ['analyze', '--format', 'json', ...options, dir]).stdout;
}

describe('sharded analysis with GNU parallel', function () {
  this.timeout(240_000);
  let work: string;
  before(() => {
    const found = spawnSync('parallel', ['--version'], { encoding: 'utf8' });
    assert.ok(found.status === 0 && /GNU parallel/.test(found.stdout), 'GNU parallel is needed (apt-get install parallel; .ci/run installs it)');
    work = mkdtempSync(join(tmpdir(), 'marginalia-shards-'));
  });
  after(() => rmSync(work, { recursive: true, force: true }));

  it('prints what analyze prints for the samples, in every format', () => {
    assertShardedSame(ROOT, 'samples', work);
  });

  it('prints what analyze prints for a generated corpus, with --dct, --dates and a registry', () => {
    const cwd = join(work, 'gen');
    mkdirSync(cwd);
    generatedCorpus(cwd, 200);
    const [, second] = articles(cwd, 'corpus').sort();
    // generated articles may carry a dateline of their own, which wins over the dates file
    writeFileSync(join(cwd, 'corpus', 'undated.txt'), 'Officials met President Lee in Seoul on Monday.\n');
    writeFileSync(join(cwd, 'dates.csv'), 'file,date\ncorpus/undated.txt,2025-03-01\n');
    assert.ok(second, 'the corpus was generated');
    const json = assertShardedSame(cwd, 'corpus', work, ['--dct', '2026-01-05', '--dates', 'dates.csv'], ['--registry', 'corpus/.marginalia/entities.yaml']);
    assert.match(json, /"name": "President Lee"/, 'the registry applied');
    assert.match(json, /"dct": "2025-03-01"/, '--dates applied');
  });

  it('refuses shards that hold a document twice, and names a bad line by file and line', () => {
    const [shard] = recognizeInShards(ROOT, 'samples', work, []);
    const twice = run(ROOT, ['link', shard, shard]);
    assert.equal(twice.status, 1);
    assert.match(twice.stderr, /^marginalia: .*: recognized twice, at .*shard-3\.jsonl:(\d+) and .*shard-3\.jsonl:\1\n$/);
    assert.equal(twice.stdout, '');
    const bad = join(work, 'bad.jsonl');
    writeFileSync(bad, '\n{"recognized":1}\n');
    const refused = run(ROOT, ['link', bad]);
    assert.equal(refused.status, 1);
    assert.equal(refused.stderr, `marginalia: ${bad}:2: "path" is missing or malformed\n`);
  });
});
