/**
 * Whose annotations are compared: the authors of the annotations in the same sidecars, or two
 * places that each hold a sidecar per article (the workspace and a git revision, or two folders).
 * Spans are placed in the article's current text (`reanchor`), so annotations made on an older
 * version of it are compared where they are now; those that cannot be found are counted as orphans.
 * Curated annotations are replaced by the originals their record keeps (agreement before curation).
 */
import { reanchor } from '../annotations/anchoring';
import type { Annotation } from '../annotations/model';
import { curationOf, originalKey, type CurationOriginal, type CurationSource } from './curationRecord';
import type { ReviewedDocument, ReviewSpan } from './model';

/** The reviewer of annotations that name no author. */
export const NO_AUTHOR = '(no author)';

/** A document's reviewers' spans, and how many annotations could not be placed in its text. */
export interface DocumentReviews {
  document: ReviewedDocument;
  orphans: number;
}

/** One place's sidecar of an article. */
export interface Side {
  /** The reviewer name of this place ("workspace", a git revision, a folder). */
  name: string;
  /** Its annotations; undefined when it has no sidecar for the article (it did not take part). */
  annotations: readonly Annotation[] | undefined;
  /** True for the workspace's own sidecar, the one curation writes. */
  here: boolean;
}

/**
 * Where another place's sidecars come from. The host does the reading (`git show REV:path`, a
 * folder), the core only asks.
 */
export interface SidecarSource {
  /** The reviewer name of the place. */
  readonly name: string;
  /**
   * The sidecar texts of the given articles (paths as the host gave them in `articles`), keyed by
   * those paths; an article without a sidecar there is absent from the map.
   */
  read(articles: readonly string[]): Promise<Map<string, string>>;
}

/** The authors of one sidecar's annotations are the reviewers. */
export function reviewsByAuthor(path: string, text: string, annotations: readonly Annotation[]): DocumentReviews {
  const spans: ReviewSpan[] = [];
  const settled = new Set<string>();
  const reviewers = new Set<string>();
  let orphans = 0;
  const place = (reviewer: string, span: Omit<ReviewSpan, 'reviewer'> | undefined) => {
    reviewers.add(reviewer);
    if (span) spans.push({ reviewer, ...span });
    else orphans++;
  };
  const { kept, restored } = beforeCuration(annotations, settled);
  for (const a of kept) place(a.author ?? NO_AUTHOR, placeAnnotation(text, a, { in: 'sidecar' }));
  for (const { original, curatedIn } of restored) place(original.author ?? NO_AUTHOR, placeOriginal(text, original, { in: 'curated', id: curatedIn }));
  return { document: { path, length: text.length, reviewers: [...reviewers].sort(), spans: sortSpans(spans), settled }, orphans };
}

/** Each place is one reviewer. */
export function reviewsOfSides(path: string, text: string, sides: readonly Side[]): DocumentReviews {
  const spans: ReviewSpan[] = [];
  const settled = new Set<string>();
  const reviewers: string[] = [];
  let orphans = 0;
  for (const side of sides) {
    if (side.annotations === undefined) continue;
    reviewers.push(side.name);
    const elsewhere: CurationSource = { in: 'elsewhere', source: side.name };
    const { kept, restored } = beforeCuration(side.annotations, settled);
    const placed = [
      ...kept.map(a => placeAnnotation(text, a, side.here ? { in: 'sidecar' } : elsewhere)),
      ...restored.map(r => placeOriginal(text, r.original, side.here ? { in: 'curated', id: r.curatedIn } : elsewhere)),
    ];
    for (const span of placed) {
      if (span) spans.push({ reviewer: side.name, ...span });
      else orphans++;
    }
  }
  return { document: { path, length: text.length, reviewers, spans: sortSpans(spans), settled }, orphans };
}

/**
 * The annotations of a sidecar as they were before curation: curated annotations are left out and
 * the originals their records kept from this sidecar come back; every recorded original, from here
 * or elsewhere, is added to `settled`.
 */
export function beforeCuration(
  annotations: readonly Annotation[],
  settled: Set<string>,
): {
  kept: Annotation[];
  restored: { original: CurationOriginal; curatedIn: string }[];
} {
  const kept: Annotation[] = [];
  const restored: { original: CurationOriginal; curatedIn: string }[] = [];
  const seen = new Set<string>();
  for (const a of annotations) {
    const curation = curationOf(a);
    if (!curation) {
      kept.push(a);
      continue;
    }
    for (const original of curation.from) {
      const key = originalKey(original);
      settled.add(key);
      // "both" keeps the same originals on every annotation it made: restore them once.
      if (original.source !== undefined || seen.has(`${key}\u0000${original.author ?? ''}`)) continue;
      seen.add(`${key}\u0000${original.author ?? ''}`);
      restored.push({ original, curatedIn: a.id });
    }
  }
  return { kept, restored };
}

function placeAnnotation(text: string, a: Annotation, origin: CurationSource): Omit<ReviewSpan, 'reviewer'> | undefined {
  const at = reanchor(text, a.target);
  if (at.orphan) return undefined;
  return {
    id: a.id,
    start: at.start,
    end: at.end,
    quote: text.slice(at.start, at.end),
    label: a.label,
    status: a.status,
    origin,
    ...(a.author !== undefined ? { author: a.author } : {}),
    ...(a.entity !== undefined ? { entity: a.entity } : {}),
    ...(a.note !== undefined ? { note: a.note } : {}),
  };
}

function placeOriginal(text: string, o: CurationOriginal, origin: CurationSource): Omit<ReviewSpan, 'reviewer'> | undefined {
  const at = reanchor(text, { quote: o.quote, prefix: '', suffix: '', start: o.start, end: o.end });
  if (at.orphan) return undefined;
  return {
    id: o.id,
    start: at.start,
    end: at.end,
    quote: text.slice(at.start, at.end),
    label: o.label,
    status: o.status,
    origin,
    ...(o.author !== undefined ? { author: o.author } : {}),
    ...(o.entity !== undefined ? { entity: o.entity } : {}),
    ...(o.note !== undefined ? { note: o.note } : {}),
  };
}

function sortSpans(spans: ReviewSpan[]): ReviewSpan[] {
  return spans.sort(
    (x, y) =>
      x.start - y.start || x.end - y.end || (x.reviewer < y.reviewer ? -1 : x.reviewer > y.reviewer ? 1 : 0) || (x.id < y.id ? -1 : x.id > y.id ? 1 : 0),
  );
}
