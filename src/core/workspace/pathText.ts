/**
 * Absolute `/`-separated paths as text (see fileSystem.ts): joining, splitting and containment.
 * A Windows path is written with `/` after its drive (`C:/a/b.txt`).
 */
const DRIVE = /^[A-Za-z]:(?=\/|$)/;

/**
 * A `/`-separated path with repeated `/` and `.` segments dropped and `..` resolved (never above the
 * root of an absolute path; kept at the start of a relative one), without a trailing `/` (but `/`).
 */
export function normalizePath(path: string): string {
  const absolute = path.startsWith('/');
  const out: string[] = [];
  for (const segment of path.split('/')) {
    if (segment === '' || segment === '.') continue;
    if (segment === '..') {
      if (out.length > 0 && out[out.length - 1] !== '..') out.pop();
      else if (!absolute) out.push('..');
      continue;
    }
    out.push(segment);
  }
  const joined = out.join('/');
  return absolute ? `/${joined}` : joined || '.';
}

/** `path` with `.` and `..` segments resolved and repeated or trailing `/` removed. */
export function cleanPath(path: string): string {
  const drive = DRIVE.exec(path)?.[0] ?? '';
  const rest = normalizePath(path.slice(drive.length) || '/');
  return drive + rest;
}

/** `base` joined with `/`-separated relative parts (absolute parts are joined as relative ones). */
export function joinPath(base: string, ...parts: string[]): string {
  return cleanPath([base, ...parts].join('/'));
}

/** The folder of a path (`/a/b.txt` → `/a`); the root is its own parent. */
export function parentOf(path: string): string {
  const clean = cleanPath(path);
  const cut = clean.lastIndexOf('/');
  if (cut < 0) return clean;
  const parent = clean.slice(0, cut);
  return parent === '' || (DRIVE.test(parent) && parent.length === 2) ? `${parent}/` : parent;
}

/** The last segment of a path (`/a/b.txt` → `b.txt`). */
export function baseName(path: string): string {
  const clean = cleanPath(path);
  return clean.slice(clean.lastIndexOf('/') + 1);
}

/**
 * `path` relative to `root` (`/`-separated, `''` for the root itself), or undefined when it is not
 * inside `root`. `caseInsensitive`: compare as Windows and macOS file systems do.
 */
export function relativeTo(root: string, path: string, caseInsensitive = false): string | undefined {
  const r = cleanPath(root),
    p = cleanPath(path);
  const fold = (s: string) => (caseInsensitive ? s.toLowerCase() : s);
  if (fold(p) === fold(r)) return '';
  const prefix = r.endsWith('/') ? r : `${r}/`;
  return fold(p).startsWith(fold(prefix)) ? p.slice(prefix.length) : undefined;
}

/** True for an absolute path: `/...` or a drive `C:/...`. */
export function isAbsolutePath(path: string): boolean {
  return path.startsWith('/') || DRIVE.test(path);
}
