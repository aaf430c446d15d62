/**
 * Converting between UTF-16 code-unit offsets (Marginalia's own) and code-point offsets (what the
 * W3C TextPositionSelector, BRAT standoff and doccano count). A lone surrogate counts as one code
 * point, as `Array.from(text)` counts it.
 */

/** Converts offsets of one text both ways in O(log n) per offset after an O(n) scan. */
export class OffsetMap {
  /** UTF-16 index of the high half of every surrogate pair, ascending. */
  private readonly pairs: number[] = [];
  /** Total length in code points. */
  readonly codePointLength: number;

  constructor(readonly text: string) {
    for (let i = 0; i + 1 < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c >= 0xd800 && c <= 0xdbff) {
        const d = text.charCodeAt(i + 1);
        if (d >= 0xdc00 && d <= 0xdfff) {
          this.pairs.push(i);
          i++;
        }
      }
    }
    this.codePointLength = text.length - this.pairs.length;
  }

  /** True when the text has no surrogate pairs (both offsets are then the same). */
  get isBmp(): boolean {
    return this.pairs.length === 0;
  }

  /**
   * The code-point offset of the UTF-16 offset `u` (clamped to the text). An offset between the
   * two halves of a pair maps to the pair's start.
   */
  toCodePoint(u: number): number {
    const at = Math.max(0, Math.min(this.text.length, u));
    // Pairs that start before `at` each take one code point less than their two units.
    return at - lowerBound(this.pairs, at, p => p);
  }

  /** The UTF-16 offset of the code-point offset `cp` (clamped to the text). */
  toUtf16(cp: number): number {
    const at = Math.max(0, Math.min(this.codePointLength, cp));
    // The i-th pair starts at code point pairs[i] - i; pairs starting before `at` add one unit each.
    return at + lowerBound(this.pairs, at, (p, i) => p - i);
  }
}

/** How many elements of ascending `list` have `key(element, index) < value`. */
function lowerBound(list: readonly number[], value: number, key: (p: number, i: number) => number): number {
  let lo = 0,
    hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (key(list[mid], mid) < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
