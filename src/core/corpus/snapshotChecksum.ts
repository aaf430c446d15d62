// The checksum of an index snapshot (snapshot.ts): two 32-bit hashes of every byte after its
// preamble, taken in as the bytes are made (a snapshot is written in pieces) or read.

/** The checksum of 32-bit words given in order, in any number of parts, then of a tail of bytes. */
export class SnapshotChecksum {
  private h1 = 0x811c9dc5;
  private h2 = 0x050c5d1f;
  /** A word whose pair is in the next part. */
  private odd: number | undefined;

  /** Takes in the next words: every even one (counting from the first of all) into one hash, every odd one into the other. */
  add(words: Int32Array): void {
    if (words.length === 0) return;
    let { h1, h2 } = this;
    // the first pair may begin in the part before
    let k = this.odd === undefined ? 0 : -1;
    for (; k + 1 < words.length; k += 2) {
      h1 = Math.imul(h1 ^ (k < 0 ? this.odd! : words[k]), 0x9e3779b1);
      h1 ^= h1 >>> 16;
      h2 = Math.imul(h2 ^ words[k + 1], 0x9e3779b1);
      h2 ^= h2 >>> 16;
    }
    this.odd = k < words.length ? words[k] : undefined;
    this.h1 = h1;
    this.h2 = h2;
  }

  /** The two hashes, after the bytes `tail` (fewer than 4, after the last word). */
  end(tail: Uint8Array): [number, number] {
    let { h1, h2 } = this;
    if (this.odd !== undefined) h1 = Math.imul(h1 ^ this.odd, 0x01000193);
    for (const b of tail) h2 = Math.imul(h2 ^ b, 0x01000193);
    return [h1 | 0, h2 | 0];
  }
}
