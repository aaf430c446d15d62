// The second stage of the tagger (a stacked tagger, as in Krishnan & Manning's two-stage CRF): a
// second set of weights reads, beside the first stage's features, what the first stage said of the
// same word everywhere else in the document. A word the first stage read as a place in four
// mentions and as an organization in one, or that it put inside a longer name elsewhere, is read
// with that evidence. The same function gives these features at training time (from first-stage
// labels of models that never saw the document, see train.ts) and at inference (tagRuns.ts).
import type { Tok } from '../names/tokens';
import { bucket, hashString } from './hash';

/** What the first stage said of each token of a document's runs (all runs, in text order). */
export interface FirstStage {
  /** Hash of each token's lowercase word. */
  words: Int32Array;
  /** Run r has tokens runOffs[r] .. runOffs[r + 1]. */
  runOffs: Int32Array;
  /** The first stage's label of each token (as tagger.ts numbers labels); the rules' label where it did not tag the run. */
  labels: Int8Array;
  /** How sure the first stage was of the name a token is in: 0-3 by probability, 4 where the rules' label stands. */
  sure: Int8Array;
  /** The rules' label of each token (0 outside their names, else B or I of their kind). */
  rules: Int8Array;
}

// templates, apart from those of features.ts (numbers from 100)
const enum S {
  Own = 100,
  OwnRule,
  Alone,
  Majority,
  Share,
  Longer,
  Neighbours,
  MajorityCount,
}

/** The kind of a label: 0 no name, else 1 + kind. */
function kindOf(label: number): number {
  return label === 0 ? 0 : 1 + ((label - 1) >> 1);
}

/** The probability bucket of a name's first-stage probability (FirstStage.sure). */
export function sureBucket(p: number): number {
  return p < 0.5 ? 0 : p < 0.8 ? 1 : p < 0.95 ? 2 : 3;
}

/** The rules' labels of the tokens of all runs (0 outside their names, else B or I of their kind), names in text order. */
export function ruleLabels(runs: readonly (readonly Tok[])[], names: readonly { start: number; end: number; kind: string }[]): Int8Array {
  let total = 0;
  for (const run of runs) total += run.length;
  const out = new Int8Array(total);
  let k = 0;
  let t = 0;
  for (const run of runs) {
    for (const tok of run) {
      while (k < names.length && names[k].end <= tok.s) k++;
      if (k < names.length && names[k].start <= tok.s) {
        const kind = names[k].kind === 'person' ? 0 : names[k].kind === 'organization' ? 1 : 2;
        out[t] = 1 + 2 * kind + (names[k].start === tok.s ? 0 : 1);
      }
      t++;
    }
  }
  return out;
}

/** The hashes of the tokens' lowercase words and the run offsets of a document's runs. */
export function runWords(runs: readonly (readonly Tok[])[]): { words: Int32Array; runOffs: Int32Array } {
  const runOffs = new Int32Array(runs.length + 1);
  for (let r = 0; r < runs.length; r++) runOffs[r + 1] = runOffs[r] + runs[r].length;
  const words = new Int32Array(runOffs[runs.length]);
  let t = 0;
  for (const run of runs) for (const tok of run) words[t++] = hashString(tok.lower);
  return { words, runOffs };
}

/**
 * The second stage's own features of every token of the document: token t has
 * ids[offs[t] .. offs[t + 1]).
 */
export function stackFeatures(first: FirstStage, bits: number): { ids: Int32Array; offs: Int32Array } {
  const { words, runOffs, labels, sure, rules } = first;
  const n = words.length;
  // per word: tokens read as no name, person, organization, place; and inside a longer name of each kind
  const counts = new Map<number, Int32Array>();
  const runs = runOffs.length - 1;
  for (let r = 0; r < runs; r++) {
    for (let t = runOffs[r]; t < runOffs[r + 1]; t++) {
      let c = counts.get(words[t]);
      if (!c) counts.set(words[t], (c = new Int32Array(7)));
      const k = kindOf(labels[t]);
      c[k]++;
      if (k > 0 && spanLength(labels, runOffs[r], runOffs[r + 1], t) > 1) c[3 + k]++;
    }
  }
  const ids: number[] = [];
  const offs = new Int32Array(n + 1);
  const others = new Int32Array(7);
  for (let r = 0; r < runs; r++) {
    const a = runOffs[r];
    const b = runOffs[r + 1];
    for (let t = a; t < b; t++) {
      offs[t] = ids.length;
      const y = labels[t];
      const k = kindOf(y);
      const len = k > 0 ? Math.min(spanLength(labels, a, b, t), 3) : 0;
      const add = (template: number, value: number) => ids.push(bucket(template, value, bits));
      add(S.Own, y * 8 + sure[t]);
      add(S.OwnRule, y * 8 + rules[t]);
      add(S.Neighbours, (t > a ? labels[t - 1] : 7) * 64 + y * 8 + (t + 1 < b ? labels[t + 1] : 7));
      others.set(counts.get(words[t])!);
      others[k]--;
      if (k > 0 && len > 1) others[3 + k]--;
      const total = others[0] + others[1] + others[2] + others[3];
      if (total === 0) {
        add(S.Alone, y);
        continue;
      }
      let m = 0;
      for (let j = 1; j < 4; j++) if (others[j] > others[m]) m = j;
      add(S.Majority, k * 4 + m);
      add(S.MajorityCount, m * 4 + Math.min(total, 3));
      for (let j = 0; j < 4; j++) {
        const share = others[j] / total;
        add(S.Share, j * 4 + (share === 0 ? 0 : share < 0.5 ? 1 : share < 1 ? 2 : 3));
      }
      // inside a longer name of some kind elsewhere, while read alone or as no name here
      for (let j = 1; j < 4; j++) if (others[3 + j] > 0) add(S.Longer, j * 16 + k * 4 + len);
    }
  }
  offs[n] = ids.length;
  return { ids: Int32Array.from(ids), offs };
}

/** Tokens in the name (by labels) that token t of run [a, b) is in. */
function spanLength(labels: Int8Array, a: number, b: number, t: number): number {
  let s = t;
  while (s > a && (labels[s] & 1) === 0 && labels[s] !== 0) s--;
  let e = s + 1;
  while (e < b && labels[e] !== 0 && (labels[e] & 1) === 0) e++;
  return e - s;
}
