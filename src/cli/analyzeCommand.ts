import { parseArgs } from 'node:util';
import { printableJson } from '../core';
import { allProblems, analyzeInputs, CORPUS_OPTIONS, readInputs } from './corpusInputs';
import { reportAll, UsageError, type Cli } from './host';
import { formatTable } from './table';

export const ANALYZE_USAGE = 'marginalia analyze [--dct YYYY-MM-DD] [--dates FILE] [--registry FILE] [--names rules|model] [--format json|table] PATH...';

/** `marginalia analyze` (docs/contracts.md): mentions and entities of the articles under PATH, as JSON or a table. */
export async function runAnalyze(cli: Cli, args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { ...CORPUS_OPTIONS, format: { type: 'string' } } });
  const format = values.format ?? (process.stdout.isTTY ? 'table' : 'json');
  if (format !== 'json' && format !== 'table') throw new UsageError(`--format must be json or table, not ${format}`);
  const corpus = await readInputs(cli, positionals, values);
  const analysis = await analyzeInputs(cli, corpus, values);
  cli.stdout(format === 'json' ? printableJson(JSON.stringify(analysis, null, 1)) + '\n' : formatTable(analysis));
  return reportAll(cli, allProblems(corpus, analysis));
}
