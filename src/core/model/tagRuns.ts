// Runs the tagger over the candidate runs of one document.
import { FeatureExtractor, type DocumentInput } from './features';
import { Decoder, emissions, kindProbabilities, LABELS, type TaggerWeights } from './tagger';

/** A name the model finds: tokens [a, b) of run `run`, its kind (0 person, 1 organization, 2 place). */
export interface TaggedSpan {
  run: number;
  a: number;
  b: number;
  kind: number;
  /** The model's probabilities of person, organization and place for these tokens. */
  probs: [number, number, number];
}

/** The names the model finds in the runs that `wanted` asks for, in text order. */
export function tagRuns(model: TaggerWeights, doc: DocumentInput, wanted: readonly boolean[]): TaggedSpan[] {
  const found: TaggedSpan[] = [];
  if (!doc.runs.length) return found;
  const features = new FeatureExtractor(doc, model.bits);
  const decoder = new Decoder();
  const scores = new Float64Array(4);
  for (let r = 0; r < doc.runs.length; r++) {
    if (!wanted[r]) continue;
    const f = features.run(doc.runs[r]);
    decoder.reserve(f.n);
    emissions(model, f, decoder.em);
    // the rules' own labels get a head start (see TaggerWeights.rulePrior)
    if (model.rulePrior) for (let i = 0; i < f.n; i++) decoder.em[i * LABELS + features.ruleLabels[i]] += model.rulePrior;
    const labels = decoder.viterbi(model.trans, f.n);
    for (let i = 0; i < f.n; i++) {
      const y = labels[i];
      if (y === 0 || (y & 1) === 0) continue;
      let b = i + 1;
      while (b < f.n && labels[b] === y + 1) b++;
      decoder.spanScores(model.trans, i, b, scores);
      found.push({ run: r, a: i, b, kind: (y - 1) >> 1, probs: kindProbabilities(scores) });
      i = b - 1;
    }
  }
  return found;
}
