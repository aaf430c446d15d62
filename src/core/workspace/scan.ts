/**
 * Finding the articles of a folder: every file the include globs match and the exclude globs do
 * not (paths relative to the folder), in a stable order. Symbolic links are not followed, so a
 * scan never loops and never leaves the folder.
 */
import { articleMatcher } from '../articleFiles';
import type { FileSystem } from './fileSystem';
import { joinPath } from './pathText';

export interface ArticleGlobs {
  include?: readonly string[];
  exclude?: readonly string[];
}

/** A folder that could not be listed during a scan, and why. */
export interface ScanProblem {
  path: string;
  error: unknown;
}

/**
 * The articles under `folder`, relative to it (`/`-separated): depth first, the entries of each
 * folder in code-unit order of their names. Excluded folders are not entered. A folder that cannot
 * be listed is reported in `problems` and skipped; the root folder failing throws.
 */
export async function scanArticles(fs: FileSystem, folder: string, globs: ArticleGlobs = {}, problems: ScanProblem[] = []): Promise<string[]> {
  const matcher = articleMatcher(globs.include, globs.exclude);
  const out: string[] = [];
  const visit = async (rel: string): Promise<void> => {
    const entries = await fs.readDirectory(rel ? joinPath(folder, rel) : folder);
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      const path = rel ? `${rel}/${entry.name}` : entry.name;
      if (entry.type === 'directory') {
        if (matcher.isExcludedFolder(path)) continue;
        await visit(path).catch(error => {
          problems.push({ path: joinPath(folder, path), error });
        });
      } else if (entry.type === 'file' && matcher.isArticle(path)) {
        out.push(path);
      }
    }
  };
  await visit('');
  return out;
}
