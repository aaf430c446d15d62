import type * as vscode from 'vscode';

/** Characters (UTF-16 code units) of a document's text copied at a time: a few milliseconds each. */
const PART_CHARS = 1 << 20;

/**
 * The text of a document in parts of about PART_CHARS, cut at line starts, yielding to the event
 * loop between them: a 50 MB document is copied (and posted to the worker) in short steps instead
 * of one long one. The caller checks the document's version between parts.
 */
export async function* documentParts(document: vscode.TextDocument): AsyncGenerator<string> {
  const lines = document.lineCount;
  const whole = document.lineAt(lines - 1).range.with({ start: document.positionAt(0) });
  if (document.offsetAt(whole.end) <= PART_CHARS) {
    yield document.getText();
    return;
  }
  let start = whole.start;
  while (start.isBefore(whole.end)) {
    // cut after the line holding the PART_CHARS-th character, or there when that line is longer
    const at = document.positionAt(document.offsetAt(start) + PART_CHARS);
    const cut = at.line > start.line && at.line + 1 < lines ? at.with({ line: at.line + 1, character: 0 }) : at;
    const end = cut.isAfter(whole.end) ? whole.end : cut;
    yield document.getText(whole.with({ start, end }));
    start = end;
    await new Promise(resolve => setImmediate(resolve));
  }
}
