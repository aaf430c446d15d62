/**
 * A workspace's model for names on disk (model/workspaceModel.ts): `.marginalia/model.json`,
 * learned from the reviews in the sidecars and the registry, written under the write policy,
 * read by analysis when present, removed by a reset.
 */
import type { TaggerWeights } from '../model/tagger';
import { reviewExamples, type ReviewedArticle } from '../model/reviewExamples';
import { learnFromReviews, parseWorkspaceModel, serializeWorkspaceModel, workspaceModelId, type WorkspaceModelFile } from '../model/workspaceModel';
import { outsideReason } from './containment';
import { describeError } from './fileSystem';
import { joinPath } from './pathText';
import { placeAnnotations } from './placement';
import type { ScanProblem } from './scan';
import { readTextFile, WriteRefusedError } from './textFiles';
import type { Workspace } from './workspace';
import { checkWriteLocation, updateTextFile } from './writePolicy';

/** Where the workspace model is, relative to the workspace folder. */
export const WORKSPACE_MODEL_PATH = '.marginalia/model.json';
/** Larger than any model of 2^20 feature rows: a bigger file is not read. */
const MAX_MODEL_BYTES = 32 * 1024 * 1024;

/** The workspace model as read: none, the model, or why it cannot be used (then analysis falls back to the shipped model). */
export type WorkspaceModelRead =
  { status: 'missing'; path: string } | { status: 'ok'; path: string; model: TaggerWeights } | { status: 'problem'; path: string; message: string };

/** The workspace model file's text as read, with its identity (workspaceModelId), not yet parsed. */
export type WorkspaceModelText =
  { status: 'missing'; path: string } | { status: 'ok'; path: string; text: string; id: string } | { status: 'problem'; path: string; message: string };

/**
 * Reads the text of the workspace model of `workspace` (inside it, through no link, at most 32 MiB),
 * so that a host can tell which model it is before it parses it elsewhere. Never throws.
 */
export async function readWorkspaceModelText(workspace: Workspace): Promise<WorkspaceModelText> {
  const path = modelPath(workspace);
  const outside = await outsideReason(workspace.fs, workspace.root, path);
  if (outside) return { status: 'problem', path, message: `The workspace model ${path} ${outside}; it is not read.` };
  const read = await readTextFile(workspace.fs, path, MAX_MODEL_BYTES);
  if (read.status === 'missing') return { status: 'missing', path };
  if (read.status !== 'ok') return { status: 'problem', path, message: `The workspace model ${read.message}.` };
  return { status: 'ok', path, text: read.text, id: workspaceModelId(read.text) };
}

/** The model of a text read by readWorkspaceModelText, or why it cannot be used (then the shipped model is used). */
export function parseWorkspaceModelText(path: string, text: string): WorkspaceModelRead {
  const parsed = parseWorkspaceModel(text);
  if ('problem' in parsed) return { status: 'problem', path, message: `The workspace model ${path} ${parsed.problem}; the shipped model is used.` };
  return { status: 'ok', path, model: parsed.model };
}

/** Reads the workspace model of `workspace`. Never throws. */
export async function readWorkspaceModel(workspace: Workspace): Promise<WorkspaceModelRead> {
  const read = await readWorkspaceModelText(workspace);
  return read.status === 'ok' ? parseWorkspaceModelText(read.path, read.text) : read;
}

/** What training did. */
export interface TrainedWorkspaceModel {
  path: string;
  /** What the model learned from (WorkspaceModelFile.learnedFrom). */
  learnedFrom: Record<string, number>;
  /** False when the file already held this very model, or when `strict` refused the write. */
  written: boolean;
  /** Articles, sidecars or the registry that could not be read: their reviews were left out. */
  problems: string[];
  /** The identity of the model now in the file (workspaceModelId); undefined when nothing was written for problems. */
  id?: string;
}

/**
 * Learns from every review of the workspace (reviewExamples) on top of `base` (the shipped model,
 * nameModel()) and writes the model to WORKSPACE_MODEL_PATH. `strict` (the extension) writes nothing
 * when reviews cannot all be read (a reviewer fixes the file first) or there is no decision to learn
 * from (the file would only swap the rules for the shipped model); else the readable reviews are
 * learned from (the CLI, which reports the others).
 */
export async function trainWorkspaceModel(workspace: Workspace, base: TaggerWeights, strict = false): Promise<TrainedWorkspaceModel> {
  const problems: string[] = [];
  const scanProblems: ScanProblem[] = [];
  const articles: ReviewedArticle[] = [];
  for (const path of await workspace.listArticles(scanProblems)) {
    const sidecar = await workspace.readSidecar(path);
    // a sidecar that cannot be read holds reviews that are left out: say so
    if (sidecar.status !== 'ok' && sidecar.status !== 'missing') problems.push(`${sidecar.path}: ${sidecar.parsed.problems[0]?.message ?? sidecar.status}`);
    if (!sidecar.parsed.annotations.length) continue;
    const article = await workspace.readArticle(path);
    if (article.status !== 'ok') {
      problems.push(`${path} ${article.message}`);
      continue;
    }
    articles.push({ text: article.text, annotations: placeAnnotations(article.text, sidecar.parsed.annotations).annotations });
  }
  for (const p of scanProblems) problems.push(`${p.path}: ${describeError(p.error)}`);
  const registry = await workspace.readRegistry();
  if (registry.status !== 'ok' && registry.status !== 'missing') problems.push(registry.parsed.problems[0]?.message ?? `${registry.path} cannot be read`);
  const path = modelPath(workspace);
  const examples = reviewExamples(articles, registry.parsed.registry);
  if (strict && (problems.length || (!examples.documents.length && !examples.corrections.size)))
    return { path, learnedFrom: { ...examples.counts, articles: examples.documents.length }, written: false, problems };
  const file: WorkspaceModelFile = learnFromReviews(examples, base);
  const text = serializeWorkspaceModel(file);
  const result = await updateTextFile(workspace.fs, { root: workspace.root, path, maxBytes: MAX_MODEL_BYTES, update: () => ({ text }) });
  return { path, learnedFrom: file.learnedFrom, written: result.written, problems, id: workspaceModelId(text) };
}

/** Removes the workspace model (analysis goes back to the shipped one); false when there was none. */
export async function resetWorkspaceModel(workspace: Workspace): Promise<boolean> {
  const path = modelPath(workspace);
  await checkWriteLocation(workspace.fs, workspace.root, path);
  const stat = await workspace.fs.stat(path);
  if (!stat) return false;
  if (stat.type !== 'file') throw new WriteRefusedError(path, 'is not a regular file; not removed');
  await workspace.fs.delete(path);
  return true;
}

function modelPath(workspace: Workspace): string {
  return joinPath(workspace.root, WORKSPACE_MODEL_PATH);
}
