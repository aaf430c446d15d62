// The corpus's reading of sidecars (src/vscode/corpus/sidecarSummary.ts, run in a worker by the
// extension): one file that cannot be read is reported with its problem and never stops the others
// (issue 13, finding 15); a sidecar outside the folder is not read.
import { strict as assert } from 'node:assert';
import { MemoryFileSystem } from '../../src/core';
import { summarizeSidecars } from '../../src/vscode/corpus/sidecarSummary';

const SIDECAR = `version: 1
dct: 2026-01-05
annotations:
  - id: a1
    target: {quote: Seoul, prefix: '', suffix: '', start: 0, end: 5}
    label: place
    status: confirmed
`;

describe('sidecar summaries for the corpus', () => {
  it('reports each sidecar that cannot be read with its problem and reads the others', async () => {
    const fs = new MemoryFileSystem()
      .put('/w/a.txt', 'Seoul')
      .put('/w/a.txt.annotations.yaml', SIDECAR)
      .put('/w/b.txt', 'Seoul')
      .put('/w/b.txt.annotations.yaml', SIDECAR)
      .put('/w/c.txt', 'Seoul')
      .put('/w/c.txt.annotations.yaml', new Uint8Array([0x76, 0x65, 0xff, 0x0a]))
      .put('/w/d.txt', 'Seoul')
      .put('/w/d.txt.annotations.yaml', SIDECAR)
      .put('/w/e.txt', 'Seoul')
      .setReadable('/w/b.txt.annotations.yaml', false);
    const results = await summarizeSidecars(fs, '/w', ['/w/a.txt', '/w/b.txt', '/w/c.txt', '/w/d.txt', '/w/e.txt']);
    assert.deepEqual(
      results.map(r => r.article),
      ['/w/a.txt', '/w/b.txt', '/w/c.txt', '/w/d.txt'],
      'e.txt has no sidecar',
    );
    const problem = (i: number) => (results[i] as { problem?: string }).problem ?? '';
    assert.match(problem(1), /cannot be read/);
    assert.match(problem(2), /not UTF-8/);
    for (const i of [0, 3]) {
      const ok = results[i] as { dct?: string; annotations: { id: string }[] };
      assert.equal(ok.dct, '2026-01-05');
      assert.deepEqual(
        ok.annotations.map(a => a.id),
        ['a1'],
      );
    }
  });

  it('reads a sidecar with a BOM, and not one that a link leads outside the folder', async () => {
    const fs = new MemoryFileSystem()
      .put('/w/bom.txt', 'Seoul')
      .put('/w/bom.txt.annotations.yaml', `\uFEFF${SIDECAR}`)
      .put('/elsewhere/x.yaml', SIDECAR)
      .put('/w/linked.txt', 'Seoul')
      .symlink('/elsewhere/x.yaml', '/w/linked.txt.annotations.yaml');
    const results = await summarizeSidecars(fs, '/w', ['/w/bom.txt', '/w/linked.txt']);
    assert.deepEqual(
      results.map(r => r.article),
      ['/w/bom.txt'],
    );
    assert.equal((results[0] as { dct?: string }).dct, '2026-01-05');
  });
});
