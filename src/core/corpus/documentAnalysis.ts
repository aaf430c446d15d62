import type { LinkedNames } from '../linking/linkNames';
import type { Mention } from '../types';

/**
 * A document's analysis as far as it goes without other documents: valid for the same text (hash),
 * publication date inputs and names recognizer (model); its linked names are checked against the corpus's family names
 * before use.
 */
export interface DocumentAnalysis {
  hash: string;
  /** The publication date given from outside the text (`s:` when from the sidecar), '' for none. */
  dctSource: string;
  /** The names recognizer it was made with (modelId in src/core/model/tagger.ts): '' for the rules alone. */
  model: string;
  dct: string | null;
  dates: Mention[];
  surnames: string[];
  linked: LinkedNames;
}
