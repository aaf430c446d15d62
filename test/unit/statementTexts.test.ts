import { strict as assert } from 'node:assert';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  analyze,
  compareStatement,
  detached,
  findDiscrepancies,
  StatementIndex,
  timeline,
  utf8Hash,
  withTexts,
  withTextsSteps,
  type SourceDocument,
} from '../../src/core';
import { STEP_UNITS } from '../../src/core/steps';
import { readArticleText } from '../../src/vscode/compare/articleText';
import { packMentions } from '../../src/vscode/compare/packedMentions';
import { quotesBySpeaker } from '../../src/vscode/compare/quoteGroups';
import { StatementClient } from '../../src/vscode/compare/statementClient';
import type { StatementDocument } from '../../src/vscode/compare/statementProtocol';
import { bundleWorker } from './helpers/bundleWorker';
import { readArticles } from './helpers/samples';

// The statements' side keeps no texts of files (src/vscode/compare/statementJobs.ts): it reads an
// article from its file when its statements are read and when a question quotes them, checked
// against the hash it was indexed with; an open document's text, sent as text, is kept.
const encoder = new TextEncoder();

describe('statements: quoted article by article (withTexts)', () => {
  it('asks each article once (in the order they come), keeps the order given, and leaves out the articles without a text', () => {
    const asked: string[] = [];
    const items = [
      { path: 'b', at: 1 },
      { path: 'a', at: 0 },
      { path: 'gone', at: 0 },
      { path: 'b', at: 0 },
    ];
    const quoted = withTexts(
      items,
      p => (asked.push(p), p === 'gone' ? undefined : `${p}${p}`),
      (item, text) => Object.assign(item, { text: text[item.at] }),
    );
    assert.deepEqual(asked, ['b', 'a', 'gone']);
    assert.deepEqual(quoted, [
      { path: 'b', at: 1, text: 'b' },
      { path: 'a', at: 0, text: 'a' },
      { path: 'b', at: 0, text: 'b' },
    ]);
  });

  it('in steps, never more than STEP_UNITS items or one article between two pauses', () => {
    const items = Array.from({ length: 3 * STEP_UNITS }, (_, i) => ({ path: `p${i % 5}`, at: i }));
    const steps = withTextsSteps(
      items,
      p => p,
      () => undefined,
    );
    let pauses = 0;
    let r = steps.next();
    for (; !r.done; r = steps.next()) pauses++;
    // grouping 3 × STEP_UNITS items, reading 5 articles, keeping 3 × STEP_UNITS items
    assert.equal(pauses, 3 + 5 + 3);
    assert.deepEqual(r.value, items);
  });
});

describe('statements: parts of texts held apart from them (detached)', () => {
  it('are the parts cut, short or long, astral characters and line ends included', () => {
    const text = 'A “quote”, 𝔖🚄\r\nsaid the minister on Tuesday.\u2028"Escaped\\"';
    for (const [start, end] of [
      [0, 1],
      [0, 12],
      [2, 30],
      [11, 15],
      [0, text.length],
      [5, 5],
    ])
      assert.equal(detached(text, start, end), text.slice(start, end));
    assert.equal(detached(text), text);
  });
});

describe('statements: texts read from the articles files', function () {
  let dir: string;
  let workerFile: string;
  // the demo's articles with CRLF line ends and astral characters in their sentences, some files with a BOM
  const docs: SourceDocument[] = readArticles().map(d => ({ path: d.path, text: d.text.replace(/\r?\n/g, '\r\n').replace(/summit/g, 'summit 𝔖🚄') }));
  const analysis = analyze(docs);
  const names: [string, string][] = analysis.entities.map(e => [e.id, e.name]);
  const rail = docs.find(d => d.path.includes('nordic-wire'))!.path;
  let files: Map<string, string>;

  /** The core's statements of `texts`, quoted from them but for `unread`'s. */
  const expected = (texts: Map<string, string>, unread?: string) => {
    const index = new StatementIndex();
    analysis.documents.forEach(d => index.setDocument({ path: d.path, text: texts.get(d.path)!, dct: d.dct, mentions: d.mentions }));
    return { index, textOf: (p: string) => (p === unread ? undefined : texts.get(p)) };
  };
  const sent = (path: string, text?: string): StatementDocument => {
    const d = analysis.documents.find(a => a.path === path)!;
    const own = docs.find(a => a.path === path)!.text;
    const article = text === undefined ? { file: files.get(path)!, hash: utf8Hash(encoder.encode(own)) } : { utf8: encoder.encode(text) };
    return { path, dct: d.dct, mentions: packMentions(d.mentions), ...article };
  };

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'marginalia-statement-texts-'));
    files = new Map(
      docs.map((d, i) => {
        const file = join(dir, `${i}.txt`);
        writeFileSync(file, (i % 3 === 0 ? '\ufeff' : '') + d.text);
        return [d.path, file];
      }),
    );
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));
  before(async () => {
    workerFile = await bundleWorker('src/vscode/compare/statementWorker.ts', mkdtempSync(join(tmpdir(), 'marginalia-statement-worker-')), 'statementWorker.js');
  });

  it('reads a text as the corpus index read it, and none from a file that changed since', () => {
    const d = docs[0];
    const file = files.get(d.path)!;
    const hash = utf8Hash(encoder.encode(d.text));
    assert.equal(readArticleText(file, hash), d.text);
    writeFileSync(file, d.text); // the BOM gone: the same text
    assert.equal(readArticleText(file, hash), d.text);
    writeFileSync(file, d.text.replace('a', 'b'));
    assert.equal(readArticleText(file, hash), undefined);
    assert.equal(readArticleText(join(dir, 'missing.txt'), hash), undefined);
  });

  for (const where of ['worker', 'host'] as const) {
    const client = () => new StatementClient(where === 'worker' ? workerFile : join(dir, 'missing.js'), reason => assert.fail(reason));

    it(`quotes the statements from the files, as the core quotes them from the texts (${where})`, async () => {
      const c = client();
      try {
        await c.ask({ type: 'update', documents: docs.map(d => sent(d.path)), deleted: [] }).answer;
        const { index, textOf } = expected(new Map(docs.map(d => [d.path, d.text])));
        const discrepancies = findDiscrepancies(index, { textOf, nameOf: id => new Map(names).get(id) });
        assert.ok(discrepancies.some(d => d.statements.some(s => s.text.includes('𝔖🚄'))));
        assert.deepEqual(await c.ask({ type: 'discrepancies', names }).answer, discrepancies);
        assert.deepEqual(await c.ask({ type: 'timeline', names }).answer, timeline(index, textOf, discrepancies));
        assert.deepEqual(await c.ask({ type: 'quotes' }).answer, quotesBySpeaker(index, textOf));
        const offset = textOf(rail)!.indexOf('opened a two-day summit');
        const [at] = index.statementsAt(rail, offset);
        assert.ok(at !== undefined);
        const compared = await c.ask({ type: 'compare', path: rail, start: offset, end: offset, limit: 50 }).answer;
        assert.deepEqual(compared, { comparison: compareStatement(index, rail, at, textOf, 50), indexed: true });
        assert.ok(compared.comparison!.statement.text.includes('𝔖🚄'));
      } finally {
        c.dispose();
      }
    });

    it(`quotes nothing from a file changed since, and an open document's text sent before its file (${where})`, async () => {
      const c = client();
      try {
        const other = docs.find(d => d.path !== rail && d.path.includes('rail-summit'))!.path;
        // `other` open and edited (its file still the old text, the sent text marked), then `rail` changed on disk
        const edited = docs.find(d => d.path === other)!.text.replace(/summit/g, 'SUMMIT');
        await c.ask({ type: 'update', documents: docs.map(d => (d.path === other ? sent(d.path, edited) : sent(d.path))), deleted: [] }).answer;
        writeFileSync(files.get(rail)!, docs.find(d => d.path === rail)!.text.replace(/summit/g, 'meeting'));
        const { index, textOf } = expected(new Map(docs.map(d => [d.path, d.path === other ? edited : d.text])), rail);
        const discrepancies = findDiscrepancies(index, { textOf, nameOf: id => new Map(names).get(id) });
        const answered = (await c.ask({ type: 'discrepancies', names }).answer)!;
        assert.deepEqual(answered, discrepancies);
        const statements = answered.flatMap(d => d.statements);
        assert.ok(!statements.some(s => s.path === rail));
        assert.ok(statements.some(s => s.path === other && s.text.includes('SUMMIT')));
        const quotes = (await c.ask({ type: 'quotes' }).answer)!.flatMap(q => q.groups.flatMap(g => g.reports));
        assert.ok(!quotes.some(r => r.path === rail));
        const offset = docs.find(d => d.path === rail)!.text.indexOf('opened a two-day summit');
        assert.deepEqual(await c.ask({ type: 'compare', path: rail, start: offset, end: offset, limit: 50 }).answer, { comparison: undefined, indexed: true });
      } finally {
        c.dispose();
      }
    });
  }

  it('leaves out an article whose file changed before its statements were read', async () => {
    const c = new StatementClient(join(dir, 'missing.js'), reason => assert.fail(reason));
    try {
      writeFileSync(files.get(rail)!, 'changed');
      await c.ask({ type: 'update', documents: docs.map(d => sent(d.path)), deleted: [] }).answer;
      assert.deepEqual(await c.ask({ type: 'compare', path: rail, start: 0, end: 0, limit: 50 }).answer, { comparison: undefined, indexed: false });
    } finally {
      c.dispose();
    }
  });
});
