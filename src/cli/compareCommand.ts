// `marginalia compare`: where the articles of one corpus disagree (dates, figures, quotation wording)
// and their dated statements by day, as JSON or as a Markdown report for an editorial note
// (docs/contracts.md).
import { parseArgs } from 'node:util';
import {
  escapeMarkdown,
  findDiscrepancies,
  lineStarts,
  positionAt,
  printableJson,
  StatementIndex,
  timeline,
  type Analysis,
  type Discrepancy,
  type TimelineDay,
} from '../core';
import { allProblems, analyzeInputs, CORPUS_OPTIONS, readInputs } from './corpusInputs';
import { reportAll, UsageError, type Cli } from './host';

export const COMPARE_USAGE = 'marginalia compare [--dct YYYY-MM-DD] [--dates FILE] [--registry FILE] [--format json|markdown] PATH...';

export interface CompareResult {
  discrepancies: Discrepancy[];
  timeline: TimelineDay[];
}

/** `marginalia compare` (docs/contracts.md): the discrepancies and the timeline of the articles under PATH. */
export async function runCompare(cli: Cli, args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { ...CORPUS_OPTIONS, format: { type: 'string', default: 'json' } } });
  if (values.format !== 'json' && values.format !== 'markdown') throw new UsageError(`--format must be json or markdown, not ${values.format}`);
  const corpus = await readInputs(cli, positionals, values);
  const analysis = await analyzeInputs(cli, corpus, values);
  const texts = new Map(corpus.documents.map(d => [d.path, d.text]));
  const result = compareCorpus(analysis, texts);
  cli.stdout(values.format === 'json' ? printableJson(JSON.stringify(result, null, 1)) + '\n' : markdownReport(result, texts, analysis.documents.length));
  return reportAll(cli, allProblems(corpus, analysis));
}

/** The discrepancies and the timeline of an analyzed corpus whose texts are `texts` (by path). */
export function compareCorpus(analysis: Analysis, texts: ReadonlyMap<string, string>): CompareResult {
  const index = new StatementIndex();
  for (const doc of analysis.documents) index.setDocument({ path: doc.path, text: texts.get(doc.path) ?? '', dct: doc.dct, mentions: doc.mentions });
  const names = new Map(analysis.entities.map(e => [e.id, e.name]));
  const textOf = (path: string) => texts.get(path);
  const discrepancies = findDiscrepancies(index, { textOf, nameOf: id => names.get(id) });
  return { discrepancies, timeline: timeline(index, textOf, discrepancies) };
}

const HEADINGS: Record<Discrepancy['kind'], string> = { date: 'Dates', number: 'Numbers', quote: 'Quotations' };

/**
 * A report a reviewer can paste into an editorial note: each discrepancy with what each article
 * says (article and line, the value, the sentence), then the timeline. Article text is escaped.
 */
export function markdownReport(result: CompareResult, texts: ReadonlyMap<string, string>, articles: number): string {
  const lines: string[] = [];
  const starts = new Map<string, number[]>();
  const lineOf = (path: string, offset: number) => {
    let s = starts.get(path);
    if (!s) starts.set(path, (s = lineStarts(texts.get(path) ?? '')));
    return positionAt(s, offset).line + 1;
  };
  const where = (path: string, offset: number) => `\`${path.replace(/`/g, "'")}\`:${lineOf(path, offset)}`;
  const { discrepancies } = result;
  const count = (kind: Discrepancy['kind']) => discrepancies.filter(d => d.kind === kind).length;
  lines.push(`# Where ${articles} articles disagree`, '');
  lines.push(
    discrepancies.length
      ? `${discrepancies.length} discrepancies: ${count('date')} on dates, ${count('number')} on numbers, ${count('quote')} on the wording of quotations. Dates are normalized against each article's publication date; figures that can be the same ("over 150" and "more than 150", "dozens" and "about 40") are not listed.`
      : 'No discrepancies: where the articles report the same thing, their dates, figures and quotations agree.',
  );
  let n = 0;
  for (const kind of ['date', 'number', 'quote'] as const) {
    const group = discrepancies.filter(d => d.kind === kind);
    if (!group.length) continue;
    lines.push('', `## ${HEADINGS[kind]}`);
    for (const d of group) {
      lines.push('', `### ${++n}. ${escapeMarkdown(d.subject)}`, '', '| article | says | statement |', '|---|---|---|');
      for (const s of d.statements) {
        const written = kind === 'date' ? ` (${escapeMarkdown((texts.get(s.path) ?? '').slice(s.valueStart, s.valueEnd))})` : '';
        lines.push(`| ${where(s.path, s.start)} | **${escapeMarkdown(s.value)}**${written} | ${escapeMarkdown(s.text)} |`);
      }
    }
  }
  if (result.timeline.length) {
    lines.push('', '## Timeline', '', 'Statements by the day they date, from every article; ⚠ marks a statement in a date discrepancy above.');
    for (const day of result.timeline) {
      lines.push('', `### ${day.date}`, '');
      for (const s of day.statements) {
        const mark = s.discrepancy !== undefined ? `⚠ (${s.discrepancy + 1}) ` : '';
        lines.push(`- ${mark}${where(s.path, s.start)}: ${escapeMarkdown(s.text)}`);
      }
    }
  }
  return lines.join('\n') + '\n';
}
