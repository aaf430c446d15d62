/**
 * Krippendorff's alpha for unitizing, alpha_u (Krippendorff 2004, "Content Analysis", 2nd ed.,
 * section 12.4; Krippendorff 1995, "On the reliability of unitizing continuous data"): how far
 * observers agree on where the units of a category are in a continuum, counting every character.
 *
 * Each observer cuts the continuum of length L, per category c, into sections: its units of c and
 * the gaps between them. Two sections of different observers differ by
 * - units overlapping: (begin difference)^2 + (end difference)^2;
 * - a unit lying inside a gap of the other: the unit's length^2;
 * - otherwise 0.
 * D_o(c) is the sum over ordered pairs of observers of these differences, over m(m-1)L^2; D_e(c)
 * is the same over every way the observed units could be placed in the continuum (the closed form
 * of Krippendorff 2004, p. 252). alpha_u(c) = 1 - D_o(c) / D_e(c), and over all categories
 * alpha_u = 1 - sum D_o / sum D_e.
 *
 * A corpus is one continuum: its documents laid end to end (`addStretch` per document), so a gap
 * may run from the end of one document into the next. One observer's overlapping units of the same
 * category are merged into one (the measure assumes they do not overlap).
 */

/** A unit an observer marked in a stretch, offsets relative to the stretch. */
export interface MarkedUnit {
  /** Observer index, 0 <= observer < observers. */
  observer: number;
  start: number;
  end: number;
  category: string;
}

/** Observed and expected disagreement of one category, and its alpha_u. */
export interface CategoryUnitizing {
  observed: number;
  expected: number;
  /** null when the expected disagreement is 0 (nothing to compare). */
  alpha: number | null;
}

export interface UnitizingResult {
  /** Over all categories; null without units. */
  alpha: number | null;
  categories: Map<string, CategoryUnitizing>;
}

interface Tally {
  /** Sum of differences over ordered pairs of observers. */
  observed: number;
  lengths: number[];
  gaps: number[];
  /** Per observer, where its last unit of the category ended (offset in the whole continuum). */
  lastEnd: number[];
}

interface Section {
  start: number;
  end: number;
  unit: boolean;
}

export class UnitizingAlpha {
  private length = 0;
  private readonly tallies = new Map<string, Tally>();

  /** `observers`: m, how many observers unitized every stretch (at least 2). */
  constructor(readonly observers: number) {}

  /** Adds a stretch of continuum (a document) of `length` with the units each observer marked in it. */
  addStretch(length: number, units: readonly MarkedUnit[]): void {
    const base = this.length;
    this.length += length;
    const byCategory = new Map<string, MarkedUnit[][]>();
    for (const u of units) {
      const start = Math.max(0, u.start);
      const end = Math.min(length, u.end);
      if (end <= start || u.observer < 0 || u.observer >= this.observers) continue;
      let perObserver = byCategory.get(u.category);
      if (!perObserver) byCategory.set(u.category, (perObserver = Array.from({ length: this.observers }, () => [])));
      perObserver[u.observer].push({ ...u, start, end });
    }
    for (const [category, perObserver] of byCategory) {
      let tally = this.tallies.get(category);
      if (!tally) this.tallies.set(category, (tally = { observed: 0, lengths: [], gaps: [], lastEnd: new Array(this.observers).fill(0) }));
      const sections = perObserver.map(list => sectionsOf(merged(list), length));
      for (let i = 0; i < this.observers; i++) {
        for (let j = i + 1; j < this.observers; j++) tally.observed += 2 * pairDifference(sections[i], sections[j]);
        for (const s of sections[i]) {
          if (!s.unit) continue;
          tally.lengths.push(s.end - s.start);
          const gap = base + s.start - tally.lastEnd[i];
          if (gap > 0) tally.gaps.push(gap);
          tally.lastEnd[i] = base + s.end;
        }
      }
    }
  }

  result(): UnitizingResult {
    const categories = new Map<string, CategoryUnitizing>();
    let observedSum = 0;
    let expectedSum = 0;
    for (const [category, tally] of [...this.tallies].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
      const observed = tally.observed / (this.observers * (this.observers - 1) * this.length ** 2);
      const expected = this.expected(tally);
      categories.set(category, { observed, expected, alpha: expected > 0 ? 1 - observed / expected : null });
      observedSum += observed;
      expectedSum += expected;
    }
    return { alpha: expectedSum > 0 ? 1 - observedSum / expectedSum : null, categories };
  }

  /**
   * D_e(c) = 2/L * sum over units u of [ (N_c - 1)(2l^3 - 3l^2 + l)/3 + l^2 * sum over gaps g >= l
   * of (g - l + 1) ] / ( mL(mL - 1) - sum over units of l(l - 1) ), with l the unit's length and
   * N_c the number of units of every observer.
   */
  private expected(tally: Tally): number {
    const L = this.length;
    const m = this.observers;
    const gaps = [...tally.gaps, ...tally.lastEnd.map(end => L - end).filter(g => g > 0)].sort((a, b) => a - b);
    // fromHere[k]: sum of gaps[k..]; with a binary search, each unit's gap sum costs log(gaps).
    const fromHere = new Float64Array(gaps.length + 1);
    for (let k = gaps.length - 1; k >= 0; k--) fromHere[k] = fromHere[k + 1] + gaps[k];
    const n = tally.lengths.length;
    let sum = 0;
    let selfPairs = 0;
    for (const l of tally.lengths) {
      const k = firstAtLeast(gaps, l);
      const gapTerm = fromHere[k] - (l - 1) * (gaps.length - k);
      sum += ((n - 1) * (2 * l ** 3 - 3 * l ** 2 + l)) / 3 + l ** 2 * gapTerm;
      selfPairs += l * (l - 1);
    }
    const denominator = m * L * (m * L - 1) - selfPairs;
    return denominator > 0 ? ((2 / L) * sum) / denominator : 0;
  }
}

/** Index of the first value >= x in ascending `sorted` (its length when none). */
function firstAtLeast(sorted: readonly number[], x: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid] < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Units in order, overlapping ones merged. */
function merged(units: MarkedUnit[]): { start: number; end: number }[] {
  const sorted = units.map(u => ({ start: u.start, end: u.end })).sort((a, b) => a.start - b.start || a.end - b.end);
  const out: { start: number; end: number }[] = [];
  for (const u of sorted) {
    const last = out[out.length - 1];
    if (last && u.start < last.end) last.end = Math.max(last.end, u.end);
    else out.push(u);
  }
  return out;
}

/** Units and the gaps between them, covering [0, length). */
function sectionsOf(units: { start: number; end: number }[], length: number): Section[] {
  const out: Section[] = [];
  let at = 0;
  for (const u of units) {
    if (u.start > at) out.push({ start: at, end: u.start, unit: false });
    out.push({ start: u.start, end: u.end, unit: true });
    at = u.end;
  }
  if (at < length) out.push({ start: at, end: length, unit: false });
  return out;
}

/** Sum of differences between the sections of two observers (each pair of overlapping sections once). */
function pairDifference(a: readonly Section[], b: readonly Section[]): number {
  let sum = 0;
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    sum += difference(a[i], b[j]);
    if (a[i].end <= b[j].end) i++;
    else j++;
  }
  return sum;
}

function difference(s: Section, t: Section): number {
  if (s.unit && t.unit) return s.start < t.end && t.start < s.end ? (s.start - t.start) ** 2 + (s.end - t.end) ** 2 : 0;
  if (s.unit && !t.unit) return t.start <= s.start && s.end <= t.end ? (s.end - s.start) ** 2 : 0;
  if (!s.unit && t.unit) return s.start <= t.start && t.end <= s.end ? (t.end - t.start) ** 2 : 0;
  return 0;
}
