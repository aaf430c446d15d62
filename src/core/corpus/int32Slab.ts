/**
 * Int32Arrays handed out as views of larger ones. A typed array of its own for each of a hundred
 * thousand documents (a store outside the heap, which the collector tracks) cost a warm start more
 * than filling them did. A chunk lives as long as any view of it: only for views made together
 * that live about as long (documents entered in bulk, tables built at once). Views replaced one by
 * one (an edited article's) would keep chunk after chunk alive for a few live neighbours.
 */
export class Int32Slab {
  private chunk = new Int32Array(0);
  private at = 0;

  /** `chunkLength`: numbers per chunk; a request above an eighth of it gets an array of its own. */
  constructor(private readonly chunkLength = 1 << 18) {}

  /** `length` numbers, zero. */
  take(length: number): Int32Array {
    if (length > this.chunkLength >> 3) return new Int32Array(length);
    if (this.at + length > this.chunk.length) {
      this.chunk = new Int32Array(this.chunkLength);
      this.at = 0;
    }
    this.at += length;
    return this.chunk.subarray(this.at - length, this.at);
  }

  /** A copy of `numbers`. */
  copy(numbers: Int32Array): Int32Array {
    const out = this.take(numbers.length);
    out.set(numbers);
    return out;
  }
}
