// Every group of aligned statements whose dates, figures or quotation wording disagree, across the
// whole corpus: the dates, figures and quotations of aligned statements that are of the same thing
// are joined into groups (union-find); a group in which two of them disagree is a discrepancy.
import { datesAgree, quantitiesAgree, quoteWords, type QuoteWords } from './agreement';
import { detached } from './detached';
import { dateLabel, datePairs, MATCH_SCORE, quantityPairs, quotationPairs } from './differences';
import type { StatementIndex } from './statementIndex';
import type { Quantity, Quotation, Statement, StatementDate } from './types';
import { reporting, sortSteps, STEP_UNITS, type Steps } from '../steps';
import { withTextsSteps } from './withTexts';
import { contentKeys, tokenize } from './words';

/** One statement of a discrepancy (docs/contracts.md, `marginalia compare`). Offsets in UTF-16 code units. */
export interface DiscrepancyStatement {
  path: string;
  /** The statement (sentence). */
  start: number;
  end: number;
  text: string;
  /** What it says: a date's ISO value, a figure as written, a quotation's words. */
  value: string;
  /** Where that is in the article. */
  valueStart: number;
  valueEnd: number;
}

export type DiscrepancyKind = 'date' | 'number' | 'quote';

/** Statements of several articles that report one thing and disagree on its date, its figure or its words. */
export interface Discrepancy {
  kind: DiscrepancyKind;
  /** What they disagree about, in a few words ("summit opened", "protesters gathered outside venue", `Juhani Lehto: "This tunnel will be built…"`). */
  subject: string;
  statements: DiscrepancyStatement[];
}

export interface ScanOptions {
  /** The text of an indexed article (statements are quoted from it). */
  textOf(path: string): string | undefined;
  /** The display name of an entity id (default: the id). */
  nameOf?(entity: string): string | undefined;
}

/** Postings read at most per class by a scan (a query at the cursor may read more). */
const SCAN_BUDGET = 2000;
/** Lowest alignment score at which two quotations with the same named speaker are compared. */
const QUOTE_SCORE = 0.2;
const KIND_ORDER: DiscrepancyKind[] = ['date', 'number', 'quote'];
/** More dates, figures or quotations than any statement has: keys items of classes by number. */
const ITEMS_PER_KIND = 4096;

/** An item of a class: one of its dates, figures or quotations. */
interface Item {
  cls: number;
  kind: DiscrepancyKind;
  index: number;
}

/** Every discrepancy of the corpus, in kind order, then by where the first statement is. */
export function findDiscrepancies(index: StatementIndex, options: ScanOptions): Discrepancy[] {
  const steps = discrepancySteps(index, options);
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
  }
}

/**
 * `findDiscrepancies` in slices: yields `{done, total}` (classes scanned) after each class (which may read thousands of postings),
 * so that a caller can report progress, give others a turn, or stop iterating to cancel.
 */
export function* discrepancySteps(index: StatementIndex, options: ScanOptions): Generator<{ done: number; total: number }, Discrepancy[]> {
  const items: Item[] = [];
  const itemIds = new Map<number, number>();
  const parent: number[] = [];
  const disagreeing: [number, number][] = [];
  const item = (cls: number, kind: DiscrepancyKind, i: number) => {
    const key = (cls * 3 + KIND_ORDER.indexOf(kind)) * ITEMS_PER_KIND + i;
    let id = itemIds.get(key);
    if (id === undefined) {
      id = items.length;
      items.push({ cls, kind, index: i });
      itemIds.set(key, id);
      parent.push(id);
    }
    return id;
  };
  const find = (x: number): number => {
    while (parent[x] !== x) x = parent[x] = parent[parent[x]];
    return x;
  };
  const join = (a: number, b: number, agree: boolean) => {
    parent[find(a)] = find(b);
    if (!agree) disagreeing.push([a, b]);
  };

  const classes = [...index.classIds()].filter(c => hasItems(index.shapeOf(c)));
  const scanned = new Uint8Array(classes.reduce((m, c) => Math.max(m, c + 1), 0));
  for (const c of classes) scanned[c] = 1;
  // what the loop asks again and again: the words of a quotation
  const words = new Map<Quotation, QuoteWords>();
  const wordsOf = (q: Quotation) => words.get(q) ?? words.set(q, quoteWords(q.text)).get(q)!;
  // only later classes with dates, figures or quotations are candidates (each pair is scanned once)
  let done = 0;
  for (const a of classes) {
    const sa = index.shapeOf(a);
    const candidates = index.similar(a, sa.quotations.length ? QUOTE_SCORE : MATCH_SCORE, { budget: SCAN_BUDGET, accept: b => b > a && scanned[b] === 1 });
    // statements of one article only, on both sides: an article does not disagree with itself here
    const where = index.articleOf(a);
    for (const [b, score] of candidates) {
      if (where >= 0 && where === index.articleOf(b)) continue;
      const sb = index.shapeOf(b);
      for (const [x, y] of datePairs(sa, sb, score)) join(item(a, 'date', sa.dates.indexOf(x)), item(b, 'date', sb.dates.indexOf(y)), datesAgree(x, y));
      for (const [x, y] of quantityPairs(sa, sb, score))
        join(item(a, 'number', sa.quantities.indexOf(x)), item(b, 'number', sb.quantities.indexOf(y)), quantitiesAgree(x, y));
      for (const [x, y, relation] of quotationPairs(sa, sb, score, wordsOf)) {
        join(item(a, 'quote', sa.quotations.indexOf(x)), item(b, 'quote', sb.quotations.indexOf(y)), relation !== 'words');
      }
    }
    yield { done: ++done, total: classes.length };
  }

  return yield* reporting(described(index, options, items, find, disagreeing), { done, total: classes.length });
}

/** The groups with a disagreement, their statements quoted: in steps, since at 100,000 articles they hold 300,000 statements. */
function* described(
  index: StatementIndex,
  options: ScanOptions,
  items: Item[],
  find: (id: number) => number,
  disagreeing: [number, number][],
): Steps<Discrepancy[]> {
  const groups = new Map<number, number[]>();
  for (let id = 0; id < items.length; id++) {
    const root = find(id);
    const members = groups.get(root);
    if (members) members.push(id);
    else groups.set(root, [id]);
    if (id % STEP_UNITS === STEP_UNITS - 1) yield;
  }
  const roots = new Set<number>();
  for (let i = 0; i < disagreeing.length; i++) {
    roots.add(find(disagreeing[i][0]));
    if (i % STEP_UNITS === STEP_UNITS - 1) yield;
  }
  // every group's statements first, then quoted article by article (each text read once: withTexts)
  const found: { group: Item[]; statements: DiscrepancyStatement[] }[] = [];
  const all: DiscrepancyStatement[] = [];
  for (const root of roots) {
    const group = yield* statementsOf(
      index,
      groups.get(root)!.map(id => items[id]),
    );
    found.push(group);
    for (let i = 0; i < group.statements.length; i++) {
      all.push(group.statements[i]);
      if (i % STEP_UNITS === STEP_UNITS - 1) yield;
    }
  }
  const quotedList = yield* withTextsSteps(all, options.textOf, (s, text) => (s.text = detached(text, s.start, s.end)));
  const quoted = new Set<DiscrepancyStatement>();
  for (let i = 0; i < quotedList.length; i++) {
    quoted.add(quotedList[i]);
    if (i % STEP_UNITS === STEP_UNITS - 1) yield;
  }
  const out: Discrepancy[] = [];
  for (const { group, statements: unquoted } of found) {
    const kept: DiscrepancyStatement[] = [];
    for (let i = 0; i < unquoted.length; i++) {
      if (quoted.has(unquoted[i])) kept.push(unquoted[i]);
      if (i % STEP_UNITS === STEP_UNITS - 1) yield;
    }
    const statements = yield* sortSteps(kept, compareStatements);
    if (statements.some(s => s.path !== statements[0].path))
      out.push({ kind: group[0].kind, subject: subjectOf(index, options, group, statements[0]), statements });
    yield;
  }
  return out.sort((x, y) => KIND_ORDER.indexOf(x.kind) - KIND_ORDER.indexOf(y.kind) || compareStatements(x.statements[0], y.statements[0]));
}

function hasItems(s: Statement): boolean {
  return s.dates.length > 0 || s.quantities.some(q => q.unit) || s.quotations.length > 0;
}

function compareStatements(a: DiscrepancyStatement, b: DiscrepancyStatement): number {
  return a.path < b.path ? -1 : a.path > b.path ? 1 : a.start - b.start;
}

/** The statements of a group of items (every member of each item's class), their texts not yet quoted. */
function* statementsOf(index: StatementIndex, group: Item[]): Steps<{ group: Item[]; statements: DiscrepancyStatement[] }> {
  const kind = group[0].kind;
  const statements: DiscrepancyStatement[] = [];
  // a statement is a member of one class: the same statement and thing twice is an item of the same class at the same place
  const seen = new Set<string>();
  for (const it of group) {
    const shape = index.shapeOf(it.cls);
    const thing = thingOf(shape, it);
    const key = `${it.cls}:${thing.start}`;
    if (seen.has(key)) continue;
    seen.add(key);
    yield* index.eachMemberSteps(it.cls, m => {
      statements.push({
        path: m.path,
        start: m.start,
        end: m.end,
        text: '',
        value: valueOf(kind, thing),
        valueStart: m.start + thing.start,
        valueEnd: m.start + thing.end,
      });
    });
  }
  return { group, statements };
}

function thingOf(shape: Statement, it: Item): StatementDate | Quantity | Quotation {
  return it.kind === 'date' ? shape.dates[it.index] : it.kind === 'number' ? shape.quantities[it.index] : shape.quotations[it.index];
}

function valueOf(kind: DiscrepancyKind, thing: StatementDate | Quantity | Quotation): string {
  return kind === 'date' ? (thing as StatementDate).value : thing.text;
}

/** Words that say what a group is about: the context words most of its items share, as the first statement writes them. */
function subjectOf(index: StatementIndex, options: ScanOptions, group: Item[], first: DiscrepancyStatement): string {
  const kind = group[0].kind;
  const shapes = group.map(it => ({ shape: index.shapeOf(it.cls), it }));
  if (kind === 'quote') {
    const quote = shapes.map(({ shape, it }) => shape.quotations[it.index]).sort((a, b) => b.text.length - a.text.length)[0];
    const speaker = shapes.map(({ shape, it }) => shape.quotations[it.index].speaker).find(s => s?.entity);
    const name = speaker?.entity ? (options.nameOf?.(speaker.entity) ?? speaker.text) : undefined;
    const words = quote.text
      .trim()
      .replace(/[,.;:]+$/, '')
      .split(/\s+/);
    const opening = words.length > 8 ? `${words.slice(0, 8).join(' ')}…` : words.join(' ');
    return name ? `${name}: "${opening}"` : `"${opening}"`;
  }
  const counts = new Map<string, number>();
  for (const { shape, it } of shapes) {
    const thing = thingOf(shape, it) as StatementDate | Quantity;
    for (const w of thing.context) counts.set(w, (counts.get(w) ?? 0) + 1);
  }
  const common = new Set([...counts].filter(([, n]) => n >= 2).map(([w]) => w));
  // the first statement's words, cut from its text (a statement starts and ends at whole characters)
  const text = first.text;
  const tok = tokenize(text, 0, text.length);
  const chosen: number[] = [];
  const taken = new Set<string>();
  tok.lower.forEach((w, i) => {
    const keys: string[] = [];
    contentKeys(w, keys);
    if (keys.some(k => common.has(k) && !taken.has(k)) && chosen.length < 5) {
      keys.forEach(k => taken.add(k));
      chosen.push(i);
    }
  });
  // the words as written, with the small words between them when they are close ("signed a memorandum of understanding")
  const a = chosen[0];
  const b = chosen[chosen.length - 1];
  const words = !chosen.length
    ? []
    : b - a <= 2 * chosen.length
      ? [text.slice(tok.start[a], tok.end[b])]
      : chosen.map(i => text.slice(tok.start[i], tok.end[i]));
  const names = [...common]
    .filter(w => !taken.has(w))
    .map(e => options.nameOf?.(e))
    .filter((n): n is string => !!n)
    .slice(0, 2);
  const about = [...words, ...(names.length ? [`(${names.join(', ')})`] : [])].join(' ');
  if (kind === 'number') {
    const q = shapes[0].shape.quantities[shapes[0].it.index];
    const unit = q.head || q.unit;
    return about ? `${unit}: ${about}` : unit;
  }
  return about || dateLabel(shapes[0].shape.dates[shapes[0].it.index]);
}
