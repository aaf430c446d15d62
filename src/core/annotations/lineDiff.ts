/**
 * Line diffs (Myers' O(ND) algorithm) and a three-way splice, used to keep a hand-formatted
 * sidecar's untouched lines byte for byte when the YAML library would re-render them differently.
 */

/** Lines `[aStart, aEnd)` of the old text are replaced by lines `[bStart, bEnd)` of the new one. */
export interface Hunk {
  aStart: number;
  aEnd: number;
  bStart: number;
  bEnd: number;
}

/**
 * The hunks turning `a` into `b`, in order, or undefined when they differ in more than `maxEdits`
 * inserted plus deleted lines (to bound the cost: O((N + M) * D) time, O(D^2) memory).
 */
export function diffLines(a: readonly string[], b: readonly string[], maxEdits = 5000): Hunk[] | undefined {
  // Strip the common head and tail: usual diffs touch a few lines of a long file.
  let head = 0;
  while (head < a.length && head < b.length && a[head] === b[head]) head++;
  let tail = 0;
  while (tail < a.length - head && tail < b.length - head && a[a.length - 1 - tail] === b[b.length - 1 - tail]) tail++;
  const A = a.slice(head, a.length - tail),
    B = b.slice(head, b.length - tail);
  const n = A.length,
    m = B.length;
  if (n === 0 && m === 0) return [];
  if (n === 0 || m === 0) return [{ aStart: head, aEnd: head + n, bStart: head, bEnd: head + m }];
  // Intern lines so comparisons are integer comparisons.
  const ids = new Map<string, number>();
  const intern = (s: string): number => {
    let id = ids.get(s);
    if (id === undefined) {
      id = ids.size;
      ids.set(s, id);
    }
    return id;
  };
  const ai = Int32Array.from(A, intern),
    bi = Int32Array.from(B, intern);
  const max = Math.min(n + m, maxEdits);
  const offset = max + 1;
  const v = new Int32Array(2 * max + 3);
  const trace: Int32Array[] = [];
  let found = -1;
  for (let d = 0; d <= max && found < 0; d++) {
    trace.push(v.slice(offset - d - 1, offset + d + 2));
    for (let k = -d; k <= d; k += 2) {
      let x = k === -d || (k !== d && v[offset + k - 1] < v[offset + k + 1]) ? v[offset + k + 1] : v[offset + k - 1] + 1;
      let y = x - k;
      while (x < n && y < m && ai[x] === bi[y]) {
        x++;
        y++;
      }
      v[offset + k] = x;
      if (x >= n && y >= m) {
        found = d;
        break;
      }
    }
  }
  if (found < 0) return undefined;
  // Walk back through the saved frontiers, collecting single-line edits.
  const edits: { x: number; y: number; del: boolean }[] = [];
  let x = n,
    y = m;
  for (let d = found; d > 0; d--) {
    const saved = trace[d]; // frontier before step d, indexed by k + d + 1
    const get = (k: number): number => saved[k + d + 1];
    const k = x - y;
    const down = k === -d || (k !== d && get(k - 1) < get(k + 1));
    const prevK = down ? k + 1 : k - 1;
    const prevX = get(prevK);
    const prevY = prevX - prevK;
    if (down)
      edits.push({ x: prevX, y: prevY, del: false }); // insert b[prevY]
    else edits.push({ x: prevX, y: prevY, del: true }); // delete a[prevX]
    x = prevX;
    y = prevY;
  }
  edits.reverse();
  // Group consecutive edits into hunks.
  const hunks: Hunk[] = [];
  for (const e of edits) {
    const aAt = e.x,
      bAt = e.y;
    const last = hunks[hunks.length - 1];
    if (last && last.aEnd === aAt && last.bEnd === bAt) {
      if (e.del) last.aEnd++;
      else last.bEnd++;
    } else {
      hunks.push({ aStart: aAt, aEnd: aAt + (e.del ? 1 : 0), bStart: bAt, bEnd: bAt + (e.del ? 0 : 1) });
    }
  }
  return hunks.map(h => ({ aStart: h.aStart + head, aEnd: h.aEnd + head, bStart: h.bStart + head, bEnd: h.bEnd + head }));
}

/**
 * Three-way splice of line arrays: `base` changed into `ours` (changes that must win) and into
 * `theirs` (changes kept where they neither overlap nor touch one of ours). Where both sides
 * changed the same or adjacent base lines, `ours` is taken for the whole region.
 * Returns undefined when a diff is too large (see `diffLines`).
 */
export function splice3(base: readonly string[], ours: readonly string[], theirs: readonly string[], maxEdits?: number): string[] | undefined {
  const oursHunks = diffLines(base, ours, maxEdits);
  const theirHunks = diffLines(base, theirs, maxEdits);
  if (!oursHunks || !theirHunks) return undefined;
  const all = [...oursHunks.map(h => ({ h, ours: true })), ...theirHunks.map(h => ({ h, ours: false }))].sort(
    (p, q) => p.h.aStart - q.h.aStart || p.h.aEnd - q.h.aEnd,
  );
  const out: string[] = [];
  let basePos = 0;
  let i = 0;
  while (i < all.length) {
    // A region: a chain of hunks (of either side) that overlap or touch.
    const start = all[i].h.aStart;
    let end = all[i].h.aEnd;
    let hasOurs = false;
    while (i < all.length && all[i].h.aStart <= end) {
      end = Math.max(end, all[i].h.aEnd);
      hasOurs ||= all[i].ours;
      i++;
    }
    for (let l = basePos; l < start; l++) out.push(base[l]);
    const [side, hunks] = hasOurs ? [ours, oursHunks] : [theirs, theirHunks];
    out.push(...side.slice(sideIndex(hunks, start, false), sideIndex(hunks, end, true)));
    basePos = end;
  }
  for (let l = basePos; l < base.length; l++) out.push(base[l]);
  return out;
}

/**
 * The side's line index for base index `at`: `at` shifted by the hunks starting before it
 * (`inclusive`: also those starting at it, which belong to a region ending there).
 */
function sideIndex(hunks: readonly Hunk[], at: number, inclusive: boolean): number {
  let shift = 0;
  for (const h of hunks) {
    if (inclusive ? h.aStart > at : h.aStart >= at) break;
    shift += h.bEnd - h.bStart - (h.aEnd - h.aStart);
  }
  return at + shift;
}
