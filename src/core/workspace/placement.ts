/**
 * Placing a sidecar's annotations in an article's current text, and moving them with its edits
 * (anchoring rules in docs/sidecar-schema.md): the shared steps of loading, importing, merging
 * with changes on disk and following an editor.
 */
import { moveAnchor, reanchor, targetFor, type TextChange } from '../annotations/anchoring';
import type { Annotation } from '../annotations/model';

/** Annotations placed in a text, and those that could not be (kept as they are, for review). */
export interface Placement {
  annotations: Annotation[];
  orphans: Annotation[];
  /** True when some annotation was found elsewhere than its stored offsets (its target was updated). */
  moved: boolean;
}

/** Finds each annotation in `text` (`reanchor`); found ones get targets of the text as it is now. Mutates the annotations' targets. */
export function placeAnnotations(text: string, annotations: readonly Annotation[]): Placement {
  const placement: Placement = { annotations: [], orphans: [], moved: false };
  for (const annotation of annotations) {
    const found = reanchor(text, annotation.target);
    if (found.orphan) {
      placement.orphans.push(annotation);
      continue;
    }
    if (found.method !== 'exact-position') {
      annotation.target = targetFor(text, found.start, found.end);
      placement.moved = true;
    }
    placement.annotations.push(annotation);
  }
  return placement;
}

/**
 * Moves placed annotations through one batch of edits (`changes` all refer to the text before
 * them, as VS Code reports one event's changes) to `text`, the text after them. A span whose text
 * was deleted is looked for again; one that cannot be found becomes an orphan.
 */
export function followEdits(
  text: string,
  annotations: readonly Annotation[],
  changes: readonly TextChange[],
): { annotations: Annotation[]; orphans: Annotation[] } {
  const fromEnd = [...changes].sort((a, b) => b.start - a.start);
  const kept: Annotation[] = [];
  const orphans: Annotation[] = [];
  for (const annotation of annotations) {
    let range: { start: number; end: number } | null = annotation.target;
    for (const c of fromEnd) range = range && moveAnchor(range, c);
    if (range && range.end > range.start) {
      annotation.target = targetFor(text, range.start, range.end);
      kept.push(annotation);
      continue;
    }
    const found = reanchor(text, annotation.target);
    if (found.orphan) orphans.push(annotation);
    else {
      annotation.target = targetFor(text, found.start, found.end);
      kept.push(annotation);
    }
  }
  return { annotations: kept, orphans };
}

/** True when the annotations' offsets or quotes differ from those stored in `stored` (so a save would change the file). */
export function offsetsChanged(text: string, annotations: readonly Annotation[], stored: readonly Annotation[]): boolean {
  const byId = new Map(stored.map(a => [a.id, a.target]));
  return annotations.some(a => {
    const t = byId.get(a.id);
    return !t || t.start !== a.target.start || t.end !== a.target.end || text.slice(a.target.start, a.target.end) !== t.quote;
  });
}
