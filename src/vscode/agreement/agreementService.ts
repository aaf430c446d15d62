import * as vscode from 'vscode';
import {
  AgreementTally,
  afterCuration,
  articlePathFor,
  collectAgainst,
  collectByAuthor,
  disagreementsOf,
  SIDECAR_SUFFIX,
  type AgreementReport,
  type CollectedReviews,
  type Disagreement,
  type ReviewedDocument,
} from '../../core';
import { gitSidecars } from '../../node/gitSidecars';
import { UserError } from '../common/errors';
import { corePath, type Workspaces } from '../common/workspaces';
import { otherSource, readInput, type OtherPlace } from './agreementJob';
import { AgreementRunner } from './agreementRunner';

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
  /** The workspace folder's local path, and the other place when two are compared. */
  root: string;
  other?: OtherPlace;
}

/** Documents tallied between two yields to the extension host. */
const TALLY_SLICE = 500;
/** Quiet time after a sidecar change before its document is compared again. */
const REFRESH_DEBOUNCE_MS = 400;

/**
 * Compares reviewers in the background (a worker thread, with progress, cancellable) and keeps the
 * result current: a sidecar that changes (a curation, a pull) is read again; a curation only
 * recounts its document's disagreements, other changes recompute the report from memory.
 */
export class AgreementService implements vscode.Disposable {
  private comparison: Comparison | undefined;
  /** Counts computations: a comparison started later replaces one still running. */
  private generation = 0;
  private readonly runner = new AgreementRunner();
  private readonly changed = new vscode.EventEmitter<void>();
  /** Fires when a comparison was computed or one of its documents changed. */
  readonly onDidChange = this.changed.event;
  private readonly disagreementCache = new Map<string, Disagreement[]>();
  private readonly pending = new Map<string, ReturnType<typeof setTimeout>>();
  private retally: Promise<void> | undefined;
  private readonly disposables: vscode.Disposable[];

  constructor(
    private readonly workspaces: Workspaces,
    private readonly output: vscode.OutputChannel,
  ) {
    const watcher = vscode.workspace.createFileSystemWatcher(`**/*${SIDECAR_SUFFIX}`);
    const onSidecar = (uri: vscode.Uri) => {
      const article = articlePathFor(uri.path);
      if (article) this.schedule(uri.with({ path: article }));
    };
    this.disposables = [this.changed, this.runner, watcher, watcher.onDidChange(onSidecar), watcher.onDidCreate(onSidecar), watcher.onDidDelete(onSidecar)];
    void vscode.commands.executeCommand('setContext', 'marginalia.agreement.ready', false);
  }

  get current(): Comparison | undefined {
    return this.comparison;
  }

  /** Compares the workspace's reviewers in the given way; undefined when cancelled or replaced. */
  compute(mode: ComparisonMode): Promise<Comparison | undefined> {
    const generation = ++this.generation;
    return Promise.resolve(
      vscode.window.withProgress(
        { location: vscode.ProgressLocation.Notification, title: 'Marginalia: comparing reviewers', cancellable: true },
        (progress, token) => this.collect(mode, generation, progress, token),
      ),
    );
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
    if (!comparison || article.scheme !== 'file') return;
    const path = vscode.workspace.asRelativePath(article, false);
    const open = vscode.workspace.textDocuments.find(d => d.uri.toString() === article.toString() && !d.isClosed);
    const workspace = await this.workspaces.of(article);
    if (!workspace) return;
    const problems: CollectedReviews['problems'] = [];
    const input = await readInput(workspace, { file: article.fsPath, path, ...(open ? { text: open.getText() } : {}) }, problems);
    const collected = !input
      ? undefined
      : comparison.other
        ? await collectAgainst([input], await otherSource(comparison.other, comparison.root, problems))
        : collectByAuthor([input]);
    for (const p of [...problems, ...(collected?.problems ?? [])]) this.output.appendLine(`agreement: ${p.path}: ${p.message}`);
    if (this.comparison !== comparison) return;
    const doc = collected?.documents[0];
    const before = comparison.documents.get(path);
    this.disagreementCache.delete(path);
    const settledOnly = before && doc && afterCuration(comparison.report, before, doc);
    if (settledOnly) {
      // A curation: the figures stand, only this document's disagreements moved.
      comparison.documents.set(path, doc);
      comparison.report = settledOnly;
      this.changed.fire();
      return;
    }
    if (doc) {
      comparison.documents.set(path, doc);
      comparison.uris.set(path, article);
    } else {
      comparison.documents.delete(path);
    }
    await this.tally(comparison);
  }

  private schedule(article: vscode.Uri): void {
    if (!this.comparison) return;
    const key = article.toString();
    clearTimeout(this.pending.get(key));
    this.pending.set(
      key,
      setTimeout(() => {
        this.pending.delete(key);
        this.refresh(article).catch(e => this.output.appendLine(`agreement: ${vscode.workspace.asRelativePath(article)}: ${(e as Error).message}`));
      }, REFRESH_DEBOUNCE_MS),
    );
  }

  private async collect(
    mode: ComparisonMode,
    generation: number,
    progress: vscode.Progress<{ message?: string; increment?: number }>,
    token: vscode.CancellationToken,
  ): Promise<Comparison | undefined> {
    const folder = vscode.workspace.workspaceFolders?.[0];
    if (!folder || folder.uri.scheme !== 'file') throw new UserError('Marginalia: open a folder of articles (on this computer) first.');
    const root = folder.uri.fsPath;
    const other: OtherPlace | undefined =
      'against' in mode
        ? { git: mode.against }
        : 'with' in mode
          ? { folder: mode.with.fsPath, name: vscode.workspace.asRelativePath(mode.with, false) }
          : undefined;
    const uris = await this.candidates(mode, folder);
    const articles = uris.map(uri => {
      const open = vscode.workspace.textDocuments.find(d => d.uri.toString() === uri.toString() && !d.isClosed);
      return { file: uri.fsPath, path: vscode.workspace.asRelativePath(uri, false), ...(open ? { text: open.getText() } : {}) };
    });
    const stale = () => token.isCancellationRequested || generation !== this.generation;
    let reported = 0;
    const result = await this.runner.run(
      { root, articles, ...(other ? { other } : {}) },
      (done, total) => {
        progress.report({ message: `${done} of ${total} articles`, increment: ((done - reported) * 100) / Math.max(total, 1) });
        reported = done;
      },
      new Promise<void>(resolve => token.onCancellationRequested(() => resolve())),
    );
    if (!result || stale()) return undefined;
    const comparison: Comparison = {
      mode,
      root,
      reviewers: result.reviewers,
      report: result.report,
      problems: result.problems,
      documents: new Map(result.documents.map(d => [d.path, d])),
      uris: new Map(uris.map((uri, i) => [articles[i].path, uri])),
      ...(other ? { other } : {}),
    };
    this.comparison = comparison;
    this.disagreementCache.clear();
    for (const p of result.problems) this.output.appendLine(`agreement: ${p.path}: ${p.message}`);
    void vscode.commands.executeCommand('setContext', 'marginalia.agreement.ready', true);
    this.changed.fire();
    return comparison;
  }

  /** Recomputes the report from the documents in memory, yielding to the extension host between slices. */
  private tally(comparison: Comparison): Promise<void> {
    const run = async () => {
      const tally = new AgreementTally(comparison.reviewers);
      let n = 0;
      for (const doc of [...comparison.documents.values()].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))) {
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
  private async candidates(mode: ComparisonMode, folder: vscode.WorkspaceFolder): Promise<vscode.Uri[]> {
    const workspace = await this.workspaces.of(folder.uri);
    const found = new Map<string, vscode.Uri>();
    const add = (article: vscode.Uri) => {
      if (workspace?.isArticle(corePath(article))) found.set(article.toString(), article);
    };
    for (const sidecar of await vscode.workspace.findFiles(`**/*${SIDECAR_SUFFIX}`)) {
      const article = articlePathFor(sidecar.path);
      if (article) add(sidecar.with({ path: article }));
    }
    if ('against' in mode) {
      for (const path of (
        await gitSidecars(mode.against, folder.uri.fsPath).catch((e: Error) => {
          throw new UserError(`Marginalia: ${e.message}`);
        })
      ).articles)
        add(vscode.Uri.file(path));
    } else if ('with' in mode) {
      for (const sidecar of await vscode.workspace.findFiles(new vscode.RelativePattern(mode.with, `**/*${SIDECAR_SUFFIX}`))) {
        const article = articlePathFor(sidecar.path.slice(mode.with.path.replace(/\/$/, '').length + 1));
        if (article) add(vscode.Uri.joinPath(folder.uri, article));
      }
    }
    return [...found.values()].sort((a, b) => (a.path < b.path ? -1 : 1));
  }

  dispose(): void {
    for (const timer of this.pending.values()) clearTimeout(timer);
    vscode.Disposable.from(...this.disposables).dispose();
  }
}
