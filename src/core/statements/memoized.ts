/** `textOf`, asked once per path during one call (a scan quotes many statements of one article). */
export function memoized(textOf: (path: string) => string | undefined): (path: string) => string | undefined {
  const texts = new Map<string, string | undefined>();
  return path => {
    if (!texts.has(path)) texts.set(path, textOf(path));
    return texts.get(path);
  };
}
