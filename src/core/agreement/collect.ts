/**
 * Gathering a corpus's reviews for the agreement report, for either host: by author from the
 * workspace's sidecars, or the workspace against another place read through a `SidecarSource`.
 */
import type { Annotation } from '../annotations/model';
import { loadSidecar } from '../annotations/quickRead';
import type { ReviewedDocument } from './model';
import { reviewersOf } from './report';
import { reviewsByAuthor, reviewsOfSides, type SidecarSource } from './sources';

/** An article of the workspace with its own sidecar's annotations. */
export interface ArticleInput {
  /** How the host names the file (passed to `SidecarSource.read`). */
  file: string;
  /** The name reports use (relative to the workspace, '/'-separated). */
  path: string;
  text: string;
  /** undefined when the article has no sidecar. */
  annotations: readonly Annotation[] | undefined;
}

export interface CollectedReviews {
  documents: ReviewedDocument[];
  reviewers: string[];
  /** Sidecars of the other place that have errors, and (warnings) annotations that could not be placed. */
  problems: { path: string; message: string; severity: 'error' | 'warning' }[];
}

/** The workspace's name as a reviewer when it is compared with another place. */
export const WORKSPACE_REVIEWER = 'workspace';

/** Reviewers are the authors of the annotations in each sidecar. */
export function collectByAuthor(articles: Iterable<ArticleInput>): CollectedReviews {
  const documents: ReviewedDocument[] = [];
  const problems: CollectedReviews['problems'] = [];
  for (const article of articles) {
    const { document, orphans } = reviewsByAuthor(article.path, article.text, article.annotations ?? []);
    if (orphans) problems.push({ path: article.path, message: orphanMessage(orphans), severity: 'warning' });
    if (document.spans.length > 0 || document.reviewers.length > 0) documents.push(document);
  }
  return { documents, reviewers: reviewersOf(documents), problems };
}

/**
 * The workspace (one reviewer, `WORKSPACE_REVIEWER`) against the place `other` (a reviewer named
 * by `other.name`), which is read `batch` articles at a time; `onProgress` hears after each batch.
 * A place takes part in an article when it has a sidecar for it.
 */
export async function collectAgainst(
  articles: readonly ArticleInput[],
  other: SidecarSource,
  options: { batch?: number; onProgress?: (done: number, total: number) => void; cancelled?: () => boolean } = {},
): Promise<CollectedReviews> {
  if (other.name === WORKSPACE_REVIEWER) throw new RangeError(`the other place cannot be named '${WORKSPACE_REVIEWER}'`);
  const batch = options.batch ?? 500;
  const documents: ReviewedDocument[] = [];
  const problems: CollectedReviews['problems'] = [];
  for (let from = 0; from < articles.length && !options.cancelled?.(); from += batch) {
    const slice = articles.slice(from, from + batch);
    const texts = await other.read(slice.map(a => a.file));
    for (const article of slice) {
      const text = texts.get(article.file);
      let theirs: readonly Annotation[] | undefined;
      if (text !== undefined) {
        const parsed = loadSidecar(text);
        for (const p of parsed.problems.filter(p => p.severity === 'error')) {
          problems.push({ path: `${other.name}:${article.path}`, message: `line ${p.line + 1}: ${p.message}`, severity: 'error' });
        }
        theirs = parsed.annotations;
      }
      if (article.annotations === undefined && theirs === undefined) continue;
      const { document, orphans } = reviewsOfSides(article.path, article.text, [
        { name: WORKSPACE_REVIEWER, annotations: article.annotations, here: true },
        { name: other.name, annotations: theirs, here: false },
      ]);
      if (orphans) problems.push({ path: article.path, message: orphanMessage(orphans), severity: 'warning' });
      documents.push(document);
    }
    options.onProgress?.(Math.min(from + batch, articles.length), articles.length);
  }
  return { documents, reviewers: [WORKSPACE_REVIEWER, other.name], problems };
}

function orphanMessage(n: number): string {
  return `${n} annotation(s) could not be found in the text and are left out of the comparison`;
}
