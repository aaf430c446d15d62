// Rebuilds the model for names from the training sets in data/train/ (npm run train):
//   node scripts/train.mjs [--epochs N] [--bits N] [--out FILE]
// Deterministic: the same data and settings give the same weights module, byte for byte.
import { statSync } from 'node:fs';
import { loadGoldSet, SETTINGS, trainer, trainModel, TRAINING_SETS, WEIGHTS_MODULE, writeWeightsModule } from './nameModel.mjs';

const args = process.argv.slice(2);
const opt = (name, def) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : def;
};
const settings = { ...SETTINGS, epochs: Number(opt('--epochs', SETTINGS.epochs)), bits: Number(opt('--bits', SETTINGS.bits)) };
const out = opt('--out', WEIGHTS_MODULE);
const started = Date.now();
const t = await trainer();
const docs = TRAINING_SETS.flatMap(loadGoldSet);
const { encoded, tokens, runs } = trainModel(t, docs, settings);
writeWeightsModule(out, encoded, `Sets: ${TRAINING_SETS.join(', ')}; settings ${JSON.stringify(settings)}.`);
console.log(`train: ${docs.length} documents, ${runs} runs, ${tokens} tokens; ${settings.epochs} epochs; ${out} ${(statSync(out).size / 1024).toFixed(0)} KB; ${((Date.now() - started) / 1000).toFixed(1)} s`);
