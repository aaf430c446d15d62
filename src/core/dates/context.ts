// The words around a candidate date, read only at candidates.

/** The word before `i` (letters, digits, apostrophes), skipping spaces; '' when none is right there. */
export function previousWord(text: string, i: number): string {
  let j = i - 1;
  while (j >= 0 && isSpace(text.charCodeAt(j))) j--;
  const end = j + 1;
  while (j >= 0 && isWordChar(text.charCodeAt(j))) j--;
  return text.slice(j + 1, end);
}

/** The character before `i`, skipping spaces; '' at the start. */
export function previousChar(text: string, i: number): string {
  let j = i - 1;
  while (j >= 0 && isSpace(text.charCodeAt(j))) j--;
  return j >= 0 ? text[j] : '';
}

/** The word after `i`, skipping spaces (not newlines). */
export function nextWord(text: string, i: number): string {
  let j = i;
  while (j < text.length && isSpace(text.charCodeAt(j))) j++;
  const start = j;
  while (j < text.length && isWordChar(text.charCodeAt(j))) j++;
  return text.slice(start, j);
}

export function followsThe(text: string, start: number): boolean {
  return previousWord(text, start).toLowerCase() === 'the';
}

export function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 0xa0;
}

function isWordChar(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 39 || c === 0x2019 || (c >= 0xc0 && c <= 0x24f);
}
