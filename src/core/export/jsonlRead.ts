/**
 * Reading JSON Lines back: ours (./jsonl.ts), spaCy/Prodigy (`spans: [{start, end, label}]`) and
 * doccano (`label: [[start, end, label]]`, or `entities` as either shape), one document per line.
 *
 * Offsets: UTF-16 code units when the line says `meta.offsets: "utf16"` (our `jsonl` export),
 * otherwise code points (Python string indices, as spaCy, Prodigy and doccano count), converted
 * here to UTF-16. A line is matched to its article by `meta.path` (or `path`), else by its text;
 * a line whose text is not the article's is refused whole.
 */
import { targetFor } from '../annotations/anchoring';
import { ANNOTATION_STATUSES, type AnnotationStatus } from '../annotations/model';
import { documentAt, refused, textDifference, validSpan, type TextDocument } from './importMatch';
import { DEFAULT_LABELS, labelForType } from './labels';
import { OffsetMap } from './offsets';
import type { ExportProblem, ImportedAnnotation } from './types';

/** What a span reader found: imported annotations per document path, and problems. */
export interface SpanRead {
  documents: Map<string, ImportedAnnotation[]>;
  problems: ExportProblem[];
}

/** A span as a line gives it, offsets in the line's unit. */
interface RawSpan {
  start: unknown;
  end: unknown;
  label: unknown;
  entity?: unknown;
  status?: unknown;
  id?: unknown;
  note?: unknown;
  source?: unknown;
}

const record = (v: unknown): Record<string, unknown> | undefined =>
  typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined;

/** The spans of one line in whichever shape it has them. */
function rawSpans(line: Record<string, unknown>): unknown[] {
  for (const key of ['spans', 'entities', 'label']) {
    const list = line[key];
    if (Array.isArray(list) && list.some(s => Array.isArray(s) || record(s))) return list;
  }
  return [];
}

function toRaw(s: unknown): RawSpan | undefined {
  if (Array.isArray(s)) return s.length >= 3 ? { start: s[0], end: s[1], label: s[2] } : undefined;
  const r = record(s);
  if (!r) return undefined;
  return { ...r, start: r.start ?? r.start_offset, end: r.end ?? r.end_offset, label: r.label };
}

/** Reads a JSONL file against `documents` (see the module comment). `file` names it in problems. */
export function readJsonlSpans(content: string, documents: readonly TextDocument[], labels: readonly string[] = DEFAULT_LABELS, file = ''): SpanRead {
  const out: SpanRead = { documents: new Map(), problems: [] };
  const used = new Set<string>();
  content.split('\n').forEach((raw, i) => {
    if (raw.trim() === '') return;
    const where = `${file ? `${file} ` : ''}line ${i + 1}`;
    let line: Record<string, unknown> | undefined;
    try {
      line = record(JSON.parse(raw));
    } catch {
      line = undefined;
    }
    if (!line || typeof line.text !== 'string') {
      out.problems.push({ path: '', message: `${where}: not a JSON object with a "text"; left out` });
      return;
    }
    const text = line.text;
    const meta = record(line.meta);
    const named = typeof meta?.path === 'string' ? meta.path : typeof line.path === 'string' ? line.path : undefined;
    const doc = named !== undefined ? documentAt(named, documents) : documents.find(d => d.text === text && !used.has(d.path));
    if (!doc) {
      out.problems.push(refused('', `${where}: ${named !== undefined ? `no article at ${JSON.stringify(named)}` : 'no article has this text'}`));
      return;
    }
    if (doc.text !== text) {
      out.problems.push(refused(doc.path, `${where}: ${textDifference(doc.text, text)}`));
      return;
    }
    used.add(doc.path);
    const map = meta?.offsets === 'utf16' ? undefined : new OffsetMap(text);
    const list = out.documents.get(doc.path) ?? [];
    out.documents.set(doc.path, list);
    rawSpans(line).forEach((item, j) => {
      const s = toRaw(item);
      const start = map && typeof s?.start === 'number' ? map.toUtf16(s.start) : s?.start;
      const end = map && typeof s?.end === 'number' ? map.toUtf16(s.end) : s?.end;
      const inRange =
        !map || (Number.isSafeInteger(s?.start) && (s!.start as number) >= 0 && Number.isSafeInteger(s?.end) && (s!.end as number) <= map.codePointLength);
      if (!s || typeof s.label !== 'string' || s.label.trim() === '' || !inRange || !validSpan(text, start, end)) {
        out.problems.push({ path: doc.path, message: `${where}, span ${j + 1}: not a span of the text with a label; left out` });
        return;
      }
      list.push(imported(text, start as number, end as number, s, labels));
    });
  });
  return out;
}

function imported(text: string, start: number, end: number, s: RawSpan, labels: readonly string[]): ImportedAnnotation {
  const str = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined);
  const status = (ANNOTATION_STATUSES as readonly unknown[]).includes(s.status) ? (s.status as AnnotationStatus) : undefined;
  const [entity, id, note, source] = [str(s.entity), str(s.id), str(s.note), str(s.source)];
  return {
    target: targetFor(text, start, end),
    label: labelForType(
      s.label as string,
      labels,
      l => l,
      t => t,
    ),
    ...(entity ? { entity } : {}),
    ...(status ? { status } : {}),
    ...(id ? { id } : {}),
    ...(note ? { note } : {}),
    ...(source ? { source } : {}),
  };
}
