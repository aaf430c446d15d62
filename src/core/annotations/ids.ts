/** Produces candidate annotation ids; inject a deterministic one in tests. */
export type IdGenerator = () => string;

const LETTERS = 'abcdefghijklmnopqrstuvwxyz';
const ALPHABET = '0123456789abcdefghijklmnopqrstuvwxyz';

/** Length of generated ids: 8 characters, a letter then 7 base-36 characters (~2 * 10^12 ids). */
export const ID_LENGTH = 8;

/**
 * A generator of random ids of `ID_LENGTH` characters: a lowercase letter, then base-36 digits.
 * Ids start with a letter so that YAML never reads them as numbers. `random` returns numbers in
 * [0, 1); by default the platform's `crypto.getRandomValues` is used when present, else Math.random.
 */
export function randomIdGenerator(random?: () => number): IdGenerator {
  const next = random ?? defaultRandom();
  return () => {
    let id = LETTERS[Math.floor(next() * LETTERS.length) % LETTERS.length];
    for (let i = 1; i < ID_LENGTH; i++) id += ALPHABET[Math.floor(next() * ALPHABET.length) % ALPHABET.length];
    return id;
  };
}

/**
 * A new id not in `existing`. Throws when the generator keeps repeating taken ids (a broken
 * generator), after 1,000 attempts.
 */
export function newAnnotationId(existing: Iterable<string> | ReadonlySet<string>, generate: IdGenerator = defaultGenerator): string {
  const taken = existing instanceof Set ? (existing as ReadonlySet<string>) : new Set(existing);
  for (let attempt = 0; attempt < 1000; attempt++) {
    const id = generate();
    if (id && !taken.has(id)) return id;
  }
  throw new Error('newAnnotationId: the id generator produced only taken ids');
}

const defaultGenerator: IdGenerator = randomIdGenerator();

function defaultRandom(): () => number {
  const crypto = (globalThis as { crypto?: { getRandomValues?: (a: Uint32Array) => Uint32Array } }).crypto;
  if (crypto?.getRandomValues) {
    const buffer = new Uint32Array(64);
    let i = buffer.length;
    return () => {
      if (i === buffer.length) {
        crypto.getRandomValues!(buffer);
        i = 0;
      }
      return buffer[i++] / 0x1_0000_0000;
    };
  }
  return Math.random;
}
