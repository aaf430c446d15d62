// A workspace's model for names: the shipped model (nameModel.ts) trained further on the
// workspace's reviews (reviewExamples.ts), with the reviewers' decisions by surface kept as
// corrections that hold at once. Stored as JSON under .marginalia/ (workspace/workspaceModelFile.ts)
// so that a team can commit it; the same reviews and the same shipped model give the same file.
import { contentHash } from '../corpus/contentHash';
import { decodeModel, encodeModel, type EncodedModel } from './codec';
import { KIND_NAMES, NOT_A_NAME } from './kinds';
import type { ReviewExamples } from './reviewExamples';
import type { TaggerWeights } from './tagger';
import { prepare, train } from './train';

/** What the file records besides the weights. */
export interface WorkspaceModelFile {
  format: typeof FORMAT;
  version: 1;
  /** Spans decided by reviewers that it learned from, by kind (and `none`), and in how many articles. */
  learnedFrom: Record<string, number>;
  /** normKey of a surface -> its kind or `none` (TaggerWeights.corrections). */
  corrections: Record<string, string>;
  model: EncodedModel;
}

const FORMAT = 'marginalia-name-model';
/** Passes over the reviewed runs: a few, as the shipped weights already know most of the language. */
const EPOCHS = 5;
/** Seed of the order of runs in each pass. */
const SEED = 0x72657669;
/** Weights smaller than this are left out of the file (as scripts/nameModel.mjs does for the shipped one). */
const PRUNE = 0.05;

/** Trains the shipped model `base` further on the examples; deterministic. */
export function learnFromReviews(examples: ReviewExamples, base: TaggerWeights): WorkspaceModelFile {
  const set = prepare(examples.documents, base.bits);
  const trained = train(set, { epochs: EPOCHS, random: seededRandom(SEED), from: base });
  const corrections: Record<string, string> = {};
  for (const [key, decision] of examples.corrections) corrections[key] = decision;
  return {
    format: FORMAT,
    version: 1,
    learnedFrom: { ...examples.counts, articles: examples.documents.length },
    corrections,
    model: encodeModel(trained.bits, trained.weights, trained.trans, PRUNE, base.rulePrior ?? 0),
  };
}

/** The file's text (stable: the same model gives the same bytes). */
export function serializeWorkspaceModel(file: WorkspaceModelFile): string {
  return JSON.stringify(file, null, 1) + '\n';
}

/** The tagger of a workspace model file's text, or the reason it cannot be used. The text is untrusted (a cloned repository's). */
export function parseWorkspaceModel(text: string): { model: TaggerWeights } | { problem: string } {
  let data: Partial<WorkspaceModelFile>;
  try {
    data = JSON.parse(text) as Partial<WorkspaceModelFile>;
  } catch (e) {
    return { problem: `is not JSON (${(e as Error).message})` };
  }
  if (data?.format !== FORMAT || data.version !== 1) return { problem: `is not a version 1 ${FORMAT} file` };
  const m = data.model;
  const decisions: readonly string[] = [...KIND_NAMES, NOT_A_NAME];
  if (
    !m ||
    !Number.isInteger(m.bits) ||
    m.bits < 8 ||
    m.bits > 20 ||
    !(m.scale > 0) ||
    !Array.isArray(m.trans) ||
    !m.trans.every(v => typeof v === 'number' && Number.isFinite(v)) ||
    typeof m.weights !== 'string' ||
    !/^[A-Za-z0-9+/]*=*$/.test(m.weights) ||
    m.weights.length % 4 !== 0 ||
    (m.rulePrior !== undefined && !Number.isFinite(m.rulePrior))
  ) {
    return { problem: 'has no valid model' };
  }
  const corrections = new Map<string, string>();
  for (const [key, decision] of Object.entries(data.corrections ?? {})) if (decisions.includes(decision)) corrections.set(key, decision);
  let weights: TaggerWeights;
  try {
    weights = decodeModel(m);
  } catch (e) {
    return { problem: `has a model that cannot be read (${(e as Error).message})` };
  }
  return { model: { ...weights, corrections, id: workspaceModelId(text) } };
}

/** The identity of a workspace model file's text (TaggerWeights.id), known without parsing it. */
export function workspaceModelId(text: string): string {
  return `w:${contentHash(text)}`;
}

/** A seeded generator (mulberry32): the same numbers in [0, 1) for the same seed. */
function seededRandom(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
