import { parseArgs } from 'node:util';
import {
  EXPORT_FORMATS,
  exportAnnotations,
  exportFailure,
  parentOf,
  relativeTo,
  writeExport,
  type CorpusDocument,
  type CorpusProblem,
  type ExportFormat,
} from '../core';
import { toCorePath } from '../node/nodeFileSystem';
import { allProblems, analyzeInputs, CORPUS_OPTIONS, readInputs } from './corpusInputs';
import { reportAll, reportProblem, say, UsageError, type Cli } from './host';

export const EXPORT_USAGE = `marginalia export --format ${EXPORT_FORMATS.join('|')} [--include-suggestions] [--include-rejected] [--force] -o OUT PATH...`;

/**
 * `marginalia export` (docs/contracts.md): the annotation sets of the articles under PATH, written
 * into OUT under the write policy (never over an article, nor over a file no export wrote without
 * `--force`). A document whose sidecar cannot be read is left out, and named.
 */
export async function runExport(cli: Cli, args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      ...CORPUS_OPTIONS,
      format: { type: 'string' },
      output: { type: 'string', short: 'o' },
      'include-suggestions': { type: 'boolean', default: false },
      'include-rejected': { type: 'boolean', default: false },
      force: { type: 'boolean', default: false },
    },
  });
  const format = values.format as ExportFormat | undefined;
  if (!format || !EXPORT_FORMATS.includes(format)) throw new UsageError(`--format must be one of ${EXPORT_FORMATS.join(', ')}`);
  if (!values.output) throw new UsageError('export needs -o OUT (a folder)');
  const includeSuggestions = values['include-suggestions'];
  const corpus = await readInputs(cli, positionals, values);
  const analysis = includeSuggestions ? await analyzeInputs(cli, corpus, values) : undefined;
  const left: CorpusProblem[] = [];
  const exported = corpus.documents.flatMap((doc, i) => {
    if (doc.sidecar.status === 'ok' || doc.sidecar.status === 'missing') return [{ doc, mentions: analysis?.documents[i].mentions }];
    left.push({ path: doc.path, message: 'left out of the export: its sidecar cannot be read' });
    return [];
  });
  const root = exportRoot(
    positionals,
    exported.map(e => e.doc),
  );
  const result = await exportAnnotations(
    format,
    exported.map(({ doc, mentions }) => ({
      path: relativeTo(root, doc.file, cli.fs.caseInsensitive)!,
      text: doc.text,
      annotations: doc.annotations,
      mentions,
    })),
    { includeSuggestions, includeRejected: values['include-rejected'], registry: corpus.registry },
  );
  const problems = [...allProblems(corpus, analysis), ...left];
  let written: string[];
  try {
    written = await writeExport(cli.fs, toCorePath(values.output), result.files, {
      force: values.force,
      protect: corpus.documents.flatMap(d => [d.file, d.sidecar.path]),
    });
  } catch (e) {
    say(cli, exportFailure(e));
    reportAll(cli, problems);
    return 1;
  }
  for (const p of result.problems) reportProblem(cli, p.annotation ? `${p.path} (${p.annotation})` : p.path, p.message);
  say(cli, `exported ${result.spans} spans of ${exported.length} documents to ${written.length} files in ${values.output}`);
  return reportAll(cli, problems);
}

/**
 * The folder that document paths in an export are relative to: the one input folder; else the
 * current folder when every document is under it; else the deepest folder holding them all.
 */
function exportRoot(paths: readonly string[], documents: readonly CorpusDocument[]): string {
  const holdsAll = (folder: string) => documents.every(d => relativeTo(folder, d.file) !== undefined);
  if (paths.length === 1 && !/\.(txt|md)$/i.test(paths[0]) && holdsAll(toCorePath(paths[0]))) return toCorePath(paths[0]);
  const cwd = toCorePath('.');
  if (documents.length === 0 || holdsAll(cwd)) return cwd;
  let root = parentOf(documents[0].file);
  while (!holdsAll(root)) root = parentOf(root);
  return root;
}
