// Word clusters (wordClusters.ts, made by scripts/makeWordClusters.mjs from GloVe vectors) looked up by
// the hash features.ts already has of a word: the model learns of a cluster what it learned of the
// words in it, so an unseen family name or town reads as the ones it saw. Built at first use.
import { hashRange } from './hash';
import { WORD_CLUSTERS } from './wordClusters';

/** Open addressing by word hash: keys and the cluster (a heap-numbered tree node, under 2^16) of each. */
interface Table {
  keys: Int32Array;
  ids: Uint16Array;
  mask: number;
}

let table: Table | undefined;

/** The leaf cluster of the word of hash h (hash.ts, lowercase), or 0 when it is not in the table. */
export function clusterOf(h: number): number {
  const { keys, ids, mask } = (table ??= build());
  for (let i = slot(h, mask); ; i = (i + 1) & mask) {
    if (ids[i] === 0) return 0;
    if (keys[i] === h) return ids[i];
  }
}

/** The cluster containing `id` at depth at most `depth` in the tree: Brown-style path prefixes. */
export function clusterPrefix(id: number, depth: number): number {
  const d = 31 - Math.clz32(id);
  return d > depth ? id >>> (d - depth) : id;
}

function slot(h: number, mask: number): number {
  return (Math.imul(h, 0x9e3779b1) >>> 0) & mask;
}

function build(): Table {
  const s = WORD_CLUSTERS;
  let words = 1;
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) === 32) words++;
  let size = 1;
  while (size < words * 2) size *= 2;
  const keys = new Int32Array(size);
  const ids = new Uint16Array(size);
  const mask = size - 1;
  let id = 0;
  for (let i = 0; i < s.length;) {
    let e = i;
    while (e < s.length && s.charCodeAt(e) !== 32 && s.charCodeAt(e) !== 124) e++;
    if (id === 0) id = parseInt(s.slice(i, e), 36);
    else {
      const h = hashRange(s, i, e);
      let k = slot(h, mask);
      while (ids[k] !== 0 && keys[k] !== h) k = (k + 1) & mask;
      keys[k] = h;
      ids[k] = id;
    }
    if (s.charCodeAt(e) === 124) id = 0;
    i = e + 1;
  }
  return { keys, ids, mask };
}
