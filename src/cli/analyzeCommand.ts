import { parseArgs } from 'node:util';
import { allProblems, analyzeInputs, CORPUS_OPTIONS, readInputs } from './corpusInputs';
import { reportAll, type Cli } from './host';
import { analysisFormat, printAnalysis } from './printAnalysis';

export const ANALYZE_USAGE = 'marginalia analyze [--dct YYYY-MM-DD] [--dates FILE] [--registry FILE] [--names rules|model] [--format json|jsonl|table] PATH...';

/** `marginalia analyze` (docs/contracts.md): mentions and entities of the articles under PATH, as JSON, JSON lines or a table. */
export async function runAnalyze(cli: Cli, args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { ...CORPUS_OPTIONS, format: { type: 'string' } } });
  const format = analysisFormat(values.format);
  const corpus = await readInputs(cli, positionals, values);
  const analysis = await analyzeInputs(cli, corpus, values);
  printAnalysis(cli, format, { documents: analysis.documents, entities: () => analysis.entities });
  return reportAll(cli, allProblems(corpus, analysis));
}
