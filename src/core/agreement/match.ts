/**
 * Which spans of two reviewers are the same mention: one-to-one, exact spans first (same start and
 * end; identical versions, then same labels, paired before different ones), then among the rest the pairs that overlap, the
 * largest overlap first (then the smaller union, then the same label). The order depends only on
 * the two spans of a pair, never on which reviewer is "a", so swapping reviewers matches the same.
 */

/** What matching needs of a span. */
export interface MatchableSpan {
  start: number;
  end: number;
  label: string;
  id: string;
  entity?: string;
  status?: string;
}

/** Indices into the two lists, and whether the spans are exactly the same. */
export interface SpanPair {
  a: number;
  b: number;
  exact: boolean;
}

export function matchSpans(a: readonly MatchableSpan[], b: readonly MatchableSpan[]): SpanPair[] {
  const pairs: SpanPair[] = [];
  const usedA = new Uint8Array(a.length);
  const usedB = new Uint8Array(b.length);

  // A position as one number, start * 2^26 + end, exact while offsets are below 2^26 (texts of
  // 64 Mi code units); past that, as a string.
  const small = [...a, ...b].every(s => s.end < 67_108_864);
  const at = (s: MatchableSpan): number | string => (small ? s.start * 67_108_864 + s.end : `${s.start}:${s.end}`);
  const atA = new Map<number | string, number[]>();
  a.forEach((s, i) => push(atA, at(s), i));
  const atB = new Map<number | string, number[]>();
  b.forEach((s, i) => push(atB, at(s), i));
  // Per position, identical versions first (label, entity, status), then the same label, then the
  // rest, each stage pairing in a fixed order of its own key.
  const stages: ((s: MatchableSpan) => string)[] = [s => `${s.label}\u0000${s.entity ?? ''}\u0000${s.status ?? ''}`, s => s.label, () => ''];
  for (const [key, listA] of atA) {
    const listB = atB.get(key);
    if (!listB) continue;
    if (listA.length === 1 && listB.length === 1) {
      // The usual case: one span of each at this position.
      usedA[listA[0]] = usedB[listB[0]] = 1;
      pairs.push({ a: listA[0], b: listB[0], exact: true });
      continue;
    }
    for (const stage of stages) {
      const groupsB = new Map<string, number[]>();
      for (const j of sortedBy(listB, b, stage)) if (!usedB[j]) push(groupsB, stage(b[j]), j);
      for (const i of sortedBy(listA, a, stage)) {
        if (usedA[i]) continue;
        const j = groupsB.get(stage(a[i]))?.shift();
        if (j === undefined) continue;
        usedA[i] = usedB[j] = 1;
        pairs.push({ a: i, b: j, exact: true });
      }
    }
  }

  const openA = a
    .map((_, i) => i)
    .filter(i => !usedA[i])
    .sort((x, y) => a[x].start - a[y].start);
  const openB = b
    .map((_, j) => j)
    .filter(j => !usedB[j])
    .sort((x, y) => b[x].start - b[y].start);
  const candidates: { a: number; b: number; overlap: number; union: number; sameLabel: boolean; sameRest: boolean }[] = [];
  // openA and openB are sorted by start: once every span of openB[..first] ends before an a span
  // starts, none of them overlaps a later one either.
  const reach = new Float64Array(openB.length);
  openB.forEach((j, k) => {
    reach[k] = Math.max(k > 0 ? reach[k - 1] : 0, b[j].end);
  });
  let first = 0;
  for (const i of openA) {
    const s = a[i];
    while (first < openB.length && reach[first] <= s.start) first++;
    for (let k = first; k < openB.length; k++) {
      const t = b[openB[k]];
      if (t.start >= s.end) break;
      if (t.end <= s.start) continue;
      candidates.push({
        a: i,
        b: openB[k],
        overlap: Math.min(s.end, t.end) - Math.max(s.start, t.start),
        union: Math.max(s.end, t.end) - Math.min(s.start, t.start),
        sameLabel: s.label === t.label,
        sameRest: (s.entity ?? '') === (t.entity ?? '') && s.status === t.status,
      });
    }
  }
  candidates.sort(
    (x, y) =>
      y.overlap - x.overlap ||
      x.union - y.union ||
      Number(y.sameLabel) - Number(x.sameLabel) ||
      Number(y.sameRest) - Number(x.sameRest) ||
      compareText(pairKey(a[x.a], b[x.b]), pairKey(a[y.a], b[y.b])),
  );
  for (const c of candidates) {
    if (usedA[c.a] || usedB[c.b]) continue;
    usedA[c.a] = usedB[c.b] = 1;
    pairs.push({ a: c.a, b: c.b, exact: false });
  }
  return pairs;
}

/** The same string for a pair whichever side each span is on. */
function pairKey(s: MatchableSpan, t: MatchableSpan): string {
  const x = `${s.start}:${s.end}:${s.label}:${s.id}`;
  const y = `${t.start}:${t.end}:${t.label}:${t.id}`;
  return x < y ? `${x}|${y}` : `${y}|${x}`;
}

/** `list` ordered by `key` of its spans, then by label and id. */
function sortedBy(list: readonly number[], spans: readonly MatchableSpan[], key: (s: MatchableSpan) => string): number[] {
  return [...list].sort(
    (x, y) => compareText(key(spans[x]), key(spans[y])) || compareText(spans[x].label, spans[y].label) || compareText(spans[x].id, spans[y].id),
  );
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

function compareText(x: string, y: string): number {
  return x < y ? -1 : x > y ? 1 : 0;
}
