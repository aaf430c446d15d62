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
