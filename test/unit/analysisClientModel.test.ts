// The analysis worker (src/vscode/corpus/analysisWorker.ts, bundled here as esbuild.mjs bundles it)
// and the host's fallback without it, with a workspace's learned model: learning from reviews runs
// in the worker (nothing written when a sidecar cannot be read); both paths then recognize names
// with the folder's .marginalia/model.json (WorkspaceModels), as the core does; a model that
// cannot be parsed is reported and the rules are used.
import { strict as assert } from 'node:assert';
import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { prepareDocument, readWorkspaceModel, recognizerFingerprint, Workspace } from '../../src/core';
import { unpackAnalysis } from '../../src/core/corpus/packedAnalysis';
import { finish } from '../../src/core/steps';
import { NodeFileSystem, toCorePath } from '../../src/node/nodeFileSystem';
import { AnalysisClient, type AnalysisResult } from '../../src/vscode/corpus/analysisClient';
import { WorkspaceModels } from '../../src/vscode/corpus/workspaceModels';
import { bundleWorker } from './helpers/bundleWorker';

const REVIEWED = 'Kelvin Moss met reporters in Leeds on Monday. Anchor signed the deal. Summit bought a farm.\n';
const OTHER = 'On Friday Kelvin Moss returned to Leeds with Dana Whitfield. Anchor said nothing. Summit grew.\n';
const sidecar = (quote: string, label: string, status: string, at = REVIEWED.indexOf(quote)) =>
  `  - id: a${at}\n    target: {quote: ${quote}, prefix: '', suffix: '', start: ${at}, end: ${at + quote.length}}\n    label: ${label}\n    status: ${status}\n`;

describe('the analysis worker and the host fallback with a learned model', function () {
  let dir: string;
  let workerFile: string;
  let root: string;
  const fs = new NodeFileSystem();

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'marginalia-learned-'));
    workerFile = await bundleWorker('src/vscode/corpus/analysisWorker.ts', dir, 'analysisWorker.js');
    root = join(dir, 'ws');
    mkdirSync(root);
    writeFileSync(join(root, 'reviewed.txt'), REVIEWED);
    writeFileSync(join(root, 'other.txt'), OTHER);
    writeFileSync(
      join(root, 'reviewed.txt.annotations.yaml'),
      `version: 1\nannotations:\n${sidecar('Kelvin Moss', 'person', 'rejected')}${sidecar('Anchor', 'organization', 'confirmed')}${sidecar('Summit', 'organization', 'confirmed')}`,
    );
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  // the worker sends the analysis packed, the host's fallback as it is
  const names = (r: AnalysisResult) => (r.prepared.analysis ?? finish(unpackAnalysis(r.prepared.packed!))).linked.names.entities.flatMap(e => e.forms).sort();
  const analyzeOther = async (client: AnalysisClient, model: string | undefined): Promise<AnalysisResult> => {
    let result: AnalysisResult | undefined;
    const file = toCorePath(join(root, 'other.txt'));
    await client.analyzeFiles('k', [{ path: file, file, held: [], ...(model && { model }) }], r => {
      if ('prepared' in r) result = r;
    });
    return result!;
  };

  it('learns in the worker, refusing while a sidecar cannot be read; the host cannot learn without it', async function () {
    this.timeout(60_000);
    const workspace = new Workspace(fs, toCorePath(root));
    const noWorker = new AnalysisClient(join(dir, 'missing.js'), () => ({ version: 0, words: [] }), fs);
    await assert.rejects(noWorker.train(workspace.root, {}), /needs the analysis worker/);
    const client = new AnalysisClient(workerFile, () => ({ version: 0, words: [] }), fs);
    try {
      writeFileSync(join(root, 'other.txt.annotations.yaml'), Buffer.from([0x76, 0x65, 0xff, 0x0a]));
      const refused = await client.train(workspace.root, {});
      assert.equal(refused.written, false);
      assert.match(refused.problems[0], /other\.txt\.annotations\.yaml: .*not UTF-8/);
      assert.equal((await readWorkspaceModel(workspace)).status, 'missing');
      rmSync(join(root, 'other.txt.annotations.yaml'));
      const trained = await client.train(workspace.root, {});
      assert.equal(trained.written, true);
      assert.deepEqual(trained.learnedFrom, { person: 0, organization: 2, place: 0, none: 1, articles: 1 });
      assert.equal((await readWorkspaceModel(workspace)).status, 'ok');
    } finally {
      client.dispose();
    }
  });

  for (const where of ['worker', 'host'] as const) {
    it(`recognizes names with the folder's model, as the core does, and by the rules without it (${where})`, async () => {
      const workspace = new Workspace(fs, toCorePath(root));
      const read = await readWorkspaceModel(workspace);
      assert.ok(read.status === 'ok');
      const problems: string[] = [];
      const client = new AnalysisClient(
        where === 'worker' ? workerFile : join(dir, 'missing.js'),
        () => ({ version: 0, words: [] }),
        fs,
        m => problems.push(m),
      );
      const models = new WorkspaceModels(client, m => problems.push(m));
      try {
        assert.equal(await models.load([workspace]), true);
        assert.equal(await models.load([workspace]), false, 'the same file: no change');
        const id = models.of(toCorePath(join(root, 'other.txt')));
        assert.equal(id, read.model.id);
        const learned = await analyzeOther(client, id);
        assert.equal(learned.prepared.model, id);
        const expected = prepareDocument({ path: learned.prepared.path, text: OTHER }, new Set(), { nameModel: read.model });
        assert.deepEqual(names(learned), expected.analysis!.linked.names.entities.flatMap(e => e.forms).sort());
        assert.ok(!names(learned).includes('Kelvin Moss'), names(learned).join(', '));
        const rules = await analyzeOther(client, undefined);
        assert.equal(rules.prepared.model, '');
        assert.ok(names(rules).includes('Kelvin Moss'), names(rules).join(', '));

        // a broken file: said once, and the rules are used
        const broken = new Workspace(fs, toCorePath(join(dir, 'broken')));
        mkdirSync(join(dir, 'broken', '.marginalia'), { recursive: true });
        writeFileSync(join(dir, 'broken', '.marginalia', 'model.json'), '{"format": "marginalia-name-model", "version": 1, "model": {"bits": 99}}');
        assert.equal(await models.load([broken]), true);
        const brokenId = models.of(toCorePath(join(dir, 'broken', 'x.txt')))!;
        const fallback = await analyzeOther(client, brokenId);
        assert.equal(fallback.prepared.model, '');
        assert.deepEqual(names(fallback), names(rules));
        assert.equal(problems.length, 1);
        assert.match(problems[0], /has no valid model; the rules are used/);
      } finally {
        client.dispose();
      }
    });
  }

  it("makes the recognizer's fingerprint for the index snapshot in the worker, and none without it", async function () {
    this.timeout(60_000);
    const client = new AnalysisClient(workerFile, () => ({ version: 0, words: [] }), fs);
    try {
      assert.equal(await client.fingerprint(), recognizerFingerprint());
    } finally {
      client.dispose();
    }
    const noWorker = new AnalysisClient(join(dir, 'missing.js'), () => ({ version: 0, words: [] }), fs);
    assert.equal(await noWorker.fingerprint(), undefined);
  });

  it('stats files for a warm start and stamps each file it reads (size, modification time), in the worker and on the host', async function () {
    this.timeout(60_000);
    const file = toCorePath(join(root, 'other.txt'));
    const old = new Date('2026-01-05T10:00:00Z');
    utimesSync(join(root, 'other.txt'), old, old);
    for (const client of [
      new AnalysisClient(workerFile, () => ({ version: 0, words: [] }), fs),
      new AnalysisClient(join(dir, 'missing.js'), () => ({ version: 0, words: [] }), fs),
    ]) {
      try {
        const [stat, none] = await client.stat([file, toCorePath(join(root, 'missing.txt'))]);
        assert.deepEqual([stat?.type, stat?.size, stat?.mtime, none], ['file', Buffer.byteLength(OTHER), old.getTime(), undefined]);
        assert.deepEqual((await analyzeOther(client, undefined)).prepared.stamp, { size: Buffer.byteLength(OTHER), mtime: old.getTime() });
      } finally {
        client.dispose();
      }
    }
  });
});
