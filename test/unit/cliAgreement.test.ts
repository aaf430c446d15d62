import { strict as assert } from 'node:assert';
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serializeSidecar, targetFor, type Annotation } from '../../src/core';
import { parse } from 'csv-parse/sync';

const CLI = join(__dirname, '..', '..', 'dist', 'cli.js');
const cli = (cwd: string, ...args: string[]) => spawnSync(process.execPath, [CLI, 'agreement', ...args], { encoding: 'utf8', cwd });

const TEXT = '😀 Lee Jae Myung met Xi Jinping in Beijing on Monday, the Herald said.\r\n';
const span = (author: string, quote: string, label: string, id: string): Annotation => {
  const start = TEXT.indexOf(quote);
  return { id, target: targetFor(TEXT, start, start + quote.length), label, status: 'confirmed', thread: [], author };
};
const HANA = [span('Hana', 'Lee Jae Myung', 'person', 'h1'), span('Hana', 'Xi Jinping', 'person', 'h2'), span('Hana', 'Herald', 'organization', 'h3')];
const MARTIN = [
  span('Martin', 'Lee', 'person', 'm1'),
  span('Martin', 'Xi Jinping', 'person', 'm2'),
  span('Martin', 'Herald', 'source', 'm3'),
  span('Martin', 'Beijing', 'place', 'm4'),
];

describe('marginalia agreement (built CLI)', function () {
  before(function () {
    if (!existsSync(CLI)) throw new Error('dist/cli.js is missing: npm run build first');
  });
  const dir = mkdtempSync(join(tmpdir(), 'marginalia-agreement-'));
  const write = (path: string, content: string) => {
    mkdirSync(join(path, '..'), { recursive: true });
    writeFileSync(path, content);
  };
  write(join(dir, 'shared', 'news', 'a.txt'), TEXT);
  write(join(dir, 'shared', 'news', 'a.txt.annotations.yaml'), serializeSidecar(undefined, [...HANA, ...MARTIN]));
  write(join(dir, 'shared', 'news', 'b.txt'), TEXT);
  write(join(dir, 'mine', 'a.txt'), TEXT);
  write(join(dir, 'mine', 'a.txt.annotations.yaml'), serializeSidecar(undefined, HANA));
  write(join(dir, 'theirs', 'a.txt.annotations.yaml'), serializeSidecar(undefined, MARTIN));

  it("by author: the contract's JSON, pairs and overall figures", () => {
    const run = cli(dir, '--by', 'author', 'shared');
    assert.equal(run.status, 0, run.stderr);
    const report = JSON.parse(run.stdout);
    assert.deepEqual(report.reviewers, ['Hana', 'Martin']);
    assert.equal(report.documents, 1);
    const [pair] = report.pairs;
    assert.deepEqual(Object.keys(pair).slice(0, 3), ['a', 'b', 'documents']);
    assert.deepEqual([pair.a, pair.b, pair.n], ['Hana', 'Martin', 3]);
    assert.deepEqual(pair.spanF1, { exact: 4 / 7, overlap: 6 / 7 });
    assert.equal(typeof pair.kappa, 'number');
    assert.deepEqual(Object.keys(report.overall).slice(0, 2), ['fleissKappa', 'alpha']);
    assert.deepEqual(Object.keys(report.perLabel), ['organization', 'person', 'place', 'source']);
    assert.deepEqual(report.perLabel.person.spans, { Hana: 2, Martin: 2 });
    assert.deepEqual(
      report.perDocument.map((d: { path: string }) => d.path),
      ['news/a.txt'],
    );
    assert.equal(report.overall.disagreements.open, 3);
  });

  it('--format csv and table', () => {
    const csv = cli(dir, '--format', 'csv', 'shared');
    assert.equal(csv.status, 0, csv.stderr);
    const rows: string[][] = parse(csv.stdout, { relax_column_count: true });
    assert.deepEqual(rows[0].slice(0, 5), ['scope', 'reviewer_a', 'reviewer_b', 'label', 'document']);
    assert.deepEqual(
      rows.slice(1).map(r => r[0]),
      ['overall', 'pair', 'label', 'label', 'label', 'label', 'document'],
    );
    const table = cli(dir, '--format', 'table', 'shared');
    assert.match(table.stdout, /^Hana\s+Martin\s+1\s+3\s+4\s+0\.571\s+0\.857/m);
  });

  it('--with FOLDER: the workspace against another folder of sidecars', () => {
    const run = cli(dir, '--with', join(dir, 'theirs'), 'mine');
    assert.equal(run.status, 0, run.stderr);
    const report = JSON.parse(run.stdout);
    assert.deepEqual(report.reviewers, ['workspace', join(dir, 'theirs')]);
    assert.deepEqual(report.pairs[0].spanF1, { exact: 4 / 7, overlap: 6 / 7 });
  });

  it('--against REV: the working tree against a git revision, nothing checked out', () => {
    const repo = join(dir, 'repo');
    write(join(repo, 'news', 'a.txt'), TEXT);
    write(join(repo, 'news', 'a.txt.annotations.yaml'), serializeSidecar(undefined, MARTIN));
    const git = (...args: string[]) => execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.org', ...args], { cwd: repo, encoding: 'utf8' });
    git('init', '-q', '-b', 'main');
    git('add', '.');
    git('commit', '-q', '-m', 'Martin');
    git('branch', 'martin');
    write(join(repo, 'news', 'a.txt.annotations.yaml'), serializeSidecar(undefined, HANA));
    const run = cli(repo, '--against', 'martin', 'news');
    assert.equal(run.status, 0, run.stderr);
    const report = JSON.parse(run.stdout);
    assert.deepEqual(report.reviewers, ['workspace', 'martin']);
    assert.deepEqual(report.pairs[0].spanF1, { exact: 4 / 7, overlap: 6 / 7 });
    assert.equal(git('status', '--porcelain').trim(), 'M news/a.txt.annotations.yaml', 'the working tree is left as it was');
    const unknown = cli(repo, '--against', 'no-such-branch', 'news');
    assert.equal(unknown.status, 2);
    assert.match(unknown.stderr, /no-such-branch is not a revision/);
  });

  it('wrong usage exits 2', () => {
    assert.equal(cli(dir, '--by', 'label', 'shared').status, 2);
    assert.equal(cli(dir, '--by', 'author', '--with', 'x', 'shared').status, 2);
    assert.equal(cli(dir, '--format', 'xml', 'shared').status, 2);
    assert.equal(cli(dir).status, 2);
  });
});
