import { strict as assert } from 'node:assert';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { preProcessFile } from 'typescript';

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap(e =>
    e.isDirectory() ? sourceFiles(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : [],
  );
}

/** The files of the project that `file` imports, type-only imports included. */
function importsOf(file: string): string[] {
  return preProcessFile(readFileSync(file, 'utf8'), true, true)
    .importedFiles.filter(i => i.fileName.startsWith('.'))
    .map(i => join(dirname(file), i.fileName))
    .flatMap(base => [`${base}.ts`, join(base, 'index.ts')].filter(existsSync).slice(0, 1));
}

describe('src/core boundary', () => {
  it('never imports vscode or a Node built-in', () => {
    const offenders = sourceFiles('src/core').filter(file =>
      /(?:from\s+|require\(\s*|import\(\s*)['"](?:vscode|node:[\w/]+|fs|path|os|child_process)['"]/.test(readFileSync(file, 'utf8')),
    );
    assert.deepEqual(offenders, []);
  });

  // ESLint's import-x/no-cycle finds the cycles that matter at run time; it skips type-only imports.
  it('has no import cycle in src, type-only imports included', () => {
    const files = sourceFiles('src');
    assert.ok(files.length > 50, `only ${files.length} files found`);
    const graph = new Map(files.map(f => [f, importsOf(f)]));
    const done = new Set<string>();
    const cycles: string[] = [];
    const visit = (file: string, path: string[]): void => {
      const at = path.indexOf(file);
      if (at >= 0) {
        cycles.push([...path.slice(at), file].join(' -> '));
        return;
      }
      if (done.has(file)) return;
      for (const next of graph.get(file) ?? []) visit(next, [...path, file]);
      done.add(file);
    };
    for (const f of files) visit(f, []);
    assert.deepEqual(cycles, []);
  });
});
