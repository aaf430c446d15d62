/**
 * Calls `quote(item, text)` with the text of each item's article, taken article by article so that
 * `textOf` is asked once per article and each text can be let go before the next: a scan quoting
 * statements across 100,000 articles neither reads a file twice nor holds every text at once.
 * Returns the items whose article has a text, in the order given.
 */
export function withTexts<T extends { path: string }>(
  items: readonly T[],
  textOf: (path: string) => string | undefined,
  quote: (item: T, text: string) => void,
): T[] {
  const order = items.map((_, i) => i).sort((a, b) => (items[a].path < items[b].path ? -1 : items[a].path > items[b].path ? 1 : a - b));
  const quoted = new Uint8Array(items.length);
  for (let k = 0; k < order.length;) {
    const path = items[order[k]].path;
    const text = textOf(path);
    for (; k < order.length && items[order[k]].path === path; k++) {
      if (text === undefined) continue;
      quote(items[order[k]], text);
      quoted[order[k]] = 1;
    }
  }
  return items.filter((_, i) => quoted[i] === 1);
}
