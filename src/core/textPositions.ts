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

/**
 * lineStarts of the text a UTF-8 encoding holds (UTF-16 offsets), read from its bytes without
 * decoding it: a corpus index locates mentions of closed documents this way, and decoding every
 * document's text for it made megabytes of garbage. The bytes must be valid UTF-8 (as TextEncoder
 * makes them): a 4-byte sequence is 2 code units, any other 1; \n and \r are never part of a
 * longer sequence.
 */
export function utf8LineStarts(bytes: Uint8Array): Int32Array {
  let lines = 1;
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i];
    if (b === 10 || (b === 13 && bytes[i + 1] !== 10)) lines++;
  }
  const starts = new Int32Array(lines);
  let line = 1;
  let offset = 0;
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i];
    if ((b & 0xc0) !== 0x80) offset += b >= 0xf0 ? 2 : 1;
    if (b === 10 || (b === 13 && bytes[i + 1] !== 10)) starts[line++] = offset;
  }
  return starts;
}

/** The position of a UTF-16 offset, given the text's line starts. */
export function positionAt(starts: ArrayLike<number>, offset: number): TextPosition {
  const line = lineAt(starts, offset);
  return { line, character: offset - starts[line] };
}

/** The line of a UTF-16 offset, given the text's line starts (positionAt with no object made). */
export function lineAt(starts: ArrayLike<number>, offset: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid] <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}
