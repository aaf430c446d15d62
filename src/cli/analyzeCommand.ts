import { parseArgs } from 'node:util';
import { printableJson } from '../core';
import { allProblems, analyzeInputs, CORPUS_OPTIONS, readInputs } from './corpusInputs';
import { reportAll, UsageError, type Cli } from './host';
import { RECOGNIZER_OPTIONS, recognizerTimeout, withSuggestions } from './recognizerSuggestions';
import { formatTable } from './table';

export const ANALYZE_USAGE = `marginalia analyze [--dct YYYY-MM-DD] [--dates FILE] [--registry FILE] [--format json|table] [--recognizer CMD [--recognizer-timeout SECONDS]] PATH...
    --recognizer: CMD gets each document on stdin and prints JSON Lines spans, given as "suggestions" (json).`;

/**
 * `marginalia analyze` (docs/contracts.md): mentions and entities of the articles under PATH, as
 * JSON or a table; with `--recognizer`, an external recognizer's suggestions beside them.
 */
export async function runAnalyze(cli: Cli, args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { ...CORPUS_OPTIONS, ...RECOGNIZER_OPTIONS, format: { type: 'string' } } });
  const format = values.format ?? (process.stdout.isTTY ? 'table' : 'json');
  if (format !== 'json' && format !== 'table') throw new UsageError(`--format must be json or table, not ${format}`);
  if (values['recognizer-timeout'] !== undefined && values.recognizer === undefined) throw new UsageError('--recognizer-timeout needs --recognizer');
  if (values.recognizer !== undefined && values.recognizer.trim() === '') throw new UsageError('--recognizer needs a command');
  const timeoutMs = recognizerTimeout(values['recognizer-timeout']);
  const corpus = await readInputs(cli, positionals, values);
  const analysis = await analyzeInputs(cli, corpus, values);
  const problems = allProblems(corpus, analysis);
  const output = values.recognizer === undefined ? analysis : {
    ...analysis,
    documents: await withSuggestions(analysis, new Map(corpus.documents.map(d => [d.path, d.text])), values.recognizer, timeoutMs, problems),
  };
  cli.stdout(format === 'json' ? printableJson(JSON.stringify(output, null, 1)) + '\n' : formatTable(analysis));
  return reportAll(cli, problems);
}
