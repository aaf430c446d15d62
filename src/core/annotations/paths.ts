/**
 * Sidecar naming (docs/contracts.md): the annotations of article `NAME` live in `NAME.annotations.yaml`
 * in the same folder. Pure string operations on paths that use `/` as separator (URI paths, POSIX
 * paths); adapters convert Windows paths first.
 */

export const SIDECAR_SUFFIX = '.annotations.yaml';

/** The sidecar path of an article: `dir/beijing.txt` → `dir/beijing.txt.annotations.yaml`. */
export function sidecarPathFor(articlePath: string): string {
  return articlePath + SIDECAR_SUFFIX;
}

/** True when `path` names a sidecar (a file `X.annotations.yaml` with a non-empty `X`). */
export function isSidecarPath(path: string): boolean {
  return articlePathFor(path) !== undefined;
}

/**
 * The article a sidecar belongs to: `dir/beijing.txt.annotations.yaml` → `dir/beijing.txt`;
 * undefined when `sidecarPath` is not a sidecar name.
 */
export function articlePathFor(sidecarPath: string): string | undefined {
  if (!sidecarPath.endsWith(SIDECAR_SUFFIX)) return undefined;
  const article = sidecarPath.slice(0, -SIDECAR_SUFFIX.length);
  const base = article.slice(article.lastIndexOf('/') + 1);
  return base === '' || base === '.' || base === '..' ? undefined : article;
}
