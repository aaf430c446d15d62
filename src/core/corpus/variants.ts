import type { Entity } from '../types';
import { compareEntities } from './entitySummary';
import { foldedName, orderFreeName } from './variantKey';

/** Entities whose names differ only in spelling, proposed to reviewers for merging. */
export interface VariantProposal {
  /** Entity ids, most mentioned first: the first is the proposed survivor. */
  ids: string[];
  names: string[];
  reason: 'spelling' | 'word order';
}

/**
 * Groups entities of one kind whose names or aliases fold to the same key
 * ("Wi Sung Lac" / "Wi Sung-lac", "Lee Jae Myung" / "Jae Myung Lee").
 */
export function variantProposals(entities: readonly Entity[]): VariantProposal[] {
  const proposals: VariantProposal[] = [];
  const grouped = new Set<string>();
  for (const [reason, key] of [
    ['spelling', foldedName],
    ['word order', orderFreeName],
  ] as const) {
    const groups = new Map<string, Entity[]>();
    for (const e of entities) {
      if (e.kind === 'date') continue;
      for (const k of new Set([e.name, ...e.aliases].filter(n => n.includes(' ') || n.includes('-') || n.length > 3).map(key))) {
        const g = groups.get(`${e.kind}\u0000${k}`);
        if (g) {
          if (!g.includes(e)) g.push(e);
        } else groups.set(`${e.kind}\u0000${k}`, [e]);
      }
    }
    for (const group of groups.values()) {
      if (group.length < 2) continue;
      const sorted = [...group].sort(compareEntities);
      const signature = sorted
        .map(e => e.id)
        .sort()
        .join('\u0000');
      if (grouped.has(signature)) continue;
      grouped.add(signature);
      proposals.push({ ids: sorted.map(e => e.id), names: sorted.map(e => e.name), reason });
    }
  }
  return proposals;
}
