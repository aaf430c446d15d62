// A comparison of reviewers over many articles, as the worker thread runs it (agreementWorker.ts)
// and, when the worker cannot start, the extension host itself (agreementRunner.ts). No `vscode`
// import: files are read by their local paths through the workspace core (its size limits,
// containment and decoding: src/core/workspace) over Node's file system.
import {
  AgreementTally,
  collectAgainst,
  collectByAuthor,
  folderSidecars,
  reviewersOf,
  Workspace,
  WORKSPACE_REVIEWER,
  type AgreementReport,
  type ArticleInput,
  type CollectedReviews,
  type ReviewedDocument,
  type SidecarSource,
} from '../../core';
import { gitSidecars } from '../../node/gitSidecars';
import { NodeFileSystem, toCorePath } from '../../node/nodeFileSystem';

/** Whose annotations: by author, or the workspace against a git revision or a folder laid out like it. */
export type OtherPlace = { git: string } | { folder: string; name: string };

export interface AgreementJob {
  /** The workspace folder (a local path). */
  root: string;
  /** The articles to compare: a local path, the name reports use, and the editor's text when it is open. */
  articles: { file: string; path: string; text?: string }[];
  other?: OtherPlace;
}

export interface AgreementJobResult {
  reviewers: string[];
  report: AgreementReport;
  documents: ReviewedDocument[];
  problems: CollectedReviews['problems'];
}

/** Articles read between two progress reports. */
const BATCH = 200;

export async function runAgreementJob(job: AgreementJob, progress: (done: number, total: number) => void = () => undefined): Promise<AgreementJobResult> {
  const documents: ReviewedDocument[] = [];
  const problems: CollectedReviews['problems'] = [];
  const other = job.other && (await otherSource(job.other, job.root, problems));
  const workspace = localWorkspace(job.root);
  for (let from = 0; from < job.articles.length; from += BATCH) {
    const inputs = (await Promise.all(job.articles.slice(from, from + BATCH).map(a => readInput(workspace, a, problems)))).filter(i => i !== undefined);
    const collected = other ? await collectAgainst(inputs, other) : collectByAuthor(inputs);
    documents.push(...collected.documents);
    problems.push(...collected.problems);
    progress(Math.min(from + BATCH, job.articles.length), job.articles.length);
  }
  const reviewers = other ? [WORKSPACE_REVIEWER, other.name] : reviewersOf(documents);
  return { reviewers, report: tally(documents, reviewers), documents, problems };
}

/** The report of documents in path order (the order the Disagreements view lists them in). */
export function tally(documents: Iterable<ReviewedDocument>, reviewers: readonly string[]): AgreementReport {
  const t = new AgreementTally(reviewers);
  for (const doc of [...documents].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))) t.add(doc);
  return t.report();
}

/** The core workspace of a local folder (only read: nothing here writes). */
function localWorkspace(root: string): Workspace {
  return new Workspace(new NodeFileSystem(), toCorePath(root));
}

/** The other place's sidecars, read by local paths; a folder's unreadable sidecars go to `problems`. */
export async function otherSource(other: OtherPlace, root: string, problems: CollectedReviews['problems']): Promise<SidecarSource> {
  if ('git' in other) return gitSidecars(other.git, root);
  const found: { path: string; message: string }[] = [];
  const source = folderSidecars(new NodeFileSystem(), toCorePath(other.folder), toCorePath(root), other.name, found);
  return {
    name: source.name,
    async read(articles) {
      const texts = await source.read(articles.map(toCorePath));
      problems.push(...found.splice(0).map(p => ({ ...p, severity: 'error' as const })));
      return new Map(articles.map(a => [a, texts.get(toCorePath(a))] as const).filter((e): e is [string, string] => e[1] !== undefined));
    },
  };
}

/**
 * An article's text (the editor's when given) and its own sidecar's annotations; undefined when
 * the article cannot be read or its sidecar cannot be used (said in `problems`).
 */
export async function readInput(
  workspace: Workspace,
  article: { file: string; path: string; text?: string },
  problems: CollectedReviews['problems'],
): Promise<ArticleInput | undefined> {
  const file = toCorePath(article.file);
  let text = article.text;
  if (text === undefined) {
    const read = await workspace.readArticle(file);
    if (read.status !== 'ok') {
      problems.push({ path: article.path, message: read.message, severity: 'error' });
      return undefined;
    }
    text = read.text;
  }
  const sidecar = await workspace.readSidecar(file);
  if (sidecar.status !== 'ok' && sidecar.status !== 'missing') {
    problems.push({ path: article.path, message: sidecar.parsed.problems[0]?.message ?? sidecar.status, severity: 'error' });
    return undefined;
  }
  return { file: article.file, path: article.path, text, annotations: sidecar.status === 'missing' ? undefined : sidecar.parsed.annotations };
}
