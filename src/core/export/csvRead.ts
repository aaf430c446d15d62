/**
 * Reading our CSV export back (./csv.ts): RFC 4180 (quoted fields with doubled quotes, CRLF or LF
 * rows), columns found by their header names (`document`, `start`, `end`, `label` required; the
 * others optional), the `'` the export puts before a cell that would start a formula removed.
 * Offsets are UTF-16 code units, as exported. Each row's `quote` must be the article's text at
 * `start`–`end`: a document with a row where it is not is refused whole (its text has changed
 * since the export, so the offsets cannot be trusted).
 */
import { targetFor } from '../annotations/anchoring';
import { ANNOTATION_STATUSES, type AnnotationStatus } from '../annotations/model';
import { FORMULA } from './csv';
import { documentAt, refused, validSpan, type TextDocument } from './importMatch';
import type { SpanRead } from './jsonlRead';
import type { ImportedAnnotation } from './types';

/** The rows of an RFC 4180 text, each with the 1-based line it starts on. */
export function parseCsv(content: string): { line: number; cells: string[] }[] {
  const rows: { line: number; cells: string[] }[] = [];
  let cells: string[] = [];
  let cell = '';
  let quoted = false;
  let line = 1,
    rowLine = 1;
  const endRow = (): void => {
    cells.push(cell);
    if (!(cells.length === 1 && cells[0] === '')) rows.push({ line: rowLine, cells });
    cells = [];
    cell = '';
  };
  for (let i = 0; i < content.length; i++) {
    const c = content[i];
    if (c === '\n') line++;
    if (quoted) {
      if (c !== '"') cell += c;
      else if (content[i + 1] === '"') {
        cell += '"';
        i++;
      } else quoted = false;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      cells.push(cell);
      cell = '';
    } else if (c === '\n' || (c === '\r' && content[i + 1] === '\n')) {
      if (c === '\r') {
        i++;
        line++;
      }
      endRow();
      rowLine = line;
    } else cell += c;
  }
  if (cell !== '' || cells.length > 0) endRow();
  return rows;
}

/** A cell as written before the export's formula guard (a `'` before a formula starter). */
export function unguard(cell: string): string {
  return cell.startsWith("'") && FORMULA.test(cell.slice(1)) ? cell.slice(1) : cell;
}

/** Reads a CSV export against `documents` (see the module comment). `file` names it in problems. */
export function readCsvSpans(content: string, documents: readonly TextDocument[], file = ''): SpanRead {
  const out: SpanRead = { documents: new Map(), problems: [] };
  const [header, ...rows] = parseCsv(content.replace(/^\uFEFF/, ''));
  const column = new Map((header?.cells ?? []).map((name, i) => [name.trim().toLowerCase(), i]));
  const missing = ['document', 'start', 'end', 'label'].filter(c => !column.has(c));
  if (!header || missing.length > 0) {
    out.problems.push({
      path: '',
      message: `${file ? `${file}: ` : ''}the header needs the columns document, start, end and label (missing: ${missing.join(', ') || 'all'}); nothing imported`,
    });
    return out;
  }
  const cell = (row: string[], name: string): string | undefined => {
    const i = column.get(name);
    const v = i === undefined ? undefined : row[i];
    return v === undefined || v === '' ? undefined : unguard(v);
  };
  const byDocument = new Map<string, { line: number; cells: string[] }[]>();
  for (const row of rows) {
    const name = cell(row.cells, 'document') ?? '';
    byDocument.set(name, [...(byDocument.get(name) ?? []), row]);
  }
  for (const [name, docRows] of byDocument) {
    const doc = documentAt(name, documents);
    if (!doc) {
      out.problems.push(refused('', `${file ? `${file}: ` : ''}no article at ${JSON.stringify(name)} (${docRows.length} rows)`));
      continue;
    }
    const annotations: ImportedAnnotation[] = [];
    const problems: SpanRead['problems'] = [];
    let refusal: string | undefined;
    for (const { line, cells } of docRows) {
      const where = `${file ? `${file} ` : ''}line ${line}`;
      const start = Number(cell(cells, 'start')),
        end = Number(cell(cells, 'end'));
      const label = cell(cells, 'label');
      const quote = cell(cells, 'quote');
      if (!validSpan(doc.text, start, end) || !label) {
        problems.push({ path: doc.path, message: `${where}: not a span of the article with a label; left out` });
      } else if (quote !== undefined && doc.text.slice(start, end) !== quote) {
        refusal = `${where}: "${quote}" is not at ${start}–${end}: the article's text is not the exported one`;
        break;
      } else {
        annotations.push(row(doc.text, start, end, label, key => cell(cells, key)));
      }
    }
    if (refusal !== undefined) {
      out.problems.push(refused(doc.path, refusal));
      continue;
    }
    out.problems.push(...problems);
    out.documents.set(doc.path, annotations);
  }
  return out;
}

function row(text: string, start: number, end: number, label: string, cell: (name: string) => string | undefined): ImportedAnnotation {
  const status = cell('status');
  const a: ImportedAnnotation = { target: targetFor(text, start, end), label };
  if (status && (ANNOTATION_STATUSES as readonly string[]).includes(status)) a.status = status as AnnotationStatus;
  for (const key of ['entity', 'note', 'author', 'created', 'modified'] as const) {
    const v = cell(key);
    if (v !== undefined) a[key] = v;
  }
  return a;
}
