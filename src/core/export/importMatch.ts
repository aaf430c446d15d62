/**
 * What the span importers (CoNLL, JSONL, doccano, CSV) share: finding the article a record names,
 * saying how its text differs from the article's, and checking offsets.
 */
import type { ExportProblem } from './types';

/** A document the import may go into: its path (relative, '/'-separated) and text. */
export interface TextDocument {
  path: string;
  text: string;
}

/**
 * The document named `path`: the same path, else the only one whose path ends with `/<path>` or
 * that `path` ends with (an export made from a parent or a sub-folder).
 */
export function documentAt<D extends TextDocument>(path: string, documents: readonly D[]): D | undefined {
  const p = path.replace(/\\/g, '/').replace(/^\.\//, '');
  const exact = documents.find(d => d.path === p);
  if (exact) return exact;
  const near = documents.filter(d => d.path.endsWith(`/${p}`) || p.endsWith(`/${d.path}`));
  return near.length === 1 ? near[0] : undefined;
}

/** Why `given` is not `article` (line ends, or where the first difference is), for a message. */
export function textDifference(article: string, given: string): string {
  if (article.replace(/\r\n?/g, '\n') === given.replace(/\r\n?/g, '\n')) {
    return `its line ends differ from the article's (${lineEnds(given)} here, ${lineEnds(article)} in the article)`;
  }
  let at = 0;
  while (at < article.length && at < given.length && article[at] === given[at]) at++;
  const before = article.slice(0, at);
  const line = before.split('\n').length;
  const column = at - (before.lastIndexOf('\n') + 1) + 1;
  return `its text differs from the article's from line ${line}, column ${column} (${given.length} characters here, ${article.length} in the article)`;
}

function lineEnds(text: string): string {
  return text.includes('\r\n') ? 'CRLF' : text.includes('\r') ? 'CR' : 'LF';
}

/** True when `[start, end)` is a non-empty span of `text` (UTF-16 code units) cutting no surrogate pair. */
export function validSpan(text: string, start: unknown, end: unknown): boolean {
  return (
    Number.isSafeInteger(start) &&
    Number.isSafeInteger(end) &&
    (start as number) >= 0 &&
    (start as number) < (end as number) &&
    (end as number) <= text.length &&
    !splitsPair(text, start as number) &&
    !splitsPair(text, end as number)
  );
}

function splitsPair(text: string, at: number): boolean {
  return at > 0 && at < text.length && /[\uD800-\uDBFF]/.test(text[at - 1]) && /[\uDC00-\uDFFF]/.test(text[at]);
}

/** A problem of the whole document: `message; not imported`. */
export function refused(path: string, message: string): ExportProblem {
  return { path, message: `${message}; not imported` };
}
