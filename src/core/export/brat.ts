/**
 * BRAT standoff: export and import.
 *
 * Export, per document: `<name>.txt` (the text, unchanged: CRLF stays two characters) and
 * `<name>.ann` (`<name>` is the path less a `.txt` extension; other extensions are kept:
 * `notes/a.md` gives `notes/a.md.txt` and `notes/a.md.ann`), plus one `annotation.conf` at the root.
 * - `T<n>\t<Type> <start> <end>\t<text>`: offsets in code points (as BRAT, a Python program,
 *   counts); one fragment only. BRAT cannot hold a line break inside a fragment and splitting the
 *   span would make it discontinuous, so whitespace at the ends of a span is trimmed (reported)
 *   and a span with a line break inside is left out (reported).
 * - `A<n>\tStatus T<n> <status>` for every span;
 * - `N<n>\tReference T<n> Marginalia:<entity id>\t<name>` (the registry's name, else the id;
 *   whitespace and `%` in ids percent-encoded);
 * - `#<n>\tAnnotatorNotes T<n>\t<note>`, with `\` `\n` `\r` `\t` escaped as `\\` `\n` `\r` `\t`.
 * Type names: `bratTypeName(label)` (letters, digits, `_`, `-`, `.`; anything else becomes `_`;
 * a name not starting with a letter gets `L_` before it). `annotation.conf` lists the types used
 * under [entities], `Status Arg:<ENTITY>, Value:suggested|confirmed|rejected|disputed` under
 * [attributes], `<OVERLAP> Arg1:<ENTITY>, Arg2:<ENTITY>, <OL-TYPE>:<ANY>` under [relations] (our
 * spans may overlap or share a span) and an empty [events].
 *
 * Import reads `T`, `A` (Status), `N` (database `Marginalia`) and `#` (AnnotatorNotes) lines; other
 * lines (relations, events, other attributes and databases) are ignored. A discontinuous `T` is
 * read as the span from its first start to its last end (reported).
 */
import { targetFor } from '../annotations/anchoring';
import { ANNOTATION_STATUSES, type AnnotationStatus } from '../annotations/model';
import { DEFAULT_LABELS, labelForType } from './labels';
import { OffsetMap } from './offsets';
import { spanRef, type EntityResolver } from './select';
import type { ExportDocument, ExportedFile, ExportProblem, ExportSpan, ImportedAnnotation } from './types';

export const BRAT_CONF = 'annotation.conf';
/** The normalization database name of Marginalia entity ids in `N` lines. */
export const BRAT_DB = 'Marginalia';

/** A BRAT type name for a label (see the module comment). */
export function bratTypeName(label: string): string {
  let name = label.trim().replace(/[^A-Za-z0-9_.-]/g, '_');
  if (!/^[A-Za-z]/.test(name)) name = `L_${name}`;
  return name;
}

/** The `.txt` and `.ann` names of a document path. */
export function bratFileNames(path: string): { txt: string; ann: string } {
  const stem = /\.txt$/i.test(path) ? path.slice(0, -4) : path;
  return { txt: `${stem}.txt`, ann: `${stem}.ann` };
}

export function escapeNote(note: string): string {
  return note.replace(/[\\\n\r\t]/g, c => (c === '\\' ? '\\\\' : c === '\n' ? '\\n' : c === '\r' ? '\\r' : '\\t'));
}

export function unescapeNote(note: string): string {
  return note.replace(/\\([\\nrt])/g, (_m, c: string) => (c === 'n' ? '\n' : c === 'r' ? '\r' : c === 't' ? '\t' : '\\'));
}

const encodeId = (id: string): string => id.replace(/[%\s]/gu, c => encodeURIComponent(c));
const decodeId = (id: string): string => {
  try {
    return decodeURIComponent(id);
  } catch {
    return id;
  }
};

export class BratWriter {
  private readonly files: ExportedFile[] = [];
  private readonly types = new Set<string>();
  private readonly names = new Set<string>();
  private count = 0;

  constructor(private readonly resolver: EntityResolver) {}

  document(doc: ExportDocument, spans: readonly ExportSpan[], problems: ExportProblem[]): void {
    let { txt, ann } = bratFileNames(doc.path);
    for (let n = 2; this.names.has(txt) || this.names.has(ann); n++) ({ txt, ann } = bratFileNames(`${doc.path}-${n}`));
    this.names.add(txt).add(ann);
    const map = new OffsetMap(doc.text);
    const lines: string[] = [];
    let t = 0,
      a = 0,
      nn = 0,
      notes = 0;
    // Trim first, so that a trimmed span equal to another one (same span, same type) is dropped
    // rather than imported back as a duplicate that overwrites the other's status.
    const trimmed = spans.map(s => {
      let start = s.start,
        end = s.end;
      while (start < end && /\s/.test(doc.text[start])) start++;
      while (end > start && /\s/.test(doc.text[end - 1])) end--;
      return { s, start, end };
    });
    const exact = new Set(trimmed.filter(x => x.start === x.s.start && x.end === x.s.end).map(x => `${x.start}:${x.end}:${bratTypeName(x.s.label)}`));
    for (const { s, start, end } of trimmed) {
      const text = doc.text.slice(start, end);
      if (start === end) {
        problems.push({ path: doc.path, annotation: spanRef(s), message: 'BRAT: span of only whitespace left out' });
        continue;
      }
      if (/[\r\n\u2028\u2029\u0085]/.test(text)) {
        problems.push({ path: doc.path, annotation: spanRef(s), message: 'BRAT: span with a line break left out (BRAT would need a discontinuous span)' });
        continue;
      }
      if (start !== s.start || end !== s.end) {
        if (exact.has(`${start}:${end}:${bratTypeName(s.label)}`)) {
          problems.push({
            path: doc.path,
            annotation: spanRef(s),
            message: 'BRAT: once trimmed of whitespace, the span equals another of the same label; left out',
          });
          continue;
        }
        problems.push({ path: doc.path, annotation: spanRef(s), message: 'BRAT: whitespace at the ends of the span trimmed' });
        exact.add(`${start}:${end}:${bratTypeName(s.label)}`);
      }
      const type = bratTypeName(s.label);
      this.types.add(type);
      const tid = `T${++t}`;
      lines.push(`${tid}\t${type} ${map.toCodePoint(start)} ${map.toCodePoint(end)}\t${text}`);
      lines.push(`A${++a}\tStatus ${tid} ${s.status}`);
      if (s.entity) lines.push(`N${++nn}\tReference ${tid} ${BRAT_DB}:${encodeId(s.entity)}\t${escapeNote(this.resolver.name(s.entity) ?? s.entity)}`);
      if (s.note) lines.push(`#${++notes}\tAnnotatorNotes ${tid}\t${escapeNote(s.note)}`);
      this.count++;
    }
    this.files.push({ path: txt, content: doc.text }, { path: ann, content: lines.map(l => `${l}\n`).join('') });
  }

  finish(): ExportedFile[] {
    const conf = [
      '# Written by Marginalia. Types are Marginalia labels (see bratTypeName).',
      '[entities]',
      ...[...this.types].sort(),
      '',
      '[attributes]',
      `Status\tArg:<ENTITY>, Value:${ANNOTATION_STATUSES.join('|')}`,
      '',
      '[relations]',
      '<OVERLAP>\tArg1:<ENTITY>, Arg2:<ENTITY>, <OL-TYPE>:<ANY>',
      '',
      '[events]',
      '',
    ].join('\n');
    return [...this.files, { path: BRAT_CONF, content: conf }];
  }

  get spans(): number {
    return this.count;
  }
}

export interface BratImportOptions {
  /**
   * The labels in use: a type maps to the label whose `bratTypeName` it is, else (ignoring case)
   * to a label of the same name, and `PER`/`ORG`/`LOC`/`GPE` to person/organization/place; else the
   * type is the label. Default: the mention kinds plus `claim`, `quote`, `source`.
   */
  labels?: readonly string[];
}

/** The label of a BRAT type (see `BratImportOptions.labels`); an unknown type is kept as it is. */
export function labelForBratType(type: string, labels: readonly string[] = DEFAULT_LABELS): string {
  return labelForType(type, labels, bratTypeName, t => t);
}

/**
 * The annotations of a BRAT `.ann` file over `text` (the `.txt`; code-point offsets are converted
 * to UTF-16 and targets computed from it). `path` only names the document in problems.
 */
export function readBrat(
  text: string,
  ann: string,
  options: BratImportOptions = {},
  path = '',
): { annotations: ImportedAnnotation[]; problems: ExportProblem[] } {
  const problems: ExportProblem[] = [];
  const map = new OffsetMap(text);
  const byId = new Map<string, ImportedAnnotation>();
  const order: ImportedAnnotation[] = [];
  const pending: { line: number; kind: string; fields: string[] }[] = [];
  let ignored = 0;
  ann.split(/\r?\n/).forEach((raw, i) => {
    const line = raw.replace(/\r$/, '');
    if (line.trim() === '') return;
    const fields = line.split('\t');
    const id = fields[0];
    if (/^T\d+$/.test(id)) {
      const m = /^(\S+) (\d+ \d+(?:;\d+ \d+)*)$/.exec(fields[1] ?? '');
      if (!m) {
        problems.push({ path, annotation: id, message: `BRAT line ${i + 1}: cannot read "${line}"` });
        return;
      }
      const frags = m[2].split(';').map(f => f.split(' ').map(Number));
      let start = Math.min(...frags.map(f => f[0])),
        end = Math.max(...frags.map(f => f[1]));
      if (frags.length > 1) problems.push({ path, annotation: id, message: `BRAT line ${i + 1}: discontinuous span read as ${start}-${end}` });
      if (end > map.codePointLength || start > end) {
        problems.push({ path, annotation: id, message: `BRAT line ${i + 1}: offsets ${start}-${end} outside the text; left out` });
        return;
      }
      start = map.toUtf16(start);
      end = map.toUtf16(end);
      const quote = fields.slice(2).join('\t');
      if (frags.length === 1 && fields.length > 2 && quote !== text.slice(start, end)) {
        problems.push({ path, annotation: id, message: `BRAT line ${i + 1}: its text "${quote}" differs from the document's "${text.slice(start, end)}"` });
      }
      const a: ImportedAnnotation = { target: targetFor(text, start, end), label: labelForBratType(m[1], options.labels) };
      byId.set(id, a);
      order.push(a);
    } else if (/^[AMN#]\d*$/.test(id)) {
      pending.push({ line: i + 1, kind: id[0], fields });
    } else {
      ignored++;
    }
  });
  for (const { line, kind, fields } of pending) {
    const args = (fields[1] ?? '').split(' ');
    if (kind === 'A' || kind === 'M') {
      const [name, ref, value] = args;
      if (name !== 'Status') {
        ignored++;
        continue;
      }
      const a = byId.get(ref);
      if (!a) {
        problems.push({ path, message: `BRAT line ${line}: Status of unknown ${ref}` });
        continue;
      }
      if ((ANNOTATION_STATUSES as readonly string[]).includes(value)) a.status = value as AnnotationStatus;
      else problems.push({ path, annotation: ref, message: `BRAT line ${line}: unknown status "${value}" ignored` });
    } else if (kind === 'N') {
      const [, ref, dbId] = args;
      const colon = (dbId ?? '').indexOf(':');
      if (colon < 0 || dbId.slice(0, colon).toLowerCase() !== BRAT_DB.toLowerCase()) {
        ignored++;
        continue;
      }
      const a = byId.get(ref);
      if (!a) {
        problems.push({ path, message: `BRAT line ${line}: Reference of unknown ${ref}` });
        continue;
      }
      a.entity = decodeId(dbId.slice(colon + 1));
    } else {
      const [name, ref] = args;
      if (name !== 'AnnotatorNotes') {
        ignored++;
        continue;
      }
      const a = byId.get(ref);
      if (!a) {
        problems.push({ path, message: `BRAT line ${line}: note of unknown ${ref}` });
        continue;
      }
      const note = unescapeNote(fields.slice(2).join('\t'));
      a.note = a.note === undefined ? note : `${a.note}\n\n${note}`;
    }
  }
  if (ignored > 0) problems.push({ path, message: `BRAT: ${ignored} line(s) of relations, events or other attributes/references ignored` });
  return { annotations: order, problems };
}
