// The learned model for names: training is deterministic, the committed file is what training writes, and
// it decodes to the weights trained.
import { strict as assert } from 'node:assert';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { decodeModel, encodeModel } from '../../src/core/model/codec';
import { goldKind, prepare, train, type GoldDocument } from '../../src/core/model/train';
import { nameModel } from '../../src/core/model/nameModel';
import { FeatureExtractor } from '../../src/core/model/features';
import { findNamesByRules, findNamesDetailed } from '../../src/core/names/recognizeNames';
import { analyze } from '../../src/core/analyze';
import { seededRandom } from '../../scripts/random.mjs';

/** The first documents of a training set. */
function slice(set: string, n: number): GoldDocument[] {
  const gold = JSON.parse(readFileSync(join('data/train', set, 'gold.json'), 'utf8')) as {
    documents: { file: string; mentions: GoldDocument['mentions']; ignore?: GoldDocument['ignore'] }[];
  };
  return gold.documents.slice(0, n).map(d => ({
    text: readFileSync(join('data/train', set, 'docs', d.file), 'utf8'),
    mentions: d.mentions.filter(m => m.kind !== 'date'),
    ignore: d.ignore ?? [],
  }));
}

describe('model for names', () => {
  it('trains to identical weights twice on the same data and seed', () => {
    const docs = [...slice('wikigold', 6), ...slice('gum-train', 2)];
    const run = () => train(prepare(docs, 12), { epochs: 3, random: seededRandom(7) });
    const a = run();
    const b = run();
    assert.ok(
      a.weights.some(w => w !== 0),
      'training changed no weight',
    );
    assert.deepEqual(Array.from(a.weights), Array.from(b.weights));
    assert.deepEqual(Array.from(a.trans), Array.from(b.trans));
  });

  it("is committed as npm run train writes it from the repo's data, byte for byte", function () {
    this.timeout(120_000);
    const dir = mkdtempSync(join(tmpdir(), 'marginalia-train-'));
    try {
      const out = join(dir, 'weights.ts');
      execFileSync(process.execPath, ['scripts/train.mjs', '--out', out], { stdio: 'ignore' });
      assert.ok(
        readFileSync(out).equals(readFileSync('src/core/model/weights.ts')),
        'src/core/model/weights.ts is not what npm run train writes: run it and commit the file',
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('decodes the packed weights to the quantized trained ones', () => {
    const weights = new Float32Array((1 << 4) * 7);
    weights[0] = 1.5;
    weights[9] = -0.25;
    weights[110] = 3;
    weights[111] = 0.001;
    const trans = new Float32Array(8 * 7).fill(0.5);
    const m = decodeModel(encodeModel(4, weights, trans, 0.01, 2));
    assert.equal(m.rulePrior, 2);
    assert.deepEqual(Array.from(m.trans), Array.from(trans));
    for (let i = 0; i < weights.length; i++) {
      const expected = Math.abs(weights[i]) < 0.01 ? 0 : weights[i];
      assert.ok(Math.abs(m.weights[i] * m.scale - expected) < 1e-3, `weight ${i}: ${m.weights[i] * m.scale} for ${expected}`);
    }
  });

  it('maps countries and cities labelled organizations in the training sets to places', () => {
    const text = 'Germany voted against it, as did the University of Chicago.';
    assert.equal(goldKind(text, { start: 0, end: 7, kind: 'organization' }), 'place');
    assert.equal(goldKind(text, { start: 37, end: 59, kind: 'organization' }), 'organization');
  });

  it('reads a word with the words around its other mentions in the document', () => {
    // the buckets of the last run's one token, "Quilis" before "said"
    const last = (text: string): Set<number> => {
      const r = findNamesByRules(text);
      const f = new FeatureExtractor({ text, runs: r.runs, rules: r.names, surnames: r.surnames }, 20);
      const run = r.runs[r.runs.length - 1];
      const { ids, offs } = f.run(run);
      return new Set(ids.subarray(offs[0], offs[1]));
    };
    const other = last('The types were listed by Quilis today. It was long. Quilis said so.');
    const cited = last('The types were listed by Quilis (1964). It was long. Quilis said so.');
    assert.ok(
      [...cited].some(id => !other.has(id)),
      'the words around the other mention change nothing',
    );
    // digits of the words around are read alike: "1964" and "2003" are one context
    assert.deepEqual([...last('It was 1964. Quilis said so.')].sort(), [...last('It was 2003. Quilis said so.')].sort());
  });

  it('finds a surface a reviewer confirmed wherever it stands, and drops one decided no name', () => {
    const model = {
      ...nameModel(),
      corrections: new Map([
        ['summit', 'organization'],
        ['harrowvale', 'none'],
      ]),
    };
    const { names } = findNamesDetailed('On Friday Kelvin Moss returned to Harrow Vale. Anchor said nothing. Summit grew.', undefined, model);
    assert.deepEqual(
      names.filter(c => c.text !== 'Kelvin Moss' && c.text !== 'Anchor').map(c => `${c.text}:${c.kind}`),
      ['Summit:organization'],
    );
  });

  it('gives the kinds the model weighed with the names it decided', () => {
    const { names } = findNamesDetailed('The ceremony at Haldenbruck drew Mira Okonkwo and officials of Velmora Holdings.', undefined, nameModel());
    const scored = names.filter(c => c.kindScores);
    assert.ok(scored.length > 0);
    for (const c of scored) assert.ok(Math.abs(c.kindScores!.reduce((x, y) => x + y, 0) - 1) < 1e-9);
  });

  describe('with the rules', () => {
    const names = (text: string) => findNamesDetailed(text, undefined, nameModel()).names.map(c => `${c.text}:${c.kind}`);
    const rules = (text: string) => findNamesDetailed(text).names.map(c => `${c.text}:${c.kind}`);

    it('lets strong rule names stand and drops guesses it is sure are no names, in every mention alike', () => {
      const text = 'The report was blown out of proportion, said Marla Quint of Velmora Holdings. Playoffs begin Monday.';
      assert.deepEqual(rules(text), ['Marla Quint:person', 'Velmora Holdings:organization', 'Playoffs:organization']);
      assert.deepEqual(names(text), ['Marla Quint:person', 'Velmora Holdings:organization']);
      assert.deepEqual(names('Seacom said the cable was cut. Customers of Seacom lost service.'), []);
    });

    it('keeps a guessed name met again and again in the document, and a short form of a strong name', () => {
      const many =
        'Seacom said the cable was cut. Customers of Seacom lost service. Later Seacom restored it, and Seacom apologized. Analysts said Seacom would recover.';
      assert.deepEqual(names(many), Array(5).fill('Seacom:organization'));
      const short = 'The Church of Scientology sued him. He had left Scientology in 2009, and critics of Scientology praised him.';
      assert.deepEqual(names(short), ['Church of Scientology:organization', 'Scientology:organization', 'Scientology:organization']);
    });

    it('keeps the acronym of a name of the document, as it keeps a short form', () => {
      const text = 'Results\n\nThe New People Party won two seats on Sunday.\n\nMichael Tien of NPP\n\nTurnout was high.';
      assert.deepEqual(names(text), ['New People Party:organization', 'Michael Tien:person', 'NPP:organization']);
    });

    it('keeps a lone short form it would drop when another document of the corpus names it in full, in either order', () => {
      const full = {
        path: 'a.txt',
        text: 'CNN said Sanjay Gupta, its medical correspondent, was offered the post. The San Diego Chargers lost again on Sunday.',
      };
      const short = {
        path: 'b.txt',
        text: 'Officials said Gupta would accept. Chargers lineman Jamal Williams was arrested on Monday.\nGupta declined to comment.',
      };
      assert.deepEqual(names(short.text), ['Jamal Williams:person']);
      for (const docs of [
        [full, short],
        [short, full],
      ]) {
        const analysis = analyze(docs, { nameModel: nameModel() });
        const b = analysis.documents.find(d => d.path === 'b.txt')!;
        assert.deepEqual(
          b.mentions.filter(m => m.kind !== 'date').map(m => `${m.text}:${m.entity}`),
          ['Gupta:sanjay-gupta', 'Chargers:san-diego-chargers', 'Jamal Williams:jamal-williams', 'Gupta:sanjay-gupta'],
        );
      }
    });

    it('keeps a name it would drop when another document of the corpus reads it as a name, in either order', () => {
      // two reports of one story in data/eval/ecb-dev (ECB+)
      const read = (file: string) => ({ path: file, text: readFileSync(join('data/eval/ecb-dev/docs', file), 'utf8') });
      const dropped = read('10_19ecbplus.txt');
      const kept = read('10_4ecb.txt');
      const sabathia = (docs: { path: string; text: string }[], path: string) =>
        analyze(docs, { nameModel: nameModel() })
          .documents.find(d => d.path === path)!
          .mentions.filter(m => m.text === 'Sabathia')
          .map(m => m.entity);
      assert.deepEqual(sabathia([dropped], dropped.path), []);
      for (const docs of [
        [dropped, kept],
        [kept, dropped],
      ]) {
        assert.deepEqual(sabathia(docs, dropped.path), ['cc-sabathia', 'cc-sabathia']);
        assert.deepEqual(sabathia(docs, kept.path), ['cc-sabathia']);
      }
    });

    it('does not keep a common word for the family name of a person named elsewhere', () => {
      const docs = [
        { path: 'a.txt', text: 'The economist Lee Price spoke to the troops.' },
        { path: 'b.txt', text: 'Price rose for the missing sailors, officials said on Monday.' },
      ];
      const b = analyze(docs, { nameModel: nameModel() }).documents[1];
      assert.deepEqual(
        b.mentions.filter(m => m.kind !== 'date').map(m => m.text),
        [],
      );
    });
  });
});
