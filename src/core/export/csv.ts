/**
 * CSV (RFC 4180), `annotations.csv`: a header row, then one row per span in document order:
 * `document,start,end,quote,label,entity,status,note,author,created,modified`. Offsets are UTF-16
 * code units (Marginalia's own). Rows end with CRLF (the last one too); a field holding a comma,
 * a double quote, CR or LF is put in double quotes with its quotes doubled.
 *
 * Formula injection: spreadsheet programs run a cell starting with `=`, `+`, `-`, `@` or `|` as a
 * formula, some after leading spaces or control characters, some in their full-width forms (`＝`),
 * so such a text cell, and any text cell starting with a control character (NUL, tab, CR, LF), gets
 * a `'` in front (OWASP's advice), which spreadsheets hide; a program reading the file back should
 * drop a leading `'` before one of those. Numbers (start, end) are never changed.
 */
import type { ExportDocument, ExportedFile, ExportSpan } from './types';

export const CSV_FILE = 'annotations.csv';
export const CSV_COLUMNS = ['document', 'start', 'end', 'quote', 'label', 'entity', 'status', 'note', 'author', 'created', 'modified'] as const;

/** A formula starter (ASCII, full-width, small forms) after any spaces or control characters. */
// eslint-disable-next-line no-control-regex -- control characters are what the guard looks for
export const FORMULA = /^[\s\0-\x1f\x7f\u3000\ufeff]*[=+\-@|\uff1d\uff0b\uff0d\uff20\uff5c\ufe62\ufe63\ufe66]|^[\0-\x1f\x7f]/;

/** A text cell, defused against formula injection and quoted when needed. */
export function csvField(value: string | number | undefined): string {
  if (value === undefined) return '';
  let s = String(value);
  if (typeof value === 'string' && FORMULA.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function csvRow(values: readonly (string | number | undefined)[]): string {
  return values.map(csvField).join(',') + '\r\n';
}

export class CsvWriter {
  private readonly rows: string[] = [csvRow(CSV_COLUMNS)];
  private count = 0;

  document(doc: ExportDocument, spans: readonly ExportSpan[]): void {
    for (const s of spans) {
      this.rows.push(csvRow([doc.path, s.start, s.end, s.quote, s.label, s.entity, s.status, s.note, s.author, s.created, s.modified]));
      this.count++;
    }
  }

  finish(): ExportedFile[] {
    return [{ path: CSV_FILE, content: this.rows.join('') }];
  }

  get spans(): number {
    return this.count;
  }
}
