// One kind per entity. Linking decides first which names of a corpus are one entity, then each
// entity gets the kind its documents vote for: every document votes once, with the strength of its
// evidence, so that strong evidence (a lexicon entry, a head word, a title, a dateline or other
// context) outweighs default guesses, and many documents outweigh one that names the entity often.
import type { NameKind } from '../names/nameCandidate';
import type { LocalEntity } from './linkDocument';

/**
 * Weight of a document's vote that rests on a default guess, against 1 for one that rests on
 * evidence. Among guesses, every document counts alike, however often it names the entity.
 */
const GUESS_WEIGHT = 1 / 64;

/** A vote at least this strong rests on evidence; below it, on a guess. */
const EVIDENCE_THRESHOLD = 0.5;

/**
 * How sure one document is of the kind it gives an entity, from 0 to 1: today 1 when some mention
 * rests on evidence, else GUESS_WEIGHT. A recognizer that scores each mention's kind (a learned
 * model) gives here the confidence of the entity's best mention for its kind.
 */
export function documentConfidence(e: Pick<LocalEntity, 'guessed'>): number {
  return e.guessed ? GUESS_WEIGHT : 1;
}

/** What the documents of a corpus say for one name under one kind. */
export class KindVotes {
  /** Sum over the documents of their confidence. */
  votes = 0;
  /** True once some document rests this kind on evidence. */
  evidence = false;
  /** Mentions in all documents: breaks ties between equal votes. */
  mentions = 0;

  constructor(readonly kind: NameKind) {}

  /** Counts one document's vote: its confidence in the kind, and how many mentions it has. */
  add(confidence: number, mentions: number): void {
    this.votes += confidence;
    if (confidence >= EVIDENCE_THRESHOLD) this.evidence = true;
    this.mentions += mentions;
  }
}

/**
 * Of the kinds that documents give one name (each a candidate entity, in order of first
 * appearance), the one all of them are: the index of the winner, or -1 when several kinds rest on
 * evidence, which makes them distinct entities that share a name (a city or a country and the team
 * named after it, "Washington" the person and the place). The one kind with evidence wins over any
 * number of guesses (they repeat one default rule: no independent evidence); among guesses, the
 * most votes, then the most mentions, then the first seen.
 */
export function oneKindOfName(candidates: readonly KindVotes[]): number {
  let withEvidence = -1;
  let best = 0;
  for (let i = 0; i < candidates.length; i++) {
    const c = candidates[i];
    if (c.evidence) {
      if (withEvidence >= 0) return -1;
      withEvidence = i;
    }
    const b = candidates[best];
    if (c.votes > b.votes || (c.votes === b.votes && c.mentions > b.mentions)) best = i;
  }
  return withEvidence >= 0 ? withEvidence : best;
}
