// Runs the tagger over the candidate runs of one document, and judges the rules' names with it.
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

/** Tokens [a, b) of run `run` that the rules read as one name: the model says whether and what. */
export interface RuleSpan {
  run: number;
  a: number;
  b: number;
  /** Set by judgeRuns: -1 for no name, else the kind. */
  kind: number;
  probs?: [number, number, number];
  /** Set by judgeRuns with kind -1: the span begins a sentence or is in a headline. */
  dropOnly?: boolean;
}

/**
 * Per run that `wanted` asks for: the names the model finds outside the rules' spans (added to
 * `found`, in text order), and its verdict on each rule span of the run (in `ruleSpans`, sorted).
 */
export function judgeRuns(model: TaggerWeights, doc: DocumentInput, wanted: readonly boolean[], ruleSpans: RuleSpan[], found: TaggedSpan[]): void {
  if (!doc.runs.length) return;
  const features = new FeatureExtractor(doc, model.bits);
  const decoder = new Decoder();
  const scores = new Float64Array(4);
  let s = 0;
  for (let r = 0; r < doc.runs.length; r++) {
    if (!wanted[r]) continue;
    const f = features.run(doc.runs[r]);
    decoder.reserve(f.n);
    emissions(model, f, decoder.em);
    // the rules' own labels get a head start (see TaggerWeights.rulePrior)
    if (model.rulePrior) for (let i = 0; i < f.n; i++) decoder.em[i * LABELS + features.ruleLabels[i]] += model.rulePrior;
    while (s < ruleSpans.length && ruleSpans[s].run < r) s++;
    const first = s;
    for (; s < ruleSpans.length && ruleSpans[s].run === r; s++) {
      const rs = ruleSpans[s];
      decoder.spanScores(model.trans, rs.a, rs.b, scores);
      let k = 0;
      for (let j = 1; j < 3; j++) if (scores[1 + j] > scores[1 + k]) k = j;
      rs.kind = scores[1 + k] > scores[0] ? k : -1;
      const t = doc.runs[r][rs.a];
      rs.dropOnly = t.sent || t.line !== 0;
      rs.probs = kindProbabilities(scores);
    }
    const labels = decoder.viterbi(model.trans, f.n);
    let rule = first;
    for (let i = 0; i < f.n; i++) {
      const y = labels[i];
      if (y === 0 || (y & 1) === 0) continue;
      let b = i + 1;
      while (b < f.n && labels[b] === y + 1) b++;
      // only where the rules found nothing
      while (rule < s && ruleSpans[rule].b <= i) rule++;
      if (rule < s && ruleSpans[rule].a < b) continue;
      decoder.spanScores(model.trans, i, b, scores);
      found.push({ run: r, a: i, b, kind: (y - 1) >> 1, probs: kindProbabilities(scores) });
    }
  }
}
