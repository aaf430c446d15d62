import { parseArgs } from 'node:util';
import {
  agreementCsv,
  collectAgainst,
  collectByAuthor,
  computeAgreement,
  folderSidecars,
  printableJson,
  relativeTo,
  type ArticleInput,
  type SidecarSource,
} from '../core';
import { gitSidecars } from '../node/gitSidecars';
import { toCorePath } from '../node/nodeFileSystem';
import { agreementTable } from './agreementTable';
import { readInputs } from './corpusInputs';
import { reportAll, say, UsageError, type Cli } from './host';

export const AGREEMENT_USAGE = 'marginalia agreement [--by author | --against REV | --with FOLDER] [--format json|csv|table] PATH...';

/**
 * `marginalia agreement` (docs/contracts.md): how far reviewers agree on the articles under PATH,
 * by the authors of the annotations, or the workspace against a git revision or another folder.
 */
export async function runAgreement(cli: Cli, args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { by: { type: 'string' }, against: { type: 'string' }, with: { type: 'string' }, format: { type: 'string' } },
  });
  if ([values.by, values.against, values.with].filter(v => v !== undefined).length > 1)
    throw new UsageError('give one of --by author, --against REV, --with FOLDER');
  if (values.by !== undefined && values.by !== 'author') throw new UsageError(`--by must be author, not ${values.by}`);
  const format = values.format ?? (process.stdout.isTTY ? 'table' : 'json');
  if (format !== 'json' && format !== 'csv' && format !== 'table') throw new UsageError(`--format must be json, csv or table, not ${format}`);
  const corpus = await readInputs(cli, positionals, {});
  // Paths in the report, and in the other place, are relative to the one input folder, else to the current folder.
  const single = positionals.length === 1 && (await cli.fs.stat(toCorePath(positionals[0])))?.type === 'directory';
  const root = toCorePath(single ? positionals[0] : '.');
  const articles: ArticleInput[] = corpus.documents.map(doc => ({
    file: doc.file,
    path: relativeTo(root, doc.file, cli.fs.caseInsensitive) ?? doc.path,
    text: doc.text,
    annotations: doc.sidecar.status === 'missing' ? undefined : doc.annotations,
  }));
  const sourceProblems: { path: string; message: string }[] = [];
  let other: SidecarSource | undefined;
  if (values.against !== undefined) {
    other = await gitSidecars(values.against, root).catch((e: Error) => {
      throw new UsageError(e.message);
    });
  } else if (values.with !== undefined) {
    if ((await cli.fs.stat(toCorePath(values.with)))?.type !== 'directory') throw new UsageError(`--with: no folder ${values.with}`);
    other = folderSidecars(cli.fs, toCorePath(values.with), root, values.with, sourceProblems);
  }
  const collected = other ? await collectAgainst(articles, other) : collectByAuthor(articles);
  const report = computeAgreement(collected.documents, collected.reviewers);
  cli.stdout(format === 'json' ? printableJson(JSON.stringify(report, null, 1)) + '\n' : format === 'csv' ? agreementCsv(report) : agreementTable(report));
  if (collected.reviewers.length < 2) say(cli, `fewer than two reviewers (${collected.reviewers.join(', ') || 'none'}): nothing to compare`);
  for (const p of collected.problems.filter(p => p.severity === 'warning')) say(cli, `${p.path}: ${p.message}`);
  return reportAll(cli, [...corpus.problems, ...sourceProblems, ...collected.problems.filter(p => p.severity === 'error')]);
}
