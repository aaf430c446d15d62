// Training of the tagger: an averaged structured perceptron over the candidate runs of gold-annotated
// documents. Deterministic: the only randomness is the order of runs in each epoch, drawn from the
// generator the caller gives (scripts/random.mjs in scripts/train.mjs).
import { lexicon, normKey } from '../lexicon/lexicon';
import { findNamesByRules } from '../names/recognizeNames';
import { FeatureExtractor } from './features';
import { Decoder, emissions, LABELS, START, type TaggerWeights } from './tagger';
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
}

export interface TrainOptions {
  epochs: number;
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
  for (const doc of docs) {
    const { text } = doc;
    const rules = findNamesByRules(text);
    const features = new FeatureExtractor({ text, runs: rules.runs, rules: rules.names, surnames: rules.surnames }, bits);
    const mentions = [...doc.mentions].sort((a, b) => a.start - b.start);
    const ignore = [...doc.ignore].sort((a, b) => a.start - b.start);
    let m = 0;
    let g = 0;
    for (const run of rules.runs) {
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
        continue;
      }
      nIds += need;
      runOffs.push(gold.length);
    }
  }
  return { bits, ids: ids.slice(0, nIds), tokOffs: Int32Array.from(tokOffs), runOffs: Int32Array.from(runOffs), gold: Int8Array.from(gold) };
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
  const runs = set.runOffs.length - 1;
  const order = Int32Array.from({ length: runs }, (_, i) => i);
  const target = new Int8Array(64);
  let step = 1;
  for (let epoch = 0; epoch < options.epochs; epoch++) {
    for (let i = runs - 1; i > 0; i--) {
      const j = Math.floor(options.random() * (i + 1));
      const x = order[i];
      order[i] = order[j];
      order[j] = x;
    }
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
