// The second, corpus-aware pass over one document. Other documents count only through the family
// names looked up here, so a document's result stays valid while the answers to its lookups do.
import { findNamesInPieces } from '../limits';
import type { TaggerWeights } from '../model/tagger';
import type { NameCandidate, WordSet } from '../names/nameCandidate';
import { linkDocument, type DocumentNames } from './linkDocument';

/** A document's linked names, with the family-name lookups they rest on. */
export interface LinkedNames {
  names: DocumentNames;
  /** Words looked up and found among the corpus's family names. */
  found: string[];
  /** Words looked up and not found. */
  missing: string[];
}

/**
 * Links the names of one document, given the family names of the whole corpus: a sentence-initial
 * word left out on the first pass ("Lee said") is a name when another document names a Lee.
 * `first` comes from the first pass (findNamesInPieces without `extra`); its candidates get their
 * final kinds. `model` as for findNamesDetailed (omitted: the rules alone).
 */
export function linkNames(
  text: string,
  first: { names: NameCandidate[]; dropped: readonly string[] },
  surnames: WordSet,
  model?: TaggerWeights | null,
): LinkedNames {
  const lookups = new RecordedLookups(surnames);
  const cands = first.dropped.some(w => lookups.has(w)) ? findNamesInPieces(text, lookups, model).names : first.names;
  const names = linkDocument(text, cands, lookups);
  return { names, found: [...lookups.found], missing: [...lookups.missing] };
}

/** Links a document again from its text alone, when its lookups no longer hold. */
export function relinkNames(text: string, surnames: WordSet, model?: TaggerWeights | null): LinkedNames {
  return linkNames(text, findNamesInPieces(text, undefined, model), surnames, model);
}

/** True when linking the document with these family names would give the same result. */
export function lookupsHold(linked: Pick<LinkedNames, 'found' | 'missing'>, surnames: WordSet): boolean {
  for (const w of linked.found) if (!surnames.has(w)) return false;
  for (const w of linked.missing) if (surnames.has(w)) return false;
  return true;
}

/** A set of words that remembers the lookups made in it and their answers. */
class RecordedLookups implements WordSet {
  readonly found = new Set<string>();
  readonly missing = new Set<string>();

  constructor(private readonly words: WordSet) {}

  has(word: string): boolean {
    const yes = this.words.has(word);
    (yes ? this.found : this.missing).add(word);
    return yes;
  }
}
