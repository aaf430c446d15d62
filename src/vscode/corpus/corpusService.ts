import * as vscode from 'vscode';
import { CorpusIndex, describeError, limitWarning, type ScanProblem, type SourceDocument, type AnalyzedDocument, type Annotation, type CorpusStats, type Mention, type Registry, type RegistryEntity } from '../../core';
import { isArticle, isArticleFile } from '../shared/articles';
import { toDiagnostics } from '../shared/diagnostics';
import { corePath, uriOf, type Workspaces } from '../shared/workspaces';
import { SidecarReader } from './sidecarReader';
import type { RegistryFile } from '../entities/registryFile';

const EDIT_DEBOUNCE_MS = 200;
const FILE_EVENT_DEBOUNCE_MS = 100;
const YIELD_EVERY_FILES = 50;
/** Idle time after an edit before the whole corpus is linked again (other documents' ids may change). */
const RELINK_DEBOUNCE_MS = 1000;
/** Longest stretch of relinking between two yields to the extension host. */
const RELINK_SLICE_MS = 20;
/** Idle time before the index's snapshot is written, for the next warm start. */
const SNAPSHOT_DEBOUNCE_MS = 10_000;
const SNAPSHOT_FILE = 'corpus-index.json';

/**
 * Keeps the corpus index of the workspace current: a background scan with progress, then
 * per-document updates on edits (unsaved text included), on file events and on registry changes.
 */
export class CorpusService implements vscode.Disposable {
  readonly index = new CorpusIndex();
  private readonly changed = new vscode.EventEmitter<void>();
  /** Fires when what the index answers may have changed. */
  readonly onDidChange = this.changed.event;
  private readonly disposables: vscode.Disposable[] = [];
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();
  /** What the sidecars say of each article: its publication date and its annotations. */
  private readonly sidecars = new Map<string, { dct?: string; annotations: readonly Annotation[] }>();
  /** Versions of open documents whose text the index holds. */
  private readonly indexedVersions = new Map<string, number>();
  /** Articles too long to analyze whole, already reported in the output channel. */
  private readonly tooLong = new Set<string>();
  private readonly output: vscode.OutputChannel;
  private readonly sidecarReader: SidecarReader;
  /** Sidecars the last scan could not read. */
  private readonly unreadable = vscode.languages.createDiagnosticCollection('marginalia-sidecar-read');
  private scan: Promise<CorpusStats> | undefined;
  private scanCancel: vscode.CancellationTokenSource | undefined;
  private relinking: Promise<void> | undefined;
  /** True while a scan runs: it links the corpus once, at its end. */
  private scanning = false;
  /** Settles when the first scan of the workspace has ended (activation starts it after the registry is read). */
  private readonly firstScan: Promise<void>;
  private firstScanEnded!: () => void;

  /** `storage`: the workspace storage folder (context.storageUri), where the index's snapshot is kept. */
  constructor(
    private readonly workspaces: Workspaces, private readonly registryFile: RegistryFile, output: vscode.OutputChannel, private readonly storage?: vscode.Uri,
  ) {
    this.output = output;
    this.firstScan = new Promise(resolve => { this.firstScanEnded = resolve; });
    this.sidecarReader = new SidecarReader(workspaces.fs);
    const watcher = vscode.workspace.createFileSystemWatcher('**/*');
    this.disposables.push(
      this.changed,
      this.unreadable,
      this.sidecarReader,
      watcher,
      watcher.onDidCreate(uri => this.scheduleFile(uri)),
      watcher.onDidChange(uri => this.scheduleFile(uri)),
      watcher.onDidDelete(uri => this.remove(uri)),
      vscode.workspace.onDidChangeTextDocument(e => this.scheduleDocument(e.document)),
      vscode.workspace.onDidOpenTextDocument(doc => this.updateDocument(doc)),
      vscode.workspace.onDidCloseTextDocument(doc => {
        this.indexedVersions.delete(doc.uri.toString());
        this.scheduleFile(doc.uri);
      }),
      // The workspaces are rebuilt with the new include/exclude settings first.
      workspaces.onDidChange(() => void this.reindex()),
      registryFile.onDidChange(parsed => {
        this.index.setRegistry(parsed.registry);
        this.changed.fire();
      }),
    );
  }

  /** The analysis of the document's current text (an edit not yet indexed is indexed now). */
  analyzed(document: vscode.TextDocument): AnalyzedDocument | undefined {
    const key = document.uri.toString();
    if (this.indexedVersions.get(key) !== document.version) {
      if (!this.index.hasDocument(key) && !isArticle(document)) return undefined;
      this.updateDocument(document);
    }
    return this.index.analyzed(key);
  }

  /** Records what an article's sidecar now says; a new publication date re-analyzes the article. */
  setSidecar(article: vscode.Uri, sidecar: { dct?: string; annotations: readonly Annotation[] }): void {
    const key = article.toString();
    const datesDiffer = this.sidecars.get(key)?.dct !== sidecar.dct;
    this.sidecars.set(key, sidecar);
    const text = this.index.text(key);
    if (datesDiffer && text !== undefined) this.index.setDocument(this.source(key, text));
    this.changed.fire();
    this.scheduleRelink();
  }

  /** Reviewers' notes on annotations that name an entity, in every sidecar read. */
  notesOn(entity: string): { path: string; annotation: Annotation }[] {
    const notes: { path: string; annotation: Annotation }[] = [];
    for (const [path, { annotations }] of this.sidecars) {
      for (const annotation of annotations) if (annotation.entity === entity && annotation.note) notes.push({ path, annotation });
    }
    return notes;
  }

  /** The reviewers' registry as last loaded. */
  registry(): Registry {
    return this.registryFile.parsed.registry;
  }

  /** The reviewers' registry entry for an entity id, if they wrote one. */
  registryEntity(id: string): RegistryEntity | undefined {
    return this.registryFile.parsed.registry.entities.find(e => e.id === id);
  }

  /** The mention under a position of an open document, with its range there. */
  mentionAt(document: vscode.TextDocument, position: vscode.Position): { mention: Mention; range: vscode.Range } | undefined {
    if (!this.analyzed(document)) return undefined;
    const mention = this.index.mentionAt(document.uri.toString(), document.offsetAt(position));
    if (!mention) return undefined;
    return { mention, range: new vscode.Range(document.positionAt(mention.start), document.positionAt(mention.end)) };
  }

  /** Scans the whole workspace (again), with a cancellable progress notification. */
  reindex(): Promise<CorpusStats> {
    this.scanCancel?.cancel();
    const cancel = (this.scanCancel = new vscode.CancellationTokenSource());
    this.scanning = true;
    this.scan = Promise.resolve(vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: 'Marginalia: indexing articles', cancellable: true },
      async (progress, token) => {
        token.onCancellationRequested(() => cancel.cancel());
        const uris = await this.findArticles();
        await this.loadSnapshot();
        const open = new Map(vscode.workspace.textDocuments.map(d => [d.uri.toString(), d]));
        const seen = new Set<string>();
        let batch: SourceDocument[] = [];
        for (const [i, uri] of uris.entries()) {
          if (cancel.token.isCancellationRequested) break;
          seen.add(uri.toString());
          const doc = open.get(uri.toString());
          if (doc) this.updateDocument(doc);
          else {
            const read = await this.readArticle(uri);
            if (read) batch.push(read);
          }
          if (i % YIELD_EVERY_FILES === YIELD_EVERY_FILES - 1) {
            this.index.setDocuments(batch); // analyzed now, linked with the others at the end
            batch = [];
            progress.report({ message: `${i + 1} of ${uris.length}`, increment: (YIELD_EVERY_FILES * 100) / uris.length });
            await new Promise(resolve => setTimeout(resolve, 0)); // let the extension host breathe
          }
        }
        this.index.setDocuments(batch);
        if (!cancel.token.isCancellationRequested) {
          for (const path of this.index.paths()) if (!seen.has(path) && !open.has(path)) this.index.deleteDocument(path);
        }
        await this.relink(cancel.token);
        this.scheduleSnapshot();
        const stats = this.index.stats();
        this.output.appendLine(`Indexed ${stats.documents} documents: ${stats.entities} entities, ${stats.mentions} mentions.`);
        this.changed.fire();
        return stats;
      },
    )).finally(() => {
      if (this.scanCancel === cancel) this.scanning = false;
      this.firstScanEnded();
    });
    return this.scan;
  }

  /** `ready`, after the first scan of the workspace: what a command that needs the whole corpus waits for. */
  async indexed(): Promise<void> {
    await this.firstScan;
    await this.ready();
  }

  /** Resolves when the running scan (if any) is done and every open article's latest text is indexed and linked. */
  async ready(): Promise<void> {
    await this.scan;
    for (const document of vscode.workspace.textDocuments) {
      if (this.indexedVersions.has(document.uri.toString()) || this.index.hasDocument(document.uri.toString())) this.updateDocument(document);
    }
    await this.relink();
  }

  /** Links the whole corpus again, in slices that let the extension host breathe; one run at a time. */
  private relink(token?: vscode.CancellationToken): Promise<void> {
    if (!this.relinking) {
      const run = this.relinkInSlices(token);
      const done = () => {
        if (this.relinking === run) this.relinking = undefined;
      };
      this.relinking = run;
      run.then(done, done);
    }
    return this.relinking;
  }

  private async relinkInSlices(token?: vscode.CancellationToken): Promise<void> {
    let sliceStart = Date.now();
    for (const _ of this.index.relinkSteps()) {
      if (token?.isCancellationRequested) return;
      if (Date.now() - sliceStart > RELINK_SLICE_MS) {
        await new Promise(resolve => setTimeout(resolve, 0));
        sliceStart = Date.now();
      }
    }
  }

  /** After a change that may move ids in other documents, links the corpus again once the user pauses. */
  private scheduleRelink(): void {
    if (!this.index.needsRelink || this.scanning) return;
    this.debounce('relink:', RELINK_DEBOUNCE_MS, async () => {
      await this.relink();
      this.changed.fire();
      this.scheduleSnapshot();
    });
  }

  private snapshotUri(): vscode.Uri | undefined {
    return this.storage && vscode.Uri.joinPath(this.storage, SNAPSHOT_FILE);
  }

  /** Reads the last session's snapshot: articles whose text has not changed are not analyzed again. */
  private async loadSnapshot(): Promise<void> {
    const uri = this.snapshotUri();
    if (!uri) return;
    try {
      const held = this.index.loadSnapshot(new TextDecoder().decode(await vscode.workspace.fs.readFile(uri)));
      this.output.appendLine(`Index snapshot of the last session: ${held} documents.`);
    } catch {
      // no snapshot yet
    }
  }

  private scheduleSnapshot(): void {
    const storage = this.storage;
    const uri = this.snapshotUri();
    if (!storage || !uri) return;
    this.debounce('snapshot:', SNAPSHOT_DEBOUNCE_MS, async () => {
      try {
        await vscode.workspace.fs.createDirectory(storage);
        await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(this.index.snapshot()));
      } catch (e) {
        this.output.appendLine(`Could not save the index snapshot: ${(e as Error).message}`);
      }
    });
  }

  private source(key: string, text: string): SourceDocument {
    this.noteLength(key, text);
    const dct = this.sidecars.get(key)?.dct;
    return dct ? { path: key, text, dct, dctFromSidecar: true } : { path: key, text };
  }

  /** Says in the output channel, once and not on every edit, that only part of an article is analyzed. */
  private noteLength(key: string, text: string): void {
    const warning = limitWarning(text);
    if (!warning) this.tooLong.delete(key);
    else if (!this.tooLong.has(key)) {
      this.tooLong.add(key);
      this.output.appendLine(`${vscode.workspace.asRelativePath(vscode.Uri.parse(key))}: ${warning}`);
    }
  }

  /**
   * The articles of every workspace folder (through the workspace core's scan), with what their
   * sidecars say (publication dates and annotations), read in a worker thread. A sidecar that
   * cannot be read is reported (output and a diagnostic) and left out; the others are used.
   */
  private async findArticles(): Promise<vscode.Uri[]> {
    const found: vscode.Uri[] = [];
    this.unreadable.clear();
    for (const workspace of await this.workspaces.all()) {
      const problems: ScanProblem[] = [];
      const articles = await workspace.listArticles(problems).catch(e => {
        problems.push({ path: workspace.root, error: e });
        return [] as string[];
      });
      for (const p of problems) this.output.appendLine(`${p.path}: cannot be listed: ${describeError(p.error)}`);
      for (const summary of await this.sidecarReader.read(workspace.root, articles)) {
        if ('problem' in summary) {
          const message = `Marginalia: cannot read this sidecar (${summary.problem.replace(/\.$/, '')}); its publication date and annotations are not used.`;
          this.output.appendLine(`${vscode.workspace.asRelativePath(uriOf(summary.sidecar))}: ${message}`);
          this.unreadable.set(uriOf(summary.sidecar), toDiagnostics([{ message, line: 0, column: 0, severity: 'error' }]));
        } else {
          this.sidecars.set(uriOf(summary.article).toString(), { dct: summary.dct, annotations: summary.annotations });
        }
      }
      found.push(...articles.map(uriOf));
    }
    return found;
  }

  private async readIntoIndex(uri: vscode.Uri): Promise<void> {
    const doc = await this.readArticle(uri);
    if (doc) this.index.setDocument(doc);
    this.scheduleRelink();
  }

  /** An article as read from disk; undefined (and out of the index) when binary or unreadable. */
  private async readArticle(uri: vscode.Uri): Promise<SourceDocument | undefined> {
    const workspace = await this.workspaces.of(uri);
    const read = workspace ? await workspace.readArticle(corePath(uri)) : { status: 'unreadable' as const, message: 'is not in a workspace folder' };
    this.indexedVersions.delete(uri.toString());
    if (read.status === 'ok') {
      for (const warning of read.warnings) this.output.appendLine(`${vscode.workspace.asRelativePath(uri)}: ${warning}`);
      return this.source(uri.toString(), read.text);
    }
    this.output.appendLine(`${vscode.workspace.asRelativePath(uri)}: ${read.message}`);
    this.index.deleteDocument(uri.toString());
    return undefined;
  }

  private updateDocument(document: vscode.TextDocument): void {
    if (!isArticle(document)) return;
    const key = document.uri.toString();
    if (this.indexedVersions.get(key) === document.version && this.index.hasDocument(key)) return;
    this.index.setDocument(this.source(key, document.getText()));
    this.indexedVersions.set(key, document.version);
    this.changed.fire();
    this.scheduleRelink();
  }

  private scheduleDocument(document: vscode.TextDocument): void {
    this.debounce(document.uri.toString(), EDIT_DEBOUNCE_MS, () => this.updateDocument(document));
  }

  /** A file changed on disk: open documents are tracked through their editor text instead. */
  private scheduleFile(uri: vscode.Uri): void {
    if (uri.scheme !== 'file') return;
    const key = uri.toString();
    this.debounce(key, FILE_EVENT_DEBOUNCE_MS, async () => {
      const open = vscode.workspace.textDocuments.find(d => d.uri.toString() === key && !d.isClosed);
      if (open) return this.updateDocument(open);
      if (!isArticleFile(uri)) return;
      await this.readIntoIndex(uri);
      this.changed.fire();
    });
  }

  private remove(uri: vscode.Uri): void {
    const key = uri.toString();
    let removed = false;
    for (const path of this.index.paths()) {
      if (path === key || path.startsWith(key + '/')) {
        this.tooLong.delete(path);
        removed = this.index.deleteDocument(path) || removed;
      }
    }
    if (removed) {
      this.changed.fire();
      this.scheduleRelink();
    }
  }

  private debounce(key: string, ms: number, run: () => unknown): void {
    clearTimeout(this.timers.get(key));
    this.timers.set(key, setTimeout(() => {
      this.timers.delete(key);
      void run();
    }, ms));
  }

  dispose(): void {
    this.scanCancel?.cancel();
    this.timers.forEach(clearTimeout);
    vscode.Disposable.from(...this.disposables).dispose();
  }
}
