// The committed model for names (weights.ts, made by `npm run train`), decoded at first use: loading
// the extension or the CLI costs nothing until a text is recognized.
import { decodeModel } from './codec';
import type { TaggerWeights } from './tagger';
import { MODEL } from './weights';

let decoded: TaggerWeights | undefined;

/** The tagger's weights. */
export function nameModel(): TaggerWeights {
  return (decoded ??= decodeModel(MODEL));
}
