/**
 * Publication dates given from outside the articles (the CLI's `--dates FILE` and `--dct`), applied
 * in the order docs/contracts.md gives: the sidecar's, then the article's own metadata (read by
 * `publicationDate` during the analysis), then this map, then the default.
 */
import type { SourceDocument } from '../types';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Reads a dates file: a JSON object `{"file": "YYYY-MM-DD"}` or CSV `file,date`, keyed by file name or path. */
export function parseDatesFile(content: string): Map<string, string> {
  const map = new Map<string, string>();
  const trimmed = content.trim();
  if (trimmed.startsWith('{')) {
    for (const [k, v] of Object.entries(JSON.parse(trimmed) as Record<string, unknown>)) {
      if (typeof v === 'string') map.set(k, v);
    }
    return map;
  }
  for (const line of trimmed.split(/\r?\n/)) {
    const [file, date] = line.split(',').map(s => s.trim().replace(/^"|"$/g, ''));
    if (file && date && ISO_DATE.test(date)) map.set(file, date);
  }
  return map;
}

/** The date the map gives a document: by its path as given, else with `/` separators, else by its file name. */
function dateFor(map: ReadonlyMap<string, string>, path: string): string | undefined {
  const slashed = path.replace(/\\/g, '/');
  return map.get(path) ?? map.get(slashed) ?? map.get(slashed.slice(slashed.lastIndexOf('/') + 1));
}

/** The documents with the map's dates where their sidecar gives none (a sidecar's date outranks the map). */
export function withDates<T extends SourceDocument>(documents: readonly T[], map: ReadonlyMap<string, string>): T[] {
  if (map.size === 0) return [...documents];
  return documents.map(doc => (doc.dctFromSidecar ? doc : { ...doc, dct: dateFor(map, doc.path) }));
}

/** True for a `YYYY-MM-DD` text (the shape `--dct` must have). */
export function isIsoDay(value: string): boolean {
  return ISO_DATE.test(value);
}
