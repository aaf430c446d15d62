// Rebuilds the model for names from the training sets in data/train/ (npm run train):
//   node scripts/train.mjs [--epochs N] [--bits N] [--seed N] [--out FILE]
// (--seed: another order of the training runs, to see how far news figures move with it; not the committed model)
// The rule prior is chosen by cross-validation over the training sets (each read by a model trained
// on the two others). Deterministic: the same data and settings give the same module, byte for byte.
import { statSync } from 'node:fs';
import { chooseRulePrior, loadGoldSet, SETTINGS, trainer, trainModel, TRAINING_SETS, WEIGHTS_MODULE, writeWeightsModule } from './nameModel.mjs';

const args = process.argv.slice(2);
const opt = (name, def) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : def;
};
const settings = {
  ...SETTINGS,
  epochs: Number(opt('--epochs', SETTINGS.epochs)),
  bits: Number(opt('--bits', SETTINGS.bits)),
  seed: Number(opt('--seed', SETTINGS.seed)),
};
const out = opt('--out', WEIGHTS_MODULE);
const started = Date.now();
const t = await trainer();
const sets = TRAINING_SETS.map(loadGoldSet);
const { rulePrior, table } = chooseRulePrior(t, sets, settings);
console.log(`rule prior by cross-validation over the training sets (mean entity F1): ${table}; chosen ${rulePrior}`);
const docs = sets.flat();
const { encoded, tokens, runs } = trainModel(t, docs, rulePrior, settings);
writeWeightsModule(out, encoded, `Sets: ${TRAINING_SETS.join(', ')}; settings ${JSON.stringify({ ...settings, rulePrior })}.`);
console.log(
  `train: ${docs.length} documents, ${runs} runs, ${tokens} tokens; ${settings.epochs} epochs; ${out} ${(statSync(out).size / 1024).toFixed(0)} KB; ${((Date.now() - started) / 1000).toFixed(1)} s`,
);
