// Training of the tagger as a linear-chain CRF: the log-likelihood of the gold labels of each run,
// with forward-backward in log space over the well-formed labellings (tagger.ts, `allowed`), climbed
// by AdaGrad one run at a time, with an L2 penalty on the weights a run touches. Tokens whose gold
// label is unknown (ignore spans, a reviewer's partial decisions) are summed over, not guessed.
// Deterministic: the only randomness is the order of runs in each epoch, drawn from the caller's
// generator. The scores it learns are log-potentials, so the span probabilities that
// names/recognizeNames.ts reads (tagRuns.ts, spanProbabilities) are the model's own.
import { allowed, emissions, LABELS, START, type TaggerWeights } from './tagger';
import type { TrainingSet, TrainOptions } from './train';

export interface CrfOptions extends TrainOptions {
  /** AdaGrad's base step. */
  rate: number;
  /** L2 penalty per touch of a weight. */
  l2: number;
  /** Return the weights averaged over all steps rather than the last. */
  average?: boolean;
}

const NEG = -Infinity;

function logSumExp(v: Float64Array, n: number): number {
  let m = NEG;
  for (let i = 0; i < n; i++) if (v[i] > m) m = v[i];
  if (m === NEG) return NEG;
  let s = 0;
  for (let i = 0; i < n; i++) s += Math.exp(v[i] - m);
  return m + Math.log(s);
}

/** Forward-backward scratch of one run; `marginals` fills unary and pairwise marginals of a (masked) chain. */
class Lattice {
  alpha = new Float64Array(0);
  beta = new Float64Array(0);
  /** Unary marginals, n * LABELS. */
  unary = new Float64Array(0);
  /** Pairwise marginals, (START + 1) * LABELS, summed over positions (the START row at position 0). */
  pair = new Float64Array((START + 1) * LABELS);
  private tmp = new Float64Array(LABELS);

  reserve(n: number): void {
    if (this.unary.length >= n * LABELS) return;
    this.alpha = new Float64Array(n * 2 * LABELS);
    this.beta = new Float64Array(n * 2 * LABELS);
    this.unary = new Float64Array(n * 2 * LABELS);
  }

  /**
   * Marginals of the chain of n tokens under emissions `em` and transitions `trans`; where
   * gold[g0 + i] >= 0 (and `clamp`), token i may only take that label.
   */
  marginals(em: Float64Array, trans: Float64Array, n: number, gold: Int8Array, g0: number, clamp: boolean): void {
    const { alpha, beta, unary, pair, tmp } = this;
    const ok = (i: number, y: number) => !clamp || gold[g0 + i] < 0 || gold[g0 + i] === y;
    for (let y = 0; y < LABELS; y++) alpha[y] = allowed(START, y) && ok(0, y) ? em[y] + trans[START * LABELS + y] : NEG;
    for (let i = 1; i < n; i++) {
      const o = i * LABELS;
      for (let y = 0; y < LABELS; y++) {
        if (!ok(i, y)) {
          alpha[o + y] = NEG;
          continue;
        }
        for (let x = 0; x < LABELS; x++) tmp[x] = allowed(x, y) ? alpha[o - LABELS + x] + trans[x * LABELS + y] : NEG;
        alpha[o + y] = logSumExp(tmp, LABELS) + em[o + y];
      }
    }
    const last = (n - 1) * LABELS;
    for (let y = 0; y < LABELS; y++) beta[last + y] = 0;
    for (let i = n - 2; i >= 0; i--) {
      const o = i * LABELS;
      for (let x = 0; x < LABELS; x++) {
        for (let y = 0; y < LABELS; y++) tmp[y] = allowed(x, y) && ok(i + 1, y) ? trans[x * LABELS + y] + em[o + LABELS + y] + beta[o + LABELS + y] : NEG;
        beta[o + x] = logSumExp(tmp, LABELS);
      }
    }
    const z = logSumExp(alpha.subarray(last, last + LABELS), LABELS);
    for (let k = 0; k < n * LABELS; k++) unary[k] = alpha[k] === NEG ? 0 : Math.exp(alpha[k] + beta[k] - z);
    pair.fill(0);
    for (let y = 0; y < LABELS; y++) pair[START * LABELS + y] = unary[y];
    for (let i = 1; i < n; i++) {
      const o = i * LABELS;
      for (let x = 0; x < LABELS; x++) {
        const a = alpha[o - LABELS + x];
        if (a === NEG) continue;
        for (let y = 0; y < LABELS; y++) {
          if (!allowed(x, y) || alpha[o + y] === NEG) continue;
          pair[x * LABELS + y] += Math.exp(a + trans[x * LABELS + y] + em[o + y] + beta[o + y] - z);
        }
      }
    }
  }
}

/** Trains the tagger as a CRF; returns the final weights (scale 1). */
export function trainCrf(set: TrainingSet, options: CrfOptions): { bits: number; weights: Float32Array; trans: Float32Array } {
  const size = (1 << set.bits) * LABELS;
  const w = new Float64Array(size);
  const g2 = new Float64Array(size); // AdaGrad's sums of squared gradients
  const trans = new Float64Array((START + 1) * LABELS);
  const t2 = new Float64Array(trans.length);
  // step-weighted changes, for the average (as the perceptron's, train.ts)
  const wSum = options.average ? new Float64Array(size) : null;
  const tSum = options.average ? new Float64Array(trans.length) : null;
  let t = 1;
  if (options.from) {
    if (options.from.bits !== set.bits) throw new Error(`cannot continue a model of ${options.from.bits} bits with features of ${set.bits}`);
    const { weights, scale } = options.from;
    for (let i = 0; i < size; i++) w[i] = weights[i] * scale;
    trans.set(options.from.trans);
  }
  const { rate, l2 } = options;
  const model: TaggerWeights = { bits: set.bits, weights: w, scale: 1, trans };
  const free = new Lattice();
  const clamped = new Lattice();
  let em = new Float64Array(16 * LABELS);
  const runs = set.runOffs.length - 1;
  const order = Int32Array.from({ length: runs }, (_, i) => i);
  const step = (arr: Float64Array, sums: Float64Array, acc: Float64Array | null, at: number, g: number) => {
    g -= l2 * arr[at];
    if (g === 0) return;
    sums[at] += g * g;
    const d = (rate * g) / Math.sqrt(sums[at]);
    arr[at] += d;
    if (acc) acc[at] += t * d;
  };
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
      let known = false;
      for (let i = 0; i < n; i++) if (set.gold[a + i] >= 0) known = true;
      if (!known) continue;
      const f = { ids: set.ids, offs: set.tokOffs.subarray(a, a + n + 1), n };
      if (em.length < n * LABELS) em = new Float64Array(n * 2 * LABELS);
      free.reserve(n);
      clamped.reserve(n);
      emissions(model, f, em);
      free.marginals(em, trans, n, set.gold, a, false);
      clamped.marginals(em, trans, n, set.gold, a, true);
      for (let i = 0; i < n; i++) {
        const o = i * LABELS;
        for (let y = 0; y < LABELS; y++) {
          const g = clamped.unary[o + y] - free.unary[o + y];
          if (Math.abs(g) < 1e-9) continue;
          for (let k = f.offs[i]; k < f.offs[i + 1]; k++) step(w, g2, wSum, set.ids[k] * LABELS + y, g);
        }
      }
      for (let k = 0; k < trans.length; k++) {
        const g = clamped.pair[k] - free.pair[k];
        if (Math.abs(g) >= 1e-9) step(trans, t2, tSum, k, g);
      }
      t++;
    }
  }
  if (wSum && tSum) {
    for (let i = 0; i < size; i++) w[i] -= wSum[i] / t;
    for (let i = 0; i < trans.length; i++) trans[i] -= tSum[i] / t;
  }
  return { bits: set.bits, weights: Float32Array.from(w), trans: Float32Array.from(trans) };
}
