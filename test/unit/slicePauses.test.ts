import { strict as assert } from 'node:assert';
import { SharedSlices, slicePauses } from '../../src/vscode/common/slices';

// A loop on the host over many items gives the event loop a turn once its slice is over, and only then.
describe('slicePauses', () => {
  it('gives a turn once the slice is over (a timer due runs), none before', async () => {
    let fired = false;
    setTimeout(() => (fired = true), 0);
    await slicePauses(60_000)();
    assert.equal(fired, false);
    await slicePauses(-1)();
    assert.equal(fired, true);
  });
});

// Loops that share slices (the statement jobs on the host and the gathering of their articles) share the turns too.
describe('SharedSlices', () => {
  it('gives one turn to all that wait; one that finds the slice used when it resumes waits for the next', async () => {
    const slices = new SharedSlices(5);
    let turns = 0;
    const tick = () => {
      turns++;
      if (turns < 10) setTimeout(tick, 0);
    };
    setTimeout(tick, 0);
    const log: { step: string; turn: number }[] = [];
    const loop = async (name: string) => {
      for (let i = 0; i < 2; i++) {
        while (slices.over) await slices.next();
        log.push({ step: `${name}${i}`, turn: turns });
        while (!slices.over); // a step that uses the slice
      }
    };
    await Promise.all([loop('a'), loop('b')]);
    // in the order they waited, and no two steps in one turn
    assert.deepEqual(
      log.map(l => l.step),
      ['a0', 'a1', 'b0', 'b1'],
    );
    assert.ok(
      log.every((l, i) => i === 0 || l.turn > log[i - 1].turn),
      JSON.stringify(log),
    );
  });

  it('resolves at once while the slice lasts', async () => {
    let fired = false;
    setTimeout(() => (fired = true), 0);
    const slices = new SharedSlices(60_000);
    while (slices.over) await slices.next();
    assert.equal(fired, false);
  });
});
