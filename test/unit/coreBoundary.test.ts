import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap(e =>
    e.isDirectory() ? sourceFiles(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : []);
}

describe('src/core boundary', () => {
  it('never imports vscode or a Node built-in', () => {
    const offenders = sourceFiles('src/core').filter(file =>
      /(?:from\s+|require\(\s*|import\(\s*)['"](?:vscode|node:[\w/]+|fs|path|os|child_process)['"]/.test(readFileSync(file, 'utf8')));
    assert.deepEqual(offenders, []);
  });
});
