import { strict as assert } from 'node:assert';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { analyze, compareStatement, CorpusIndex, findDiscrepancies, StatementIndex, timeline } from '../../src/core';
import { AnswerAssembler, answerParts } from '../../src/vscode/compare/answerParts';
import { packMentions, unpackMentions } from '../../src/vscode/compare/packedMentions';
import { quotesBySpeaker } from '../../src/vscode/compare/quoteGroups';
import { StatementClient } from '../../src/vscode/compare/statementClient';
import type { AnswerPart, Reply, StatementDocument } from '../../src/vscode/compare/statementProtocol';
import type { LazyWorker } from '../../src/vscode/common/workerThread';
import { bundleWorker } from './helpers/bundleWorker';
import { readArticles } from './helpers/samples';

// The statement worker (src/vscode/compare/statementWorker.ts, bundled here as esbuild.mjs bundles it)
// and the host's fallback without it answer as the core does, on the demo's own articles.
const docs = readArticles();
const analysis = analyze(docs);
const texts = new Map(docs.map(d => [d.path, d.text]));
const textOf = (p: string) => texts.get(p);
const names: [string, string][] = analysis.entities.map(e => [e.id, e.name]);
const expected = new StatementIndex();
analysis.documents.forEach(d => expected.setDocument({ path: d.path, text: texts.get(d.path)!, dct: d.dct, mentions: d.mentions }));
const documents: StatementDocument[] = analysis.documents.map(d => ({
  path: d.path,
  utf8: new TextEncoder().encode(texts.get(d.path)),
  dct: d.dct,
  mentions: packMentions(d.mentions),
}));
const rail = docs.find(d => d.path.includes('nordic-wire'))!.path;

describe('statements: mentions packed for the worker', () => {
  it('come back as they went, entity ids and date values (null too) included', () => {
    const mentions = [
      { start: 0, end: 5, kind: 'person', entity: 'e1' },
      { start: 7, end: 12, kind: 'date', value: '2026-03-03' },
      { start: 14, end: 20, kind: 'date', value: null },
      { start: 22, end: 26, kind: 'person', entity: 'e1' },
    ];
    assert.deepEqual(unpackMentions(packMentions(mentions)), mentions);
    const all = analysis.documents.flatMap(d => d.mentions.map(({ start, end, kind, entity, value }) => ({ start, end, kind, entity, value })));
    assert.deepEqual(
      unpackMentions(packMentions(all)),
      all.map(m => Object.fromEntries(Object.entries(m).filter(([, v]) => v !== undefined))),
    );
  });

  it("read from a corpus index's rows, pack as its Mention lists do", () => {
    const index = new CorpusIndex();
    for (const d of docs) index.setDocument(d);
    index.relink();
    for (const d of docs) {
      const published = index.publishedMentions(d.path)!;
      const analyzed = index.analyzed(d.path)!;
      assert.equal(published.dct, analyzed.dct);
      assert.deepEqual(packMentions(published.mentions), packMentions(analyzed.mentions), d.path);
    }
    const kinds = new Set(docs.flatMap(d => index.analyzed(d.path)!.mentions.map(m => (m.entity ? 'entity' : m.value ? 'value' : m.kind))));
    assert.ok(kinds.has('entity') && kinds.has('value'), [...kinds].join());
    assert.equal(index.publishedMentions('missing.txt'), undefined);
  });
});

describe('statements: a large answer in parts', () => {
  const discrepancies = findDiscrepancies(expected, { textOf, nameOf: id => new Map(names).get(id) });
  const answers = {
    discrepancies: { answer: discrepancies, field: 'statements' },
    timeline: { answer: timeline(expected, textOf, discrepancies), field: 'statements' },
    quotes: { answer: quotesBySpeaker(expected, textOf), field: 'groups' },
  };
  for (const [name, { answer, field }] of Object.entries(answers)) {
    it(`is put together as it was, each part of at most the values asked (${name})`, () => {
      const values = answer.reduce((n, item) => n + 1 + (item as unknown as Record<string, unknown[]>)[field].length, 0);
      for (let size = 1; size <= values + 1; size++) {
        const parts = [...answerParts(answer, field, size)];
        const assembled = new AnswerAssembler(field);
        for (const part of parts) {
          const count = (part.more?.length ?? 0) + part.items.reduce((n: number, item) => n + 1 + (item as Record<string, unknown[]>)[field].length, 0);
          assert.ok(count <= size, `a part of ${count} values, asked ${size}`);
          // as it goes between threads
          assembled.add(structuredClone(part));
        }
        assert.ok(parts.length >= Math.ceil(values / size), `${parts.length} parts of ${size} for ${values} values`);
        assert.deepEqual(assembled.answer, answer);
      }
    });
  }
});

describe('statements: the worker and the host fallback', function () {
  let dir: string;
  let workerFile: string;

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'marginalia-statements-'));
    workerFile = await bundleWorker('src/vscode/compare/statementWorker.ts', dir, 'statementWorker.js');
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  for (const where of ['worker', 'host'] as const) {
    it(`answers as the core does (${where})`, async () => {
      const client = new StatementClient(where === 'worker' ? workerFile : join(dir, 'missing.js'), reason => assert.fail(reason));
      try {
        assert.equal(client.inWorker, where === 'worker');
        // the first half, then all (the first half again: in place of what it had), then one article deleted and set again
        const half = documents.slice(0, documents.length >> 1);
        const byPath = new Map(analysis.documents.map(d => [d.path, d]));
        const sent: string[] = [];
        await client.update(
          { text: p => ({ utf8: new TextEncoder().encode(texts.get(p)) }), mentions: p => byPath.get(p) },
          half.map(d => d.path),
          [],
          {
            sent: p => sent.push(p),
          },
        );
        assert.deepEqual(
          sent,
          half.map(d => d.path),
        );
        await client.ask({ type: 'update', documents, deleted: [rail] }).answer;
        const discrepancies = findDiscrepancies(expected, { textOf, nameOf: id => new Map(names).get(id) });
        assert.ok(discrepancies.length > 0);
        assert.deepEqual(await client.ask({ type: 'discrepancies', names }).answer, discrepancies);
        assert.deepEqual(await client.ask({ type: 'timeline', names }).answer, timeline(expected, textOf, discrepancies));
        const offset = texts.get(rail)!.indexOf('opened a two-day summit');
        const [at] = expected.statementsAt(rail, offset);
        assert.ok(offset > 0 && at !== undefined);
        assert.deepEqual(await client.ask({ type: 'compare', path: rail, start: offset, end: offset, limit: 50 }).answer, {
          comparison: compareStatement(expected, rail, at, textOf, 50),
          indexed: true,
        });
        assert.deepEqual(await client.ask({ type: 'compare', path: 'nowhere.txt', start: 0, end: 0, limit: 50 }).answer, {
          comparison: undefined,
          indexed: false,
        });
        const reports = await client.ask({ type: 'reportsAt', path: rail, offset }).answer;
        assert.equal(reports?.start, expected.statement(rail, at)!.start);
        assert.ok(reports.articles > 0);
        assert.deepEqual(await client.ask({ type: 'quotes' }).answer, quotesBySpeaker(expected, textOf));
      } finally {
        client.dispose();
      }
    });

    it(`answers as the core does, its lists in parts of 3 values (${where})`, async () => {
      const client = new StatementClient(where === 'worker' ? workerFile : join(dir, 'missing.js'), reason => assert.fail(reason), 3);
      try {
        await client.ask({ type: 'update', documents, deleted: [] }).answer;
        const parts: AnswerPart[] = [];
        (client as unknown as { worker: LazyWorker<Reply> }).worker.running?.on('message', (r: Reply) => {
          if (r.type === 'part' || (r.type === 'done' && r.part)) parts.push(r.part!);
        });
        const discrepancies = findDiscrepancies(expected, { textOf, nameOf: id => new Map(names).get(id) });
        assert.deepEqual(await client.ask({ type: 'discrepancies', names }).answer, discrepancies);
        const statements = discrepancies.reduce((n, d) => n + d.statements.length, 0);
        if (where === 'worker') assert.ok(parts.length >= statements / 3, `${parts.length} messages for ${statements} statements`);
        assert.deepEqual(await client.ask({ type: 'timeline', names }).answer, timeline(expected, textOf, discrepancies));
        assert.deepEqual(await client.ask({ type: 'quotes' }).answer, quotesBySpeaker(expected, textOf));
      } finally {
        client.dispose();
      }
    });

    it(`a cancelled scan answers undefined, the next one answers (${where})`, async () => {
      const client = new StatementClient(where === 'worker' ? workerFile : join(dir, 'missing.js'), reason => assert.fail(reason));
      try {
        const update = client.ask({ type: 'update', documents, deleted: [] });
        const first = client.ask({ type: 'discrepancies', names });
        client.cancel(first.job);
        const second = client.ask({ type: 'discrepancies', names });
        await update.answer;
        assert.equal(await first.answer, undefined);
        assert.ok((await second.answer)!.length > 0);
      } finally {
        client.dispose();
      }
    });
  }
});
