import type { LinkedNames } from '../linking/linkNames';
import type { Mention } from '../types';

/**
 * A document's analysis as far as it goes without other documents: valid for the same text (hash)
 * and publication date inputs; its linked names are checked against the corpus's family names
 * before use.
 */
export interface DocumentAnalysis {
  hash: string;
  /** The publication date given from outside the text (`s:` when from the sidecar), '' for none. */
  dctSource: string;
  dct: string | null;
  dates: Mention[];
  surnames: string[];
  linked: LinkedNames;
}
