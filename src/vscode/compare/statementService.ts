import * as vscode from 'vscode';
import { discrepancySteps, StatementIndex, timeline, type AnalyzedDocument, type Discrepancy, type TimelineDay } from '../../core';
import type { CorpusService } from '../corpus/corpusService';

/** Longest stretch of work between two yields to the extension host (reading statements, scanning). */
const SLICE_MS = 20;
/** Quiet time after a change of the corpus before its statements are read again. */
const SYNC_DEBOUNCE_MS = 300;
/** Articles to read from which the work shows a progress indicator. */
const PROGRESS_FROM = 200;

/**
 * The statements of the workspace's articles (src/core/statements), kept in step with the corpus
 * index: an article whose analysis changed is read again, in slices that let the extension host
 * breathe, with progress in the status bar. The discrepancy scan is cached until the statements change.
 * (Pure core functions with plain-data inputs: the work can move to a worker thread as it is.)
 */
export class StatementService implements vscode.Disposable {
  readonly index = new StatementIndex();
  private readonly changed = new vscode.EventEmitter<void>();
  /** Fires when the statements (and so alignments and discrepancies) may have changed. */
  readonly onDidChange = this.changed.event;
  /** The analysis each article was last read from (the corpus index publishes a new object on a change). */
  private readonly readFrom = new Map<string, AnalyzedDocument>();
  private syncing: Promise<void> | undefined;
  private dirty = true;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private scan: { version: number; result: Promise<Discrepancy[]> } | undefined;
  private last: { version: number; discrepancies: Discrepancy[] } | undefined;
  private readonly subscription: vscode.Disposable;

  constructor(private readonly corpus: CorpusService) {
    this.subscription = corpus.onDidChange(() => {
      this.dirty = true;
      clearTimeout(this.timer);
      this.timer = setTimeout(() => void this.sync(), SYNC_DEBOUNCE_MS);
    });
  }

  /** Resolves when the corpus is indexed (the first scan waited for) and every article's statements are read. */
  async ready(): Promise<void> {
    await this.corpus.indexed();
    this.dirty = true;
    await this.sync();
  }

  /** The text an article was indexed with. */
  textOf(path: string): string | undefined {
    return this.corpus.index.text(path);
  }

  /** The display name of an entity. */
  nameOf(id: string): string | undefined {
    return this.corpus.index.entity(id)?.name;
  }

  /** Every discrepancy of the workspace (computed in slices with progress; cached until the statements change). */
  async discrepancies(): Promise<Discrepancy[]> {
    await this.ready();
    const version = this.index.version;
    if (this.scan?.version !== version) {
      const result = this.runScan();
      this.scan = { version, result };
      void result.then(
        discrepancies => {
          if (this.index.version === version) this.last = { version, discrepancies };
        },
        () => undefined,
      );
    }
    return this.scan.result;
  }

  /** The discrepancies of the last scan when the statements have not changed since, else undefined (no scan is started). */
  cachedDiscrepancies(): Discrepancy[] | undefined {
    return this.last?.version === this.index.version ? this.last.discrepancies : undefined;
  }

  /** The dated statements by day, those in a date discrepancy marked. */
  async timeline(): Promise<TimelineDay[]> {
    const discrepancies = await this.discrepancies();
    return timeline(this.index, path => this.textOf(path), discrepancies);
  }

  /** Reads the statements of the articles whose analysis changed; one run at a time, again while changes come. */
  private sync(): Promise<void> {
    if (!this.syncing) {
      const run = this.syncAll().finally(() => {
        if (this.syncing === run) this.syncing = undefined;
      });
      this.syncing = run;
    }
    return this.syncing;
  }

  private async syncAll(): Promise<void> {
    while (this.dirty) {
      this.dirty = false;
      const index = this.corpus.index;
      const paths = index.paths();
      const todo = paths.filter(p => this.readFrom.get(p) !== index.analyzed(p));
      const gone = [...this.readFrom.keys()].filter(p => !index.hasDocument(p));
      for (const p of gone) {
        this.index.deleteDocument(p);
        this.readFrom.delete(p);
      }
      if (!todo.length) {
        if (gone.length) this.changed.fire();
        continue;
      }
      const read = async (progress?: vscode.Progress<{ message?: string; increment?: number }>) => {
        let sliceStart = Date.now();
        for (const [i, path] of todo.entries()) {
          const analyzed = index.analyzed(path);
          const text = index.text(path);
          if (analyzed && text !== undefined) {
            this.index.setDocument({ path, text, dct: analyzed.dct, mentions: analyzed.mentions });
            this.readFrom.set(path, analyzed);
          }
          if (Date.now() - sliceStart > SLICE_MS) {
            progress?.report({ message: `${i + 1} of ${todo.length}` });
            await new Promise(resolve => setTimeout(resolve, 0));
            sliceStart = Date.now();
          }
        }
      };
      if (todo.length < PROGRESS_FROM) await read();
      else await vscode.window.withProgress({ location: vscode.ProgressLocation.Window, title: 'Marginalia: reading statements' }, read);
      this.changed.fire();
    }
  }

  private async runScan(): Promise<Discrepancy[]> {
    return vscode.window.withProgress({ location: vscode.ProgressLocation.Window, title: 'Marginalia: finding discrepancies' }, async progress => {
      const options = { textOf: (path: string) => this.textOf(path), nameOf: (id: string) => this.nameOf(id) };
      let version = this.index.version;
      let steps = discrepancySteps(this.index, options);
      let sliceStart = Date.now();
      for (;;) {
        if (this.index.version !== version) {
          // the statements changed while the scan gave others a turn: start over on the new ones
          version = this.index.version;
          steps = discrepancySteps(this.index, options);
        }
        const step = steps.next();
        if (step.done) return step.value;
        if (Date.now() - sliceStart > SLICE_MS) {
          progress.report({ message: `${Math.round((100 * step.value.done) / Math.max(1, step.value.total))}%` });
          await new Promise(resolve => setTimeout(resolve, 0));
          sliceStart = Date.now();
        }
      }
    });
  }

  dispose(): void {
    clearTimeout(this.timer);
    this.subscription.dispose();
    this.changed.dispose();
  }
}
