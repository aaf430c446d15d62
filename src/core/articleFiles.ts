import picomatch from 'picomatch';

/** Which files count as articles unless the user says otherwise (setting `marginalia.include`). */
export const DEFAULT_INCLUDE: readonly string[] = ['**/*.{txt,md}'];
/** Folders that never hold articles (setting `marginalia.exclude`). */
export const DEFAULT_EXCLUDE: readonly string[] = ['**/node_modules/**', '**/.git/**', '**/dist/**', '**/out/**', '**/.vscode-test/**', '**/.marginalia/**'];

/** Tests of workspace-relative paths (`/`-separated) against include/exclude globs, compiled once. */
export interface ArticleMatcher {
  /** True when the path is an article. */
  isArticle(relativePath: string): boolean;
  /**
   * True when nothing under the folder can be an article because the exclude globs cover it whole
   * (`**\/node_modules/**`), so a scan need not enter it.
   */
  isExcludedFolder(relativePath: string): boolean;
}

export function articleMatcher(include: readonly string[] = DEFAULT_INCLUDE, exclude: readonly string[] = DEFAULT_EXCLUDE): ArticleMatcher {
  const options = { dot: true };
  const included = picomatch([...include], options);
  const excluded = picomatch([...exclude], options);
  return {
    isArticle: path => included(path) && !excluded(path),
    isExcludedFolder: path => excluded(`${path}/.marginalia-probe`),
  };
}

/** True when a workspace-relative path (with `/` separators) is an article. */
export function isArticlePath(relativePath: string, include: readonly string[] = DEFAULT_INCLUDE, exclude: readonly string[] = DEFAULT_EXCLUDE): boolean {
  return articleMatcher(include, exclude).isArticle(relativePath);
}
