import picomatch from 'picomatch';

/** Which files count as articles unless the user says otherwise (setting `marginalia.include`). */
export const DEFAULT_INCLUDE: readonly string[] = ['**/*.{txt,md}'];
/** Folders that never hold articles (setting `marginalia.exclude`). */
export const DEFAULT_EXCLUDE: readonly string[] = [
  '**/node_modules/**', '**/.git/**', '**/dist/**', '**/out/**', '**/.vscode-test/**', '**/.marginalia/**',
];

/** True when a workspace-relative path (with `/` separators) is an article. */
export function isArticlePath(
  relativePath: string,
  include: readonly string[] = DEFAULT_INCLUDE,
  exclude: readonly string[] = DEFAULT_EXCLUDE,
): boolean {
  const options = { dot: true };
  return picomatch([...include], options)(relativePath) && !picomatch([...exclude], options)(relativePath);
}
