/**
 * Int32Arrays handed out as views of larger ones. A typed array of its own for each of a hundred
 * thousand documents (a store outside the heap, which the collector tracks) cost a warm start more
 * than filling them did. A chunk lives as long as any view of it: only for views made together
 * that live about as long (documents entered in bulk, tables built at once). Views replaced one by
 * one (an edited article's) would keep chunk after chunk alive for a few live neighbours.
 */
export class Int32Slab {
  private current = new Int32Array(0);
  private at = 0;

  /** `chunkLength`: numbers per chunk; a request above an eighth of it gets a chunk of its own. */
  constructor(private readonly chunkLength = 1 << 18) {}

  /** The chunk the last `reserve` made room in. */
  get chunk(): Int32Array {
    return this.current;
  }

  /** Room for `length` numbers (zero) in `chunk`: where they start. */
  reserve(length: number): number {
    if (length > this.chunkLength >> 3) {
      this.current = new Int32Array(length);
      this.at = length;
      return 0;
    }
    if (this.at + length > this.current.length) {
      this.current = new Int32Array(this.chunkLength);
      this.at = 0;
    }
    this.at += length;
    return this.at - length;
  }

  /** `length` numbers, zero. */
  take(length: number): Int32Array {
    const at = this.reserve(length);
    return this.current.subarray(at, at + length);
  }

  /** A copy of `numbers`. */
  copy(numbers: ArrayLike<number>): Int32Array {
    const out = this.take(numbers.length);
    out.set(numbers);
    return out;
  }
}
