import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { analyze } from '../core';
import { dateFor, parseDatesFile } from './publicationDates';
import { readCorpus } from './readCorpus';
import { formatTable } from './table';

const USAGE = `Usage:
  marginalia analyze [--dct YYYY-MM-DD] [--dates FILE] [--format json|table] PATH...
`;

class UsageError extends Error {}

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (command === 'analyze') return runAnalyze(rest);
  if (command === '--help' || command === '-h' || command === 'help') {
    process.stdout.write(USAGE);
    return 0;
  }
  throw new UsageError(command ? `unknown command: ${command}` : 'no command given');
}

async function runAnalyze(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { dct: { type: 'string' }, dates: { type: 'string' }, format: { type: 'string' } },
  });
  const format = values.format ?? (process.stdout.isTTY ? 'table' : 'json');
  if (format !== 'json' && format !== 'table') throw new UsageError(`--format must be json or table, not ${format}`);
  if (values.dct !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(values.dct)) throw new UsageError('--dct must be YYYY-MM-DD');
  if (positionals.length === 0) throw new UsageError('analyze needs at least one PATH');

  const dates = values.dates ? parseDatesFile(await readFile(values.dates, 'utf8')) : new Map<string, string>();
  const corpus = await readCorpus(positionals);
  const documents = corpus.documents.map(doc => ({ ...doc, dct: dateFor(dates, doc.path) }));
  const analysis = analyze(documents, { defaultDct: values.dct });
  for (const p of corpus.problems) process.stderr.write(`marginalia: ${p.path}: ${p.message}\n`);
  process.stdout.write(format === 'json' ? JSON.stringify(analysis, null, 1) + '\n' : formatTable(analysis));
  return corpus.problems.length ? 1 : 0;
}

main(process.argv.slice(2)).then(
  code => { process.exitCode = code; },
  (e: unknown) => {
    const usage = e instanceof UsageError || (e as { code?: string }).code?.startsWith('ERR_PARSE_ARGS');
    process.stderr.write(`marginalia: ${e instanceof Error ? e.message : String(e)}\n${usage ? USAGE : ''}`);
    process.exitCode = usage ? 2 : 1;
  },
);
