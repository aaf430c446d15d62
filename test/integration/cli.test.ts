import * as assert from 'assert';
import { spawn } from 'child_process';
import { existsSync, readFileSync } from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';

const EXTENSION_ID = 'marginalia.marginalia';

// The contract of `marginalia analyze --format json` (docs/contracts.md, section CLI):
//
// {
//   "documents": [
//     {
//       "path": "samples/beijing-visit.txt",
//       "dct": "2026-01-05",
//       "mentions": [
//         {"start": 23, "end": 36, "text": "Lee Jae Myung", "kind": "person", "entity": "lee-jae-myung"},
//         {"start": 80, "end": 95, "text": "January 4, 2026", "kind": "date", "value": "2026-01-04"}
//       ]
//     }
//   ],
//   "entities": [
//     {"id": "lee-jae-myung", "kind": "person", "name": "Lee Jae Myung",
//      "aliases": ["Lee", "Lee Jae Myung"], "documents": 5, "mentions": 41}
//   ]
// }
//
// - kind: person, organization, place, date (more kinds may be added later).
// - start/end: UTF-16 offsets into the file's text, end exclusive; `text` is that slice.
// - names carry `entity` (an id of `entities`); dates carry `value`: YYYY, YYYY-MM, YYYY-MM-DD,
//   YYYY-Www, a decade as 201X, or null.
// - exit status 0 on success, 1 when some input was bad (stderr names it), 2 on wrong usage.

interface Mention {
  start: number;
  end: number;
  text: string;
  kind: string;
  entity?: string;
  value?: string | null;
}
interface AnalyzedDocument {
  path: string;
  dct: string | null;
  mentions: Mention[];
}
interface Entity {
  id: string;
  kind: string;
  name: string;
  aliases: string[];
  documents: number;
  mentions: number;
}

const NAME_KINDS = new Set(['person', 'organization', 'place']);
const DATE_VALUE = /^(\d{4}|\d{4}-\d{2}|\d{4}-\d{2}-\d{2}|\d{4}-W\d{2}|\d{3}X)$/;
const DAY = /^\d{4}-\d{2}-\d{2}$/;

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the built CLI with the extension host's Node (Electron's, as Node, under test-electron). */
function cli(args: string[], cwd: string): Promise<Run> {
  const script = path.join(extensionPath(), 'dist', 'cli.js');
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [script, ...args], {
      cwd,
      env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', d => {
      stdout += d;
    });
    child.stderr.on('data', d => {
      stderr += d;
    });
    child.on('error', reject);
    child.on('close', code => resolve({ code, stdout, stderr }));
  });
}

function extensionPath(): string {
  const extension = vscode.extensions.getExtension(EXTENSION_ID);
  assert.ok(extension, `${EXTENSION_ID} is not loaded`);
  return extension.extensionPath;
}

function workspaceFolder(): string {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'no workspace folder is open');
  return folder.uri.fsPath;
}

/** The file's text as the contract counts offsets: UTF-8 or UTF-16 with BOM, the BOM removed. */
function fileText(file: string): string {
  const bytes = readFileSync(file);
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  return new TextDecoder('utf-8', { ignoreBOM: false }).decode(bytes);
}

describe('cli', () => {
  let folder: string;
  let cwd: string;
  let run: Run;

  before(async function () {
    this.timeout(60_000);
    folder = workspaceFolder();
    cwd = extensionPath();
    assert.ok(existsSync(path.join(cwd, 'dist', 'cli.js')), 'dist/cli.js is missing: run `npm run build`');
    run = await cli(['analyze', folder], cwd);
  });

  /** What `analyze <workspace folder>` printed: each test reads it for itself. */
  function analyzed(): { documents: AnalyzedDocument[]; entities: Entity[] } {
    assert.strictEqual(run.code, 0, `exit ${run.code}; stderr:\n${run.stderr}`);
    const output = JSON.parse(run.stdout);
    assert.ok(output.documents?.length > 0 && output.entities?.length > 0, 'no document or no entity');
    return output;
  }

  it('`analyze <workspace folder>` exits 0 and prints JSON', () => {
    assert.strictEqual(run.code, 0, `exit ${run.code}; stderr:\n${run.stderr}`);
    const output = JSON.parse(run.stdout);
    assert.ok(output && typeof output === 'object');
    assert.ok(Array.isArray(output.documents), 'documents is not an array');
    assert.ok(Array.isArray(output.entities), 'entities is not an array');
    assert.ok(output.documents.length > 0, 'no document analyzed');
  });

  it('every document has path, dct and mentions of the contract shape', () => {
    const output = analyzed();
    const ids = new Set(output.entities.map(e => e.id));
    for (const doc of output.documents) {
      assert.strictEqual(typeof doc.path, 'string');
      assert.ok(existsSync(path.resolve(cwd, doc.path)), `path ${doc.path} does not name a file`);
      assert.ok(doc.dct === null || DAY.test(doc.dct), `${doc.path}: dct ${JSON.stringify(doc.dct)}`);
      assert.ok(Array.isArray(doc.mentions), `${doc.path}: mentions is not an array`);
      for (const m of doc.mentions) {
        const where = `${doc.path} ${JSON.stringify(m)}`;
        assert.ok(Number.isInteger(m.start) && Number.isInteger(m.end) && m.start >= 0 && m.start < m.end, `${where}: bad span`);
        assert.strictEqual(typeof m.text, 'string', where);
        assert.strictEqual(typeof m.kind, 'string', where);
        if (m.kind === 'date') {
          assert.ok('value' in m, `${where}: a date without value`);
          assert.ok(m.value === null || (typeof m.value === 'string' && DATE_VALUE.test(m.value)), `${where}: bad value`);
        }
        if (NAME_KINDS.has(m.kind)) {
          assert.strictEqual(typeof m.entity, 'string', `${where}: a name without entity`);
          assert.ok(ids.has(m.entity!), `${where}: entity ${m.entity} is not in entities[]`);
        }
      }
    }
  });

  it('every entity has id, kind, name, aliases, documents and mentions, consistent with the mentions', () => {
    const output = analyzed();
    const mentionCount = new Map<string, number>();
    const documentsOf = new Map<string, Set<string>>();
    for (const doc of output.documents) {
      for (const m of doc.mentions) {
        if (m.entity === undefined) continue;
        mentionCount.set(m.entity, (mentionCount.get(m.entity) ?? 0) + 1);
        if (!documentsOf.has(m.entity)) documentsOf.set(m.entity, new Set());
        documentsOf.get(m.entity)!.add(doc.path);
      }
    }
    const seen = new Set<string>();
    for (const e of output.entities) {
      const where = JSON.stringify(e);
      assert.ok(typeof e.id === 'string' && e.id.length > 0, `${where}: id`);
      assert.ok(!seen.has(e.id), `${where}: duplicate id`);
      seen.add(e.id);
      assert.ok(typeof e.kind === 'string' && e.kind.length > 0, `${where}: kind`);
      assert.ok(typeof e.name === 'string' && e.name.length > 0, `${where}: name`);
      assert.ok(Array.isArray(e.aliases) && e.aliases.every(a => typeof a === 'string'), `${where}: aliases`);
      assert.ok(Number.isInteger(e.documents) && e.documents >= 1, `${where}: documents`);
      assert.ok(Number.isInteger(e.mentions) && e.mentions >= 1, `${where}: mentions`);
      assert.strictEqual(e.mentions, mentionCount.get(e.id) ?? 0, `${where}: mentions is not the number of its mentions`);
      assert.strictEqual(e.documents, documentsOf.get(e.id)?.size ?? 0, `${where}: documents is not the number of its documents`);
    }
  });

  it("every mention's text is the file's text at [start, end) in UTF-16 code units", () => {
    const output = analyzed();
    let checked = 0;
    for (const doc of output.documents) {
      const text = fileText(path.resolve(cwd, doc.path));
      for (const m of doc.mentions) {
        assert.ok(m.end <= text.length, `${doc.path}: [${m.start}, ${m.end}) is past the end (${text.length})`);
        assert.strictEqual(text.slice(m.start, m.end), m.text, `${doc.path}: [${m.start}, ${m.end})`);
        checked++;
      }
    }
    assert.ok(checked > 0, 'no mention at all in the workspace');
  });

  it('exits 2 on wrong usage', async () => {
    for (const args of [[], ['frobnicate'], ['analyze'], ['analyze', '--format', 'xml', folder], ['analyze', '--dct', 'yesterday', folder]]) {
      const r = await cli(args, cwd);
      assert.strictEqual(r.code, 2, `marginalia ${args.join(' ')} exited ${r.code}; stderr:\n${r.stderr}`);
      assert.ok(r.stderr.trim().length > 0, `marginalia ${args.join(' ')}: nothing on stderr`);
    }
  });

  it('exits 1 on a missing input, naming it, and still analyzes the others', async () => {
    const missing = path.join(folder, 'no-such-article.txt');
    const r = await cli(['analyze', missing, folder], cwd);
    assert.strictEqual(r.code, 1, `exit ${r.code}; stderr:\n${r.stderr}`);
    assert.ok(r.stderr.includes('no-such-article.txt'), `stderr does not name the file:\n${r.stderr}`);
    const parsed = JSON.parse(r.stdout) as { documents: AnalyzedDocument[] };
    assert.ok(parsed.documents.length > 0, 'the other inputs were not analyzed');
  });
});
