/** Where each whole-word, case-sensitive occurrence of `needle` starts in `text` (UTF-16 offsets). */
export function wholeWordOccurrences(text: string, needle: string): number[] {
  const found: number[] = [];
  if (!needle) return found;
  const checkStart = isWordChar(needle.codePointAt(0));
  const checkEnd = isWordChar(lastCodePoint(needle, needle.length));
  for (let at = text.indexOf(needle); at !== -1;) {
    const end = at + needle.length;
    const ok = (!checkStart || !isWordChar(lastCodePoint(text, at))) && (!checkEnd || !isWordChar(text.codePointAt(end)));
    if (ok) found.push(at);
    at = text.indexOf(needle, ok ? end : at + 1);
  }
  return found;
}

function isWordChar(codePoint: number | undefined): boolean {
  return codePoint !== undefined && /[\p{L}\p{N}\p{M}_]/u.test(String.fromCodePoint(codePoint));
}

/** The code point that ends just before `offset` (a surrogate pair read as one). */
function lastCodePoint(text: string, offset: number): number | undefined {
  if (offset <= 0) return undefined;
  const low = text.charCodeAt(offset - 1);
  if (low >= 0xdc00 && low <= 0xdfff && offset >= 2) return text.codePointAt(offset - 2);
  return low;
}
