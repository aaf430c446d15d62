// A reviewer simulated from a gold annotation, for the learning curve of `npm run eval --
// --learning-curve` (scripts/learningCurve.mjs) and its tests: the reviewer goes through the names
// Marginalia suggests in a document and confirms each one the gold has at exactly that span (with
// the gold's kind, relabelling a wrong one) and rejects the others. Names it missed stay missed.
import type { Annotation } from '../annotations/model';
import { linkDocument } from '../linking/linkDocument';
import { findNamesDetailed } from '../names/recognizeNames';
import type { ReviewedArticle } from './reviewExamples';
import type { TaggerWeights } from './tagger';

/** A gold-annotated document (UTF-16 offsets); spans overlapping `ignore` are neither right nor wrong. */
export interface GoldReviewDocument {
  readonly text: string;
  readonly mentions: readonly { start: number; end: number; kind: string }[];
  readonly ignore: readonly { start: number; end: number }[];
}

/** The annotations the simulated reviewer leaves on `doc` after reading the names `model` suggests (the rules alone when null). Deterministic. */
export function simulateReview(doc: GoldReviewDocument, model: TaggerWeights | null): ReviewedArticle {
  const { text } = doc;
  const gold = new Map(doc.mentions.map(m => [`${m.start}:${m.end}`, m.kind]));
  const { entities, spans } = linkDocument(text, findNamesDetailed(text, undefined, model).names);
  const annotations: Annotation[] = [];
  for (let i = 0; i < spans.length; i += 4) {
    const [start, end] = [spans[i], spans[i + 1]];
    const kind = gold.get(`${start}:${end}`);
    if (!kind && doc.ignore.some(g => g.start < end && start < g.end)) continue;
    annotations.push({
      id: `r${i / 4}`,
      target: { quote: text.slice(start, end), prefix: '', suffix: '', start, end },
      label: kind ?? entities[spans[i + 2]].kind,
      status: kind ? 'confirmed' : 'rejected',
      thread: [],
    });
  }
  return { text, annotations };
}
