// A comparison of reviewers over many articles, as the worker thread runs it (agreementWorker.ts)
// and, when the worker cannot start, the extension host itself (agreementRunner.ts). No `vscode`
// import: files are read with Node's fs by their local paths.
import { readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import {
  AgreementTally, collectAgainst, collectByAuthor, decodeArticle, loadSidecar, reviewersOf, sidecarPathFor, WORKSPACE_REVIEWER,
  type AgreementReport, type ArticleInput, type CollectedReviews, type ReviewedDocument, type SidecarSource,
} from '../../core';
import { gitSidecars } from '../../node/gitSidecars';

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
  const other = job.other && await otherSource(job.other, job.root);
  const documents: ReviewedDocument[] = [];
  const problems: CollectedReviews['problems'] = [];
  for (let from = 0; from < job.articles.length; from += BATCH) {
    const inputs = (await Promise.all(job.articles.slice(from, from + BATCH).map(readInput))).filter(i => i !== undefined);
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

/** The other place's sidecars, read by local paths. */
export async function otherSource(other: OtherPlace, root: string): Promise<SidecarSource> {
  if ('git' in other) return gitSidecars(other.git, root);
  return {
    name: other.name,
    async read(files) {
      const out = new Map<string, string>();
      for (const file of files) {
        const rel = relative(root, file);
        if (rel.startsWith('..')) continue;
        const text = await readFile(sidecarPathFor(join(other.folder, rel)), 'utf8').catch(() => undefined);
        if (text !== undefined) out.set(file, text.replace(/^\uFEFF/, ''));
      }
      return out;
    },
  };
}

/** An article's text (the editor's when given) and its own sidecar's annotations; undefined when it cannot be read. */
export async function readInput(article: { file: string; path: string; text?: string }): Promise<ArticleInput | undefined> {
  let text = article.text;
  if (text === undefined) {
    const bytes = await readFile(article.file).catch(() => undefined);
    if (!bytes) return undefined;
    const decoded = decodeArticle(bytes);
    if (decoded.binary) return undefined;
    text = decoded.text;
  }
  const sidecar = await readFile(sidecarPathFor(article.file), 'utf8').catch(() => undefined);
  return { file: article.file, path: article.path, text, annotations: sidecar === undefined ? undefined : loadSidecar(sidecar.replace(/^\uFEFF/, '')).annotations };
}
