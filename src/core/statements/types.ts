// What a statement is: one sentence of an article (or a headline, a list item) with what it says
// that can be checked against other articles. Plain data only (serializable), offsets in UTF-16
// code units into the article's text (docs/contracts.md).

/** Where a statement sits in its article. */
export type StatementKind = 'headline' | 'body' | 'list';

/** A span of an article: [start, end) in UTF-16 code units. */
export interface Span {
  start: number;
  end: number;
}

/** A sentence found by `splitSentences`, before anything is read from it. */
export interface SentenceSpan extends Span {
  kind: StatementKind;
  /** Index of its paragraph (a headline, a list item, a paragraph of body text) in the article. */
  paragraph: number;
}

/** A recognized date inside a statement, with its normalized value (see Mention.value). */
export interface StatementDate extends Span {
  text: string;
  value: string;
  /** How the sentence places its event against the date: "on Friday" (at), "since Friday", "until Friday", "before", "after". */
  relation: 'at' | 'since' | 'until' | 'before' | 'after';
  /** Content words and entity ids around the date: what the date is the date of. */
  context: string[];
}

/**
 * A number or quantity: "two", "several", "dozens of protesters", "over 150 delegates",
 * "approximately 600 kilometres", "12 foreign firms", "€15bn". Its value is a range [low, high]
 * (high may be Infinity: "more than 150"); an exact figure has low === high.
 */
export interface Quantity extends Span {
  text: string;
  low: number;
  high: number;
  /** True for a stated figure ("40", "about 40", "over 150"); false for "several", "dozens of". */
  exact: boolean;
  /** The qualifier, lowercase: "about", "more than", "up to"... or '' for none. */
  qualifier: string;
  /** The unit or the counted thing, normalized ("km", "EUR", "protester", "firm"); '' when none follows. */
  unit: string;
  /** The words of the noun phrase as written after the number ("foreign firms"). */
  head: string;
  /** Content words and entity ids around the quantity, unit excluded: what is counted where. */
  context: string[];
}

/** A quotation (text between quotation marks) and who the text says said it. */
export interface Quotation extends Span {
  /** The quoted words without the quotation marks: [start, end) is inside the marks. */
  text: string;
  speaker?: Speaker;
}

export interface Speaker {
  /** How the article names the speaker here ("Ortiz", "she", "the minister"). */
  text: string;
  /** The corpus entity id of the speaker, when the speaker is a recognized name (or refers to one). */
  entity?: string;
}

/** One statement of an article and what it says that can be compared across articles. */
export interface Statement extends SentenceSpan {
  /** Corpus entity ids of the names in it, each once, in order of first mention. */
  entities: string[];
  dates: StatementDate[];
  quantities: Quantity[];
  quotations: Quotation[];
  /** Its content words, normalized (lowercase, light stemming, British/American spelling folded), each once, sorted. */
  words: string[];
}

/** An article as the statement reader needs it: its text and the mentions of the corpus analysis. */
export interface StatementSource {
  path: string;
  text: string;
  /** Publication date used to resolve its relative dates, or null. */
  dct: string | null;
  mentions: readonly {
    start: number;
    end: number;
    kind: string;
    entity?: string;
    value?: string | null;
  }[];
}
