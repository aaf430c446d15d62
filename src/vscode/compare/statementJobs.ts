// The statements of the workspace's articles and every question asked of them, where they are kept:
// the statement worker (statementWorker.ts) or, when it cannot start, the extension host itself
// (statementClient.ts). Each job is a generator that yields its progress between short steps, so
// that the host can run it in slices and either side can stop it. The articles' texts are not kept
// (some 340 MB of UTF-8 at 100,000 articles, more as strings): those of files are read from them when
// the statements are read and again when a question quotes them. No `vscode` import.
import { compareStatement, discrepancySteps, reporting, StatementIndex, STRONG_SCORE, timelineSteps, type Discrepancy } from '../../core';
import type { SharedSlices } from '../common/slices';
import { readArticleText } from './articleText';
import { unpackMentions } from './packedMentions';
import { quoteSteps } from './quoteGroups';
import type { Answer, ArticleText, Query } from './statementProtocol';

/** A job's steps: `{done, total}` between them, its answer at the end. */
export type JobSteps<A> = Generator<{ done: number; total: number }, A>;

const decoder = new TextDecoder();
/** The progress of a job whose steps are not counted (only the scan's are shown). */
const UNCOUNTED = { done: 0, total: 0 };

/** The statement index of the workspace's articles, where their texts are, and the last discrepancy scan. */
export class StatementJobs {
  readonly index = new StatementIndex();
  /** The texts sent as texts (open documents, which their files may not hold); the others' files. */
  private readonly texts = new Map<string, string | { file: string; hash: string }>();
  private scanned: { version: number; discrepancies: Discrepancy[] } | undefined;

  /** The steps of answering `query`. */
  run<Q extends Query>(query: Q): JobSteps<Answer<Q>> {
    return this.steps(query) as JobSteps<Answer<Q>>;
  }

  private *steps(query: Query): JobSteps<unknown> {
    const textOf = this.textOf;
    switch (query.type) {
      case 'update': {
        for (const path of query.deleted) {
          this.index.deleteDocument(path);
          this.texts.delete(path);
        }
        for (const [i, d] of query.documents.entries()) {
          const text = this.read(d);
          // a file changed since it was analyzed: its statements wait for its new analysis
          if (text === undefined) {
            this.index.deleteDocument(d.path);
            this.texts.delete(d.path);
          } else {
            this.index.setDocument({ path: d.path, text, dct: d.dct, mentions: unpackMentions(d.mentions) });
            this.texts.set(d.path, 'utf8' in d ? text : { file: d.file, hash: d.hash });
          }
          yield { done: i + 1, total: query.documents.length };
        }
        return null;
      }
      case 'discrepancies':
        return yield* this.discrepancies(query.names);
      case 'timeline':
        return yield* reporting(timelineSteps(this.index, textOf, yield* this.discrepancies(query.names)), UNCOUNTED);
      case 'compare': {
        const [at] = this.index.statementsAt(query.path, query.start, query.end);
        const comparison = at === undefined ? undefined : compareStatement(this.index, query.path, at, textOf, query.limit);
        return { comparison, indexed: this.index.hasDocument(query.path) };
      }
      case 'reportsAt': {
        const [at] = this.index.statementsAt(query.path, query.offset);
        if (at === undefined) return null;
        const reports = this.index.align(query.path, at, { minScore: STRONG_SCORE, limit: 100 });
        return { start: this.index.statement(query.path, at)!.start, articles: new Set(reports.map(r => r.path)).size };
      }
      case 'quotes':
        return yield* reporting(quoteSteps(this.index, textOf), UNCOUNTED);
    }
  }

  /** The text of an article whose statements are read; undefined when its file changed since. */
  private readonly textOf = (path: string): string | undefined => {
    const held = this.texts.get(path);
    return typeof held === 'string' ? held : held && readArticleText(held.file, held.hash);
  };

  private read(text: ArticleText): string | undefined {
    return 'utf8' in text ? decoder.decode(text.utf8) : readArticleText(text.file, text.hash);
  }

  /** Every discrepancy (the last scan's while the statements have not changed). */
  private *discrepancies(names: [string, string][]): JobSteps<Discrepancy[]> {
    const version = this.index.version;
    if (this.scanned?.version !== version) {
      const byId = new Map(names);
      const discrepancies = yield* discrepancySteps(this.index, { textOf: this.textOf, nameOf: id => byId.get(id) });
      this.scanned = { version, discrepancies };
    }
    return this.scanned.discrepancies;
  }
}

/** How a job's steps are run: whether it was cancelled, where its progress goes, and (on the host) how long a slice lasts. */
export interface DriveOptions {
  isCancelled(): boolean;
  onProgress(done: number, total: number): void;
  /** Milliseconds between progress reports. */
  progressMs: number;
  /** On the host: the slices it shares with the host's other work of the statements. */
  slices?: SharedSlices;
}

/** Runs a job's steps to the end: `{answer}`, or undefined when cancelled. */
export async function drive<A>(steps: JobSteps<A>, options: DriveOptions): Promise<{ answer: A } | undefined> {
  let reported = Date.now();
  for (;;) {
    while (options.slices?.over) await options.slices.next();
    if (options.isCancelled()) return undefined;
    const step = steps.next();
    if (step.done) return { answer: step.value };
    const now = Date.now();
    if (now - reported >= options.progressMs) {
      options.onProgress(step.value.done, step.value.total);
      reported = now;
    }
  }
}
