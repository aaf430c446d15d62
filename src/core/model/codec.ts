// The committed form of a tagger's weights: quantized to 16-bit integers, only the non-zero ones,
// as varint-coded (gap, value) pairs in base64. Decoded once, on first use.
import { LABELS, START, type TaggerWeights } from './tagger';

/** The model as a generated module holds it (see scripts/train.mjs). */
export interface EncodedModel {
  readonly bits: number;
  readonly scale: number;
  /** (LABELS + 1) * LABELS transition weights. */
  readonly trans: readonly number[];
  /** base64 of the varint pairs. */
  readonly weights: string;
  /** See TaggerWeights.rulePrior. */
  readonly rulePrior?: number;
}

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** Quantizes and packs trained weights; weights under `prune` (in absolute value) are left out. */
export function encodeModel(bits: number, weights: Float32Array | Float64Array, trans: ArrayLike<number>, prune: number, rulePrior = 0): EncodedModel {
  let max = 0;
  for (let i = 0; i < weights.length; i++) max = Math.max(max, Math.abs(weights[i]));
  const scale = max > 0 ? max / 32767 : 1;
  const bytes: number[] = [];
  const varint = (v: number) => {
    while (v >= 128) {
      bytes.push((v & 127) | 128);
      v = Math.floor(v / 128);
    }
    bytes.push(v);
  };
  let last = -1;
  for (let i = 0; i < weights.length; i++) {
    if (Math.abs(weights[i]) < prune) continue;
    const q = Math.round(weights[i] / scale);
    if (q === 0) continue;
    varint(i - last - 1);
    varint(q < 0 ? -2 * q - 1 : 2 * q);
    last = i;
  }
  let b64 = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const n = (bytes[i] << 16) | ((bytes[i + 1] ?? 0) << 8) | (bytes[i + 2] ?? 0);
    b64 += B64[n >> 18] + B64[(n >> 12) & 63] + (i + 1 < bytes.length ? B64[(n >> 6) & 63] : '=') + (i + 2 < bytes.length ? B64[n & 63] : '=');
  }
  const t = Array.from(trans, v => Math.round(v * 1e4) / 1e4);
  return { bits, scale, trans: t, weights: b64, rulePrior };
}

/** Unpacks an encoded model into the arrays the tagger reads. */
export function decodeModel(m: EncodedModel): TaggerWeights {
  const weights = new Int16Array((1 << m.bits) * LABELS);
  const s = m.weights;
  const value = new Int8Array(128).fill(-1);
  for (let i = 0; i < 64; i++) value[B64.charCodeAt(i)] = i;
  let at = -1;
  let acc = 0;
  let shift = 1;
  let gap = -1; // the gap read, waiting for its value
  const byte = (b: number) => {
    acc += (b & 127) * shift;
    if (b & 128) {
      shift *= 128;
      return;
    }
    if (gap < 0) gap = acc;
    else {
      at += gap + 1;
      weights[at] = acc & 1 ? -(acc + 1) / 2 : acc / 2;
      gap = -1;
    }
    acc = 0;
    shift = 1;
  };
  for (let i = 0; i < s.length; i += 4) {
    const n =
      (value[s.charCodeAt(i)] << 18) | (value[s.charCodeAt(i + 1)] << 12) | ((value[s.charCodeAt(i + 2)] & 63) << 6) | (value[s.charCodeAt(i + 3)] & 63);
    byte(n >> 16);
    if (s[i + 2] !== '=') byte((n >> 8) & 255);
    if (s[i + 3] !== '=') byte(n & 255);
  }
  const trans = new Float32Array((START + 1) * LABELS);
  trans.set(m.trans);
  return { bits: m.bits, scale: m.scale, weights, trans, rulePrior: m.rulePrior ?? 0 };
}
