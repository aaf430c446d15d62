import { strict as assert } from 'node:assert';
import { sortSteps } from '../../src/core/steps';

// A sort in steps (a discrepancy's statements, src/core/statements/discrepancies.ts) orders as
// Array.prototype.sort does, ties in their first order included, and pauses every `per` items placed.
describe('sortSteps', () => {
  it('orders as Array.prototype.sort, stable, at every length', () => {
    let seed = 7;
    const next = () => (seed = (seed * 48271) % 2147483647);
    for (const length of [0, 1, 2, 3, 5, 8, 33, 1000, 4097]) {
      const items = Array.from({ length }, (_, i) => ({ key: next() % 10, i }));
      const byKey = (a: { key: number }, b: { key: number }) => a.key - b.key;
      const steps = sortSteps(items, byKey, 64);
      let pauses = 0;
      let r = steps.next();
      for (; !r.done; r = steps.next()) pauses++;
      assert.deepEqual(r.value, [...items].sort(byKey));
      // each of the passes places every item once: a pause after each 64
      const passes = length > 1 ? Math.ceil(Math.log2(length)) : 0;
      assert.equal(pauses, Math.floor((passes * length) / 64), `${pauses} pauses at ${length}`);
    }
  });
});
