// Quotations of a statement: text between quotation marks (“…”, "…", «…», „…“). A quotation left
// open runs to the end of the statement (multi-sentence quotes are kept in one statement by
// splitSentences); a closing mark without its opening one closes a quotation from the start.
import type { Span } from './types';

/** A quotation's words [start, end) and its marks: `open` is where the opening mark is, `close` just after the closing one. */
export interface FoundQuotation extends Span {
  open: number;
  close: number;
}

/** The quotations of text[start, end). */
export function findQuotations(text: string, start: number, end: number): FoundQuotation[] {
  const out: FoundQuotation[] = [];
  let open = -1;
  let closer = -1; // the code of the mark that closes the open quotation
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (open >= 0) {
      if (c === closer || (closer === 0x201d && c === 34) || (closer === 34 && c === 0x201d)) {
        push(out, open, open + 1, i, i + 1);
        open = -1;
      }
      continue;
    }
    if (c === 0x201c) {
      open = i;
      closer = 0x201d;
    } else if (c === 0x201e) {
      open = i;
      closer = 0x201c;
    } else if (c === 0xab) {
      open = i;
      closer = 0xbb;
    } else if (c === 34 && opens(text, i, start)) {
      open = i;
      closer = 34;
    } else if ((c === 0x201d || c === 34) && out.length === 0 && i > start) push(out, start, start, i, i + 1); // its start is in an earlier statement
  }
  if (open >= 0) push(out, open, open + 1, end, end);
  return out;
}

function push(out: FoundQuotation[], open: number, start: number, end: number, close: number): void {
  if (end > start) out.push({ open, start, end, close });
}

/** A straight quote opens when a space, an opening bracket, a dash or a colon (or the statement start) is before it. */
function opens(text: string, i: number, start: number): boolean {
  if (i === start) return true;
  const p = text.charCodeAt(i - 1);
  return p === 32 || p === 9 || p === 10 || p === 13 || p === 0xa0 || p === 40 || p === 91 || p === 0x2014 || p === 0x2013 || p === 58 || p === 45;
}
