// Lists of every mention of an entity or a date, which may span the corpus (hundreds of thousands
// of mentions at 100,000 articles), read a page at a time in slices so that the extension host is
// never held while one is made (README, "Measured limits").
import type { CorpusIndex, Mention, MentionRef, Steps } from '../../core';
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

/** gatherMentions as steps, a page each (scripts/benchCorpus.mjs times them). */
export function* mentionSteps<T>(
  index: CorpusIndex,
  key: MentionKey,
  make: (ref: MentionRef) => T,
  onPage?: (soFar: readonly T[], total: number) => void,
): Steps<T[]> {
  restart: for (;;) {
    const out: T[] = [];
    let revision: string | undefined;
    for (let from = 0; ;) {
      const { refs, total } = mentionPage(index, key, from, PAGE);
      // taken after the first page: reading it may link documents not linked yet
      if (revision === undefined) revision = index.revision;
      else if (revision !== index.revision) continue restart;
      for (const ref of refs) out.push(make(ref));
      from += refs.length;
      onPage?.(out, total);
      if (refs.length === 0 || from >= total) return out;
      yield;
    }
  }
}
