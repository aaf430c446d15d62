import { parseArgs } from 'node:util';
import { corpusDocuments, isIsoDay, printableJson, recognizedRecord, withDates, type CorpusProblem } from '../core';
import { CORPUS_OPTIONS, readDates } from './corpusInputs';
import { inputsOf, reportProblem, UsageError, type Cli } from './host';

export const RECOGNIZE_USAGE = 'marginalia recognize [--dct YYYY-MM-DD] [--dates FILE] PATH...    (one JSON line per document, for `link`)';

/**
 * `marginalia recognize` (docs/contracts.md): the map step of a sharded analysis. Each article
 * under PATH is read, recognized and printed as one line before the next is read.
 */
export async function runRecognize(cli: Cli, args: string[]): Promise<number> {
  const { dct, dates: datesFile } = CORPUS_OPTIONS;
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { dct, dates: datesFile } });
  if (values.dct !== undefined && !isIsoDay(values.dct)) throw new UsageError('--dct must be YYYY-MM-DD');
  const inputs = inputsOf(positionals);
  const dates = await readDates(cli, values);
  const problems: CorpusProblem[] = [];
  let reported = 0;
  const reportNew = () => {
    for (; reported < problems.length; reported++) reportProblem(cli, problems[reported].path, problems[reported].message);
  };
  for await (const doc of corpusDocuments(cli.fs, inputs, {}, problems)) {
    const [dated] = withDates([doc], dates);
    cli.stdout(printableJson(JSON.stringify(recognizedRecord(dated, { defaultDct: values.dct }))) + '\n');
    reportNew();
  }
  reportNew();
  return problems.length ? 1 : 0;
}
