// A generated corpus for the CLI's end-to-end tests: articles made from the samples' paragraphs
// (scripts/makeCorpus.mjs) in `cwd`/corpus, with a registry that merges, renames and leaves out.
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..');

/** Writes `docs` generated articles to `cwd`/corpus and its registry `.marginalia/entities.yaml`. */
export function generatedCorpus(cwd: string, docs: number): void {
  execFileSync(
    process.execPath,
    [join(ROOT, 'scripts', 'makeCorpus.mjs'), '--docs', String(docs), '--from', join(ROOT, 'samples'), '--out', join(cwd, 'corpus')],
    {
      stdio: 'ignore',
    },
  );
  mkdirSync(join(cwd, 'corpus', '.marginalia'));
  writeFileSync(
    join(cwd, 'corpus', '.marginalia', 'entities.yaml'),
    'version: 1\nnotEntities:\n  - Danube\nentities:\n  - id: lee-jae-myung\n    name: President Lee\n    merged: [xi-jinping]\n',
  );
}
