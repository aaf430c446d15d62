// Bounds on the work done for one document, whatever its size: a 50 MB log or a file of random
// bytes must neither hang the CLI or the extension host nor exhaust memory. Articles are far below
// both bounds and are analyzed whole, as they always were.
import { recognizeDates } from './dates/recognizeDates';
import type { NameCandidate, WordSet } from './names/nameCandidate';
import type { TaggerWeights } from './model/tagger';
import { findNamesDetailed } from './names/recognizeNames';
import type { Mention } from './types';

/**
 * Characters (UTF-16 code units, about 260,000 words) of a document that are analyzed; the rest is
 * left out, with a warning. Indexing that much noise holds the extension host for 1 to 2 s (VS Code
 * reports it unresponsive after 3 s); as much news text, for half a second.
 */
export const MAX_ANALYZED_CHARS = 1536 * 1024;
/**
 * A longer text is recognized in pieces of at most this many characters, cut at a paragraph or line
 * end, so that what a recognizer holds (or any cost growing faster than the text) stays per piece.
 */
export const PIECE_CHARS = 1024 * 1024;

/** Where the pieces of the analyzed part of `text` end (the last end is where analysis stops). */
export function pieceEnds(text: string): number[] {
  const limit = Math.min(text.length, MAX_ANALYZED_CHARS);
  const ends: number[] = [];
  for (let start = 0; ;) {
    const hi = Math.min(start + PIECE_CHARS, limit);
    const end = hi === text.length ? hi : cutBefore(text, Math.max(start, hi - PIECE_CHARS / 2), hi);
    ends.push(end);
    if (hi === limit) return ends;
    start = end;
  }
}

/** The warning for a text longer than what is analyzed of it, else undefined. */
export function limitWarning(text: string): string | undefined {
  if (text.length <= MAX_ANALYZED_CHARS) return undefined;
  const analyzed = pieceEnds(text).pop()!;
  return `too long: only the first ${analyzed.toLocaleString('en')} of ${text.length.toLocaleString('en')} characters were analyzed (limit ${MAX_ANALYZED_CHARS.toLocaleString('en')})`;
}

/** findNamesDetailed over the analyzed part of a text, piece by piece; offsets are into `text`. */
export function findNamesInPieces(text: string, extra?: WordSet, model?: TaggerWeights | null): { names: NameCandidate[]; dropped: string[] } {
  if (text.length <= PIECE_CHARS) return findNamesDetailed(text, extra, model);
  const names: NameCandidate[] = [];
  const dropped: string[] = [];
  eachPiece(text, (piece, offset) => {
    const found = findNamesDetailed(piece, extra, model);
    for (const c of shifted(found.names, offset)) names.push(c);
    for (const w of found.dropped) dropped.push(w);
  });
  return { names, dropped };
}

/** recognizeDates over the analyzed part of a text, piece by piece; offsets are into `text`. */
export function recognizeDatesInPieces(text: string, dct: string | null): Mention[] {
  if (text.length <= PIECE_CHARS) return recognizeDates(text, dct);
  const dates: Mention[] = [];
  eachPiece(text, (piece, offset) => {
    for (const m of shifted(recognizeDates(piece, dct), offset)) dates.push(m);
  });
  return dates;
}

function eachPiece(text: string, visit: (piece: string, offset: number) => void): void {
  let start = 0;
  for (const end of pieceEnds(text)) {
    visit(text.slice(start, end), start);
    start = end;
  }
}

function shifted<T extends { start: number; end: number }>(spans: T[], offset: number): T[] {
  for (const s of spans) {
    s.start += offset;
    s.end += offset;
  }
  return spans;
}

/**
 * A cut in (lo, hi]: after the last blank line there, else after the last line end, else after the
 * last space or tab; with none, at hi, moved back one when it would split a surrogate pair.
 */
function cutBefore(text: string, lo: number, hi: number): number {
  let line = -1;
  let space = -1;
  for (let i = hi - 1; i >= lo; i--) {
    const c = text.charCodeAt(i);
    if (c === 10) {
      if (blankLineBefore(text, i)) return i + 1;
      if (line < 0) line = i + 1;
    } else if (space < 0 && (c === 32 || c === 9)) space = i + 1;
  }
  if (line >= 0) return line;
  if (space >= 0) return space;
  const c = text.charCodeAt(hi);
  return c >= 0xdc00 && c <= 0xdfff && hi - 1 > lo ? hi - 1 : hi;
}

/** True when the line ended by the line feed at `i` holds nothing but spaces. */
function blankLineBefore(text: string, i: number): boolean {
  for (let k = i - 1; k >= 0; k--) {
    const c = text.charCodeAt(k);
    if (c === 10) return true;
    if (c !== 13 && c !== 32 && c !== 9) return false;
  }
  return false;
}
