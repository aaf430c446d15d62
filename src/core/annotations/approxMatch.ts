/**
 * Approximate string matching with Myers' bit-parallel algorithm (G. Myers, "A fast bit-vector
 * algorithm for approximate string matching based on dynamic programming", JACM 1999), in the
 * block-based form of H. Hyyrö for patterns longer than a machine word, with Ukkonen's cut-off
 * (only the blocks that can still hold a cell <= maxErrors are computed). The same approach as
 * Hypothesis' approx-string-match, written from the papers.
 *
 * Characters are UTF-16 code units; an edit is an insertion, deletion or substitution of one unit.
 * Cost: O(n * b) for a text of n units, where b <= ceil(m / 32) is the number of active blocks
 * (about 1 + maxErrors / 32 on typical text).
 */

/** One approximate occurrence: `text.slice(start, end)` is within `errors` edits of the pattern. */
export interface ApproxMatch {
  start: number;
  end: number;
  errors: number;
}

const W = 32;

/** Per-pattern bit masks: for each code unit, which pattern positions hold it, per block. */
interface PatternMasks {
  readonly length: number;
  readonly blocks: number;
  readonly peq: Map<number, Int32Array>;
  readonly zero: Int32Array;
  /** Bit of the last pattern row inside each block. */
  readonly lastRowMask: Int32Array;
}

function patternMasks(pattern: string): PatternMasks {
  const blocks = Math.ceil(pattern.length / W);
  const peq = new Map<number, Int32Array>();
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern.charCodeAt(i);
    let masks = peq.get(c);
    if (!masks) {
      masks = new Int32Array(blocks);
      peq.set(c, masks);
    }
    masks[(i / W) | 0] |= 1 << (i % W);
  }
  const lastRowMask = new Int32Array(blocks);
  for (let b = 0; b < blocks; b++) lastRowMask[b] = 1 << 31;
  lastRowMask[blocks - 1] = 1 << ((pattern.length - 1) % W);
  return { length: pattern.length, blocks, peq, zero: new Int32Array(blocks), lastRowMask };
}

/**
 * Advances block `b` of the vertical delta vectors (P = +1 deltas, M = -1 deltas) by one text
 * column whose pattern-equality mask is `eqMask`, given the horizontal delta `hIn` (-1, 0, +1) entering
 * at the block's top row; returns the horizontal delta leaving at its bottom row.
 */
function advanceBlock(P: Int32Array, M: Int32Array, b: number, eqMask: number, lastRow: number, hIn: number): number {
  let pV = P[b];
  let mV = M[b];
  const hInNeg = hIn < 0 ? 1 : 0;
  const eq = eqMask | hInNeg;
  const xV = eq | mV;
  const xH = ((((eq & pV) + pV) | 0) ^ pV) | eq;
  let pH = mV | ~(xH | pV);
  let mH = pV & xH;
  const hOut = ((pH & lastRow) !== 0 ? 1 : 0) - ((mH & lastRow) !== 0 ? 1 : 0);
  pH = (pH << 1) | (hIn > 0 ? 1 : 0);
  mH = (mH << 1) | hInNeg;
  pV = mH | ~(xV | pH);
  mV = pH & xV;
  P[b] = pV;
  M[b] = mV;
  return hOut;
}

/**
 * Every end offset `e` such that some substring of `text` ending at `e` is within `maxErrors`
 * edits of `pattern`, with the least such number of edits. Calls `onEnd(end, errors)` in order.
 */
function scanEnds(text: string, pattern: string, maxErrors: number, onEnd: (end: number, errors: number) => void): void {
  const m = pattern.length;
  if (m === 0) return;
  const k = Math.min(maxErrors, m);
  const pm = patternMasks(pattern);
  const bMax = pm.blocks - 1;
  const P = new Int32Array(pm.blocks).fill(-1);
  const M = new Int32Array(pm.blocks);
  // score[b]: the DP value in the last row of block b for the current column.
  const score = new Int32Array(pm.blocks);
  for (let b = 0; b < pm.blocks; b++) score[b] = Math.min(m, (b + 1) * W);
  // y: the last block computed; blocks below it are all +1 vertical deltas (values > k).
  let y = Math.max(0, Math.ceil(k / W) - 1);
  const { peq, zero, lastRowMask } = pm;
  for (let j = 0; j < text.length; j++) {
    const masks = peq.get(text.charCodeAt(j)) ?? zero;
    let carry = 0; // semi-global: a match may start anywhere, so the top row is all zeros
    for (let b = 0; b <= y; b++) {
      carry = advanceBlock(P, M, b, masks[b], lastRowMask[b], carry);
      score[b] += carry;
    }
    if (score[y] - carry <= k && y < bMax && ((masks[y + 1] & 1) !== 0 || carry < 0)) {
      // The next block may now hold cells <= k: start computing it from its upper bound.
      y += 1;
      P[y] = -1;
      M[y] = 0;
      const blockRows = y === bMax ? m - bMax * W : W;
      score[y] = score[y - 1] - carry + blockRows;
      carry = advanceBlock(P, M, y, masks[y], lastRowMask[y], carry);
      score[y] += carry;
    } else {
      while (y > 0 && score[y] >= k + W) y -= 1;
    }
    if (y === bMax && score[y] <= k) onEnd(j + 1, score[y]);
  }
}

/**
 * For a match of `pattern` ending at `end`, the start giving the fewest edits (ties: the length
 * closest to the pattern's, then the longer). Runs the bit-parallel DP on the reversed pattern and
 * the reversed text before `end`, with the start pinned at `end` (the top row counts +1 per column).
 */
function bestStart(text: string, pattern: string, end: number, maxErrors: number): ApproxMatch {
  const m = pattern.length;
  const from = Math.max(0, end - m - maxErrors);
  const window = reverse(text.slice(from, end));
  const pm = patternMasks(reverse(pattern));
  const P = new Int32Array(pm.blocks).fill(-1);
  const M = new Int32Array(pm.blocks);
  let best = { len: 0, errors: m };
  let bottom = m; // D[m][0] = m: the whole pattern deleted
  for (let j = 0; j < window.length; j++) {
    const masks = pm.peq.get(window.charCodeAt(j)) ?? pm.zero;
    let carry = 1; // global start: D[0][j] = j
    for (let b = 0; b < pm.blocks; b++) carry = advanceBlock(P, M, b, masks[b], pm.lastRowMask[b], carry);
    bottom += carry;
    const len = j + 1;
    if (bottom < best.errors || (bottom === best.errors && Math.abs(len - m) <= Math.abs(best.len - m))) {
      best = { len, errors: bottom };
    }
  }
  return { start: end - best.len, end, errors: best.errors };
}

function reverse(s: string): string {
  let out = '';
  for (let i = s.length - 1; i >= 0; i--) out += s[i];
  return out;
}

export interface ApproxSearchOptions {
  /**
   * Keep at most this many matches, the ones with the fewest errors (ties: earlier first).
   * Default 1,000.
   */
  maxMatches?: number;
}

/**
 * Every end offset at which some substring of `text` is within `maxErrors` edits of `pattern`,
 * with the least number of edits of a substring ending there, in text order.
 */
export function approxEnds(text: string, pattern: string, maxErrors: number): { end: number; errors: number }[] {
  const out: { end: number; errors: number }[] = [];
  if (maxErrors >= 0) scanEnds(text, pattern, Math.floor(maxErrors), (end, errors) => out.push({ end, errors }));
  return out;
}

/**
 * Approximate occurrences of `pattern` in `text` with at most `maxErrors` edits. Of every run of
 * overlapping candidate ends only the local minima are kept, each extended back to its best start.
 * Returned in text order. An empty pattern has no matches.
 */
export function approxSearch(text: string, pattern: string, maxErrors: number, options: ApproxSearchOptions = {}): ApproxMatch[] {
  const m = pattern.length;
  if (m === 0 || maxErrors < 0) return [];
  const k = Math.min(Math.floor(maxErrors), m);
  const limit = options.maxMatches ?? 1000;
  // Local minima of the error count over runs of consecutive candidate ends.
  const ends: { end: number; errors: number }[] = [];
  let run: { end: number; errors: number }[] = [];
  let runMin = Infinity;
  const flush = (): void => {
    for (const e of run) if (e.errors === runMin) ends.push(e);
    run = [];
    runMin = Infinity;
  };
  scanEnds(text, pattern, k, (end, errors) => {
    if (run.length > 0 && run[run.length - 1].end !== end - 1) flush();
    run.push({ end, errors });
    if (errors < runMin) runMin = errors;
  });
  flush();
  let chosen = ends;
  if (chosen.length > limit) {
    chosen = [...ends]
      .sort((a, b) => a.errors - b.errors || a.end - b.end)
      .slice(0, limit)
      .sort((a, b) => a.end - b.end);
  }
  const matches: ApproxMatch[] = [];
  let previous: ApproxMatch | undefined;
  for (const e of chosen) {
    const match = bestStart(text, pattern, e.end, e.errors);
    // Equal-error ends of one plateau often extend back to the same start; keep one of them.
    if (previous && previous.start === match.start && previous.errors === match.errors) continue;
    matches.push(match);
    previous = match;
  }
  return matches;
}

/** Levenshtein distance of two strings (UTF-16 code units); O(|a| * |b|), for short strings. */
export function editDistance(a: string, b: string): number {
  if (a === b) return 0;
  if (a.length === 0) return b.length;
  if (b.length === 0) return a.length;
  let prev = new Array<number>(b.length + 1);
  let cur = new Array<number>(b.length + 1);
  for (let j = 0; j <= b.length; j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    cur[0] = i;
    const ca = a.charCodeAt(i - 1);
    for (let j = 1; j <= b.length; j++) {
      const cost = ca === b.charCodeAt(j - 1) ? 0 : 1;
      cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost);
    }
    [prev, cur] = [cur, prev];
  }
  return prev[b.length];
}
