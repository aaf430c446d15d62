// The locations of a list of mentions, which may hold hundreds of thousands of them (an entity's
// references at 100,000 articles): the list holds every location until the editor has taken it,
// so what one costs is what it costs. Ranges are immutable, so mentions at the same lines and
// characters share one range (and its two positions); how often they do is in docs/measurements.md.
// No `vscode` import, so that scripts/benchCorpus.mjs makes its lists with this very code.
import { lineAt, type CorpusIndex } from '../../core';

/** How a location is made of its parts: the editor's classes in the extension, plain objects in the bench. */
export interface LocationParts<U, R, L> {
  uri(path: string): U;
  range(startLine: number, startCharacter: number, endLine: number, endCharacter: number): R;
  location(uri: U, range: R): L;
}

/** Ranges a list remembers at most: enough for the few thousand an entity's mentions are at in a generated corpus of 100,000 articles, under 0.5 MB whatever the list's length. */
const MAX_SLOTS = 1 << 14;

/** Ranges a list remembers at first: a short list's table costs little (tens of kilobytes each, for every list given out). */
const FIRST_SLOTS = 1 << 10;

/**
 * The location of each mention of a list (its document, its start and end in UTF-16 code units),
 * in document order: each document's URI made once, and a range made once for mentions at the
 * same lines and characters, while the maker is held.
 */
export function listLocationMaker<U, R, L>(index: CorpusIndex, parts: LocationParts<U, R, L>): (path: string, start: number, end: number) => L {
  const range = sharedRanges(parts.range);
  let last: string | undefined;
  let uri: U | undefined;
  return (path, start, end) => {
    if (path !== last || uri === undefined) {
      last = path;
      uri = parts.uri(path);
    }
    // lines and characters as index.positionAt gives them, with no object made for each
    const lines = index.lineStartsOf(path);
    const startLine = lineAt(lines, start);
    const endLine = startLine + 1 < lines.length && end >= lines[startLine + 1] ? lineAt(lines, end) : startLine;
    return parts.location(uri, range(startLine, start - lines[startLine], endLine, end - lines[endLine]));
  };
}

/**
 * `make`, giving the range it last made for the same four numbers when that one is still
 * remembered: a table of ranges, each four numbers hashed to a slot (which ranges of other
 * numbers may take over, the one it held kept in its neighbour), made when first asked, and made anew four times larger (up to `maxSlots`) once
 * it has made as many ranges as it has slots.
 */
export function sharedRanges<R>(
  make: (startLine: number, startCharacter: number, endLine: number, endCharacter: number) => R,
  maxSlots = MAX_SLOTS,
  firstSlots = Math.min(FIRST_SLOTS, maxSlots),
): (startLine: number, startCharacter: number, endLine: number, endCharacter: number) => R {
  let slots = 0;
  let keys = new Int32Array(0);
  let ranges: (R | undefined)[] = [];
  let madeHere = 0;
  // whether a slot holds the range of these four numbers
  const holds = (s: number, startLine: number, startCharacter: number, endLine: number, endCharacter: number) =>
    ranges[s] !== undefined &&
    keys[4 * s] === startLine &&
    keys[4 * s + 1] === startCharacter &&
    keys[4 * s + 2] === endLine &&
    keys[4 * s + 3] === endCharacter;
  return (startLine, startCharacter, endLine, endCharacter) => {
    if (madeHere >= slots && slots < maxSlots) {
      slots = slots === 0 ? firstSlots : Math.min(4 * slots, maxSlots);
      keys = new Int32Array(4 * slots);
      ranges = new Array<R | undefined>(slots);
      madeHere = 0;
    }
    const mixed =
      Math.imul(startLine, 0x9e3779b1) ^ Math.imul(startCharacter, 0x85ebca77) ^ Math.imul(endLine, 0xc2b2ae3d) ^ Math.imul(endCharacter, 0x27d4eb2f);
    const slot = (Math.imul(mixed ^ (mixed >>> 15), 0x2c1b3c6d) >>> 0) % slots;
    if (holds(slot, startLine, startCharacter, endLine, endCharacter)) return ranges[slot]!;
    // the slot's neighbour holds the range the slot held before: two ranges of the same slot, met in turn, are both kept
    const other = slot ^ 1;
    if (holds(other, startLine, startCharacter, endLine, endCharacter)) return ranges[other]!;
    const at = 4 * slot;
    const to = 4 * other;
    const held = ranges[slot];
    const made = make(startLine, startCharacter, endLine, endCharacter);
    madeHere++;
    if (held !== undefined && other < slots) {
      keys.copyWithin(to, at, at + 4);
      ranges[other] = held;
    }
    keys[at] = startLine;
    keys[at + 1] = startCharacter;
    keys[at + 2] = endLine;
    keys[at + 3] = endCharacter;
    ranges[slot] = made;
    return made;
  };
}
