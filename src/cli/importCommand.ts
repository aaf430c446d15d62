import { parseArgs } from 'node:util';
import { importIntoWorkspace, isAbsolutePath, shownPath, Workspace } from '../core';
import { toCorePath } from '../node/nodeFileSystem';
import { reportAll, say, UsageError, type Cli } from './host';

export const IMPORT_USAGE = `marginalia import --format brat|w3c -i SOURCE FOLDER
    SOURCE: a BRAT folder (.txt/.ann) or a W3C .jsonld file; FOLDER: the articles, whose sidecars receive the annotations.`;

/**
 * `marginalia import` (docs/contracts.md): an earlier export merged into the sidecars of the
 * articles under FOLDER, each saved under the write policy; a sidecar that cannot be read or has
 * errors is named and left as it is.
 */
export async function runImport(cli: Cli, args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { format: { type: 'string' }, input: { type: 'string', short: 'i' } } });
  if (values.format !== 'brat' && values.format !== 'w3c') throw new UsageError('--format must be brat or w3c');
  if (!values.input) throw new UsageError('import needs -i SOURCE');
  if (positionals.length !== 1) throw new UsageError('import needs one FOLDER of articles');
  const [folder] = positionals;
  const source = toCorePath(values.input);
  const summary = await importIntoWorkspace(new Workspace(cli.fs, toCorePath(folder)), values.format, { fs: cli.fs, path: source });
  const problems = summary.problems.map(p => ({
    path: p.path === source ? values.input! : isAbsolutePath(p.path) ? p.path : shownPath(folder, p.path),
    message: p.message,
  }));
  const status = reportAll(cli, problems);
  say(cli, `${summary.added} annotations added, ${summary.updated} updated, in ${summary.sidecars} sidecars`);
  return status;
}
