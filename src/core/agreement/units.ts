/**
 * Units: the same mention as each reviewer marked it. Every pair of reviewers' spans is matched
 * (`matchSpans`) and matched spans are joined (union-find), so with more than two reviewers a unit
 * gathers every span matched to any of its members. A span nobody else marked is a unit alone.
 */
import { matchSpans, type SpanPair } from './match';
import type { ReviewSpan } from './model';

/** A reviewer's spans and, for every pair of reviewers (i < j in `reviewers`), their matches. */
export interface Matching {
  reviewers: readonly string[];
  spansOf: ReviewSpan[][];
  /** pairs[i][j] (i < j): the matches between reviewers i and j. */
  pairs: SpanPair[][][];
}

/** Matches the spans of every pair of `reviewers` (spans of other reviewers are left out). */
export function matchReviewers(spans: readonly ReviewSpan[], reviewers: readonly string[]): Matching {
  const index = new Map(reviewers.map((r, i) => [r, i]));
  const spansOf: ReviewSpan[][] = reviewers.map(() => []);
  for (const s of spans) {
    const i = index.get(s.reviewer);
    if (i !== undefined) spansOf[i].push(s);
  }
  const pairs: SpanPair[][][] = reviewers.map(() => []);
  for (let i = 0; i < reviewers.length; i++) {
    for (let j = i + 1; j < reviewers.length; j++) pairs[i][j] = matchSpans(spansOf[i], spansOf[j]);
  }
  return { reviewers, spansOf, pairs };
}

/** The units of a matching, in position order; each unit's spans are in reviewer order. */
export function unitsOf(matching: Matching): ReviewSpan[][] {
  const offsets: number[] = [];
  let total = 0;
  for (const list of matching.spansOf) {
    offsets.push(total);
    total += list.length;
  }
  const parent = Int32Array.from({ length: total }, (_, k) => k);
  const find = (k: number): number => {
    while (parent[k] !== k) {
      parent[k] = parent[parent[k]];
      k = parent[k];
    }
    return k;
  };
  matching.pairs.forEach((row, i) =>
    row.forEach((pairs, j) => {
      for (const p of pairs) {
        const x = find(offsets[i] + p.a);
        const y = find(offsets[j] + p.b);
        if (x !== y) parent[Math.max(x, y)] = Math.min(x, y);
      }
    }),
  );
  const groups = new Map<number, ReviewSpan[]>();
  matching.spansOf.forEach((list, i) =>
    list.forEach((span, k) => {
      const root = find(offsets[i] + k);
      const group = groups.get(root);
      if (group) group.push(span);
      else groups.set(root, [span]);
    }),
  );
  const units = [...groups.values()].map(spans => {
    let start = Infinity;
    let end = -Infinity;
    for (const s of spans) {
      if (s.start < start) start = s.start;
      if (s.end > end) end = s.end;
    }
    return { spans, start, end };
  });
  return units.sort((x, y) => x.start - y.start || x.end - y.end).map(u => u.spans);
}
