// A linear-chain tagger over the tokens of one run: each token is outside a name (O), begins one
// (B-kind) or continues one (I-kind); Viterbi finds the best labelling that is well formed.
import type { RunFeatures } from './features';

/** Labels: O, then B and I for person, organization, place. */
export const LABELS = 7;
/** Row of the transition table for the start of a run. */
export const START = LABELS;

/** Weights of a tagger: one row of LABELS weights per feature bucket, and transitions. */
export interface TaggerWeights {
  /** Bits of the feature hash: 2^bits rows. */
  readonly bits: number;
  /** Row-major, (2^bits) * LABELS; multiplied by `scale`. */
  readonly weights: Int16Array | Float64Array;
  readonly scale: number;
  /** (LABELS + 1) * LABELS: from the label before (or START) to the label. */
  readonly trans: Float32Array | Float64Array;
  /**
   * Added at inference to the score of the label the rules give a token: the rules were written
   * for news, the training sets are not news, so the weights alone trust the rules less than news
   * deserves. 0 while training.
   */
  readonly rulePrior?: number;
  /**
   * A workspace's explicit decisions by surface (normKey of the name): its kind, or NOT_A_NAME
   * (train.ts). Honoured over anything the rules or the weights say (see workspaceModel.ts).
   */
  readonly corrections?: ReadonlyMap<string, string>;
  /**
   * What these weights are, for caches of analyses (corpus/prepareDocument.ts): a workspace
   * model's hash of its file (workspaceModel.ts). Omitted: the shipped model.
   */
  readonly id?: string;
}

/** The identity of the names recognizer an analysis was made with: '' for the rules alone (modelId). */
export function modelId(model: TaggerWeights | null | undefined): string {
  return model ? (model.id ?? 'shipped') : '';
}

/** B label of kind k (0 person, 1 organization, 2 place); its I label is one more. */
export function beginOf(k: number): number {
  return 1 + 2 * k;
}

/** Whether label y may follow label `prev` (or START): an I only continues its own kind. */
export function allowed(prev: number, y: number): boolean {
  return y === 0 || (y & 1) === 1 || prev === y || prev === y - 1;
}

/** Scores of each label for each token: out[i * LABELS + y]. */
export function emissions(model: TaggerWeights, f: RunFeatures, out: Float64Array): void {
  const { weights, scale } = model;
  const { ids, offs, n } = f;
  for (let i = 0; i < n; i++) {
    let s0 = 0,
      s1 = 0,
      s2 = 0,
      s3 = 0,
      s4 = 0,
      s5 = 0,
      s6 = 0;
    for (let k = offs[i]; k < offs[i + 1]; k++) {
      const r = ids[k] * LABELS;
      s0 += weights[r];
      s1 += weights[r + 1];
      s2 += weights[r + 2];
      s3 += weights[r + 3];
      s4 += weights[r + 4];
      s5 += weights[r + 5];
      s6 += weights[r + 6];
    }
    const o = i * LABELS;
    out[o] = s0 * scale;
    out[o + 1] = s1 * scale;
    out[o + 2] = s2 * scale;
    out[o + 3] = s3 * scale;
    out[o + 4] = s4 * scale;
    out[o + 5] = s5 * scale;
    out[o + 6] = s6 * scale;
  }
}

/** Scratch arrays of a decoder, grown as runs need. */
export class Decoder {
  em = new Float64Array(16 * LABELS);
  private delta = new Float64Array(16 * LABELS);
  private back = new Int8Array(16 * LABELS);
  labels = new Int8Array(16);

  /** Room for a run of n tokens. */
  reserve(n: number): void {
    if (this.labels.length >= n) return;
    const size = n * 2;
    this.em = new Float64Array(size * LABELS);
    this.delta = new Float64Array(size * LABELS);
    this.back = new Int8Array(size * LABELS);
    this.labels = new Int8Array(size);
  }

  /** The best well-formed labels of n tokens given `this.em`, into `this.labels`. */
  viterbi(trans: Float32Array | Float64Array, n: number): Int8Array {
    const { em, delta, back, labels } = this;
    for (let y = 0; y < LABELS; y++) delta[y] = allowed(START, y) ? em[y] + trans[START * LABELS + y] : -Infinity;
    for (let i = 1; i < n; i++) {
      const o = i * LABELS;
      const p = o - LABELS;
      for (let y = 0; y < LABELS; y++) {
        let best = -Infinity;
        let arg = 0;
        for (let x = 0; x < LABELS; x++) {
          if (!allowed(x, y)) continue;
          const v = delta[p + x] + trans[x * LABELS + y];
          if (v > best) {
            best = v;
            arg = x;
          }
        }
        delta[o + y] = best + em[o + y];
        back[o + y] = arg;
      }
    }
    const o = (n - 1) * LABELS;
    let y = 0;
    for (let x = 1; x < LABELS; x++) if (delta[o + x] > delta[o + y]) y = x;
    for (let i = n - 1; i >= 0; i--) {
      labels[i] = y;
      y = back[i * LABELS + y];
    }
    return labels;
  }

  /**
   * Scores of tokens [a, b) of the run read as no name (out[0]) and as one name of each kind
   * (out[1 + k]), the labels around them aside.
   */
  spanScores(trans: Float32Array | Float64Array, a: number, b: number, out: Float64Array): Float64Array {
    const { em } = this;
    let o = em[a * LABELS] + trans[START * LABELS];
    for (let i = a + 1; i < b; i++) o += em[i * LABELS] + trans[0];
    out[0] = o;
    for (let k = 0; k < 3; k++) {
      const B = beginOf(k);
      let v = em[a * LABELS + B] + trans[START * LABELS + B];
      for (let i = a + 1; i < b; i++) v += em[i * LABELS + B + 1] + trans[(i === a + 1 ? B : B + 1) * LABELS + B + 1];
      out[1 + k] = v;
    }
    return out;
  }
}

/** Probabilities of the three kinds from span scores (a softmax over out[1..3]). */
export function kindProbabilities(scores: Float64Array): [number, number, number] {
  const m = Math.max(scores[1], scores[2], scores[3]);
  const e0 = Math.exp(scores[1] - m),
    e1 = Math.exp(scores[2] - m),
    e2 = Math.exp(scores[3] - m);
  const z = e0 + e1 + e2;
  return [e0 / z, e1 / z, e2 / z];
}
