import { parseArgs } from 'node:util';
import { allProblems, analyzeInputs, CORPUS_OPTIONS, prepareAnalysis, printInputsAnalysis, readInputs } from './corpusInputs';
import { reportAll, UsageError, type Cli } from './host';
import { analysisFormat, printAnalysis } from './printAnalysis';
import { RECOGNIZER_OPTIONS, recognizerTimeout, withSuggestions } from './recognizerSuggestions';

export const ANALYZE_USAGE = `marginalia analyze [--dct YYYY-MM-DD] [--dates FILE] [--registry FILE] [--names rules|model] [--threads N] [--format json|jsonl|table] [--recognizer CMD [--recognizer-timeout SECONDS]] PATH...
    --names: default the workspace model of the first PATH (marginalia train) when it has one, else the rules alone.
    --threads: how many threads recognize the documents, one of them the dates (default: one per core but one, two on two cores); the output is the same.
    --recognizer: CMD gets each document on stdin and prints JSON Lines spans, given as "suggestions" (json, jsonl).`;

/**
 * `marginalia analyze` (docs/contracts.md): mentions and entities of the articles under PATH, as
 * JSON, JSON lines or a table; with `--recognizer`, an external recognizer's suggestions beside them.
 */
export async function runAnalyze(cli: Cli, args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { ...CORPUS_OPTIONS, ...RECOGNIZER_OPTIONS, format: { type: 'string' } },
  });
  const format = analysisFormat(values.format);
  if (values['recognizer-timeout'] !== undefined && values.recognizer === undefined) throw new UsageError('--recognizer-timeout needs --recognizer');
  if (values.recognizer !== undefined && values.recognizer.trim() === '') throw new UsageError('--recognizer needs a command');
  const timeoutMs = recognizerTimeout(values['recognizer-timeout']);
  const corpus = await readInputs(cli, positionals, values);
  const prepared = await prepareAnalysis(cli, corpus, values);
  if (values.recognizer === undefined) {
    const printed = await printInputsAnalysis(cli, corpus, prepared, format);
    if (printed) return reportAll(cli, printed);
  }
  const analysis = await analyzeInputs(cli, corpus, values, prepared);
  const problems = allProblems(corpus, analysis);
  const documents =
    values.recognizer === undefined
      ? analysis.documents
      : await withSuggestions(analysis, new Map(corpus.documents.map(d => [d.path, d.text])), values.recognizer, timeoutMs, problems);
  printAnalysis(cli, format, { documents, entities: () => analysis.entities });
  return reportAll(cli, problems);
}
