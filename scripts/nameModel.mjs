// Training the model for names from the gold sets in data/train/ (used by scripts/train.mjs and
// by `npm run eval -- --leave-one-out`). The trainer is src/core/model/train.ts, bundled here.
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { seededRandom } from './random.mjs';
import { bundleForNode } from './measure.mjs';

export const TRAINING_SETS = ['data/train/gum-train', 'data/train/uner-ewt', 'data/train/wikigold'];
/** The settings of the committed model. */
export const SETTINGS = { bits: 16, epochs: 12, seed: 0x6e616d65, prune: 0.05 };
/** Head starts for the rules' labels tried by cross-validation (TaggerWeights.rulePrior in src/core/model/tagger.ts). */
export const RULE_PRIORS = [0, 2, 4, 8, 16];
export const WEIGHTS_MODULE = 'src/core/model/weights.ts';

/** The documents of a gold set folder (docs/ and gold.json), offsets in UTF-16 code units. */
export function loadGoldSet(dir) {
  const gold = JSON.parse(readFileSync(join(dir, 'gold.json'), 'utf8'));
  return gold.documents.map(d => {
    const text = readFileSync(join(dir, 'docs', d.file), 'utf8');
    const toUtf16 = utf16Offsets(text);
    const span = m => ({ ...m, start: toUtf16(m.start), end: toUtf16(m.end) });
    return { file: d.file, text, mentions: d.mentions.filter(m => m.kind !== 'date').map(span), ignore: (d.ignore ?? []).map(span) };
  });
}

/** Code point offset -> UTF-16 offset in `text` (the identity when it has no astral character). */
function utf16Offsets(text) {
  if (!/[\uD800-\uDBFF]/.test(text)) return cp => cp;
  const map = [];
  let u = 0;
  for (const ch of text) {
    map.push(u);
    u += ch.length;
  }
  map.push(u);
  return cp => map[cp];
}

/** The trainer (src/core/model/train.ts and codec.ts, and what scores a model), bundled once per process. */
export async function trainer() {
  const outfile = join(tmpdir(), `marginalia-trainer-${process.pid}.cjs`);
  await bundleForNode(
    {
      contents:
        "export * from './src/core/model/train'; export { encodeModel, decodeModel } from './src/core/model/codec'; export { findNamesDetailed } from './src/core/names/recognizeNames'; export { linkDocument } from './src/core/linking/linkDocument';" +
        " export { nameModel } from './src/core/model/nameModel'; export { simulateReview } from './src/core/model/simulatedReview';" +
        " export { reviewExamples } from './src/core/model/reviewExamples'; export { learnFromReviews, parseWorkspaceModel } from './src/core/model/workspaceModel';",
      resolveDir: process.cwd(),
      loader: 'ts',
    },
    outfile,
  );
  return createRequire(import.meta.url)(outfile);
}

/** Trains on the documents and returns the encoded model (deterministic for the same settings). */
export function trainModel(t, docs, rulePrior, settings = SETTINGS) {
  // rules only: the features read what the rules say, never what a previous model said
  const set = t.prepare(docs, settings.bits);
  const trained = t.train(set, { epochs: settings.epochs, random: seededRandom(settings.seed) });
  return {
    encoded: t.encodeModel(trained.bits, trained.weights, trained.trans, settings.prune, rulePrior),
    tokens: set.gold.length,
    runs: set.runOffs.length - 1,
  };
}

/**
 * Chooses the rule prior by cross-validation over the given sets (each an array of documents):
 * each set is read by a model trained on the others, under each prior of RULE_PRIORS; the prior
 * with the best mean entity F1 wins (the smaller one on a tie). No evaluation set is read.
 */
export function chooseRulePrior(t, sets, settings = SETTINGS) {
  const f1 = RULE_PRIORS.map(() => 0);
  sets.forEach((held, i) => {
    const { encoded } = trainModel(t, sets.filter((_, j) => j !== i).flat(), 0, settings);
    const model = t.decodeModel(encoded);
    RULE_PRIORS.forEach((p, k) => {
      f1[k] += entityF1(t, { ...model, rulePrior: p }, held) / sets.length;
    });
  });
  let best = 0;
  for (let k = 1; k < f1.length; k++) if (f1[k] > f1[best] + 1e-9) best = k;
  return { rulePrior: RULE_PRIORS[best], table: RULE_PRIORS.map((p, k) => `${p}: ${f1[k].toFixed(4)}`).join(', ') };
}

/**
 * Strict entity F1 of a model's names, linked within each document, against the gold (as
 * data/eval/score.py counts: exact span and kind; a name overlapping an ignore span is no error).
 */
export function entityF1(t, model, docs) {
  let tp = 0,
    fp = 0,
    fn = 0;
  for (const doc of docs) {
    const { entities, spans } = t.linkDocument(doc.text, t.findNamesDetailed(doc.text, undefined, model).names);
    const gold = new Set(doc.mentions.map(m => `${m.start}:${m.end}:${m.kind}`));
    let hits = 0;
    for (let i = 0; i < spans.length; i += 4) {
      const [s, e] = [spans[i], spans[i + 1]];
      if (gold.has(`${s}:${e}:${entities[spans[i + 2]].kind}`)) hits++;
      else if (!doc.ignore.some(g => g.start < e && s < g.end)) fp++;
    }
    tp += hits;
    fn += gold.size - hits;
  }
  return tp ? (2 * tp) / (2 * tp + fp + fn) : 0;
}

/** Writes the encoded model as the generated TypeScript module the core loads. */
export function writeWeightsModule(path, encoded, provenance) {
  const body =
    `// Generated by scripts/train.mjs; do not edit. ${provenance}\n` +
    `import type { EncodedModel } from './codec';\n\n` +
    `export const MODEL: EncodedModel = {\n  bits: ${encoded.bits},\n  scale: ${encoded.scale},\n  trans: ${JSON.stringify(encoded.trans)},\n  rulePrior: ${encoded.rulePrior},\n  weights: '${encoded.weights}',\n};\n`;
  writeFileSync(path, body);
}
