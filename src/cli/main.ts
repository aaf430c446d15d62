import { readFile } from 'node:fs/promises';
import { relative, resolve, sep } from 'node:path';
import { parseArgs } from 'node:util';
import { analyze, applyRegistry, EXPORT_FORMATS, exportAnnotations, type Analysis, type ExportFormat } from '../core';
import { AGREEMENT_USAGE, runAgreement } from './agreementCommand';
import { importAnnotations } from './importCommand';
import { dateFor, parseDatesFile } from './publicationDates';
import { readCorpus, type ReadCorpus } from './readCorpus';
import { formatTable } from './table';
import { writeFilesAtomically } from './writeFiles';

const USAGE = `Usage:
  marginalia analyze [--dct YYYY-MM-DD] [--dates FILE] [--format json|table] PATH...
  marginalia export --format ${EXPORT_FORMATS.join('|')} [--include-suggestions] [--include-rejected] -o OUT PATH...
  marginalia import --format brat|w3c -i SOURCE FOLDER
    SOURCE: a BRAT folder (.txt/.ann) or a W3C .jsonld file; FOLDER: the articles, whose sidecars receive the annotations.
${AGREEMENT_USAGE}`;

class UsageError extends Error {}

const DATE_OPTIONS = { dct: { type: 'string' }, dates: { type: 'string' } } as const;

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (command === 'analyze') return runAnalyze(rest);
  if (command === 'export') return runExport(rest);
  if (command === 'import') return runImport(rest);
  if (command === 'agreement') return runAgreement(rest);
  if (command === '--help' || command === '-h' || command === 'help') {
    process.stdout.write(USAGE);
    return 0;
  }
  throw new UsageError(command ? `unknown command: ${command}` : 'no command given');
}

async function runAnalyze(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { ...DATE_OPTIONS, format: { type: 'string' } } });
  const format = values.format ?? (process.stdout.isTTY ? 'table' : 'json');
  if (format !== 'json' && format !== 'table') throw new UsageError(`--format must be json or table, not ${format}`);
  const corpus = await readInputs(positionals);
  const analysis = await analyzeCorpus(corpus, values);
  process.stdout.write(format === 'json' ? JSON.stringify(analysis, null, 1) + '\n' : formatTable(analysis));
  return reportProblems(corpus, analysis);
}

async function runExport(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      ...DATE_OPTIONS,
      format: { type: 'string' },
      output: { type: 'string', short: 'o' },
      'include-suggestions': { type: 'boolean', default: false },
      'include-rejected': { type: 'boolean', default: false },
    },
  });
  const format = values.format as ExportFormat | undefined;
  if (!format || !EXPORT_FORMATS.includes(format)) throw new UsageError(`--format must be one of ${EXPORT_FORMATS.join(', ')}`);
  if (!values.output) throw new UsageError('export needs -o OUT (a folder)');
  const includeSuggestions = values['include-suggestions'];
  const corpus = await readInputs(positionals);
  const analysis = includeSuggestions ? await analyzeCorpus(corpus, values) : undefined;
  const root = commonRoot(positionals);
  const result = await exportAnnotations(format, corpus.documents.map((doc, i) => ({
    path: relative(root, resolve(doc.path)).split(sep).join('/'),
    text: doc.text,
    annotations: doc.annotations,
    mentions: analysis?.documents[i].mentions,
  })), { includeSuggestions, includeRejected: values['include-rejected'], registry: corpus.registry });
  const written = await writeFilesAtomically(values.output, result.files);
  for (const p of result.problems) process.stderr.write(`marginalia: ${p.path}${p.annotation ? ` (${p.annotation})` : ''}: ${p.message}\n`);
  process.stderr.write(`marginalia: exported ${result.spans} spans of ${corpus.documents.length} documents to ${written.length} files in ${values.output}\n`);
  return reportProblems(corpus, analysis);
}

async function runImport(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { format: { type: 'string' }, input: { type: 'string', short: 'i' } } });
  if (values.format !== 'brat' && values.format !== 'w3c') throw new UsageError('--format must be brat or w3c');
  if (!values.input) throw new UsageError('import needs -i SOURCE');
  if (positionals.length !== 1) throw new UsageError('import needs one FOLDER of articles');
  const summary = await importAnnotations(values.format, values.input, positionals[0]);
  for (const p of summary.problems) process.stderr.write(`marginalia: ${p.path}: ${p.message}\n`);
  process.stderr.write(`marginalia: ${summary.added} annotations added, ${summary.updated} updated, in ${summary.sidecars} sidecars\n`);
  return summary.problems.length ? 1 : 0;
}

function readInputs(paths: string[]): Promise<ReadCorpus> {
  if (paths.length === 0) throw new UsageError('at least one PATH is needed');
  return readCorpus(paths);
}

/** One corpus analysis of the inputs, with publication dates in the contract's order and the registry applied. */
async function analyzeCorpus(corpus: ReadCorpus, values: { dct?: string; dates?: string }): Promise<Analysis> {
  if (values.dct !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(values.dct)) throw new UsageError('--dct must be YYYY-MM-DD');
  const dates = values.dates ? parseDatesFile(await readFile(values.dates, 'utf8')) : new Map<string, string>();
  const documents = corpus.documents.map(doc => (doc.dctFromSidecar ? doc : { ...doc, dct: dateFor(dates, doc.path) }));
  const analysis = analyze(documents, { defaultDct: values.dct });
  return corpus.registry ? applyRegistry(analysis, corpus.registry) : analysis;
}

/** Problems met reading the inputs, then those met analyzing them (a document too long to analyze whole). */
function reportProblems(corpus: ReadCorpus, analysis?: Analysis): number {
  const problems = [...corpus.problems, ...(analysis?.documents ?? []).flatMap(d => (d.warnings ?? []).map(message => ({ path: d.path, message })))];
  for (const p of problems) process.stderr.write(`marginalia: ${p.path}: ${p.message}\n`);
  return problems.length ? 1 : 0;
}

/** The folder that document paths in exports are relative to: the one input folder, else the current one. */
function commonRoot(paths: string[]): string {
  return paths.length === 1 && !/\.(txt|md)$/i.test(paths[0]) ? resolve(paths[0]) : process.cwd();
}

main(process.argv.slice(2)).then(
  code => { process.exitCode = code; },
  (e: unknown) => {
    const usage = e instanceof UsageError || (e as { code?: string }).code?.startsWith('ERR_PARSE_ARGS');
    process.stderr.write(`marginalia: ${e instanceof Error ? e.message : String(e)}\n${usage ? USAGE : ''}`);
    process.exitCode = usage ? 2 : 1;
  },
);
