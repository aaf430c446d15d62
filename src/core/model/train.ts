// Training of the tagger: an averaged structured perceptron over the candidate runs of gold-annotated
// documents. Deterministic: the only randomness is the order of runs in each epoch, drawn from the
// generator the caller gives (scripts/random.mjs in scripts/train.mjs).
import { lexicon, normKey } from '../lexicon/lexicon';
import { hashString } from './hash';
import { findNamesByRules, modelRuns } from '../names/recognizeNames';
import { decodeModel, encodeModel } from './codec';
import { FeatureExtractor } from './features';
import { stackFeatures, ruleLabels } from './stack';
import { Decoder, emissions, LABELS, START, type TaggerWeights } from './tagger';
import { firstStage, withStack } from './tagRuns';
import { KIND_NAMES, NOT_A_NAME } from './kinds';

/** A gold-annotated document (offsets in UTF-16 code units). */
export interface GoldDocument {
  text: string;
  mentions: readonly { start: number; end: number; kind: string }[];
  /** Spans that are neither right nor wrong: their tokens teach nothing. */
  ignore: readonly { start: number; end: number }[];
  /**
   * Only the mentions are known (a reviewer's decisions, see reviewExamples.ts): tokens outside
   * them teach nothing, and runs with no such token are left out. A mention of kind NOT_A_NAME
   * teaches that its tokens are no name.
   */
  partial?: boolean;
}

/** Tokens of the candidate runs of many documents, with their features and gold labels. */
export interface TrainingSet {
  bits: number;
  /** Feature buckets of all tokens; token t has ids[tokOffs[t] .. tokOffs[t + 1]). */
  ids: Int32Array;
  tokOffs: Int32Array;
  /** Run r has tokens runOffs[r] .. runOffs[r + 1]. */
  runOffs: Int32Array;
  /** Gold label per token, -1 where the gold says nothing (an ignore span). */
  gold: Int8Array;
  /** Document d has runs docRuns[d] .. docRuns[d + 1]. */
  docRuns: Int32Array;
  /** Per run, whether the model tags it (modelRuns of names/recognizeNames.ts): the rules' names stand elsewhere. */
  wanted: Uint8Array;
  /** Per token, the hash of its lowercase word and the rules' label (stack.ts). */
  words: Int32Array;
  rules: Int8Array;
}

export interface TrainOptions {
  epochs: number;
  /** The runs to train on (default all). */
  runs?: Int32Array;
  /** Weights to start from (continued training: a workspace's reviews on top of the shipped model); default all zero. */
  from?: TaggerWeights;
  /** Numbers in [0, 1), the same sequence on every run: the order of runs in each epoch. */
  random: () => number;
}

/** The gold kind of a mention as Marginalia labels it: a known country, region or city is a place. */
export function goldKind(text: string, m: { start: number; end: number; kind: string }): string {
  if (m.kind !== 'organization') return m.kind;
  const lex = lexicon();
  const key = normKey(text.slice(m.start, m.end).replace(/^the\s+/i, ''));
  const canon = lex.aliases.get(key);
  return lex.places.has(key) || (canon !== undefined && lex.places.has(canon)) ? 'place' : m.kind;
}

/** Reads the documents: their runs as the recognizer finds them, features and gold labels. */
export function prepare(docs: readonly GoldDocument[], bits: number): TrainingSet {
  let ids = new Int32Array(1 << 16);
  let nIds = 0;
  const tokOffs: number[] = [0];
  const runOffs: number[] = [0];
  const gold: number[] = [];
  const docRuns: number[] = [0];
  const wanted: number[] = [];
  const words: number[] = [];
  const ruled: number[] = [];
  for (const doc of docs) {
    const { text } = doc;
    const rules = findNamesByRules(text);
    const features = new FeatureExtractor({ text, runs: rules.runs, rules: rules.names, surnames: rules.surnames }, bits);
    const tagged = modelRuns(rules.runs, rules.names);
    const labelsOfRules = ruleLabels(rules.runs, rules.names);
    let ruleTok = 0;
    const mentions = [...doc.mentions].sort((a, b) => a.start - b.start);
    const ignore = [...doc.ignore].sort((a, b) => a.start - b.start);
    let m = 0;
    let g = 0;
    for (const [r, run] of rules.runs.entries()) {
      const f = features.run(run);
      const need = f.offs[f.n];
      while (nIds + need > ids.length) {
        const grown = new Int32Array(ids.length * 2);
        grown.set(ids);
        ids = grown;
      }
      ids.set(f.ids.subarray(0, need), nIds);
      let prevMention = -1;
      const before = gold.length;
      for (let i = 0; i < f.n; i++) {
        const t = run[i];
        tokOffs.push(nIds + f.offs[i + 1]);
        words.push(hashString(t.lower));
        ruled.push(labelsOfRules[ruleTok++]);
        while (m < mentions.length && mentions[m].end <= t.s) m++;
        while (g < ignore.length && ignore[g].end <= t.s) g++;
        if (g < ignore.length && ignore[g].start < t.e) {
          gold.push(-1);
          prevMention = -1;
          continue;
        }
        if (m < mentions.length && mentions[m].start < t.e) {
          // a reviewer's kind stands as given
          const k = (KIND_NAMES as readonly string[]).indexOf(doc.partial ? mentions[m].kind : goldKind(text, mentions[m]));
          gold.push(mentions[m].kind === NOT_A_NAME ? 0 : k < 0 ? -1 : prevMention === m ? 2 + 2 * k : 1 + 2 * k);
          prevMention = m;
        } else {
          gold.push(doc.partial ? -1 : 0);
          prevMention = -1;
        }
      }
      if (doc.partial && gold.slice(before).every(g => g < 0)) {
        // nothing known of this run: it would teach nothing
        gold.length = before;
        tokOffs.length = before + 1;
        words.length = before;
        ruled.length = before;
        continue;
      }
      nIds += need;
      runOffs.push(gold.length);
      wanted.push(tagged[r] ? 1 : 0);
    }
    docRuns.push(runOffs.length - 1);
  }
  return {
    bits,
    ids: ids.slice(0, nIds),
    tokOffs: Int32Array.from(tokOffs),
    runOffs: Int32Array.from(runOffs),
    gold: Int8Array.from(gold),
    docRuns: Int32Array.from(docRuns),
    wanted: Uint8Array.from(wanted),
    words: Int32Array.from(words),
    rules: Int8Array.from(ruled),
  };
}

/** Settings of the first stage's models in `jackknife`: as the shipped first stage is trained and packed. */
export interface JackknifeOptions {
  folds: number;
  epochs: number;
  random: () => number;
  /** TaggerWeights.rulePrior of the first stage. */
  rulePrior: number;
  /** Weights under this are left out, as in the packed model (codec.ts). */
  prune: number;
}

/**
 * The first stage's labels of every token of the set, each document's from a model trained on the
 * documents of the other folds only (so that the second stage learns how far the first stage is
 * to be trusted on text it never saw); runs the model does not tag keep the rules' labels.
 */
export function jackknife(set: TrainingSet, options: JackknifeOptions): { labels: Int8Array; sure: Int8Array } {
  const docs = set.docRuns.length - 1;
  const order = Int32Array.from({ length: docs }, (_, i) => i);
  shuffle(order, options.random);
  const foldOf = new Int32Array(docs);
  order.forEach((d, i) => (foldOf[d] = i % options.folds));
  const labels = set.rules.slice();
  const sure = new Int8Array(labels.length).fill(4);
  const decoder = new Decoder();
  for (let fold = 0; fold < options.folds; fold++) {
    const runs: number[] = [];
    for (let d = 0; d < docs; d++) if (foldOf[d] !== fold) for (let r = set.docRuns[d]; r < set.docRuns[d + 1]; r++) runs.push(r);
    const trained = train(set, { epochs: options.epochs, random: options.random, runs: Int32Array.from(runs) });
    const model = decodeModel(encodeModel(trained.bits, trained.weights, trained.trans, options.prune, options.rulePrior));
    for (let d = 0; d < docs; d++) {
      if (foldOf[d] !== fold) continue;
      for (let r = set.docRuns[d]; r < set.docRuns[d + 1]; r++) {
        if (!set.wanted[r]) continue;
        const a = set.runOffs[r];
        const n = set.runOffs[r + 1] - a;
        const f = { ids: set.ids, offs: set.tokOffs.subarray(a, a + n + 1), n };
        firstStage(model, f, set.rules.subarray(a), decoder, labels.subarray(a), sure.subarray(a));
      }
    }
  }
  return { labels, sure };
}

/** The set with the second stage's features (stack.ts) added to each token's, from the first stage's labels. */
export function stackSet(set: TrainingSet, first: { labels: Int8Array; sure: Int8Array }): TrainingSet {
  const docs = set.docRuns.length - 1;
  const ids: number[] = [];
  const tokOffs = new Int32Array(set.tokOffs.length);
  for (let d = 0; d < docs; d++) {
    const r0 = set.docRuns[d];
    const r1 = set.docRuns[d + 1];
    const t0 = set.runOffs[r0];
    const t1 = set.runOffs[r1];
    const runOffs = Int32Array.from(set.runOffs.subarray(r0, r1 + 1), o => o - t0);
    const stacked = stackFeatures(
      {
        words: set.words.subarray(t0, t1),
        runOffs,
        labels: first.labels.subarray(t0, t1),
        sure: first.sure.subarray(t0, t1),
        rules: set.rules.subarray(t0, t1),
      },
      set.bits,
    );
    for (let r = r0; r < r1; r++) {
      const a = set.runOffs[r];
      const n = set.runOffs[r + 1] - a;
      const f = withStack({ ids: set.ids, offs: set.tokOffs.subarray(a, a + n + 1), n }, stacked, a - t0);
      for (let i = 0; i < n; i++) {
        for (let k = f.offs[i]; k < f.offs[i + 1]; k++) ids.push(f.ids[k]);
        tokOffs[a + i + 1] = ids.length;
      }
    }
  }
  return { ...set, ids: Int32Array.from(ids), tokOffs };
}

/** Shuffles `a` in place (Fisher-Yates) with numbers from `random`. */
function shuffle(a: Int32Array, random: () => number): void {
  for (let i = a.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    const x = a[i];
    a[i] = a[j];
    a[j] = x;
  }
}

/** Trains the tagger; the weights returned are the averages over all steps. */
export function train(set: TrainingSet, options: TrainOptions): { bits: number; weights: Float32Array; trans: Float32Array } {
  const size = (1 << set.bits) * LABELS;
  const w = new Float64Array(size);
  const wSum = new Float64Array(size); // step-weighted updates, for the average
  const trans = new Float64Array((START + 1) * LABELS);
  if (options.from) {
    if (options.from.bits !== set.bits) throw new Error(`cannot continue a model of ${options.from.bits} bits with features of ${set.bits}`);
    const { weights, scale } = options.from;
    for (let i = 0; i < size; i++) w[i] = weights[i] * scale;
    trans.set(options.from.trans);
  }
  const transSum = new Float64Array(trans.length);
  const model: TaggerWeights = { bits: set.bits, weights: w, scale: 1, trans };
  const decoder = new Decoder();
  const order = options.runs ? options.runs.slice() : Int32Array.from({ length: set.runOffs.length - 1 }, (_, i) => i);
  const target = new Int8Array(64);
  let step = 1;
  for (let epoch = 0; epoch < options.epochs; epoch++) {
    shuffle(order, options.random);
    for (const r of order) {
      const a = set.runOffs[r];
      const n = set.runOffs[r + 1] - a;
      const f = { ids: set.ids, offs: set.tokOffs.subarray(a, a + n + 1), n };
      decoder.reserve(n);
      emissions(model, f, decoder.em);
      const pred = decoder.viterbi(trans, n);
      let differs = false;
      const y = n <= target.length ? target : new Int8Array(n);
      for (let i = 0; i < n; i++) {
        const gi = set.gold[a + i];
        y[i] = gi < 0 ? pred[i] : gi;
        if (y[i] !== pred[i]) differs = true;
      }
      if (differs) {
        const update = (row: number, label: number, d: number, arr: Float64Array, sum: Float64Array) => {
          arr[row * LABELS + label] += d;
          sum[row * LABELS + label] += step * d;
        };
        for (let i = 0; i < n; i++) {
          const yp = i ? y[i - 1] : START;
          const pp = i ? pred[i - 1] : START;
          if (y[i] === pred[i] && yp === pp) continue;
          update(yp, y[i], 1, trans, transSum);
          update(pp, pred[i], -1, trans, transSum);
          if (y[i] === pred[i]) continue;
          for (let k = f.offs[i]; k < f.offs[i + 1]; k++) {
            update(set.ids[k], y[i], 1, w, wSum);
            update(set.ids[k], pred[i], -1, w, wSum);
          }
        }
      }
      step++;
    }
  }
  const avg = new Float32Array(size);
  for (let i = 0; i < size; i++) avg[i] = w[i] - wSum[i] / step;
  const avgTrans = new Float32Array(trans.length);
  for (let i = 0; i < trans.length; i++) avgTrans[i] = trans[i] - transSum[i] / step;
  return { bits: set.bits, weights: avg, trans: avgTrans };
}
