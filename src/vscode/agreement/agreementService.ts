import * as vscode from 'vscode';
import {
  AgreementTally, afterCuration, articlePathFor, collectAgainst, collectByAuthor, decodeArticle, disagreementsOf, isArticlePath, loadSidecar,
  reviewersOf, SIDECAR_SUFFIX, sidecarPathFor, WORKSPACE_REVIEWER,
  type AgreementReport, type ArticleInput, type CollectedReviews, type Disagreement, type ReviewedDocument, type SidecarSource,
} from '../../core';
import { gitSidecars } from '../../node/gitSidecars';
import { readTextIfExists } from '../shared/atomicWrite';
import { articleGlobs } from '../shared/articles';

/** Whose annotations are compared (docs/contracts.md, `marginalia agreement`). */
export type ComparisonMode = { by: 'author' } | { against: string } | { with: vscode.Uri };

/** A computed comparison: the report, and each document's reviews for the Disagreements view. */
export interface Comparison {
  mode: ComparisonMode;
  reviewers: string[];
  report: AgreementReport;
  /** Keyed by workspace-relative path (as in the report). */
  documents: Map<string, ReviewedDocument>;
  uris: Map<string, vscode.Uri>;
  problems: CollectedReviews['problems'];
  /** The other place's sidecars, when two places are compared. */
  other?: SidecarSource;
}

/** Articles read between two yields to the extension host. */
const BATCH = 100;
/** Documents tallied between two yields. */
const TALLY_SLICE = 500;
/** Quiet time after a sidecar change before its document is compared again. */
const REFRESH_DEBOUNCE_MS = 400;

/**
 * Compares reviewers in the background (with progress, cancellable) and keeps the result current:
 * a sidecar that changes (a curation, a pull) is read again and the report recomputed from what is
 * in memory. Documents are read a batch at a time and only their reviews are kept, not their text.
 */
export class AgreementService implements vscode.Disposable {
  private comparison: Comparison | undefined;
  /** Counts computations: a comparison started later replaces one still running. */
  private generation = 0;
  private readonly changed = new vscode.EventEmitter<void>();
  /** Fires when a comparison was computed or one of its documents changed. */
  readonly onDidChange = this.changed.event;
  private readonly disagreementCache = new Map<string, Disagreement[]>();
  private readonly pending = new Map<string, ReturnType<typeof setTimeout>>();
  private retally: Promise<void> | undefined;
  private readonly disposables: vscode.Disposable[];

  constructor(private readonly output: vscode.OutputChannel) {
    const watcher = vscode.workspace.createFileSystemWatcher(`**/*${SIDECAR_SUFFIX}`);
    const onSidecar = (uri: vscode.Uri) => {
      const article = articlePathFor(uri.path);
      if (article) this.schedule(uri.with({ path: article }));
    };
    this.disposables = [this.changed, watcher, watcher.onDidChange(onSidecar), watcher.onDidCreate(onSidecar), watcher.onDidDelete(onSidecar)];
    void vscode.commands.executeCommand('setContext', 'marginalia.agreement.ready', false);
  }

  get current(): Comparison | undefined {
    return this.comparison;
  }

  /** Compares the workspace's reviewers in the given way; undefined when cancelled. */
  compute(mode: ComparisonMode): Promise<Comparison | undefined> {
    const generation = ++this.generation;
    return Promise.resolve(vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: 'Marginalia: comparing reviewers', cancellable: true },
      (progress, token) => this.collect(mode, progress, () => token.isCancellationRequested || generation !== this.generation),
    ));
  }

  /** The open disagreements of a document of the current comparison, in position order. */
  disagreements(path: string): Disagreement[] {
    let list = this.disagreementCache.get(path);
    if (!list) {
      const doc = this.comparison?.documents.get(path);
      list = doc ? disagreementsOf(doc).filter(d => !d.settled) : [];
      this.disagreementCache.set(path, list);
    }
    return list;
  }

  /** Reads one article's reviews again now (after a curation wrote its sidecar). */
  async refresh(article: vscode.Uri): Promise<void> {
    const comparison = this.comparison;
    if (!comparison) return;
    const path = vscode.workspace.asRelativePath(article, false);
    const input = await this.readArticle(article);
    const collected = input ? await collectBatch(comparison, [input]) : undefined;
    if (this.comparison !== comparison) return;
    const doc = collected?.documents[0];
    const before = comparison.documents.get(path);
    const settledOnly = before && doc && afterCuration(comparison.report, before, doc);
    if (settledOnly) {
      // A curation: the figures stand, only this document's disagreements moved.
      comparison.documents.set(path, doc);
      comparison.report = settledOnly;
      this.disagreementCache.delete(path);
      this.changed.fire();
      return;
    }
    if (doc) {
      comparison.documents.set(path, doc);
      comparison.uris.set(path, article);
    } else {
      comparison.documents.delete(path);
    }
    this.disagreementCache.delete(path);
    await this.tally(comparison);
  }

  private schedule(article: vscode.Uri): void {
    if (!this.comparison) return;
    const key = article.toString();
    clearTimeout(this.pending.get(key));
    this.pending.set(key, setTimeout(() => {
      this.pending.delete(key);
      this.refresh(article).catch(e => this.output.appendLine(`agreement: ${vscode.workspace.asRelativePath(article)}: ${(e as Error).message}`));
    }, REFRESH_DEBOUNCE_MS));
  }

  private async collect(mode: ComparisonMode, progress: vscode.Progress<{ message?: string; increment?: number }>, cancelled: () => boolean): Promise<Comparison | undefined> {
    const folder = vscode.workspace.workspaceFolders?.[0];
    if (!folder) throw new Error('Marginalia: open a folder of articles first.');
    const other = await otherSource(mode, folder);
    const articles = await this.candidates(mode, folder, other);
    const documents = new Map<string, ReviewedDocument>();
    const uris = new Map<string, vscode.Uri>();
    const problems: CollectedReviews['problems'] = [];
    for (let from = 0; from < articles.length; from += BATCH) {
      if (cancelled()) return undefined;
      const inputs = (await Promise.all(articles.slice(from, from + BATCH).map(uri => this.readArticle(uri)))).filter(i => i !== undefined);
      const collected = await collectBatch({ mode, other }, inputs);
      for (const doc of collected.documents) documents.set(doc.path, doc);
      for (const input of inputs) uris.set(input.path, vscode.Uri.file(input.file));
      problems.push(...collected.problems);
      progress.report({ message: `${Math.min(from + BATCH, articles.length)} of ${articles.length} articles`, increment: (BATCH * 90) / Math.max(articles.length, 1) });
    }
    if (cancelled()) return undefined;
    const reviewers = other ? [WORKSPACE_REVIEWER, other.name] : reviewersOf(documents.values());
    const comparison: Comparison = { mode, reviewers, report: new AgreementTally(reviewers).report(), documents, uris, problems, ...(other ? { other } : {}) };
    progress.report({ message: 'computing agreement' });
    this.comparison = comparison;
    this.disagreementCache.clear();
    await this.tally(comparison);
    for (const p of problems) this.output.appendLine(`agreement: ${p.path}: ${p.message}`);
    void vscode.commands.executeCommand('setContext', 'marginalia.agreement.ready', true);
    return comparison;
  }

  /** Recomputes the report from the documents in memory, yielding to the extension host between slices. */
  private tally(comparison: Comparison): Promise<void> {
    const run = async () => {
      const tally = new AgreementTally(comparison.reviewers);
      let n = 0;
      for (const doc of [...comparison.documents.values()].sort((a, b) => (a.path < b.path ? -1 : 1))) {
        tally.add(doc);
        if (++n % TALLY_SLICE === 0) await new Promise(resolve => setTimeout(resolve, 0));
      }
      if (this.comparison !== comparison) return;
      comparison.report = tally.report();
      this.changed.fire();
    };
    // One tally at a time; the last request wins.
    this.retally = (this.retally ?? Promise.resolve()).then(run, run);
    return this.retally;
  }

  /** The articles to read: those with a sidecar here, or (comparing two places) there. */
  private async candidates(mode: ComparisonMode, folder: vscode.WorkspaceFolder, other: SidecarSource | undefined): Promise<vscode.Uri[]> {
    const { include, exclude } = articleGlobs(folder.uri);
    const found = new Map<string, vscode.Uri>();
    const add = (article: vscode.Uri) => {
      if (isArticlePath(vscode.workspace.asRelativePath(article, false), include, exclude)) found.set(article.toString(), article);
    };
    for (const sidecar of await vscode.workspace.findFiles(`**/*${SIDECAR_SUFFIX}`)) {
      const article = articlePathFor(sidecar.path);
      if (article) add(sidecar.with({ path: article }));
    }
    if ('against' in mode) {
      for (const path of (other as { articles?: string[] } | undefined)?.articles ?? []) add(vscode.Uri.file(path));
    } else if ('with' in mode) {
      for (const sidecar of await vscode.workspace.findFiles(new vscode.RelativePattern(mode.with, `**/*${SIDECAR_SUFFIX}`))) {
        const rel = sidecar.path.slice(mode.with.path.replace(/\/$/, '').length + 1);
        const article = articlePathFor(rel);
        if (article) add(vscode.Uri.joinPath(folder.uri, article));
      }
    }
    return [...found.values()].sort((a, b) => (a.path < b.path ? -1 : 1));
  }

  /** An article's text (as the editor holds it, else on disk) and its own sidecar's annotations. */
  private async readArticle(article: vscode.Uri): Promise<ArticleInput | undefined> {
    const open = vscode.workspace.textDocuments.find(d => d.uri.toString() === article.toString() && !d.isClosed);
    let text: string;
    if (open) {
      text = open.getText();
    } else {
      const bytes = await Promise.resolve(vscode.workspace.fs.readFile(article)).catch(() => undefined);
      if (!bytes) return undefined;
      const decoded = decodeArticle(bytes);
      if (decoded.binary) return undefined;
      text = decoded.text;
    }
    const sidecar = await readTextIfExists(article.with({ path: sidecarPathFor(article.path) }));
    return {
      file: article.fsPath, path: vscode.workspace.asRelativePath(article, false), text,
      annotations: sidecar === undefined ? undefined : loadSidecar(sidecar).annotations,
    };
  }

  dispose(): void {
    for (const timer of this.pending.values()) clearTimeout(timer);
    vscode.Disposable.from(...this.disposables).dispose();
  }
}

function collectBatch(comparison: Pick<Comparison, 'mode' | 'other'>, inputs: ArticleInput[]): Promise<CollectedReviews> | CollectedReviews {
  return comparison.other ? collectAgainst(inputs, comparison.other) : collectByAuthor(inputs);
}

async function otherSource(mode: ComparisonMode, folder: vscode.WorkspaceFolder): Promise<(SidecarSource & { articles?: string[] }) | undefined> {
  if ('against' in mode) return gitSidecars(mode.against, folder.uri.fsPath);
  if ('with' in mode) return folderSource(mode.with);
  return undefined;
}

/** The sidecars of another folder laid out like the workspace folder, read through VS Code's file system. */
function folderSource(other: vscode.Uri): SidecarSource {
  return {
    name: vscode.workspace.asRelativePath(other, false),
    async read(files) {
      const out = new Map<string, string>();
      for (const file of files) {
        const rel = vscode.workspace.asRelativePath(vscode.Uri.file(file), false);
        if (rel.startsWith('/') || rel.startsWith('..')) continue;
        const text = await readTextIfExists(vscode.Uri.joinPath(other, sidecarPathFor(rel)));
        if (text !== undefined) out.set(file, text);
      }
      return out;
    },
  };
}
