/**
 * JSON Lines, one line per document (LF line ends, a final LF).
 *
 * `jsonl` (spaCy/Prodigy style), `annotations.jsonl`:
 * `{"text", "spans": [{"start", "end", "label", "entity"?, "status", "id"?, "note"?}], "meta": {"path", "offsets": "utf16"}}`
 * with offsets in UTF-16 code units, like every Marginalia output (JavaScript's `text.slice`;
 * Python users convert, e.g. with `len(text[:i].encode('utf-16-le')) // 2`). Spans may overlap.
 *
 * `doccano`, `annotations.doccano.jsonl`: `{"text", "label": [[start, end, label], ...], "meta": {"path", "offsets": "codepoints"}}`
 * with offsets in code points, as doccano (Python string indices) counts them.
 */
import { OffsetMap } from './offsets';
import type { ExportDocument, ExportedFile, ExportSpan } from './types';

export const JSONL_FILE = 'annotations.jsonl';
export const DOCCANO_FILE = 'annotations.doccano.jsonl';

export class JsonlWriter {
  private readonly lines: string[] = [];
  private count = 0;

  constructor(private readonly flavour: 'spacy' | 'doccano') {}

  document(doc: ExportDocument, spans: readonly ExportSpan[]): void {
    this.count += spans.length;
    if (this.flavour === 'spacy') {
      this.lines.push(
        JSON.stringify({
          text: doc.text,
          spans: spans.map(s => ({
            start: s.start,
            end: s.end,
            label: s.label,
            ...(s.entity ? { entity: s.entity } : {}),
            status: s.status,
            ...(s.id ? { id: s.id } : {}),
            ...(s.note ? { note: s.note } : {}),
          })),
          meta: { path: doc.path, offsets: 'utf16' },
        }),
      );
    } else {
      const map = new OffsetMap(doc.text);
      this.lines.push(
        JSON.stringify({
          text: doc.text,
          label: spans.map(s => [map.toCodePoint(s.start), map.toCodePoint(s.end), s.label]),
          meta: { path: doc.path, offsets: 'codepoints' },
        }),
      );
    }
  }

  finish(): ExportedFile[] {
    return [{ path: this.flavour === 'spacy' ? JSONL_FILE : DOCCANO_FILE, content: this.lines.map(l => `${l}\n`).join('') }];
  }

  get spans(): number {
    return this.count;
  }
}
