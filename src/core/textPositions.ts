/** A line/character position; characters are UTF-16 code units, as in VS Code. */
export interface TextPosition {
  line: number;
  character: number;
}

/** Offsets where each line starts; a line ends at \n, \r\n or a lone \r, as VS Code counts them. */
export function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) starts.push(i + 1);
    else if (c === 13) {
      if (text.charCodeAt(i + 1) === 10) i++;
      starts.push(i + 1);
    }
  }
  return starts;
}

/** The position of a UTF-16 offset, given the text's line starts. */
export function positionAt(starts: ArrayLike<number>, offset: number): TextPosition {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid] <= offset) lo = mid;
    else hi = mid - 1;
  }
  return { line: lo, character: offset - starts[lo] };
}
