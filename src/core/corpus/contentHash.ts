/**
 * A fast, non-cryptographic fingerprint of a text: its length and 64 bits of FNV-1a style hashing
 * of its UTF-16 code units (two 32-bit hashes over alternate code units, which halves the work), so
 * that a changed document is told from its cached analysis with near certainty. Not for anything
 * adversarial.
 */
export function contentHash(text: string): string {
  let h1 = 0x811c9dc5;
  let h2 = 0x050c5d1f;
  const n = text.length;
  let i = 0;
  for (; i + 1 < n; i += 2) {
    h1 = Math.imul(h1 ^ text.charCodeAt(i), 0x01000193);
    h2 = Math.imul(h2 ^ text.charCodeAt(i + 1), 0x01000193);
  }
  if (i < n) h1 = Math.imul(h1 ^ text.charCodeAt(i), 0x01000193);
  return `${n.toString(36)}.${(h1 >>> 0).toString(36)}.${(h2 >>> 0).toString(36)}`;
}
