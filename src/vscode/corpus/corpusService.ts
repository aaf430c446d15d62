import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import * as vscode from 'vscode';
import {
  bufferSink,
  CorpusIndex,
  describeError,
  type ScanProblem,
  type AnalyzedDocument,
  type Annotation,
  type CorpusStats,
  type Mention,
  type Registry,
  type RegistryEntity,
  type SnapshotSink,
  WORKSPACE_MODEL_PATH,
  type TrainedWorkspaceModel,
  type Workspace,
} from '../../core';
import { isArticle, isArticleFile } from '../common/articles';
import { toDiagnostics } from '../common/diagnostics';
import { inSlices } from '../common/slices';
import { corePath, uriOf, type Workspaces } from '../common/workspaces';
import { AnalysisClient, type AnalysisResult, type FileResult } from './analysisClient';
import { readArticleBytes } from './articleBytes';
import type { DocumentSource } from './analysisProtocol';
import { documentParts } from './documentParts';
import { SidecarReader } from './sidecarReader';
import { writeSnapshotFile } from './snapshotFile';
import { WorkspaceModels } from './workspaceModels';
import type { RegistryFile } from '../entities/registryFile';

const EDIT_DEBOUNCE_MS = 200;
const FILE_EVENT_DEBOUNCE_MS = 100;
/** Files read and analyzed per job of the worker during a scan (an edit waits for one at most). */
const FILES_PER_JOB = 50;
/** Files stat'ed per job of the worker at a warm start. */
const STATS_PER_JOB = 5000;
/** The bundled analysis worker, beside dist/extension.js (esbuild.mjs). */
const WORKER_FILE = join(__dirname, 'analysisWorker.js');
/** Idle time after an edit before the whole corpus is linked again (other documents' ids may change). */
const RELINK_DEBOUNCE_MS = 1000;
/** Idle time before the index's snapshot is written, for the next warm start. */
const SNAPSHOT_DEBOUNCE_MS = 10_000;
const SNAPSHOT_FILE = 'corpus-index.bin';
/** Where versions before snapshot format 5 kept it (JSON text): removed when the new one is written. */
const OLD_SNAPSHOT_FILE = 'corpus-index.json';

/**
 * Keeps the corpus index of the workspace current: a background scan with progress, then
 * per-document updates on edits (unsaved text included), on file events and on registry changes.
 */
export class CorpusService implements vscode.Disposable {
  readonly index = new CorpusIndex();
  private readonly changed = new vscode.EventEmitter<void>();
  /** Fires when what the index answers may have changed. */
  readonly onDidChange = this.changed.event;
  private readonly analysisEvents = new vscode.EventEmitter<AnalysisEvent>();
  /** Fires when the analysis of an open document's version is sent to the worker, and when its result is in the index. */
  readonly onDidAnalyze = this.analysisEvents.event;
  private readonly analysis: AnalysisClient;
  /** The model learned from reviews of each workspace folder, which its articles are analyzed with. */
  private readonly models: WorkspaceModels;
  /** Reading the models again after a change (one at a time). */
  private modelsLoading: Promise<boolean> = Promise.resolve(false);
  /** Open documents being analyzed: the version, and when it is done. */
  private readonly analyzing = new Map<string, { version: number; done: Promise<void> }>();
  /** Files (not open) being read and analyzed outside a scan. */
  private readonly reading = new Set<Promise<unknown>>();
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
  /** The recognizer's fingerprint, once the worker made it (recognizer()). */
  private fingerprint: string | undefined;
  private relinking: Promise<void> | undefined;
  /** The registry being applied (in slices): the last one read; undefined once it is in. */
  private registering: { done: Promise<void> } | undefined;
  /** The last result of the worker being entered into the index: results enter one at a time, in the order they came. */
  private entering: Promise<unknown> = Promise.resolve();
  /** True while a scan runs: it links the corpus once, at its end. */
  private scanning = false;
  /** Settles when the first scan of the workspace has ended (activation starts it after the registry is read). */
  private readonly firstScan: Promise<void>;
  private firstScanEnded!: () => void;

  /** `storage`: the workspace storage folder (context.storageUri), where the index's snapshot is kept. */
  constructor(
    private readonly workspaces: Workspaces,
    private readonly registryFile: RegistryFile,
    output: vscode.OutputChannel,
    private readonly storage?: vscode.Uri,
  ) {
    this.output = output;
    // articles read in the worker enter the index without their texts, read again here when needed
    this.index.readTextsWith(readArticleBytes);
    this.firstScan = new Promise(resolve => {
      this.firstScanEnded = resolve;
    });
    this.sidecarReader = new SidecarReader(workspaces.fs);
    this.analysis = new AnalysisClient(
      WORKER_FILE,
      () => this.index.surnameWords(),
      workspaces.fs,
      message => this.output.appendLine(message),
    );
    this.models = new WorkspaceModels(this.analysis, message => this.output.appendLine(message));
    const watcher = vscode.workspace.createFileSystemWatcher('**/*');
    const modelWatchers = watchModelFiles(() => this.debounce('model:', FILE_EVENT_DEBOUNCE_MS, () => this.reloadModels()));
    this.disposables.push(
      this.changed,
      this.analysisEvents,
      this.analysis,
      this.unreadable,
      this.sidecarReader,
      watcher,
      modelWatchers,
      watcher.onDidCreate(uri => this.scheduleFile(uri)),
      watcher.onDidChange(uri => this.scheduleFile(uri)),
      watcher.onDidDelete(uri => this.remove(uri)),
      vscode.workspace.onDidChangeTextDocument(e => this.scheduleDocument(e.document)),
      vscode.workspace.onDidOpenTextDocument(doc => void this.updateDocument(doc)),
      vscode.workspace.onDidCloseTextDocument(doc => {
        this.indexedVersions.delete(doc.uri.toString());
        this.analysis.cancel(doc.uri.toString());
        this.analyzing.delete(doc.uri.toString());
        this.scheduleFile(doc.uri);
      }),
      // The workspaces are rebuilt with the new include/exclude settings first.
      workspaces.onDidChange(() => void this.reindex()),
      registryFile.onDidChange(parsed => void this.applyRegistry(parsed.registry)),
    );
  }

  /**
   * The analysis of the document's current text, when the index has it; else undefined, and the
   * analysis is started (onDidChange fires when it is in).
   */
  analyzed(document: vscode.TextDocument): AnalyzedDocument | undefined {
    const key = this.indexedKey(document);
    return key === undefined ? undefined : this.index.analyzed(key);
  }

  /**
   * The mentions of `analyzed(document)` ending after UTF-16 offset `from` and starting before `to`,
   * without the document's whole list; undefined as `analyzed`.
   */
  mentionsBetween(document: vscode.TextDocument, from: number, to: number): readonly Mention[] | undefined {
    const key = this.indexedKey(document);
    return key === undefined ? undefined : this.index.mentionsBetween(key, from, to);
  }

  /** The document's key when the index has its current text; else undefined, and its analysis is started. */
  private indexedKey(document: vscode.TextDocument): string | undefined {
    const key = document.uri.toString();
    if (this.indexedVersions.get(key) === document.version) return key;
    if (this.index.hasDocument(key) || isArticle(document)) void this.updateDocument(document);
    return undefined;
  }

  /** The analysis of the document's current text, once the worker has made it (undefined for a document that is not an article). */
  async current(document: vscode.TextDocument): Promise<AnalyzedDocument | undefined> {
    const key = document.uri.toString();
    // each round waits for the latest version; an edit meanwhile starts another
    while (!document.isClosed && this.indexedVersions.get(key) !== document.version) {
      if (!this.index.hasDocument(key) && !isArticle(document)) return undefined;
      const version = document.version;
      await this.updateDocument(document);
      if (document.version === version && this.indexedVersions.get(key) !== version) return undefined; // failed: said in the output
    }
    return this.index.analyzed(key);
  }

  /** Records what an article's sidecar now says; a new publication date re-analyzes the article. */
  setSidecar(article: vscode.Uri, sidecar: { dct?: string; annotations: readonly Annotation[] }): void {
    const key = article.toString();
    const datesDiffer = this.sidecars.get(key)?.dct !== sidecar.dct;
    this.sidecars.set(key, sidecar);
    if (datesDiffer && this.index.hasDocument(key)) {
      this.indexedVersions.delete(key);
      const open = vscode.workspace.textDocuments.find(d => d.uri.toString() === key && !d.isClosed);
      void (open ? this.updateDocument(open) : this.readIntoIndex(article));
    }
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

  /** The mention under a position of an open document, with its range there (once its current text is analyzed). */
  async mentionAt(document: vscode.TextDocument, position: vscode.Position): Promise<{ mention: Mention; range: vscode.Range } | undefined> {
    if (!(await this.current(document))) return undefined;
    const mention = this.index.mentionAt(document.uri.toString(), document.offsetAt(position));
    if (!mention) return undefined;
    return { mention, range: new vscode.Range(document.positionAt(mention.start), document.positionAt(mention.end)) };
  }

  /**
   * Reads the workspace models again (after learning, a reset, or a change on disk); when one
   * changed, every article is analyzed again (analyses made with another model are never reused)
   * and this resolves once the index holds the new analyses. True when a model changed.
   */
  reloadModels(): Promise<boolean> {
    const run = this.modelsLoading.then(async () => {
      if (!(await this.loadModels())) return false;
      await this.reindex();
      return true;
    });
    this.modelsLoading = run.catch(() => false);
    return run;
  }

  /** Reads the workspace models; when one changed, open articles are analyzed again at their next query. True when one changed. */
  private async loadModels(): Promise<boolean> {
    if (!(await this.models.load(await this.workspaces.all()))) return false;
    const folders = this.models.folders().map(root => root.split('/').pop() || root);
    this.output.appendLine(
      `Models learned from reviews (${WORKSPACE_MODEL_PATH}): ${folders.length ? `used for the articles of ${folders.join(', ')}` : 'none; names are recognized by the rules'}.`,
    );
    this.indexedVersions.clear();
    return true;
  }

  /** Scans the whole workspace (again), with a cancellable progress notification. */
  reindex(): Promise<CorpusStats> {
    this.scanCancel?.cancel();
    const cancel = (this.scanCancel = new vscode.CancellationTokenSource());
    this.scanning = true;
    this.scan = Promise.resolve(
      vscode.window.withProgress(
        { location: vscode.ProgressLocation.Notification, title: 'Marginalia: indexing articles', cancellable: true },
        async (progress, token) => {
          token.onCancellationRequested(() => cancel.cancel());
          const uris = await this.findArticles();
          await this.loadModels();
          await this.loadSnapshot();
          // the tables the snapshot's articles publish, built from it in slices while the files are
          // read and checked; the relink puts them in place when every article matches it
          const staging = inSlices(this.index.stageSnapshotSteps(), () => cancel.token.isCancellationRequested);
          const open = new Map(vscode.workspace.textDocuments.map(d => [d.uri.toString(), d]));
          const seen = new Set(uris.map(u => u.toString()));
          const opened = uris.map(u => open.get(u.toString())).filter(d => d !== undefined);
          // stat first: the articles whose size and modification time the snapshot recorded enter
          // unread (verified in the background once the index answers), the others are read
          const notOpen = uris.filter(u => !open.has(u.toString()));
          const trusted = await this.trustUnchanged(notOpen, cancel.token);
          const closed = trusted.size ? notOpen.filter(u => !trusted.has(u.toString())) : notOpen;
          const analyzingOpen = Promise.all(opened.map(d => this.updateDocument(d)));
          // on a second core, a second worker for the scan's jobs, in turn
          const clients = availableParallelism() > 1 && closed.length > FILES_PER_JOB ? [this.analysis, this.analysis.sibling()] : [this.analysis];
          // each worker one job ahead of the one whose results arrive, so that it never waits for the host
          const keys: string[] = [];
          const stop = cancel.token.onCancellationRequested(() => keys.forEach(key => clients.forEach(c => c.cancel(key))));
          const inFlight: Promise<boolean>[] = [];
          for (let i = 0, n = 0; i < closed.length; i += FILES_PER_JOB, n++) {
            keys.push(`scan:${i}`);
            inFlight.push(this.analyzeFiles(closed.slice(i, i + FILES_PER_JOB), false, `scan:${i}`, clients[n % clients.length]));
            if (inFlight.length > clients.length) await inFlight.shift();
            if (cancel.token.isCancellationRequested) break;
            if (i > 0) progress.report({ message: `${i} of ${closed.length}`, increment: (FILES_PER_JOB * 100) / closed.length });
          }
          await Promise.all(inFlight);
          stop.dispose();
          clients.slice(1).forEach(c => c.dispose());
          await analyzingOpen;
          await staging;
          if (!cancel.token.isCancellationRequested) {
            for (const path of this.index.paths()) if (!seen.has(path) && !open.has(path)) this.index.deleteDocument(path);
          }
          await this.relink(cancel.token);
          this.scheduleSnapshot();
          const stats = this.index.stats();
          this.output.appendLine(`Indexed ${stats.documents} documents: ${stats.entities} entities, ${stats.mentions} mentions.`);
          this.changed.fire();
          if (trusted.size) void this.verifyTrusted(cancel.token);
          return stats;
        },
      ),
    ).finally(() => {
      if (this.scanCancel === cancel) this.scanning = false;
      this.firstScanEnded();
    });
    return this.scan;
  }

  /**
   * Enters the articles (not open) whose stat, taken in the worker, is what the snapshot recorded
   * for them (CorpusIndex.trustSteps), unread; returns their keys. Only `file:` articles, whose
   * text can be read here when needed before their verification.
   */
  private async trustUnchanged(uris: vscode.Uri[], token: vscode.CancellationToken): Promise<Set<string>> {
    const trusted = new Set<string>();
    if (!this.index.holdsSnapshot) return trusted;
    const files = uris.filter(u => u.scheme === 'file');
    for (let i = 0; i < files.length && !token.isCancellationRequested; i += STATS_PER_JOB) {
      const chunk = files.slice(i, i + STATS_PER_JOB);
      const stats = await this.analysis.stat(chunk.map(corePath));
      const toTrust = chunk.map((u, k) => {
        const path = u.toString();
        const { dct, dctFromSidecar, model } = this.datedAndModel(path);
        return { path, stat: stats[k], dct, dctFromSidecar, model: model ?? '' };
      });
      for (const key of (await inSlices(this.index.trustSteps(toTrust))) ?? []) trusted.add(key);
    }
    if (trusted.size)
      this.output.appendLine(
        `${trusted.size} articles unchanged since the last session by their size and modification time: their contents are checked in the background.`,
      );
    return trusted;
  }

  /**
   * Reads and hashes, a job of the worker at a time (an edit waits for one at most), every article
   * entered unread: one whose text is the analysis's is kept as it is, one that changed (a copy that
   * kept its time and size) is analyzed again, as a change the watcher reports.
   */
  private async verifyTrusted(token: vscode.CancellationToken): Promise<void> {
    const pending = this.index.unverified();
    const unverified = pending.map(u => vscode.Uri.parse(u.path));
    for (let i = 0; i < unverified.length && !token.isCancellationRequested; i += FILES_PER_JOB) {
      await this.analyzeFiles(unverified.slice(i, i + FILES_PER_JOB), true, `verify:${i}`);
    }
    const changed = pending.filter(u => this.index.heldSources(u.path)[0]?.hash !== u.hash).length;
    this.output.appendLine(`Checked ${unverified.length} articles unread at the start: ${changed} had changed and were analyzed again.`);
    if (changed) {
      this.changed.fire();
      this.scheduleRelink();
    }
  }

  /** `ready`, after the first scan of the workspace: what a command that needs the whole corpus waits for. */
  async indexed(): Promise<void> {
    await this.firstScan;
    await this.ready();
  }

  /** Resolves when the running scan (if any) is done and every open article's latest text is indexed and linked. */
  async ready(): Promise<void> {
    await this.scan;
    await Promise.all(
      vscode.workspace.textDocuments
        .filter(d => this.indexedVersions.has(d.uri.toString()) || this.index.hasDocument(d.uri.toString()))
        .map(d => this.current(d)),
    );
    while (this.reading.size) await Promise.all(this.reading);
    await this.registryApplied();
    await this.relink();
  }

  /** Resolves when queries see the registry last read. */
  async registryApplied(): Promise<void> {
    while (this.registering) await this.registering.done;
  }

  /**
   * Applies a registry in slices (every published article's mentions reviewed again: seconds at
   * 100,000 articles); a registry read meanwhile stops this one and is applied instead.
   */
  private applyRegistry(registry: Registry): Promise<void> {
    const run = { done: Promise.resolve() };
    this.registering = run;
    run.done = inSlices(this.index.setRegistrySteps(registry), () => this.registering !== run).then(() => {
      if (this.registering !== run) return;
      this.registering = undefined;
      this.changed.fire();
    });
    return run.done;
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
    await this.relinkOutdated(token);
    const stop = () => token?.isCancellationRequested === true;
    await inSlices(this.index.relinkSteps(), stop);
    // then, while nothing else is asked of it, what hover cards read (a card counts nothing after)
    await inSlices(this.index.cardSteps(), stop);
  }

  /**
   * Documents whose family-name lookups changed are linked again in the worker (the names of a
   * document are found again from its text); relinkSteps then has only the corpus to link.
   */
  private async relinkOutdated(token?: vscode.CancellationToken): Promise<void> {
    // a few rounds: a document linked again may change the family names others looked up
    for (let round = 0; round < 3 && !token?.isCancellationRequested; round++) {
      const outdated = this.index.outdatedLookups();
      if (outdated.length === 0) return;
      await Promise.all(
        outdated.map(async ({ path, hash, model }) => {
          // a text the index does not hold is read in the worker, not here
          const utf8 = this.index.holdsText(path) ? this.index.utf8(path) : undefined;
          const text = utf8 ? { utf8 } : { file: corePath(vscode.Uri.parse(path)) };
          const linked = await this.analysis.relink(path, hash, text, model || undefined).catch(() => undefined);
          if (linked) await inSlices(this.index.setRelinkedSteps(path, hash, linked, model));
        }),
      );
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

  /**
   * Reads the last session's snapshot, in slices: articles whose text has not changed are not
   * analyzed again, and when none changed the corpus is not linked again either.
   */
  private async loadSnapshot(): Promise<void> {
    const uri = this.snapshotUri();
    if (!uri) return;
    let bytes: Uint8Array;
    try {
      bytes = await vscode.workspace.fs.readFile(uri);
    } catch {
      return; // no snapshot yet
    }
    const held = await inSlices(this.index.loadSnapshotSteps(bytes, await this.recognizer()));
    if (!held) this.output.appendLine('The index snapshot of the last session is of another version or recognizer: every article is read and analyzed again.');
    this.output.appendLine(`Index snapshot of the last session: ${held} documents.`);
  }

  /** The recognizer's fingerprint that snapshots record, made in the worker: making it loads the lexicon, longer than a slice. */
  private async recognizer(): Promise<string | undefined> {
    return (this.fingerprint ??= await this.analysis.fingerprint());
  }

  private scheduleSnapshot(): void {
    const storage = this.storage;
    const uri = this.snapshotUri();
    if (!storage || !uri) return;
    this.debounce('snapshot:', SNAPSHOT_DEBOUNCE_MS, async () => {
      try {
        await vscode.workspace.fs.createDirectory(storage);
        const recognizer = await this.recognizer();
        const steps = (sink: SnapshotSink) => this.index.snapshotSteps(sink, recognizer);
        if (uri.scheme === 'file') await writeSnapshotFile(uri.fsPath, steps);
        else {
          const sink = bufferSink();
          await inSlices(steps(sink));
          await vscode.workspace.fs.writeFile(uri, sink.bytes);
        }
        await Promise.resolve(vscode.workspace.fs.delete(vscode.Uri.joinPath(storage, OLD_SNAPSHOT_FILE))).catch(() => undefined);
      } catch (e) {
        this.output.appendLine(`Could not save the index snapshot: ${(e as Error).message}`);
      }
    });
  }

  /** What the worker needs besides the text: the publication date from the sidecar, the analyses held, the folder's model. */
  private source(key: string): DocumentSource {
    return { path: key, held: this.index.heldSources(key), ...this.datedAndModel(key) };
  }

  /** The publication date from an article's sidecar and its folder's model: what a stat-first warm start checks too. */
  private datedAndModel(key: string): Pick<DocumentSource, 'dct' | 'dctFromSidecar' | 'model'> {
    const dct = this.sidecars.get(key)?.dct;
    const model = this.modelFor(key);
    return { ...(dct && { dct, dctFromSidecar: true }), ...(model !== undefined && { model }) };
  }

  /** The id of the workspace model an article (by URI) is analyzed with; undefined: the rules alone. */
  private modelFor(key: string): string | undefined {
    const uri = vscode.Uri.parse(key);
    return uri.scheme === 'file' ? this.models.of(corePath(uri)) : undefined;
  }

  /** Learns from the reviews of a workspace folder in the analysis worker (nothing written when reviews cannot all be read). */
  train(workspace: Workspace): Promise<TrainedWorkspaceModel> {
    const { include, exclude, registryPath } = workspace.options;
    return this.analysis.train(workspace.root, { include, exclude, registryPath });
  }

  /** Says in the output channel, once and not on every edit, that only part of an article is analyzed. */
  private noteLength(key: string, warning: string | undefined): void {
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

  /** An article (not open) read from disk into the index, linked at once; out of the index when binary or unreadable. */
  private async readIntoIndex(uri: vscode.Uri): Promise<void> {
    if (!(await this.workspaces.of(uri))) {
      this.output.appendLine(`${vscode.workspace.asRelativePath(uri)}: is not in a workspace folder`);
      this.index.deleteDocument(uri.toString());
      return;
    }
    const reading = this.analyzeFiles([uri], true, `file:${uri}`);
    this.reading.add(reading);
    await reading.finally(() => this.reading.delete(reading));
    this.changed.fire();
    this.scheduleRelink();
  }

  /**
   * Reads and analyzes files in the worker, each result entering the index as it arrives (`link`:
   * given its ids at once, else at the next relink). False when cancelled (`key` names the job).
   */
  private analyzeFiles(uris: vscode.Uri[], link: boolean, key: string, analysis = this.analysis): Promise<boolean> {
    const files = uris.map(uri => ({ ...this.source(uri.toString()), file: corePath(uri) }));
    for (const uri of uris) this.indexedVersions.delete(uri.toString());
    const entered: Promise<unknown>[] = [];
    const enter = (r: FileResult) => {
      const uri = vscode.Uri.parse('message' in r ? r.path : r.prepared.path);
      if ('message' in r) {
        this.output.appendLine(`${vscode.workspace.asRelativePath(uri)}: ${r.message}`);
        this.index.deleteDocument(r.path);
      } else
        entered.push(
          this.enter(r, link, uris.length > 1).then(ok => {
            if (ok === false) void this.readIntoIndex(uri); // its held analysis is gone: analyzed again
          }),
        );
    };
    return analysis
      .analyzeFiles(key, files, enter)
      .catch(e => {
        this.output.appendLine(
          `Marginalia could not analyze ${files.length === 1 ? vscode.workspace.asRelativePath(uris[0]) : `${files.length} articles`}: ${describeError(e)}`,
        );
        return true;
      })
      .then(async done => {
        await Promise.all(entered);
        return done;
      });
  }

  /**
   * A result of the worker into the index, in slices (CorpusIndex.setPreparedSteps), one result at
   * a time in the order they came. False when it needs an analysis the index no longer holds;
   * undefined when `stop` said, before it was in, that it is not wanted any more. `inBulk`: one of a
   * job of many files (a scan, a verification), whose line starts share the index's chunks.
   */
  private enter({ prepared, lines, warnings }: AnalysisResult, link: boolean, inBulk: boolean, stop?: () => boolean): Promise<boolean | undefined> {
    const key = prepared.path;
    const run = this.entering.then(async () => {
      if (stop?.()) return undefined;
      for (const warning of warnings) this.output.appendLine(`${vscode.workspace.asRelativePath(vscode.Uri.parse(key))}: ${warning}`);
      this.noteLength(key, prepared.warning);
      const entered = await inSlices(this.index.setPreparedSteps(prepared, link), stop);
      if (entered) this.index.setLineStarts(key, prepared.hash, lines, inBulk);
      return entered;
    });
    this.entering = run.catch((e: unknown) =>
      this.output.appendLine(`${vscode.workspace.asRelativePath(vscode.Uri.parse(key))}: could not be indexed: ${describeError(e)}`),
    );
    return run.catch(() => undefined);
  }

  /**
   * Analyzes an open article's current text in the worker (the text sent in parts, yielding between
   * them). Resolves when its result is in the index, or when a later version superseded it (its own
   * analysis then follows).
   */
  private updateDocument(document: vscode.TextDocument): Promise<void> {
    if (!isArticle(document)) return Promise.resolve();
    const key = document.uri.toString();
    const version = document.version;
    if (this.indexedVersions.get(key) === version && this.index.hasDocument(key)) return Promise.resolve();
    const running = this.analyzing.get(key);
    if (running?.version === version) return running.done;
    const done = this.analyzeOpen(document, key, version).finally(() => {
      if (this.analyzing.get(key)?.done === done) this.analyzing.delete(key);
    });
    this.analyzing.set(key, { version, done });
    return done;
  }

  private async analyzeOpen(document: vscode.TextDocument, key: string, version: number, held = true): Promise<void> {
    const stale = () => document.isClosed || document.version !== version;
    this.analysisEvents.fire({ uri: key, version, phase: 'started' });
    const source = held ? this.source(key) : { ...this.source(key), held: [] };
    let result: AnalysisResult | undefined;
    try {
      result = await this.analysis.analyzeText(key, source, documentParts(document), stale);
    } catch (e) {
      this.output.appendLine(`${vscode.workspace.asRelativePath(document.uri)}: could not be analyzed: ${describeError(e)}`);
      return;
    }
    if (!result || stale()) return; // dropped: a later version (or none) is wanted
    const entered = await this.enter(result, true, false, stale);
    if (entered === undefined) return; // a later version came meanwhile
    if (!entered) return this.analyzeOpen(document, key, version, false);
    // the workspace model changed while it was analyzed: again, with the new one
    if (result.prepared.model !== (this.modelFor(key) ?? '')) return this.analyzeOpen(document, key, version);
    this.indexedVersions.set(key, version);
    this.analysisEvents.fire({ uri: key, version, phase: 'applied' });
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
    });
  }

  private remove(uri: vscode.Uri): void {
    const key = uri.toString();
    let removed = false;
    this.analysis.cancel(`file:${key}`);
    for (const path of this.index.paths()) {
      if (path === key || path.startsWith(key + '/')) {
        this.tooLong.delete(path);
        // a result of a read under way would bring it back
        this.analysis.cancel(`file:${path}`);
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
    this.timers.set(
      key,
      setTimeout(() => {
        this.timers.delete(key);
        void run();
      }, ms),
    );
  }

  dispose(): void {
    this.scanCancel?.cancel();
    this.timers.forEach(clearTimeout);
    vscode.Disposable.from(...this.disposables).dispose();
  }
}

/**
 * Watches the workspace model file of every workspace folder (a model learned here, pulled with
 * git or removed: every article of its folder is analyzed again), following the folders.
 */
function watchModelFiles(onChange: () => void): vscode.Disposable {
  let watchers: vscode.Disposable[] = [];
  const watch = () => {
    vscode.Disposable.from(...watchers).dispose();
    watchers = (vscode.workspace.workspaceFolders ?? []).map(folder => {
      const watcher = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(folder, WORKSPACE_MODEL_PATH));
      return vscode.Disposable.from(watcher, watcher.onDidCreate(onChange), watcher.onDidChange(onChange), watcher.onDidDelete(onChange));
    });
  };
  watch();
  const folders = vscode.workspace.onDidChangeWorkspaceFolders(watch);
  return new vscode.Disposable(() => vscode.Disposable.from(folders, ...watchers).dispose());
}

/** An analysis of an open document's version: sent to the worker, or its result in the index. */
export interface AnalysisEvent {
  /** The document's URI, as a string. */
  uri: string;
  version: number;
  phase: 'started' | 'applied';
}
