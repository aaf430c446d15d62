// `marginalia train` (issue 15, item 3): learns from a folder's reviews, analyze then honours a
// rejected name by default (and not with --names rules), --reset removes the model, a broken model
// file is named and the analysis goes on. Runs the built dist/cli.js.
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serializeSidecar, targetFor, WORKSPACE_MODEL_PATH } from '../../src/core';

const CLI = join(__dirname, '..', '..', 'dist', 'cli.js');
const TEXT = 'Kelvin Moss met reporters in Leeds on Monday.\n';
const OTHER = 'On Friday Kelvin Moss returned to Leeds.\n';

const cli = (args: string[]) => spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8' });
const mentioned = (stdout: string) =>
  stdout
    .split('\n')
    .filter(l => l.startsWith('{"document"'))
    .flatMap(l => (JSON.parse(l) as { document: { mentions: { text: string }[] } }).document.mentions.map(m => m.text));

describe('marginalia train', () => {
  let root = '';
  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'marginalia-train-'));
    writeFileSync(join(root, 'a.txt'), TEXT);
    writeFileSync(join(root, 'b.txt'), OTHER);
    const start = TEXT.indexOf('Kelvin Moss');
    writeFileSync(
      join(root, 'a.txt.annotations.yaml'),
      serializeSidecar(undefined, [{ id: 'a1', target: targetFor(TEXT, start, start + 11), label: 'person', status: 'rejected', thread: [] }]),
    );
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('learns from the reviews; analyze uses the model by default, --names rules does not; --reset removes it', () => {
    assert.ok(mentioned(cli(['analyze', '--format', 'jsonl', root]).stdout).includes('Kelvin Moss'));
    const trained = cli(['train', '--workspace', root]);
    assert.equal(trained.status, 0, trained.stderr);
    assert.match(
      trained.stderr,
      /learned from 1 reviewed spans in 1 articles \(0 person, 0 organization, 0 place, 1 not a name\); \.marginalia\/model\.json written/,
    );
    assert.ok(existsSync(join(root, WORKSPACE_MODEL_PATH)));
    const after = mentioned(cli(['analyze', '--format', 'jsonl', root]).stdout);
    assert.ok(!after.includes('Kelvin Moss') && after.includes('Leeds'), after.join(', '));
    assert.ok(mentioned(cli(['analyze', '--names', 'rules', '--format', 'jsonl', root]).stdout).includes('Kelvin Moss'));
    const reset = cli(['train', '--reset', '--workspace', root]);
    assert.equal(reset.status, 0);
    assert.ok(!existsSync(join(root, WORKSPACE_MODEL_PATH)));
    assert.ok(mentioned(cli(['analyze', '--format', 'jsonl', root]).stdout).includes('Kelvin Moss'));
  });

  it('names a model file it cannot use and analyzes without it', () => {
    mkdirSync(join(root, '.marginalia'));
    writeFileSync(join(root, WORKSPACE_MODEL_PATH), '{"format": "something else"}');
    const r = cli(['analyze', '--format', 'jsonl', root]);
    assert.equal(r.status, 1);
    assert.match(r.stderr, /model\.json.*is not a version 1 marginalia-name-model file/);
    assert.ok(mentioned(r.stdout).includes('Kelvin Moss'));
    assert.equal(readFileSync(join(root, WORKSPACE_MODEL_PATH), 'utf8'), '{"format": "something else"}', 'left as it was');
  });

  it('needs --workspace', () => {
    assert.equal(cli(['train', root]).status, 2);
    assert.equal(cli(['train']).status, 2);
  });
});
