/**
 * The record a curated annotation keeps (docs/sidecar-schema.md, "Curation"): who settled it, how,
 * and the reviewers' annotations it replaced. Stored as two fields the sidecar reader keeps as
 * `extra` (unknown fields survive every save), so the schema version stays 1:
 *
 *   curatedBy: Carol Diaz
 *   curation:
 *     decision: take          # take | both | neither | edit | agreed
 *     from:
 *       - {id: k3f9x2ab, author: Hana Cho, label: person, status: confirmed, start: 18, end: 31, quote: Lee Jae Myung}
 *       - {id: b2c4d6e8, author: Martin Hale, source: review-martin, label: organization, ...}
 *
 * `source` names the place an original was read from when it was not in this sidecar (a git
 * revision, another folder): it still lives there, so it is not restored from the record.
 */
import { ANNOTATION_STATUSES, type Annotation, type AnnotationStatus } from '../annotations/model';

/** How a disagreement was settled. */
export type CurationDecisionKind = 'take' | 'both' | 'neither' | 'edit' | 'agreed';

export const CURATION_DECISIONS: readonly CurationDecisionKind[] = ['take', 'both', 'neither', 'edit', 'agreed'];

/** One reviewer's annotation as it was when a curation replaced it. */
export interface CurationOriginal {
  id: string;
  author?: string;
  /** The place it was read from when that was not this sidecar (a git revision, a folder). */
  source?: string;
  label: string;
  entity?: string;
  status: AnnotationStatus;
  /** UTF-16 code units into the article's text at curation time. */
  start: number;
  end: number;
  quote: string;
  note?: string;
}

export interface Curation {
  curatedBy?: string;
  decision: CurationDecisionKind;
  from: CurationOriginal[];
}

/**
 * Where a reviewer's span lives: an annotation of the workspace sidecar (curation replaces it), an
 * annotation elsewhere (a git revision, another folder: curation records it), or an original
 * restored from the record of the curated annotation `id` (curating again replaces that one).
 */
export type CurationSource = { in: 'sidecar' } | { in: 'elsewhere'; source: string } | { in: 'curated'; id: string };

/** The curation record of an annotation, or undefined when it has none or it is malformed. */
export function curationOf(annotation: Annotation): Curation | undefined {
  const raw = annotation.extra?.curation;
  if (!isRecord(raw) || !Array.isArray(raw.from)) return undefined;
  const decision = CURATION_DECISIONS.find(d => d === raw.decision);
  if (!decision) return undefined;
  const from: CurationOriginal[] = [];
  for (const item of raw.from) {
    const original = readOriginal(item);
    if (!original) return undefined;
    from.push(original);
  }
  const curatedBy = annotation.extra?.curatedBy;
  return { ...(typeof curatedBy === 'string' ? { curatedBy } : {}), decision, from };
}

/** The `extra` fields that store `curation` on an annotation. */
export function curationFields(curation: Curation): Record<string, unknown> {
  return {
    ...(curation.curatedBy !== undefined ? { curatedBy: curation.curatedBy } : {}),
    curation: { decision: curation.decision, from: curation.from.map(plainOriginal) },
  };
}

/** A key that identifies an original across runs: its id, label and text (offsets move with edits). */
export function originalKey(o: { id: string; label: string; quote: string }): string {
  return `${o.id}\u0000${o.label}\u0000${o.quote}`;
}

function plainOriginal(o: CurationOriginal): Record<string, unknown> {
  return {
    id: o.id,
    ...(o.author !== undefined ? { author: o.author } : {}),
    ...(o.source !== undefined ? { source: o.source } : {}),
    label: o.label,
    ...(o.entity !== undefined ? { entity: o.entity } : {}),
    status: o.status,
    start: o.start,
    end: o.end,
    quote: o.quote,
    ...(o.note !== undefined ? { note: o.note } : {}),
  };
}

function readOriginal(item: unknown): CurationOriginal | undefined {
  if (!isRecord(item)) return undefined;
  const { id, author, source, label, entity, status, start, end, quote, note } = item;
  const idText = typeof id === 'number' ? String(id) : id;
  if (typeof idText !== 'string' || typeof label !== 'string' || typeof quote !== 'string') return undefined;
  if (!Number.isSafeInteger(start) || !Number.isSafeInteger(end) || (start as number) < 0 || (end as number) < (start as number)) return undefined;
  if (!ANNOTATION_STATUSES.includes(status as AnnotationStatus)) return undefined;
  return {
    id: idText,
    label,
    quote,
    start: start as number,
    end: end as number,
    status: status as AnnotationStatus,
    ...(typeof author === 'string' ? { author } : {}),
    ...(typeof source === 'string' ? { source } : {}),
    ...(typeof entity === 'string' ? { entity } : {}),
    ...(typeof note === 'string' ? { note } : {}),
  };
}

function isRecord(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}
