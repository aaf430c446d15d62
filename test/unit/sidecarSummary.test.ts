// The corpus's reading of sidecars (src/vscode/corpus/sidecarSummary.ts): one file that cannot be
// read is reported with its error and never stops the others (issue 13, finding 15).
import { strict as assert } from 'node:assert';
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
  it('returns each failure with its file and reads the others', async () => {
    const errors: Record<string, NodeJS.ErrnoException> = {
      'b.txt.annotations.yaml': Object.assign(new Error('EACCES: permission denied'), { code: 'EACCES' }),
      'c.txt.annotations.yaml': Object.assign(new Error('EIO: i/o error'), { code: 'EIO' }),
    };
    const read = async (path: string) => {
      if (errors[path]) throw errors[path];
      return new TextEncoder().encode(SIDECAR);
    };
    const results = await summarizeSidecars(['a.txt.annotations.yaml', 'b.txt.annotations.yaml', 'c.txt.annotations.yaml', 'd.txt.annotations.yaml'], read);
    assert.deepEqual(results.map(r => r.path), ['a.txt.annotations.yaml', 'b.txt.annotations.yaml', 'c.txt.annotations.yaml', 'd.txt.annotations.yaml']);
    assert.match((results[1] as { error: string }).error, /EACCES/);
    assert.match((results[2] as { error: string }).error, /EIO/);
    for (const i of [0, 3]) {
      const ok = results[i] as { dct?: string; annotations: { id: string }[] };
      assert.equal(ok.dct, '2026-01-05');
      assert.deepEqual(ok.annotations.map(a => a.id), ['a1']);
    }
  });

  it('reads a sidecar with a BOM and one with bytes that are not UTF-8', async () => {
    const bom = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(SIDECAR)]);
    const bad = new Uint8Array([...new TextEncoder().encode(SIDECAR.replace('Seoul', 'Seou?')).map(b => (b === 0x3f ? 0xff : b))]);
    const [withBom, undecodable] = await summarizeSidecars(['bom', 'bad'], async path => (path === 'bom' ? bom : bad));
    assert.equal((withBom as { dct?: string }).dct, '2026-01-05');
    assert.equal((undecodable as { dct?: string }).dct, '2026-01-05');
  });
});
