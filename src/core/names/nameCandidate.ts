// What name recognition hands to linking: a name found in a text, before it is linked to others.

export type NameKind = 'person' | 'organization' | 'place';

/** A recognized name before linking. */
export interface NameCandidate {
  start: number;
  end: number;
  text: string;
  kind: NameKind;
  /** Evidence beyond a default guess: a lexicon entry, a head word, a title. */
  strong: boolean;
  /** Lowercase words of the name, without final dots. */
  words: string[];
  /** Index of the word after an inner "of" ("Church of Scientology" -> 2), or -1. */
  ofAt: number;
  /** First letters of the words and of their hyphenated parts ("usi", "cair"). */
  initials: string;
  /** The initials of the words before an inner "and", for acronyms of long names ("IFRC"). */
  initialsBeforeAnd?: string;
  /** A single all-caps or dotted word ("UN", "U.S."). */
  acronym: boolean;
  /** The second word is hyphenated ("Lee Jae-myung"): East Asian name order. */
  hyphenSecond: boolean;
  /** Preceded by a person's title ("President Lee"). */
  titled: boolean;
  key: string;
  /** Which rule gave the kind (the codes of names/recognizeNames.ts): the learned model weighs each rule by it. */
  why?: number;
  /** The learned model's probabilities of person, organization and place for this span (see src/core/model/). */
  kindScores?: [number, number, number];
  /** The learned model reads it as a name with a margin over no name: a name it keeps for the corpus (names/recognizeNames.ts, keptNames). */
  modelSure?: true;
}

/** Words a lookup can be made in: a Set, or one that records the lookups. */
export type WordSet = Pick<ReadonlySet<string>, 'has'>;
