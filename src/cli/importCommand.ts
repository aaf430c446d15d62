import { parseArgs } from 'node:util';
import {
  ANNOTATION_STATUSES,
  IMPORT_FORMATS,
  importIntoWorkspace,
  isAbsolutePath,
  shownPath,
  Workspace,
  type AnnotationStatus,
  type ImportFormat,
} from '../core';
import { toCorePath } from '../node/nodeFileSystem';
import { reportAll, say, UsageError, type Cli } from './host';

export const IMPORT_USAGE = `marginalia import --format brat|w3c|conll|jsonl|doccano|csv [--status STATUS] [--source NAME] -i SOURCE FOLDER
    SOURCE: a BRAT folder (.txt/.ann) or a file of the other formats; FOLDER: the articles, whose sidecars receive the annotations.
    conll, jsonl, doccano and csv spans are added as suggested (--status: another status) with source NAME (default FORMAT:FILE).`;

/**
 * `marginalia import` (docs/contracts.md): an earlier export, or another tool's spans as
 * suggestions, merged into the sidecars of the articles under FOLDER, each saved under the write
 * policy; a sidecar that cannot be read or has errors, or an article whose text is not the one in
 * SOURCE, is named and left as it is.
 */
export async function runImport(cli: Cli, args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { format: { type: 'string' }, input: { type: 'string', short: 'i' }, status: { type: 'string' }, source: { type: 'string' } },
  });
  const format = values.format as ImportFormat;
  if (!IMPORT_FORMATS.includes(format)) throw new UsageError(`--format must be one of ${IMPORT_FORMATS.join(', ')}`);
  if (values.status !== undefined && !(ANNOTATION_STATUSES as readonly string[]).includes(values.status)) {
    throw new UsageError(`--status must be one of ${ANNOTATION_STATUSES.join(', ')}`);
  }
  if ((values.status !== undefined || values.source !== undefined) && (format === 'brat' || format === 'w3c')) {
    throw new UsageError('--status and --source are for conll, jsonl, doccano and csv (brat and w3c carry their own)');
  }
  if (values.source === '') throw new UsageError('--source must not be empty');
  if (!values.input) throw new UsageError('import needs -i SOURCE');
  if (positionals.length !== 1) throw new UsageError('import needs one FOLDER of articles');
  const [folder] = positionals;
  const source = toCorePath(values.input);
  const options = { ...(values.status ? { status: values.status as AnnotationStatus } : {}), ...(values.source ? { source: values.source } : {}) };
  const summary = await importIntoWorkspace(new Workspace(cli.fs, toCorePath(folder)), format, { fs: cli.fs, path: source }, options);
  const problems = summary.problems.map(p => ({
    path: p.path === source ? values.input! : isAbsolutePath(p.path) ? p.path : shownPath(folder, p.path),
    message: p.message,
  }));
  const status = reportAll(cli, problems);
  say(cli, `${summary.added} annotations added, ${summary.updated} updated, in ${summary.sidecars} sidecars`);
  return status;
}
