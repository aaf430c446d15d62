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
  /** The model's probability that these tokens are one name of this kind, rather than no name or one of another kind. */
  sure: number;
}

/** Tokens [a, b) of run `run` the caller wants the model's opinion of (a name the rules found). */
export interface SpanProbe {
  readonly run: number;
  readonly a: number;
  readonly b: number;
  /** Filled in: the scores of no name (0) and of one name of each kind (1 + kind), as Decoder.spanScores gives them. */
  scores?: Float64Array;
}

/**
 * The names the model finds in the runs that `wanted` asks for, in text order; the scores of each
 * of `probes` (in text order; run -1 for none) are filled in on the way.
 */
export function tagRuns(model: TaggerWeights, doc: DocumentInput, wanted: readonly boolean[], probes: readonly SpanProbe[] = []): TaggedSpan[] {
  const found: TaggedSpan[] = [];
  if (!doc.runs.length) return found;
  const features = new FeatureExtractor(doc, model.bits);
  const decoder = new Decoder();
  const scores = new Float64Array(4);
  let p = 0;
  for (let r = 0; r < doc.runs.length; r++) {
    if (!wanted[r]) continue;
    const f = features.run(doc.runs[r]);
    decoder.reserve(f.n);
    emissions(model, f, decoder.em);
    // the rules' own labels get a head start (see TaggerWeights.rulePrior)
    if (model.rulePrior) for (let i = 0; i < f.n; i++) decoder.em[i * LABELS + features.ruleLabels[i]] += model.rulePrior;
    // probes of run -1 (not found in a run) are passed over
    for (; p < probes.length && probes[p].run <= r; p++) {
      if (probes[p].run === r) probes[p].scores = decoder.spanScores(model.trans, probes[p].a, probes[p].b, new Float64Array(4));
    }
    const labels = decoder.viterbi(model.trans, f.n);
    for (let i = 0; i < f.n; i++) {
      const y = labels[i];
      if (y === 0 || (y & 1) === 0) continue;
      let b = i + 1;
      while (b < f.n && labels[b] === y + 1) b++;
      decoder.spanScores(model.trans, i, b, scores);
      const kind = (y - 1) >> 1;
      found.push({ run: r, a: i, b, kind, probs: kindProbabilities(scores), sure: spanProbabilities(scores)[1 + kind] });
      i = b - 1;
    }
  }
  return found;
}

/** Probabilities of no name (out[0]) and of one name of each kind (out[1 + kind]) from span scores: a softmax. */
export function spanProbabilities(scores: ArrayLike<number>): [number, number, number, number] {
  const m = Math.max(scores[0], scores[1], scores[2], scores[3]);
  const e = [0, 1, 2, 3].map(i => Math.exp(scores[i] - m));
  const z = e[0] + e[1] + e[2] + e[3];
  return [e[0] / z, e[1] / z, e[2] / z, e[3] / z];
}
