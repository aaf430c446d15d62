import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { SourceDocument } from '../../../src/core/types';

/** The .txt and .md files below `dir`, folders walked in name order. */
export function articlePaths(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap(name => {
      const path = join(dir, name);
      return statSync(path).isDirectory() ? articlePaths(path) : /\.(txt|md)$/.test(name) ? [path] : [];
    });
}

/** The articles below `dir` (the sample workspace unless told), read as UTF-8. */
export function readArticles(dir = 'samples'): SourceDocument[] {
  return articlePaths(dir).map(path => ({ path, text: readFileSync(path, 'utf8') }));
}
