import { strict as assert } from 'node:assert';
import { Int32Slab } from '../../src/core/corpus/int32Slab';

describe('Int32Slab', () => {
  it('hands out zeroed views that never overlap, in new chunks as they fill, and large requests on their own', () => {
    const slab = new Int32Slab(64);
    const views = [3, 5, 0, 8, 8, 8, 8].map(n => slab.take(n));
    views.forEach((v, i) => v.fill(i + 1));
    views.forEach((v, i) =>
      assert.ok(
        v.every(x => x === i + 1),
        `view ${i}`,
      ),
    );
    assert.equal(views[0].buffer, views[1].buffer, 'small ones share a chunk');
    const large = slab.take(9);
    assert.equal(large.length, 9);
    assert.equal(large.buffer.byteLength, 36, 'above an eighth of a chunk: its own');
    const copy = slab.copy(Int32Array.from([7, -1, 2 ** 31 - 1]));
    assert.deepEqual(Array.from(copy), [7, -1, 2 ** 31 - 1]);
    assert.ok(
      views[6].every(x => x === 7),
      'a copy does not touch the views before it',
    );
  });
});
