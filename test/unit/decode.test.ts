import { strict as assert } from 'node:assert';
import { decodeArticle } from '../../src/core';

describe('decodeArticle', () => {
  it('strips a UTF-8 BOM so offsets start at the text', () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode('Seoul')]);
    assert.deepEqual(decodeArticle(bytes), { text: 'Seoul', binary: false, warnings: [] });
  });

  it('decodes UTF-16 LE with a BOM', () => {
    const bytes = new Uint8Array([0xff, 0xfe, 0x53, 0x00, 0x3d, 0xd8, 0x00, 0xde]);
    assert.equal(decodeArticle(bytes).text, 'S😀');
  });

  it('replaces invalid UTF-8 and warns', () => {
    const result = decodeArticle(new Uint8Array([0x41, 0xff, 0x42]));
    assert.equal(result.text, 'A\ufffdB');
    assert.match(result.warnings[0], /invalid UTF-8/);
  });

  it('skips binary content', () => {
    const result = decodeArticle(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x00, 0x00]));
    assert.equal(result.binary, true);
    assert.equal(result.text, '');
  });
});
