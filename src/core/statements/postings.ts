/**
 * Growable lists of integers, one per feature id, in typed arrays (half the memory of number
 * arrays, and nothing for the collector to scan).
 */
export class Postings {
  private lists: (Int32Array | undefined)[] = [];
  private sizes: number[] = [];

  add(feature: number, value: number): void {
    let list = this.lists[feature];
    const size = this.sizes[feature] ?? 0;
    if (!list || size === list.length) {
      const grown = new Int32Array(Math.max(4, size * 2));
      if (list) grown.set(list);
      this.lists[feature] = list = grown;
    }
    list[size] = value;
    this.sizes[feature] = size + 1;
  }

  /** The values of a feature (a view: valid until the next `add` or `clear`). */
  get(feature: number): Int32Array {
    const list = this.lists[feature];
    return list ? list.subarray(0, this.sizes[feature]) : EMPTY;
  }

  size(feature: number): number {
    return this.sizes[feature] ?? 0;
  }

  clear(): void {
    this.lists = [];
    this.sizes = [];
  }
}

const EMPTY = new Int32Array(0);
