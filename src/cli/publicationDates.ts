import { basename } from 'node:path';

/** Reads `--dates`: a JSON object or a CSV `file,date`, keyed by file name or path. */
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
    if (file && date && /^\d{4}-\d{2}-\d{2}$/.test(date)) map.set(file, date);
  }
  return map;
}

/** The date the map gives a document: by its path as given, else by its file name. */
export function dateFor(map: ReadonlyMap<string, string>, path: string): string | undefined {
  return map.get(path) ?? map.get(path.replace(/\\/g, '/')) ?? map.get(basename(path));
}
