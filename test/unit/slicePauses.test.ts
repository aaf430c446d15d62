import { strict as assert } from 'node:assert';
import { slicePauses } from '../../src/vscode/common/slices';

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
