// The CLI's file handling (issue 13): what `marginalia analyze|export|import` read and write when
// files are unreadable, undecodable, too large, linked elsewhere, or in the way. Runs the built
// dist/cli.js (MARGINALIA_CLI names another build, to check a test fails on an older one).
import { strict as assert } from 'node:assert';
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { parseSidecar, serializeSidecar, targetFor, type Annotation } from '../../src/core';

const CLI = process.env.MARGINALIA_CLI ?? join(__dirname, '..', '..', 'dist', 'cli.js');
/** As root, permissions do not stop reads: unreadable-file cases run the CLI as `nobody`. */
const ROOT = process.getuid?.() === 0;

const TEXT = 'Published: 5 January 2026\n\nLee Jae Myung met Xi Jinping in Beijing on Sunday.\n';

function annotation(id: string, quote: string, label = 'person', text = TEXT): Annotation {
  const start = text.indexOf(quote);
  return { id, target: targetFor(text, start, start + quote.length), label, status: 'confirmed', thread: [] };
}

const folders: string[] = [];
after(() => {
  for (const f of folders) {
    chmodTree(f);
    rmSync(f, { recursive: true, force: true });
  }
});

/** A temporary folder holding `files` (paths relative to it); every folder and file open to all, for runs as `nobody`. */
function folderWith(files: Record<string, string | Uint8Array>): string {
  const root = mkdtempSync(join(tmpdir(), 'marginalia-cliws-'));
  folders.push(root);
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), content);
  }
  chmodTree(root);
  return root;
}

function chmodTree(path: string): void {
  if (!existsSync(path)) return;
  const stat = statSync(path);
  chmodSync(path, stat.isDirectory() ? 0o777 : 0o666);
  if (stat.isDirectory()) for (const name of readdirSync(path)) chmodTree(join(path, name));
}

function cli(args: string[], options: { cwd?: string; unprivileged?: boolean } = {}): SpawnSyncReturns<string> {
  const user = options.unprivileged && ROOT ? { uid: 65534, gid: 65534 } : {};
  return spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', cwd: options.cwd, ...user });
}

/** Makes a file unreadable (mode 000) for the run as `nobody`. */
function unreadable(path: string): void {
  chmodSync(path, 0o000);
}

describe('marginalia CLI: files it cannot read are never written, and named', function () {
  before(function () {
    if (!existsSync(CLI)) throw new Error(`${CLI} is missing: npm run build first`);
  });

  // Finding 1
  it('import leaves an unreadable sidecar as it is, names it and exits 1; analyze and export name it too', () => {
    const sidecarText = serializeSidecar(undefined, [annotation('keep0001', 'Xi Jinping')]);
    const root = folderWith({ 'articles/a.txt': TEXT, 'articles/a.txt.annotations.yaml': sidecarText });
    const articles = join(root, 'articles');
    const w3c = JSON.stringify({
      type: 'Annotation',
      id: 'urn:marginalia:a.txt#new00001',
      body: [{ type: 'TextualBody', purpose: 'tagging', value: 'place' }],
      target: { source: 'urn:marginalia:a.txt', selector: { type: 'TextQuoteSelector', exact: 'Beijing', prefix: '', suffix: '' } },
    });
    writeFileSync(join(root, 'in.jsonld'), w3c);
    chmodTree(root);
    const sidecar = join(articles, 'a.txt.annotations.yaml');
    unreadable(sidecar);
    const run = cli(['import', '--format', 'w3c', '-i', join(root, 'in.jsonld'), articles], { unprivileged: true });
    assert.equal(run.status, 1, run.stderr);
    assert.match(run.stderr, /a\.txt\.annotations\.yaml: .*permission denied/);
    for (const command of [
      ['analyze', articles],
      ['export', '--format', 'csv', '-o', join(root, 'out'), articles],
    ]) {
      const other = cli(command, { unprivileged: true });
      assert.equal(other.status, 1, `${command[0]}: ${other.stderr}`);
      assert.match(other.stderr, /a\.txt\.annotations\.yaml: .*permission denied/, command[0]);
    }
    chmodSync(sidecar, 0o644);
    assert.equal(readFileSync(sidecar, 'utf8'), sidecarText);
  });

  // Finding 9 (the CLI side): undecodable bytes make a sidecar read-only, not replaced with U+FFFD
  it('import leaves a sidecar with bytes that are not UTF-8 byte for byte as it was', () => {
    const good = serializeSidecar(undefined, [annotation('keep0001', 'Xi Jinping')]);
    // A Latin-1 "café" in a note: valid YAML, but not UTF-8.
    const [head, tail] = good.split('status: confirmed');
    const indent = /[ ]*$/.exec(head)![0];
    const bytes = Buffer.concat([Buffer.from(`${head}note: caf`), Buffer.from([0xe9]), Buffer.from(`\n${indent}status: confirmed${tail}`)]);
    const root = folderWith({ 'articles/a.txt': TEXT, 'articles/a.txt.annotations.yaml': bytes });
    const start = TEXT.indexOf('Beijing');
    const exported = folderWith({ 'a.ann': `T1\tplace ${start} ${start + 7}\tBeijing\n` });
    const run = cli(['import', '--format', 'brat', '-i', exported, join(root, 'articles')]);
    assert.equal(run.status, 1, run.stderr);
    assert.match(run.stderr, /not UTF-8/);
    assert.deepEqual(readFileSync(join(root, 'articles/a.txt.annotations.yaml')), bytes);
  });

  // Finding 10 (the CLI side)
  it('names a sidecar over the size limit and does not parse it', () => {
    const one = serializeSidecar(undefined, [annotation('keep0001', 'Xi Jinping')]);
    const big = one + `# ${'x'.repeat(100)}\n`.repeat(45_000);
    const root = folderWith({ 'a.txt': TEXT, 'a.txt.annotations.yaml': big });
    const run = cli(['analyze', root]);
    assert.equal(run.status, 1, run.stderr);
    assert.match(run.stderr, /a\.txt\.annotations\.yaml: This sidecar is 4\.\d MiB, over Marginalia's limit of 2\.0 MiB/);
  });
});

describe('marginalia export: writes only its own files, only inside OUT', function () {
  // Finding 2
  it('never overwrites an article, nor a file no export wrote unless --force', () => {
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(TEXT, 'utf16le')]);
    const root = folderWith({ 'a.txt': utf16, 'annotation.conf': '# my own BRAT configuration\n' });
    const run = cli(['export', '--format', 'brat', '-o', root, root]);
    assert.equal(run.status, 1, run.stderr);
    assert.match(run.stderr, /a\.txt is an article or sidecar of the export/);
    assert.deepEqual(readFileSync(join(root, 'a.txt')), utf16);
    assert.equal(readFileSync(join(root, 'annotation.conf'), 'utf8'), '# my own BRAT configuration\n');
    const forced = cli(['export', '--format', 'brat', '--force', '-o', root, root]);
    assert.equal(forced.status, 1, 'even --force does not replace an article');
    assert.deepEqual(readFileSync(join(root, 'a.txt')), utf16);

    const out = folderWith({ 'annotations.csv': 'my spreadsheet\n' });
    const refused = cli(['export', '--format', 'csv', '-o', out, root]);
    assert.equal(refused.status, 1);
    assert.match(refused.stderr, /annotations\.csv already exists and was not written by an earlier export \(overwrite with --force\)/);
    assert.equal(readFileSync(join(out, 'annotations.csv'), 'utf8'), 'my spreadsheet\n');
    assert.equal(cli(['export', '--format', 'csv', '--force', '-o', out, root]).status, 0);
    assert.match(readFileSync(join(out, 'annotations.csv'), 'utf8'), /^document,start,end/);
    const again = cli(['export', '--format', 'csv', '-o', out, root]);
    assert.equal(again.status, 0, `exporting again into the same folder needs no --force: ${again.stderr}`);
  });

  // Finding 3
  it('refuses to write through a link planted in OUT or a linked subfolder, touching nothing outside', () => {
    const root = folderWith({ 'korea/a.txt': TEXT, 'korea/a.txt.annotations.yaml': serializeSidecar(undefined, [annotation('keep0001', 'Xi Jinping')]) });
    const outside = folderWith({ 'victim.txt': 'precious\n' });
    const out = folderWith({});
    symlinkSync(join(outside, 'victim.txt'), join(out, 'annotations.csv'));
    const viaFile = cli(['export', '--format', 'csv', '-o', out, root]);
    assert.equal(viaFile.status, 1, viaFile.stderr);
    assert.match(viaFile.stderr, /annotations\.csv is a symbolic link/);

    const out2 = folderWith({});
    symlinkSync(outside, join(out2, 'korea'));
    const viaFolder = cli(['export', '--format', 'brat', '-o', out2, root]);
    assert.equal(viaFolder.status, 1, viaFolder.stderr);
    assert.match(viaFolder.stderr, /leads outside .* through a symbolic link/);
    assert.deepEqual(readdirSync(outside), ['victim.txt']);
    assert.equal(readFileSync(join(outside, 'victim.txt'), 'utf8'), 'precious\n');
    assert.deepEqual(readdirSync(out2), ['korea'], 'nothing written at all');
  });

  // Finding 7
  it('exports a file outside the current folder', () => {
    const root = folderWith({ 'a.txt': TEXT, 'a.txt.annotations.yaml': serializeSidecar(undefined, [annotation('keep0001', 'Xi Jinping')]) });
    const out = join(folderWith({}), 'out');
    const run = cli(['export', '--format', 'jsonl', '-o', out, join(root, 'a.txt')], { cwd: __dirname });
    assert.equal(run.status, 0, run.stderr);
    const line = JSON.parse(readFileSync(join(out, 'annotations.jsonl'), 'utf8'));
    assert.equal(line.text, TEXT);
    assert.equal(line.meta.path, 'a.txt');
  });

  // Finding 13 (in a real export)
  it('defuses formula starters in CSV cells', () => {
    // (a NUL would make the article binary: csvField's own test covers it)
    const text = '\t=cmd\n =1+1\n\uff1dSUM(A1)\n\n=HYPERLINK("x")\n';
    const cells = ['\t=cmd', ' =1+1', '\uff1dSUM(A1)', '\n=HYPERLINK("x")'];
    const root = folderWith({
      'a.txt': text,
      'a.txt.annotations.yaml': serializeSidecar(
        undefined,
        cells.map((quote, i) => annotation(`f000000${i}`, quote, 'claim', text)),
      ),
    });
    const out = folderWith({});
    assert.equal(cli(['export', '--format', 'csv', '-o', out, root]).status, 0);
    const csv = readFileSync(join(out, 'annotations.csv'), 'utf8');
    const quotes = csv
      .split('\r\n')
      .slice(1, -1)
      .map(row => /^a\.txt,\d+,\d+,("(?:[^"]|"")*"|[^,]*)/.exec(row)?.[1]);
    assert.equal(quotes.length, 4, csv);
    for (const q of quotes) assert.match(q!.replace(/^"/, ''), /^'/, `not defused: ${JSON.stringify(q)}`);
  });
});

/** Control characters but tab and line feed (which end the CLI's own lines). */
// eslint-disable-next-line no-control-regex -- control characters are what the test looks for
const UNESCAPED = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/;

describe('marginalia import: merges, never loses, never writes invalid sidecars', () => {
  // Finding 5
  it('refuses an empty W3C tagging body instead of writing label: ""', () => {
    const root = folderWith({ 'a.txt': TEXT });
    const w3c = JSON.stringify({
      type: 'Annotation',
      id: 'urn:marginalia:a.txt#empty001',
      body: [{ type: 'TextualBody', purpose: 'tagging', value: '' }],
      target: { source: 'urn:marginalia:a.txt', selector: { type: 'TextQuoteSelector', exact: 'Beijing', prefix: '', suffix: '' } },
    });
    writeFileSync(join(root, 'in.jsonld'), w3c);
    const run = cli(['import', '--format', 'w3c', '-i', join(root, 'in.jsonld'), root]);
    assert.equal(run.status, 1, run.stderr);
    assert.match(run.stderr, /empty tagging body/);
    const sidecar = join(root, 'a.txt.annotations.yaml');
    if (existsSync(sidecar)) assert.ok(parseSidecar(readFileSync(sidecar, 'utf8')).writable);
  });

  // Finding 12
  it('shows control characters from .ann text and file names as escapes on the terminal', () => {
    const root = folderWith({ 'a.txt': TEXT });
    const brat = folderWith({ 'a.txt': TEXT, 'a.ann': 'T1\tperson 27 40\t\u001b[2J\u001b[31mfake\u0007\n' });
    const run = cli(['import', '--format', 'brat', '-i', brat, root]);
    assert.ok(!UNESCAPED.test(run.stderr), JSON.stringify(run.stderr));
    assert.match(run.stderr, /\\x1B\[2J/);
    const named = cli(['analyze', join(root, 'no\u001b]0;pwned\u0007such.txt')]);
    assert.equal(named.status, 1);
    assert.ok(!UNESCAPED.test(named.stderr), JSON.stringify(named.stderr));
  });
});

describe("marginalia import --format conll|jsonl|doccano|csv: other tools' spans as suggestions", function () {
  this.timeout(180_000); // twelve CLI runs, on a shared machine
  const CRLF = `😀 𠀀\r\n${TEXT.replace(/\n/g, '\r\n')}`;

  it('imports each export format back as suggestions with a source; twice adds nothing; a changed article is refused and named', () => {
    const original = folderWith({ 'news/a.txt': CRLF, 'b.txt': TEXT });
    for (const format of ['conll', 'jsonl', 'doccano', 'csv']) {
      const out = folderWith({});
      const exported = cli(['export', '--format', format, '--include-suggestions', '-o', out, original]);
      assert.equal(exported.status, 0, exported.stderr);
      const [file] = readdirSync(out).filter(f => f.startsWith('annotations.'));
      const copy = folderWith({ 'news/a.txt': CRLF, 'b.txt': TEXT.replace('Sunday', 'Monday') });
      const run = cli(['import', '--format', format, '-i', join(out, file), copy]);
      assert.equal(run.status, 1, run.stderr);
      assert.match(
        run.stderr,
        /b\.txt.*its text differs from the article's from line 3, column 44.*not imported|line \d+: .* is not at .*not imported|tokens \("Published : 5 January 2026 Lee \.\.\."\) are not the text of any article; not imported/,
      );
      assert.match(run.stderr, /: 5 annotations added, 0 updated, in 1 sidecars\n$/);
      const sidecar = parseSidecar(readFileSync(join(copy, 'news/a.txt.annotations.yaml'), 'utf8'));
      assert.deepEqual(
        sidecar.annotations.map(a => [a.target.quote, a.status, a.source]),
        ['5 January 2026', 'Lee Jae Myung', 'Xi Jinping', 'Beijing', 'Sunday'].map(q => [q, 'suggested', `${format}:${file}`]),
      );
      assert.ok(!existsSync(join(copy, 'b.txt.annotations.yaml')));
      const again = cli(['import', '--format', format, '--status', 'disputed', '--source', 'again', '-i', join(out, file), copy]);
      assert.match(again.stderr, /: 0 annotations added, 0 updated, in 0 sidecars\n$/);
    }
  });

  it('refuses wrong usage with status 2', () => {
    const root = folderWith({ 'a.txt': TEXT });
    assert.equal(cli(['import', '--format', 'xml', '-i', root, root]).status, 2);
    assert.equal(cli(['import', '--format', 'csv', '--status', 'maybe', '-i', root, root]).status, 2);
    assert.equal(cli(['import', '--format', 'brat', '--source', 'x', '-i', root, root]).status, 2);
  });
});

describe('marginalia analyze: the registry of the folder given, not of a folder above it', () => {
  // Finding 14
  it('ignores .marginalia/entities.yaml in a parent folder', () => {
    const root = folderWith({
      '.marginalia/entities.yaml': 'version: 1\nentities: []\nnotEntities: [Xi Jinping, Lee Jae Myung, Beijing]\n',
      'child/a.txt': TEXT,
    });
    const names = (run: SpawnSyncReturns<string>) => (JSON.parse(run.stdout).documents[0].mentions as { text: string }[]).map(m => m.text);
    const below = cli(['analyze', '--format', 'json', join(root, 'child')]);
    assert.equal(below.status, 0, below.stderr);
    assert.ok(names(below).includes('Xi Jinping'), 'a registry above the folder was applied');
    const given = cli(['analyze', '--format', 'json', '--registry', join(root, '.marginalia/entities.yaml'), join(root, 'child')]);
    assert.equal(given.status, 0, given.stderr);
    assert.ok(!names(given).includes('Xi Jinping'), '--registry FILE applies that registry');
    const own = cli(['analyze', '--format', 'json', root]);
    assert.ok(!names(own).includes('Xi Jinping'), 'the registry of the folder given applies');
  });
});

describe('marginalia analyze --names: the rules alone by default, the learned model on request', () => {
  it('drops with --names model a guess the rules make, and refuses another value', () => {
    const root = folderWith({
      'a.txt': 'Published: 5 January 2026\n\nThe report was blown out of proportion, said Marla Quint of Velmora Holdings. Playoffs begin Monday.\n',
    });
    const names = (run: SpawnSyncReturns<string>) =>
      (JSON.parse(run.stdout).documents[0].mentions as { text: string; kind: string }[]).filter(m => m.kind !== 'date').map(m => m.text);
    const rules = cli(['analyze', '--format', 'json', root]);
    assert.equal(rules.status, 0, rules.stderr);
    assert.deepEqual(names(rules), ['Marla Quint', 'Velmora Holdings', 'Playoffs']);
    assert.deepEqual(names(cli(['analyze', '--format', 'json', '--names', 'rules', root])), names(rules));
    const model = cli(['analyze', '--format', 'json', '--names', 'model', root]);
    assert.equal(model.status, 0, model.stderr);
    assert.deepEqual(names(model), ['Marla Quint', 'Velmora Holdings']);
    const wrong = cli(['analyze', '--names', 'crf', root]);
    assert.equal(wrong.status, 2);
    assert.match(wrong.stderr, /--names must be rules or model/);
  });
});
