/**
 * A fast, non-cryptographic fingerprint of a text: its length and 64 bits of FNV-1a style hashing
 * of its UTF-16 code units (two 32-bit hashes over alternate code units, which halves the work), so
 * that a changed document is told from its cached analysis with near certainty. Not for anything
 * adversarial. `start` and `end` hash a part of the text without cutting it out.
 */
export function contentHash(text: string, start = 0, end = text.length): string {
  let h1 = 0x811c9dc5;
  let h2 = 0x050c5d1f;
  let i = start;
  for (; i + 1 < end; i += 2) {
    h1 = Math.imul(h1 ^ text.charCodeAt(i), 0x01000193);
    h2 = Math.imul(h2 ^ text.charCodeAt(i + 1), 0x01000193);
  }
  if (i < end) h1 = Math.imul(h1 ^ text.charCodeAt(i), 0x01000193);
  return `${(end - start).toString(36)}.${(h1 >>> 0).toString(36)}.${(h2 >>> 0).toString(36)}`;
}

/** True where typed arrays are little-endian (every platform Node and VS Code run on; checked all the same). */
const LITTLE_ENDIAN = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;

/**
 * `contentHash` of a text's UTF-8 encoding, as a file holds it (what a corpus index keys its
 * analyses by): read four bytes at a time, little-endian, so that a file is checked without
 * decoding it. The words are read through an Int32Array over the bytes (a copy when they are not
 * aligned), twice as fast as assembling them from bytes (a warm start hashes every article).
 */
export function utf8Hash(bytes: Uint8Array): string {
  let h1 = 0x811c9dc5;
  let h2 = 0x050c5d1f;
  const n = bytes.length;
  const count = (n >> 3) << 1; // 32-bit words in whole 8-byte blocks
  const words = LITTLE_ENDIAN ? wordsOf(bytes, count) : undefined;
  if (words) {
    for (let k = 0; k < count; k += 2) {
      h1 = Math.imul(h1 ^ words[k], 0x9e3779b1);
      h1 ^= h1 >>> 16;
      h2 = Math.imul(h2 ^ words[k + 1], 0x9e3779b1);
      h2 ^= h2 >>> 16;
    }
  } else {
    for (let i = 0; i < count * 4; i += 8) {
      h1 = Math.imul(h1 ^ (bytes[i] | (bytes[i + 1] << 8) | (bytes[i + 2] << 16) | (bytes[i + 3] << 24)), 0x9e3779b1);
      h1 ^= h1 >>> 16;
      h2 = Math.imul(h2 ^ (bytes[i + 4] | (bytes[i + 5] << 8) | (bytes[i + 6] << 16) | (bytes[i + 7] << 24)), 0x9e3779b1);
      h2 ^= h2 >>> 16;
    }
  }
  for (let i = count * 4; i < n; i++) h1 = Math.imul(h1 ^ bytes[i], 0x01000193);
  return `u${n.toString(36)}.${(h1 >>> 0).toString(36)}.${(h2 >>> 0).toString(36)}`;
}

/** The first `count` 32-bit words of `bytes`, in place when aligned, else copied. */
function wordsOf(bytes: Uint8Array, count: number): Int32Array {
  if (bytes.byteOffset % 4 === 0) return new Int32Array(bytes.buffer, bytes.byteOffset, count);
  const words = new Int32Array(count);
  new Uint8Array(words.buffer).set(bytes.subarray(0, count * 4));
  return words;
}
