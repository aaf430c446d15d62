// Reads the statements of one article: its sentences, each with its entities, dates, quantities,
// quotations (with their speakers) and content words. Pure: the same source gives the same result.
import { findQuantities } from './quantities';
import { findQuotations } from './quotations';
import { splitSentences } from './sentences';
import { SpeakerTracker, type NameRef } from './speakers';
import type { Quantity, Quotation, Statement, StatementDate, StatementSource } from './types';
import { contentKeys, tokenize, type Tokens } from './words';

/** Tokens on each side of a date or a quantity whose words say what it is the date or the number of. */
const CONTEXT_TOKENS = 7;
/** Tokens after a date that still say what it dates, when the date does not open its clause. */
const DATE_RIGHT_TOKENS = 3;
const RELATIONS: Record<string, StatementDate['relation']> = {
  since: 'since', from: 'since', until: 'until', till: 'until', by: 'until', through: 'until', before: 'before', after: 'after',
};

const EMPTY: never[] = [];

/** The statements of an article, in text order. */
export function readStatements(source: StatementSource): Statement[] {
  const { text, mentions } = source;
  const names: NameRef[] = [];
  const dates: { start: number; end: number; value: string }[] = [];
  const allDates: { start: number; end: number }[] = [];
  for (const m of mentions) {
    if (m.kind === 'date') {
      allDates.push(m);
      if (m.value) dates.push({ start: m.start, end: m.end, value: m.value });
    } else names.push({ start: m.start, end: m.end, kind: m.kind, entity: m.entity });
  }
  const speakers = new SpeakerTracker(text);
  const out: Statement[] = [];
  let n = 0;
  let d = 0;
  let a = 0;
  splitSentences(text).forEach((sentence, index) => {
    const { start, end } = sentence;
    while (n < names.length && names[n].end <= start) n++;
    while (d < dates.length && dates[d].end <= start) d++;
    while (a < allDates.length && allDates[a].end <= start) a++;
    const here = sliceWithin(names, n, end);
    const tok = tokenize(text, start, end);
    const entities = [...new Set(here.map(x => x.entity).filter((e): e is string => !!e))];
    const datesHere = sliceWithin(allDates, a, end);
    const inMentions = mentionTokens(tok, here, datesHere);
    const statementDates: StatementDate[] = sliceWithin(dates, d, end).map(x => {
      const [first, next] = tokensIn(tok, x.start, x.end);
      return {
        start: x.start, end: x.end, text: text.slice(x.start, x.end), value: x.value,
        relation: RELATIONS[tok.lower[first - 1] ?? ''] ?? 'at',
        // a date follows what it dates ("opened on Tuesday"), unless it opens its clause ("On Tuesday, she called")
        context: contextOf(text, tok, [first, next], inMentions, here, [], DATE_RIGHT_TOKENS),
      };
    });
    const quantities: Quantity[] = findQuantities(text, tok, datesHere).map(q => {
      const { first, next, ...rest } = q;
      return { ...rest, text: text.slice(q.start, q.end), context: contextOf(text, tok, [first, next], inMentions, here, [q.unit]) };
    });
    const quotes = findQuotations(text, start, end);
    const said = quotes.length ? speakers.attribute(index, sentence.paragraph, start, end, quotes, here) : speakers.attribute(index, sentence.paragraph, start, end, EMPTY, here);
    const quotations: Quotation[] = quotes.map((q, i) => {
      const speaker = said[i];
      let qEnd = q.end; // "…," she said: the comma is the sentence's, not the speaker's
      while (qEnd > q.start && /[\s,;:]/.test(text[qEnd - 1])) qEnd--;
      const quotation: Quotation = { start: q.start, end: qEnd, text: text.slice(q.start, qEnd) };
      if (speaker) quotation.speaker = speaker;
      return quotation;
    });
    const words: string[] = [];
    for (const w of tok.lower) contentKeys(w, words);
    out.push({
      ...sentence,
      entities,
      dates: statementDates.length ? statementDates : EMPTY,
      quantities: quantities.length ? quantities : EMPTY,
      quotations: quotations.length ? quotations : EMPTY,
      words: [...new Set(words)].sort(),
    });
  });
  return out;
}

/** The items from index `from` on that start before `end` (items sorted by start, none ending before `from`'s). */
function sliceWithin<T extends { start: number; end: number }>(items: readonly T[], from: number, end: number): T[] {
  let to = from;
  while (to < items.length && items[to].start < end) to++;
  return items.slice(from, to);
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
    for (let i = 0; i < tok.start.length; i++) if (tok.start[i] < m.end && tok.end[i] > m.start) inside[i] = true;
  }
  return inside;
}

/** Words that end a clause: the words beyond them are about something else. */
const CLAUSE_WORDS = new Set(['and', 'but', 'while', 'whereas', 'which', 'who', 'whom', 'whose', 'where', 'when', 'that', 'as', 'because', 'although', 'though', 'if', 'unless']);
/** Role words: they describe a name, not what happened. */
const ROLE_WORDS = new Set(['president', 'minister', 'mayor', 'premier', 'prime', 'chancellor', 'secretary', 'spokesman', 'spokeswoman', 'spokesperson', 'official', 'leader', 'government', 'chief', 'head', 'senior', 'former', 'deputy', 'state', 'foreign', 'interior', 'national', 'presidential', 'office']);

/**
 * Content words (not inside names or dates, not role words) and entity ids of the clause around
 * [first, next), at most CONTEXT_TOKENS tokens on each side; the item's own words and `skip` left out.
 */
function contextOf(
  text: string, tok: Tokens, [first, next]: [number, number], inMentions: readonly boolean[], names: readonly NameRef[], skip: readonly string[],
  right = CONTEXT_TOKENS,
): string[] {
  const boundary = (i: number) => /[,;:()"“”—–]/.test(text.slice(tok.end[i], tok.start[i + 1]));
  let from = first;
  while (from > 0 && from > first - CONTEXT_TOKENS && !boundary(from - 1) && !CLAUSE_WORDS.has(tok.lower[from - 1])) from--;
  // nothing before it in its clause but a preposition: what it is about comes after, past its comma ("On Thursday, ministers signed")
  const opensClause = from >= first - 1;
  if (opensClause) right = CONTEXT_TOKENS;
  let to = next;
  while (to < tok.start.length && to < next + right && (!boundary(to - 1) || (opensClause && to === next)) && !CLAUSE_WORDS.has(tok.lower[to])) to++;
  const words: string[] = [];
  for (let i = from; i < to; i++) {
    const w = tok.lower[i];
    if ((i < first || i >= next) && !inMentions[i] && !ROLE_WORDS.has(w) && !ROLE_WORDS.has(w.replace(/s$/, ''))) contentKeys(w, words);
  }
  const lo = tok.start[from] ?? 0;
  const hi = tok.end[to - 1] ?? 0;
  for (const n of names) if (n.entity && n.start < hi && n.end > lo) words.push(n.entity);
  return [...new Set(words)].filter(w => !skip.includes(w));
}
