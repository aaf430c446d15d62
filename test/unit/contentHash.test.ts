import { strict as assert } from 'node:assert';
import { utf8Hash } from '../../src/core/corpus/contentHash';

/** utf8Hash as first written: each 32-bit word assembled from its four bytes (what snapshots of format 5 recorded). */
function byteWise(bytes: Uint8Array): string {
  let h1 = 0x811c9dc5;
  let h2 = 0x050c5d1f;
  const n = bytes.length;
  let i = 0;
  for (; i + 7 < n; i += 8) {
    h1 = Math.imul(h1 ^ (bytes[i] | (bytes[i + 1] << 8) | (bytes[i + 2] << 16) | (bytes[i + 3] << 24)), 0x9e3779b1);
    h1 ^= h1 >>> 16;
    h2 = Math.imul(h2 ^ (bytes[i + 4] | (bytes[i + 5] << 8) | (bytes[i + 6] << 16) | (bytes[i + 7] << 24)), 0x9e3779b1);
    h2 ^= h2 >>> 16;
  }
  for (; i < n; i++) h1 = Math.imul(h1 ^ bytes[i], 0x01000193);
  return `u${n.toString(36)}.${(h1 >>> 0).toString(36)}.${(h2 >>> 0).toString(36)}`;
}

describe('utf8Hash', () => {
  const text = 'Lee Jae-myung met Xi Jinping in Beijing 😀 on Monday.\r\nÉdouard said ÿ\u00ff€ 𝔘 in Seoul.\n';
  const bytes = new TextEncoder().encode(text.repeat(5));

  it('gives what the byte-wise hash gives, for every length and alignment (words read in place or copied)', () => {
    for (let offset = 0; offset < 8; offset++) {
      for (let length = 0; length + offset <= bytes.length; length += 7) {
        const part = bytes.subarray(offset, offset + length);
        assert.equal(utf8Hash(part), byteWise(part), `offset ${offset}, length ${length}`);
      }
    }
  });

  it('tells texts apart that differ in one byte, at either hash and in the tail', () => {
    const seen = new Set<string>();
    for (const at of [0, 3, 4, 7, bytes.length - 1]) {
      const changed = bytes.slice();
      changed[at] ^= 1;
      seen.add(utf8Hash(changed));
    }
    seen.add(utf8Hash(bytes));
    assert.equal(seen.size, 6);
  });
});
