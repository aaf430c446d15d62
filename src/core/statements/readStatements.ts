// Reads the statements of one article: its sentences, each with its entities, dates, quantities,
// quotations (with their speakers) and content words. Pure: the same source gives the same result.
import { contentHash } from '../corpus/contentHash';
import { findQuantities } from './quantities';
import { findQuotations } from './quotations';
import { splitSentences } from './sentences';
import { shiftSaid, SpeakerTracker, type NameRef, type Said } from './speakers';
import { shifted } from './shifted';
import type { Quantity, Quotation, SentenceSpan, Speaker, Statement, StatementDate, StatementSource } from './types';
import { contentKeys, tokenize, type Tokens } from './words';

/** Tokens on each side of a date or a quantity whose words say what it is the date or the number of. */
const CONTEXT_TOKENS = 7;
/** Tokens after a date that still say what it dates, when the date does not open its clause. */
const DATE_RIGHT_TOKENS = 3;
const RELATIONS: Record<string, StatementDate['relation']> = {
  since: 'since',
  from: 'since',
  until: 'until',
  till: 'until',
  by: 'until',
  through: 'until',
  before: 'before',
  after: 'after',
};
/** Words that end a clause: the words beyond them are about something else. */
const CLAUSE_WORDS = new Set([
  'and',
  'but',
  'while',
  'whereas',
  'which',
  'who',
  'whom',
  'whose',
  'where',
  'when',
  'that',
  'as',
  'because',
  'although',
  'though',
  'if',
  'unless',
]);
/** Role words: they describe a name, not what happened. */
const ROLE_WORDS = new Set([
  'president',
  'minister',
  'mayor',
  'premier',
  'prime',
  'chancellor',
  'secretary',
  'spokesman',
  'spokeswoman',
  'spokesperson',
  'official',
  'leader',
  'government',
  'chief',
  'head',
  'senior',
  'former',
  'deputy',
  'state',
  'foreign',
  'interior',
  'national',
  'presidential',
  'office',
]);

const EMPTY: never[] = Object.freeze([]) as never[];
/** Statements a reader keeps for their next occurrence (a corpus repeats sentences: wire copy, quotations). */
const LATELY = 20_000;

/** A sentence of an article, its key, and what it says (left out when the caller knew the key). */
export interface ReadSentence {
  /**
   * Same key, same statement: a fingerprint of its words, its names' entity ids, its dates' values,
   * and, when it quotes someone, of the sentence before (which a pronoun may refer to).
   */
  key: string;
  sentence: SentenceSpan;
  statement?: Statement;
}

/**
 * Reads statements. Keeps the content-word keys of the words it has met, so that reading many
 * articles with one reader costs less per word: keep one per corpus.
 */
export class StatementReader {
  private readonly keys = new Map<string, readonly string[]>();
  /**
   * Statements read lately, by their own key (words, names, dates), offsets relative to their start,
   * with how their quotations are attributed: the same sentence after another one (a quotation
   * whose "she" may then be someone else) needs its speakers resolved again, not a new reading.
   */
  private readonly lately = new Map<string, { statement: Statement; saids: readonly (Said | undefined)[] }>();

  /** The statements of an article, in text order. */
  read(source: StatementSource): Statement[] {
    return this.readSentences(source).map(r => r.statement!);
  }

  /**
   * The sentences of an article with their keys; a sentence whose key `known` accepts is not read
   * (its statement is left out): an index that holds a statement with that key already has it.
   */
  readSentences(source: StatementSource, known: (key: string) => boolean = () => false): ReadSentence[] {
    const { text, mentions } = source;
    const names: NameRef[] = [];
    const dates: { start: number; end: number; value: string }[] = [];
    const allDates: { start: number; end: number; value?: string | null }[] = [];
    for (const m of mentions) {
      if (m.kind === 'date') {
        allDates.push(m);
        if (m.value) dates.push({ start: m.start, end: m.end, value: m.value });
      } else names.push({ start: m.start, end: m.end, kind: m.kind, entity: m.entity });
    }
    const speakers = new SpeakerTracker(text);
    const out: ReadSentence[] = [];
    let n = 0;
    let d = 0;
    let a = 0;
    let previousKey = '';
    splitSentences(text).forEach((sentence, index) => {
      const { start, end } = sentence;
      while (n < names.length && names[n].end <= start) n++;
      while (d < dates.length && dates[d].end <= start) d++;
      while (a < allDates.length && allDates[a].end <= start) a++;
      const here = sliceWithin(names, n, end);
      const datesHere = sliceWithin(allDates, a, end);
      speakers.remember(index, sentence.paragraph, start, end, here);
      let own = `${contentHash(text, start, end)}|${sentence.kind}|`;
      for (const x of here) own += `${x.entity ?? ''},`;
      own += '|';
      for (const x of datesHere) own += `${x.value ?? ''},`;
      const quoting = hasQuoteMark(text, start, end);
      const key = quoting ? `${own}|${previousKey}` : own;
      previousKey = own;
      if (known(key)) {
        out.push({ key, sentence });
        return;
      }
      const held = this.lately.get(own);
      let statement: Statement;
      if (held) {
        statement = shifted(held.statement, start, sentence.paragraph);
        if (held.saids.length)
          this.speak(
            statement,
            speakers.resolveAll(
              held.saids.map(s => s && shiftSaid(s, start)),
              start,
            ),
          );
      } else {
        const saids: (Said | undefined)[] = [];
        statement = this.statement(text, sentence, here, sliceWithin(dates, d, end), datesHere, quoting ? speakers : undefined, saids);
        this.remember(
          own,
          statement,
          saids.map(s => s && shiftSaid(s, -start)),
        );
      }
      out.push({ key, sentence, statement });
    });
    return out;
  }

  private statement(
    text: string,
    sentence: SentenceSpan,
    here: NameRef[],
    dates: { start: number; end: number; value: string }[],
    allDates: readonly { start: number; end: number }[],
    speakers: SpeakerTracker | undefined,
    saids: (Said | undefined)[],
  ): Statement {
    const { start, end } = sentence;
    const tok = tokenize(text, start, end);
    const entities = [...new Set(here.map(x => x.entity).filter((e): e is string => !!e))];
    const quantitiesFound = findQuantities(text, tok, allDates);
    const inMentions = dates.length || quantitiesFound.length ? mentionTokens(tok, here, allDates) : EMPTY;
    const statementDates: StatementDate[] = dates.map(x => {
      const [first, next] = tokensIn(tok, x.start, x.end);
      return {
        start: x.start,
        end: x.end,
        text: text.slice(x.start, x.end),
        value: x.value,
        relation: RELATIONS[tok.lower[first - 1] ?? ''] ?? 'at',
        // a date follows what it dates ("opened on Tuesday"), unless it opens its clause ("On Tuesday, she called")
        context: this.contextOf(text, tok, [first, next], inMentions, here, [], DATE_RIGHT_TOKENS),
      };
    });
    const quantities: Quantity[] = quantitiesFound.map(q => {
      const { first, next, ...rest } = q;
      return { ...rest, text: text.slice(q.start, q.end), context: this.contextOf(text, tok, [first, next], inMentions, here, [q.unit]) };
    });
    const quotes = speakers ? findQuotations(text, start, end) : EMPTY;
    if (quotes.length) saids.push(...speakers!.find(start, end, quotes, here));
    const said = quotes.length ? speakers!.resolveAll(saids, start) : EMPTY;
    const quotations: Quotation[] = quotes.map((q, i) => {
      let qEnd = q.end; // "…," she said: the comma is the sentence's, not the speaker's
      while (qEnd > q.start && /[\s,;:]/.test(text[qEnd - 1])) qEnd--;
      const quotation: Quotation = { start: q.start, end: qEnd, text: text.slice(q.start, qEnd) };
      if (said[i]) quotation.speaker = said[i];
      return quotation;
    });
    const words: string[] = [];
    for (let i = 0; i < tok.lower.length; i++) {
      const keys = this.keysOf(tok.lower[i]);
      for (let j = 0; j < keys.length; j++) words.push(keys[j]);
    }
    return {
      ...sentence,
      entities,
      dates: statementDates.length ? statementDates : EMPTY,
      quantities: quantities.length ? quantities : EMPTY,
      quotations: quotations.length ? quotations : EMPTY,
      words: sortedUnique(words),
    };
  }

  /** Sets the speakers of a statement's quotations (it is a copy: its quotations may be replaced). */
  private speak(statement: Statement, speakers: readonly (Speaker | undefined)[]): void {
    statement.quotations = statement.quotations.map((q, i) => {
      const { speaker: _old, ...rest } = q;
      return speakers[i] ? { ...rest, speaker: speakers[i] } : rest;
    });
  }

  /** Keeps a statement read (offsets relative to its start) for its next occurrence, the oldest forgotten past LATELY. */
  private remember(own: string, statement: Statement, saids: (Said | undefined)[]): void {
    if (this.lately.size >= LATELY) this.lately.delete(this.lately.keys().next().value!);
    this.lately.set(own, { statement: shifted(statement, -statement.start, 0), saids });
  }

  /** The content-word keys of a lowercase word (see contentKeys), remembered. */
  private keysOf(lower: string): readonly string[] {
    let keys = this.keys.get(lower);
    if (!keys) {
      const found: string[] = [];
      contentKeys(lower, found);
      this.keys.set(lower, (keys = found.length ? found : EMPTY));
    }
    return keys;
  }

  /**
   * Content words (not inside names or dates, not role words) and entity ids of the clause around
   * [first, next), at most CONTEXT_TOKENS tokens on each side (`right` after it); the item's own
   * words and `skip` left out.
   */
  private contextOf(
    text: string,
    tok: Tokens,
    [first, next]: [number, number],
    inMentions: readonly boolean[],
    names: readonly NameRef[],
    skip: readonly string[],
    right = CONTEXT_TOKENS,
  ): string[] {
    const boundary = (i: number) => /[,;:()"“”—–]/.test(text.slice(tok.end[i], tok.start[i + 1]));
    let from = first;
    while (from > 0 && from > first - CONTEXT_TOKENS && !boundary(from - 1) && !CLAUSE_WORDS.has(tok.lower[from - 1])) from--;
    // nothing before it in its clause but a preposition: what it is about comes after, past its comma ("On Thursday, ministers signed")
    const opensClause = from >= first - 1;
    const reach = opensClause ? CONTEXT_TOKENS : right;
    let to = next;
    while (to < tok.start.length && to < next + reach && (!boundary(to - 1) || (opensClause && to === next)) && !CLAUSE_WORDS.has(tok.lower[to])) to++;
    const words = new Set<string>();
    for (let i = from; i < to; i++) {
      const w = tok.lower[i];
      if (i >= first && i < next) continue;
      if (inMentions[i] || ROLE_WORDS.has(w) || ROLE_WORDS.has(w.replace(/s$/, ''))) continue;
      for (const k of this.keysOf(w)) words.add(k);
    }
    const lo = tok.start[from] ?? 0;
    const hi = tok.end[to - 1] ?? 0;
    for (const n of names) if (n.entity && n.start < hi && n.end > lo) words.add(n.entity);
    for (const s of skip) words.delete(s);
    return [...words];
  }
}

function hasQuoteMark(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c === 34 || c === 0x201c || c === 0x201d || c === 0xab || c === 0xbb || c === 0x201e) return true;
  }
  return false;
}

/** The statements of an article, in text order. */
export function readStatements(source: StatementSource): Statement[] {
  return new StatementReader().read(source);
}

function sortedUnique(words: string[]): string[] {
  words.sort();
  let n = 0;
  for (let i = 0; i < words.length; i++) if (i === 0 || words[i] !== words[i - 1]) words[n++] = words[i];
  words.length = n;
  return words;
}

/** The items from index `from` on that start before `end` (items sorted by start, none ending before `from`'s). */
function sliceWithin<T extends { start: number; end: number }>(items: readonly T[], from: number, end: number): T[] {
  let to = from;
  while (to < items.length && items[to].start < end) to++;
  return to === from ? EMPTY : items.slice(from, to);
}

/** Token indexes [first, next) covering [start, end). */
function tokensIn(tok: Tokens, start: number, end: number): [number, number] {
  let first = 0;
  while (first < tok.start.length && tok.end[first] <= start) first++;
  let next = first;
  while (next < tok.start.length && tok.start[next] < end) next++;
  return [first, next];
}

/** Which tokens are inside a name or a date: their words are not context (the entity id is). */
function mentionTokens(tok: Tokens, names: readonly NameRef[], dates: readonly { start: number; end: number }[]): boolean[] {
  const inside = new Array<boolean>(tok.start.length).fill(false);
  for (const m of [...names, ...dates]) {
    const [first, next] = tokensIn(tok, m.start, m.end);
    for (let i = first; i < next; i++) inside[i] = true;
  }
  return inside;
}
