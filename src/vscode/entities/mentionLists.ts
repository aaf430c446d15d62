// Lists of every mention of an entity or a date, which may span the corpus (hundreds of thousands
// of mentions at 100,000 articles), read a page at a time in slices so that the extension host is
// never held while one is made (README, "Measured limits").
import type { CorpusIndex, Mention, MentionRef, MentionSpans, Steps } from '../../core';
import { inSlices } from '../common/slices';

/** Whose mentions a list holds: an entity (its id) or a date (its normalized value). */
export type MentionKey = { entity: string } | { date: string };

/** Mentions read at once: few pages for an entity spanning the corpus, each well inside a slice. */
const PAGE = 2000;

/** The key of a mention's list: its entity, else its date value; undefined for neither. */
export function keyOf(mention: Pick<Mention, 'entity' | 'value'>): MentionKey | undefined {
  return mention.entity ? { entity: mention.entity } : mention.value ? { date: mention.value } : undefined;
}

/** A page of a key's mentions in the order of CorpusIndex.mentionsOf, and how many it has in all. */
export function mentionPage(index: CorpusIndex, key: MentionKey, from: number, count: number): { refs: MentionRef[]; total: number } {
  return 'entity' in key ? index.mentionsOfPage(key.entity, from, count) : index.mentionsOfDatePage(key.date, from, count);
}

/** mentionPage where the mentions are (documents and UTF-16 offsets), with no object per mention. */
function spanPage(index: CorpusIndex, key: MentionKey, from: number, count: number): MentionSpans {
  return 'entity' in key ? index.mentionSpansOfPage(key.entity, from, count) : index.mentionSpansOfDatePage(key.date, from, count);
}

/**
 * Every mention of `key`, each made into a T by `make`, read a page at a time in slices with a
 * turn for the host between them; started over when the index changed meanwhile (never a mix of
 * two versions); undefined when `stop` said so. `onPage` hears the list so far after each page.
 */
export function gatherMentions<T>(
  index: CorpusIndex,
  key: MentionKey,
  make: (ref: MentionRef) => T,
  stop: () => boolean = () => false,
  onPage?: (soFar: readonly T[], total: number) => void,
): Promise<T[] | undefined> {
  return inSlices(mentionSteps(index, key, make, onPage), stop);
}

/**
 * gatherMentions for a list of locations: each mention made into a T by `make` from where it is
 * (its document, its start and end in UTF-16 code units), with no Mention object in between.
 */
export function gatherLocations<T>(
  index: CorpusIndex,
  key: MentionKey,
  make: (path: string, start: number, end: number) => T,
  stop: () => boolean = () => false,
): Promise<T[] | undefined> {
  return inSlices(locationSteps(index, key, make), stop);
}

/** gatherMentions as steps, a page each. */
function mentionSteps<T>(index: CorpusIndex, key: MentionKey, make: (ref: MentionRef) => T, onPage?: (soFar: readonly T[], total: number) => void): Steps<T[]> {
  return pageSteps(
    index,
    (from, out) => {
      const { refs, total } = mentionPage(index, key, from, PAGE);
      for (let k = 0; k < refs.length; k++) out[from + k] = make(refs[k]);
      return { read: refs.length, total };
    },
    onPage,
  );
}

/** gatherLocations as steps, a page each (scripts/benchCorpus.mjs times them). */
export function locationSteps<T>(index: CorpusIndex, key: MentionKey, make: (path: string, start: number, end: number) => T): Steps<T[]> {
  return pageSteps(index, (from, out) => {
    const { paths, doc, start, end, total } = spanPage(index, key, from, PAGE);
    for (let k = 0; k < start.length; k++) out[from + k] = make(paths[doc[k]], start[k], end[k]);
    return { read: start.length, total };
  });
}

/**
 * The pages of a list, each put in it by `take` (from the mention `from` on, at `out[from]`; how many
 * it read, and how many the list has in all), a step each; started over when the index changed
 * meanwhile. Without `onPage` (which hears the list so far) the list's array is made at its whole
 * length once the first page tells it: a list grown page by page leaves a copy at each growth, for
 * one of hundreds of thousands of mentions arrays of megabytes that only a full collection frees.
 */
function* pageSteps<T>(
  index: CorpusIndex,
  take: (from: number, out: T[]) => { read: number; total: number },
  onPage?: (soFar: readonly T[], total: number) => void,
): Steps<T[]> {
  restart: for (;;) {
    let out: T[] = [];
    let revision: string | undefined;
    for (let from = 0; ;) {
      const { read, total } = take(from, out);
      // taken after the first page: reading it may link documents not linked yet
      if (revision === undefined) {
        revision = index.revision;
        if (!onPage && total > read) out = withLength(out, total);
      } else if (revision !== index.revision) continue restart;
      from += read;
      onPage?.(out, total);
      if (read === 0 || from >= total) {
        out.length = from;
        return out;
      }
      yield;
    }
  }
}

/** `list`'s items at the start of an array of `length`. */
function withLength<T>(list: T[], length: number): T[] {
  const sized = new Array<T>(length);
  for (let i = 0; i < list.length; i++) sized[i] = list[i];
  return sized;
}
