// What a workspace's reviews teach the model for names: each reviewer's decision about a name
// becomes a training example (a span and its kind, or no name) and, by its surface, a correction
// honoured at once (TaggerWeights.corrections).
import type { Annotation } from '../annotations/model';
import type { Registry } from '../corpus/registry';
import { normKey } from '../lexicon/lexicon';
import { KIND_NAMES, NOT_A_NAME } from './kinds';
import type { GoldDocument } from './train';

/** An article and its annotations, placed in its current text (UTF-16 offsets). */
export interface ReviewedArticle {
  readonly text: string;
  readonly annotations: readonly Annotation[];
}

/** The examples of a workspace's reviews. */
export interface ReviewExamples {
  /** One partial document per article with a decision (GoldDocument.partial), in the order given. */
  documents: GoldDocument[];
  /** normKey of a surface -> the decision most often taken about it (a kind, or NOT_A_NAME). */
  corrections: Map<string, string>;
  /** How many spans were decided: names of each kind, and no names. */
  counts: Record<string, number>;
}

const NAME_KINDS: readonly string[] = KIND_NAMES;

/**
 * The examples of the reviews of `articles`, with the registry's decisions: a confirmed annotation
 * of a person, organization or place is a name of that kind; a rejected one, a surface the registry
 * lists as not an entity (wherever it occurs) and the mentions of an entity marked not an entity
 * are no name; the mentions of an entity reviewers merged or gave a kind take its kind, as do its
 * aliases. Suggestions nobody decided on teach nothing. Deterministic.
 */
export function reviewExamples(articles: readonly ReviewedArticle[], registry: Registry): ReviewExamples {
  // the entity each id now belongs to: itself, or the entity it was merged into
  const decidedEntity = new Map<string, { kind?: string; none: boolean }>();
  for (const e of registry.entities) {
    const decision = { kind: e.kind && NAME_KINDS.includes(e.kind) ? e.kind : undefined, none: e.notEntity === true };
    if (decision.none || e.merged.length || decision.kind) decidedEntity.set(e.id, decision);
    for (const id of e.merged) decidedEntity.set(id, decision);
  }
  const votes = new Map<string, Map<string, number>>();
  const vote = (surface: string, decision: string) => {
    const key = normKey(surface);
    if (!key) return;
    const v = votes.get(key) ?? votes.set(key, new Map()).get(key)!;
    v.set(decision, (v.get(decision) ?? 0) + 1);
  };
  const counts: Record<string, number> = { person: 0, organization: 0, place: 0, [NOT_A_NAME]: 0 };
  const notEntities = registry.notEntities.filter(s => s.trim());
  const documents: GoldDocument[] = [];
  for (const { text, annotations } of articles) {
    const spans: { start: number; end: number; kind: string }[] = [];
    for (const a of annotations) {
      const kind = decisionOf(a, decidedEntity);
      if (kind && a.target.end > a.target.start) spans.push({ start: a.target.start, end: a.target.end, kind });
    }
    for (const surface of notEntities) for (const start of occurrences(text, surface)) spans.push({ start, end: start + surface.length, kind: NOT_A_NAME });
    spans.sort((x, y) => x.start - y.start || y.end - x.end);
    // one decision per place: the first of overlapping spans stands
    const mentions = spans.filter((s, i) => i === 0 || spans.slice(0, i).every(p => p.end <= s.start || p.start >= s.end));
    for (const m of mentions) {
      counts[m.kind]++;
      vote(text.slice(m.start, m.end), m.kind);
    }
    if (mentions.length) documents.push({ text, mentions, ignore: [], partial: true });
  }
  for (const e of registry.entities) {
    const decision = decidedEntity.get(e.id);
    const kind = decision?.none ? NOT_A_NAME : decision?.kind;
    if (kind) for (const alias of [...(e.name ? [e.name] : []), ...e.aliases]) vote(alias, kind);
  }
  for (const surface of notEntities) vote(surface, NOT_A_NAME);
  const corrections = new Map<string, string>();
  for (const key of [...votes.keys()].sort()) {
    let best = '';
    let most = 0;
    // ties go to the first of person, organization, place, no name
    for (const d of [...NAME_KINDS, NOT_A_NAME]) {
      const n = votes.get(key)!.get(d) ?? 0;
      if (n > most) [best, most] = [d, n];
    }
    corrections.set(key, best);
  }
  return { documents, corrections, counts };
}

/** What a reviewed annotation says about its span: a kind, NOT_A_NAME, or nothing (undecided, or not about a name). */
function decisionOf(a: Annotation, decidedEntity: ReadonlyMap<string, { kind?: string; none: boolean }>): string | undefined {
  if (!NAME_KINDS.includes(a.label)) return undefined;
  if (a.status === 'rejected') return NOT_A_NAME;
  const entity = a.entity ? decidedEntity.get(a.entity) : undefined;
  if (entity?.none) return NOT_A_NAME;
  if (entity?.kind) return entity.kind;
  return a.status === 'confirmed' ? a.label : undefined;
}

/** Starts of `surface` in `text` as whole words (case as written). */
function occurrences(text: string, surface: string): number[] {
  const out: number[] = [];
  const word = /[\p{L}\p{N}]/u;
  for (let i = text.indexOf(surface); i >= 0; i = text.indexOf(surface, i + 1)) {
    const before = i > 0 ? text[i - 1] : ' ';
    const after = text[i + surface.length] ?? ' ';
    if (!word.test(before) && !word.test(after)) out.push(i);
  }
  return out;
}
