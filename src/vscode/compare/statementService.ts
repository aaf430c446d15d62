import { join } from 'node:path';
import * as vscode from 'vscode';
import type { Comparison, CorpusIndex, Discrepancy, TimelineDay } from '../../core';
import type { CorpusService } from '../corpus/corpusService';
import type { SpeakerQuotes } from './quoteGroups';
import { StatementClient, type ArticleSource } from './statementClient';
import type { Answer, Query, ReportsAt } from './statementProtocol';

/** The bundled worker, beside dist/extension.js (esbuild.mjs). */
const WORKER_FILE = join(__dirname, 'statementWorker.js');
/** Quiet time after a change of the corpus before its statements are read again. */
const SYNC_DEBOUNCE_MS = 300;
/** Articles to read from which the work shows a progress indicator. */
const PROGRESS_FROM = 200;

/**
 * The statements of the workspace's articles (src/core/statements), kept in step with the corpus
 * index in the statement worker (statementClient.ts, statementWorker.ts): an article whose analysis
 * changed is sent again (its analysis, dates normalized, and its file, read there, or the UTF-8 text
 * of an open document the index holds), and every question
 * (discrepancies, comparisons, the timeline, the quotations) is answered there, with progress in the
 * status bar. The discrepancy scan is cached until the statements change.
 */
export class StatementService implements vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  /** Fires when the statements (and so alignments and discrepancies) may have changed. */
  readonly onDidChange = this.changed.event;
  private readonly client: StatementClient;
  /** The version of the analysis each article was last sent with (CorpusIndex.analysisVersion). */
  private readonly readFrom = new Map<string, string | undefined>();
  /** Incremented by every update sent: a cached answer is good while it stays the same. */
  private version = 0;
  /** Incremented when the worker's statements are lost (they are sent again). */
  private losses = 0;
  private syncing: Promise<void> | undefined;
  private dirty = true;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private scan: { version: number; job: number; result: Promise<Discrepancy[] | undefined> } | undefined;
  private last: { version: number; discrepancies: Discrepancy[] } | undefined;
  private readonly subscription: vscode.Disposable;

  constructor(
    private readonly corpus: CorpusService,
    output: vscode.OutputChannel,
  ) {
    this.client = new StatementClient(WORKER_FILE, reason => {
      output.appendLine(`Marginalia: ${reason}; the statements are read on the extension host from now on.`);
      this.readFrom.clear();
      this.losses++;
      this.version++;
      this.schedule();
    });
    this.subscription = corpus.onDidChange(() => this.schedule());
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

  /** Every discrepancy of the workspace (computed in the worker with progress; cached until the statements change). */
  async discrepancies(): Promise<Discrepancy[]> {
    for (;;) {
      await this.ready();
      const version = this.version;
      if (this.scan?.version !== version) {
        if (this.scan) this.client.cancel(this.scan.job);
        this.scan = { version, ...this.runScan() };
        const scan = this.scan;
        void scan.result.then(
          discrepancies => {
            if (discrepancies && this.version === version) this.last = { version, discrepancies };
          },
          () => undefined,
        );
      }
      const result = await this.answered(this.scan.result);
      // undefined: a later scan (on changed statements) cancelled this one
      if (result) return result;
    }
  }

  /** The discrepancies of the last scan when the statements have not changed since, else undefined (no scan is started). */
  cachedDiscrepancies(): Discrepancy[] | undefined {
    return this.last?.version === this.version ? this.last.discrepancies : undefined;
  }

  /** The dated statements by day, those in a date discrepancy marked. */
  async timeline(): Promise<TimelineDay[]> {
    await this.discrepancies();
    return (await this.ask({ type: 'timeline', names: this.names() })) ?? [];
  }

  /** The statement at [start, end] of an article compared with its reports elsewhere; `indexed` false when the article has no statements. */
  async compare(path: string, start: number, end: number, limit: number): Promise<{ comparison?: Comparison; indexed: boolean }> {
    await this.ready();
    return (await this.ask({ type: 'compare', path, start, end, limit })) ?? { indexed: false };
  }

  /** How many other articles report the sentence at `offset` (what the statements hold now: nothing is waited for). */
  async reportsAt(path: string, offset: number): Promise<ReportsAt | null> {
    return (await this.client.ask({ type: 'reportsAt', path, offset }).answer) ?? null;
  }

  /** The quotations of every named speaker across the articles, grouped, with the speakers' names. */
  async quotes(): Promise<(SpeakerQuotes & { name: string })[]> {
    await this.ready();
    const quotes = (await this.ask({ type: 'quotes' })) ?? [];
    return quotes.map(q => ({ ...q, name: this.corpus.index.entity(q.entity)?.name ?? q.entity }));
  }

  /** A query's answer; asked again (of the host) when the worker stopped while it ran. */
  private async ask<Q extends Query>(query: Q): Promise<Answer<Q> | undefined> {
    const losses = this.losses;
    try {
      return await this.client.ask(query).answer;
    } catch (e) {
      if (this.losses === losses) throw e;
      await this.ready();
      return this.client.ask(query).answer;
    }
  }

  /** A scan's result; the scan asked again (of the host) when the worker stopped while it ran. */
  private async answered(result: Promise<Discrepancy[] | undefined>): Promise<Discrepancy[] | undefined> {
    const losses = this.losses;
    try {
      return await result;
    } catch (e) {
      if (this.losses === losses) throw e;
      return undefined;
    }
  }

  /** Entity ids and display names, for the subjects of discrepancies. */
  private names(): [string, string][] {
    return this.corpus.index.entities().map(e => [e.id, e.name]);
  }

  private schedule(): void {
    this.dirty = true;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.sync(), SYNC_DEBOUNCE_MS);
  }

  /** Sends the articles whose analysis changed; one run at a time, again while changes come. */
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
      const todo = index.paths().filter(p => this.readFrom.get(p) !== index.analysisVersion(p));
      const gone = [...this.readFrom.keys()].filter(p => !index.hasDocument(p));
      for (const p of gone) this.readFrom.delete(p);
      if (!todo.length && !gone.length) continue;
      this.version++;
      const send = (progress?: vscode.Progress<{ message?: string }>) =>
        // a worker lost meanwhile sets `dirty`: the next turn of the loop sends every article again
        this.client.update(articlesOf(index), todo, gone, {
          sent: path => this.readFrom.set(path, index.analysisVersion(path)),
          read: count => progress?.report({ message: `${count} of ${todo.length}` }),
        });
      if (todo.length < PROGRESS_FROM) await send();
      else await vscode.window.withProgress({ location: vscode.ProgressLocation.Window, title: 'Marginalia: reading statements' }, send);
      this.changed.fire();
    }
  }

  private runScan(): { job: number; result: Promise<Discrepancy[] | undefined> } {
    let report: ((message: string) => void) | undefined;
    const asked = this.client.ask({ type: 'discrepancies', names: this.names() }, (done, total) =>
      report?.(`${Math.round((100 * done) / Math.max(1, total))}%`),
    );
    const shown = vscode.window.withProgress({ location: vscode.ProgressLocation.Window, title: 'Marginalia: finding discrepancies' }, progress => {
      report = message => progress.report({ message });
      return asked.answer;
    });
    return { job: asked.job, result: Promise.resolve(shown) };
  }

  dispose(): void {
    clearTimeout(this.timer);
    this.subscription.dispose();
    this.changed.dispose();
    this.client.dispose();
  }
}

/**
 * The articles of the corpus index as the statements read them: a text the index holds (an open
 * document's, which its file may not hold) as UTF-8, the others by their files, read in the worker
 * (the host neither reads nor copies them) and checked there against the hash they were indexed
 * with (articleText.ts).
 */
function articlesOf(index: CorpusIndex): ArticleSource {
  return {
    mentions: path => index.publishedMentions(path),
    text: path => {
      if (index.holdsText(path)) {
        const utf8 = index.utf8(path);
        return utf8 && { utf8 };
      }
      const hash = index.contentHash(path);
      return hash === undefined ? undefined : { file: vscode.Uri.parse(path).fsPath, hash };
    },
  };
}
