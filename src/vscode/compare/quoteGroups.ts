// The Quotes view's content (quoteTree.ts), computed where the statements are (statementJobs.ts:
// the worker, or the extension host without it): every named speaker's quotations across the
// articles, the variants of one quotation grouped. No `vscode` import.
import {
  detached,
  finish,
  quoteWords,
  relateQuotes,
  sortSteps,
  STEP_UNITS,
  withTextsSteps,
  type QuoteRelation,
  type StatementIndex,
  type Steps,
} from '../../core';

/** One quotation in one article. */
export interface QuoteReport {
  path: string;
  /** The quotation's words (UTF-16 offsets into the article). */
  start: number;
  end: number;
  text: string;
  /** The statement around it. */
  statement: string;
}

/** The reports of one quotation: its variants together. */
export interface QuoteGroup {
  reports: QuoteReport[];
  /** The longest wording, shown as the quotation. */
  text: string;
  /** How the wordings differ from it: the worst of `words`, `spelling`, `punctuation`. */
  differs?: QuoteRelation;
}

/** The quotations of one speaker entity, grouped. */
export interface SpeakerQuotes {
  entity: string;
  groups: QuoteGroup[];
}

/** Every named speaker's quotations, grouped: a quotation and its variants (fragments, other spellings or words) in one group. */
export function quotesBySpeaker(index: StatementIndex, textOf: (path: string) => string | undefined): SpeakerQuotes[] {
  return finish(quoteSteps(index, textOf));
}

/** quotesBySpeaker in steps (each article's text read in one), for the host that runs it in slices. */
export function* quoteSteps(index: StatementIndex, textOf: (path: string) => string | undefined): Steps<SpeakerQuotes[]> {
  // every report first, then quoted article by article (each text read once: withTexts)
  const found: { path: string; entity: string; statement: [number, number]; report: QuoteReport }[] = [];
  for (const c of index.classIds()) {
    const quotations = index.shapeOf(c).quotations.filter(q => q.speaker?.entity);
    if (!quotations.length) continue;
    yield* index.eachMemberSteps(c, m => {
      for (const q of quotations) {
        const report = { path: m.path, start: m.start + q.start, end: m.start + q.end, text: q.text, statement: '' };
        found.push({ path: m.path, entity: q.speaker!.entity!, statement: [m.start, m.end], report });
      }
    });
  }
  const bySpeaker = new Map<string, QuoteReport[]>();
  const quoted = yield* withTextsSteps(found, textOf, ({ statement, report }, text) => (report.statement = detached(text, ...statement)));
  for (let i = 0; i < quoted.length; i++) {
    const { entity, report } = quoted[i];
    const list = bySpeaker.get(entity);
    if (list) list.push(report);
    else bySpeaker.set(entity, [report]);
    if (i % STEP_UNITS === STEP_UNITS - 1) yield;
  }
  const out: SpeakerQuotes[] = [];
  for (const [entity, reports] of bySpeaker) {
    out.push({ entity, groups: yield* groupVariants(reports) });
  }
  return out;
}

/**
 * Reports of one speaker grouped by quotation: two wordings that are not unrelated (relateQuotes)
 * are one quotation. In steps of a wording each: a speaker quoted across 100,000 articles has
 * hundreds of thousands of reports of a few thousand wordings, compared pairwise.
 */
function* groupVariants(reports: QuoteReport[]): Steps<QuoteGroup[]> {
  const byText = new Map<string, QuoteReport[]>();
  for (let i = 0; i < reports.length; i++) {
    const same = byText.get(reports[i].text);
    if (same) same.push(reports[i]);
    else byText.set(reports[i].text, [reports[i]]);
    if (i % STEP_UNITS === STEP_UNITS - 1) yield;
  }
  const texts = [...byText.keys()];
  const words = texts.map(quoteWords);
  const parent = texts.map((_, i) => i);
  const find = (x: number): number => (parent[x] === x ? x : (parent[x] = find(parent[x])));
  for (let i = 0; i < texts.length; i++) {
    for (let j = i + 1; j < texts.length; j++) if (relateQuotes(words[i], words[j]) !== 'unrelated') parent[find(i)] = find(j);
    yield;
  }
  const groups = new Map<number, { texts: number[]; longest: number }>();
  texts.forEach((text, i) => {
    const root = find(i);
    const group = groups.get(root);
    if (!group) groups.set(root, { texts: [i], longest: i });
    else {
      group.texts.push(i);
      if (text.length > texts[group.longest].length) group.longest = i;
    }
  });
  const ranks: QuoteRelation[] = ['words', 'spelling', 'punctuation'];
  const out: QuoteGroup[] = [];
  for (const { texts: members, longest } of groups.values()) {
    const group: QuoteGroup = { reports: [], text: texts[longest] };
    const relations = new Set<QuoteRelation | 'same'>();
    for (const i of members) {
      const same = byText.get(texts[i])!;
      for (let k = 0; k < same.length; k++) {
        group.reports.push(same[k]);
        if (k % STEP_UNITS === STEP_UNITS - 1) yield;
      }
      relations.add(i === longest ? 'same' : relateQuotes(words[longest], words[i]));
    }
    group.differs = ranks.find(r => relations.has(r));
    group.reports = yield* sortSteps(group.reports, (a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : a.start - b.start));
    out.push(group);
    yield;
  }
  return out.sort((a, b) => b.reports.length - a.reports.length);
}
