// Feature hashing: a feature is a template number and a value (a word, a code), hashed to an
// integer; no string is built for it. The model keeps one row of weights per hash bucket.

/** FNV-1a offset basis: the hash of no characters. */
export const EMPTY_HASH = 0x811c9dc5 | 0;

/** Continues hash `h` with one UTF-16 code unit, folded to lowercase for A-Z. */
export function hashChar(h: number, c: number): number {
  return Math.imul(h ^ (c >= 65 && c <= 90 ? c + 32 : c), 0x01000193);
}

/** The hash of text[s, e), A-Z folded to lowercase. */
export function hashRange(text: string, s: number, e: number): number {
  let h = EMPTY_HASH;
  for (let i = s; i < e; i++) h = hashChar(h, text.charCodeAt(i));
  return h;
}

/** The hash of a whole string, A-Z folded to lowercase. */
export function hashString(s: string): number {
  return hashRange(s, 0, s.length);
}

/** The bucket of feature (template, value) in a table of 2^bits rows. */
export function bucket(template: number, value: number, bits: number): number {
  let h = Math.imul(value ^ Math.imul(template + 1, 0x9e3779b1), 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> (32 - bits);
}
