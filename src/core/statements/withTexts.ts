import { finish, STEP_UNITS, type Steps } from '../steps';

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
  return finish(withTextsSteps(items, textOf, quote));
}

/** withTexts in steps: a step for each article read (a file, on a host), none longer than STEP_UNITS items. */
export function* withTextsSteps<T extends { path: string }>(
  items: readonly T[],
  textOf: (path: string) => string | undefined,
  quote: (item: T, text: string) => void,
): Steps<T[]> {
  // grouped by article in one pass, not sorted: 300,000 statements of a scan at 100,000 articles
  const byPath = new Map<string, number[]>();
  for (let i = 0; i < items.length; i++) {
    const at = byPath.get(items[i].path);
    if (at) at.push(i);
    else byPath.set(items[i].path, [i]);
    if (i % STEP_UNITS === STEP_UNITS - 1) yield;
  }
  const quoted = new Uint8Array(items.length);
  for (const [path, at] of byPath) {
    const text = textOf(path);
    if (text !== undefined) {
      for (const i of at) {
        quote(items[i], text);
        quoted[i] = 1;
      }
    }
    yield;
  }
  const out: T[] = [];
  for (let i = 0; i < items.length; i++) {
    if (quoted[i] === 1) out.push(items[i]);
    if (i % STEP_UNITS === STEP_UNITS - 1) yield;
  }
  return out;
}
