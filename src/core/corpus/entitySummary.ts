// An entity's summary from its mentions, as analyze (no registry) and applyRegistry (with one)
// give it, computed from the running totals of a corpus index.
import { entityName } from '../linking/linkCorpus';
import type { Entity, MentionKind } from '../types';
import type { MentionGroup, MentionRef } from './mentionTable';
import type { RegistryEntity } from './registry';

type Refs = () => readonly MentionRef[];

/** The entity as the recognizer has it: the kind of most mentions, the fullest frequent name. */
export function recognizedEntity(id: string, g: MentionGroup, refs: Refs): Entity {
  return { id, kind: majorityKind(g, refs), name: entityName(g.forms), aliases: aliases(g), documents: g.docs.length, mentions: g.count };
}

/**
 * The entity once the registry applies (`g` holds the mentions the registry leaves, `recognized`
 * those the recognizer gave this id): the registry's name and kind, else the recognizer's, else the
 * longest form and the first mention's kind.
 */
export function reviewedEntity(id: string, g: MentionGroup, refs: Refs, own: RegistryEntity | undefined, recognized: MentionGroup | undefined, recognizedRefs: Refs): Entity {
  return {
    id,
    kind: own?.kind ?? (recognized ? majorityKind(recognized, recognizedRefs) : refs()[0].mention.kind),
    name: own?.name ?? (recognized ? entityName(recognized.forms) : longestForm(g.forms)),
    aliases: aliases(g),
    documents: g.docs.length,
    mentions: g.count,
  };
}

function aliases(g: MentionGroup): string[] {
  return [...g.forms.keys()].sort();
}

/** The kind of most mentions; on a tie, the one met first in corpus order. */
function majorityKind(g: MentionGroup, refs: Refs): MentionKind {
  if (g.kinds.size === 1) return g.kinds.keys().next().value!;
  const counts = new Map<MentionKind, number>();
  for (const { mention } of refs()) counts.set(mention.kind, (counts.get(mention.kind) ?? 0) + 1);
  let kind: MentionKind = 'person';
  let best = -1;
  for (const [k, c] of counts) if (c > best) { best = c; kind = k; }
  return kind;
}

/** The longest form, then the most frequent, then the first in code-unit order. */
function longestForm(forms: Map<string, number>): string {
  return [...forms].sort((a, b) => b[0].length - a[0].length || b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0][0];
}
