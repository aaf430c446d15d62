// Runs the tagger over the candidate runs of one document: one stage, or two (stack.ts).
import { FeatureExtractor, type DocumentInput, type RunFeatures } from './features';
import { ruleLabels, runWords, stackFeatures, sureBucket } from './stack';
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
 * of `probes` (in text order; run -1 for none) are filled in on the way. With a second stage, the
 * first stage's labels of the wanted runs (the rules' labels elsewhere) give the second stage's
 * features, and the second stage's labels and scores are the model's.
 */
export function tagRuns(model: TaggerWeights, doc: DocumentInput, wanted: readonly boolean[], probes: readonly SpanProbe[] = []): TaggedSpan[] {
  const found: TaggedSpan[] = [];
  if (!doc.runs.length) return found;
  const features = new FeatureExtractor(doc, model.bits);
  const decoder = new Decoder();
  const scores = new Float64Array(4);
  const stage2 = model.stage2;
  let rules: Int8Array | undefined;
  let runOffs: Int32Array | undefined;
  let stacked: { ids: Int32Array; offs: Int32Array } | undefined;
  const kept: RunFeatures[] = [];
  if (stage2) {
    rules = ruleLabels(doc.runs, doc.rules);
    const words = runWords(doc.runs);
    runOffs = words.runOffs;
    const labels = rules.slice();
    const sure = new Int8Array(labels.length).fill(4);
    for (let r = 0; r < doc.runs.length; r++) {
      if (!wanted[r]) continue;
      const f = features.run(doc.runs[r]);
      const end = f.offs[f.n];
      kept[r] = { ids: f.ids.slice(0, end), offs: f.offs.slice(0, f.n + 1), n: f.n };
      firstStage(model, kept[r], rules.subarray(runOffs[r]), decoder, labels.subarray(runOffs[r]), sure.subarray(runOffs[r]));
    }
    stacked = stackFeatures({ words: words.words, runOffs, labels, sure, rules }, model.bits);
  }
  const tagger = stage2 ?? model;
  let p = 0;
  for (let r = 0; r < doc.runs.length; r++) {
    if (!wanted[r]) continue;
    const f = stacked ? withStack(kept[r], stacked, runOffs![r]) : features.run(doc.runs[r]);
    const rl = rules ? rules.subarray(runOffs![r]) : features.ruleLabels;
    decoder.reserve(f.n);
    emissions(tagger, f, decoder.em);
    // the rules' own labels get a head start (see TaggerWeights.rulePrior)
    if (tagger.rulePrior) for (let i = 0; i < f.n; i++) decoder.em[i * LABELS + rl[i]] += tagger.rulePrior;
    // probes of run -1 (not found in a run) are passed over
    for (; p < probes.length && probes[p].run <= r; p++) {
      if (probes[p].run === r) probes[p].scores = decoder.spanScores(tagger.trans, probes[p].a, probes[p].b, new Float64Array(4));
    }
    const labels = decoder.viterbi(tagger.trans, f.n);
    for (let i = 0; i < f.n; i++) {
      const y = labels[i];
      if (y === 0 || (y & 1) === 0) continue;
      let b = i + 1;
      while (b < f.n && labels[b] === y + 1) b++;
      decoder.spanScores(tagger.trans, i, b, scores);
      const kind = (y - 1) >> 1;
      found.push({ run: r, a: i, b, kind, probs: kindProbabilities(scores), sure: spanProbabilities(scores)[1 + kind] });
      i = b - 1;
    }
  }
  return found;
}

/**
 * The first stage's labels of one run's tokens into `labels`, and how sure it is of each name
 * (stack.ts, FirstStage.sure) into `sure`; `rules` holds the rules' labels of the run's tokens.
 */
export function firstStage(model: TaggerWeights, f: RunFeatures, rules: Int8Array, decoder: Decoder, labels: Int8Array, sure: Int8Array): void {
  decoder.reserve(f.n);
  emissions(model, f, decoder.em);
  if (model.rulePrior) for (let i = 0; i < f.n; i++) decoder.em[i * LABELS + rules[i]] += model.rulePrior;
  const y = decoder.viterbi(model.trans, f.n);
  const scores = new Float64Array(4);
  for (let i = 0; i < f.n; i++) {
    labels[i] = y[i];
    sure[i] = 0;
  }
  for (let i = 0; i < f.n; i++) {
    if (y[i] === 0 || (y[i] & 1) === 0) continue;
    let b = i + 1;
    while (b < f.n && y[b] === y[i] + 1) b++;
    decoder.spanScores(model.trans, i, b, scores);
    const s = sureBucket(spanProbabilities(scores)[1 + ((y[i] - 1) >> 1)]);
    sure.fill(s, i, b);
    i = b - 1;
  }
}

/** A run's features and the second stage's own (stackFeatures of the document; the run's first token is `first`). */
export function withStack(f: RunFeatures, stacked: { ids: Int32Array; offs: Int32Array }, first: number): RunFeatures {
  const extra = stacked.offs[first + f.n] - stacked.offs[first];
  const ids = new Int32Array(f.offs[f.n] - f.offs[0] + extra);
  const offs = new Int32Array(f.n + 1);
  let k = 0;
  for (let i = 0; i < f.n; i++) {
    offs[i] = k;
    for (let j = f.offs[i]; j < f.offs[i + 1]; j++) ids[k++] = f.ids[j];
    for (let j = stacked.offs[first + i]; j < stacked.offs[first + i + 1]; j++) ids[k++] = stacked.ids[j];
  }
  offs[f.n] = k;
  return { ids, offs, n: f.n };
}

/** Probabilities of no name (out[0]) and of one name of each kind (out[1 + kind]) from span scores: a softmax. */
export function spanProbabilities(scores: ArrayLike<number>): [number, number, number, number] {
  const m = Math.max(scores[0], scores[1], scores[2], scores[3]);
  const e = [0, 1, 2, 3].map(i => Math.exp(scores[i] - m));
  const z = e[0] + e[1] + e[2] + e[3];
  return [e[0] / z, e[1] / z, e[2] / z, e[3] / z];
}
