// The messages between the extension host (statementClient.ts) and the statement worker
// (statementWorker.ts). Offsets are UTF-16 code units into the articles' texts, as in the contracts
// (docs/contracts.md).
import type { Comparison, Discrepancy, TimelineDay } from '../../core';
import type { PackedMentions } from './packedMentions';
import type { SpeakerQuotes } from './quoteGroups';

/**
 * An article as the statements need it: its analysis, and its indexed text as UTF-8 (decoded where
 * it is read: an open document's, which its file may not hold) or else its file and the hash of that
 * text (utf8Hash), read where the statements are, when they are read and when a question quotes them.
 */
export type StatementDocument = {
  path: string;
  dct: string | null;
  mentions: PackedMentions;
} & ArticleText;

/** An article's text as sent: its UTF-8, or its file and the hash its text must have (else it changed since). */
export type ArticleText = { utf8: Uint8Array } | { file: string; hash: string };

/** Where the sentence at a position is reported elsewhere (the compare hover). */
export interface ReportsAt {
  /** Where the statement starts (UTF-16). */
  start: number;
  /** How many other articles report it. */
  articles: number;
}

/** What a request asks, and what its job answers (`Answer<Q>`). */
export type Query =
  /** Read and index these articles' statements (in place of those they had) and forget `deleted`. */
  | { type: 'update'; documents: StatementDocument[]; deleted: string[] }
  /** Every discrepancy, entity ids named by `names` ([id, name] pairs). */
  | { type: 'discrepancies'; names: [string, string][] }
  /** The dated statements by day, marked by the discrepancies (computed when not cached). */
  | { type: 'timeline'; names: [string, string][] }
  /** The statement at [start, end] of `path` compared with its reports, at most `limit`. */
  | { type: 'compare'; path: string; start: number; end: number; limit: number }
  /** How many articles report the statement at `offset` of `path`, strongly aligned. */
  | { type: 'reportsAt'; path: string; offset: number }
  /** The quotations of every named speaker, grouped. */
  | { type: 'quotes' };

export type Answer<Q extends Query> = Q extends { type: 'update' }
  ? null
  : Q extends { type: 'discrepancies' }
    ? Discrepancy[]
    : Q extends { type: 'timeline' }
      ? TimelineDay[]
      : Q extends { type: 'compare' }
        ? { comparison?: Comparison; indexed: boolean }
        : Q extends { type: 'reportsAt' }
          ? ReportsAt | null
          : Q extends { type: 'quotes' }
            ? SpeakerQuotes[]
            : never;

/** A piece of a list answer: `more` values of the last item's list so far, then `items` (the last perhaps with only the first of its list's values). */
export interface AnswerPart {
  more?: unknown[];
  items: object[];
}

export type Request =
  /** A job to run; a list answer (answerParts.ts) comes in parts of at most `partValues` values. */
  | { job: number; query: Query; partValues: number }
  /** The host took in the job's last part: the next may come (one at a time, else several are taken in at one turn). */
  | { job: number; next: true };

export type Reply =
  /** How far a long job is (`done` of `total`). */
  | { type: 'progress'; job: number; done: number; total: number }
  /** A part of a large answer (answerParts.ts), all but the last; the host asks for the next (`next`). */
  | { type: 'part'; job: number; part: AnswerPart }
  /** The job is over: its answer (or its last `part`), or cancelled, or failed (`error`). */
  | { type: 'done'; job: number; answer?: unknown; part?: AnswerPart; cancelled?: boolean; error?: string };

/** Slots of the shared cancellation ring: job j is cancelled when slot j % CANCEL_SLOTS holds j. */
export const CANCEL_SLOTS = 1024;
