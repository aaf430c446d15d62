/**
 * Labels read back from other tools' type names (BRAT types, CoNLL tags, spaCy/doccano labels):
 * a configured label whose exported name is the type, else one equal ignoring case, else the
 * usual NER types mapped to the kinds (PER, PERSON → person; ORG → organization; LOC, GPE →
 * place; DATE → date), else the caller's fallback.
 */
import { MENTION_KINDS } from '../types';

/** The kinds plus the default labels of the setting `marginalia.labels`. */
export const DEFAULT_LABELS: readonly string[] = [...MENTION_KINDS, 'claim', 'quote', 'source'];

const COMMON_TYPES: Record<string, string> = { PER: 'person', PERSON: 'person', ORG: 'organization', LOC: 'place', GPE: 'place', DATE: 'date' };

/**
 * The label of `type`: `exported(label)` is how a format writes a label (e.g. `bratTypeName`);
 * `fallback(type)` is used when no label and no common type matches.
 */
export function labelForType(type: string, labels: readonly string[], exported: (label: string) => string, fallback: (type: string) => string): string {
  const exact = labels.find(l => exported(l) === type);
  if (exact !== undefined) return exact;
  const lower = type.toLowerCase();
  const folded = labels.find(l => l.toLowerCase() === lower || exported(l).toLowerCase() === lower);
  if (folded !== undefined) return folded;
  return COMMON_TYPES[type.toUpperCase()] ?? fallback(type);
}
