import { relative, resolve, sep } from 'node:path';
import { parseArgs } from 'node:util';
import { agreementCsv, collectAgainst, collectByAuthor, computeAgreement, sidecarPathFor, type ArticleInput, type SidecarSource } from '../core';
import { agreementTable } from './agreementTable';
import { readCorpus } from './readCorpus';
import { gitSidecars } from '../node/gitSidecars';
import { exists, folderOf, folderSidecars } from './sidecarSources';

export const AGREEMENT_USAGE = `  marginalia agreement [--by author | --against REV | --with FOLDER] [--format json|csv|table] PATH...
    Agreement of reviewers: the authors of the annotations (default), the workspace against git revision REV, or against the sidecars in FOLDER.
`;

/**
 * `marginalia agreement` (docs/contracts.md): reviewers' agreement on the articles under PATH.
 * Returns the exit status: 0, 1 when an input was bad (named on stderr), 2 on wrong usage.
 */
export async function runAgreement(args: string[]): Promise<number> {
  let values: { by?: string; against?: string; with?: string; format?: string };
  let positionals: string[];
  try {
    ({ values, positionals } = parseArgs({
      args, allowPositionals: true,
      options: { by: { type: 'string' }, against: { type: 'string' }, with: { type: 'string' }, format: { type: 'string' } },
    }));
  } catch (e) {
    return usage((e as Error).message);
  }
  const modes = [values.by, values.against, values.with].filter(v => v !== undefined);
  if (modes.length > 1) return usage('give one of --by author, --against REV, --with FOLDER');
  if (values.by !== undefined && values.by !== 'author') return usage(`--by must be author, not ${values.by}`);
  const format = values.format ?? (process.stdout.isTTY ? 'table' : 'json');
  if (format !== 'json' && format !== 'csv' && format !== 'table') return usage(`--format must be json, csv or table, not ${format}`);
  if (positionals.length === 0) return usage('at least one PATH is needed');

  const corpus = await readCorpus(positionals);
  const root = positionals.length === 1 ? await folderOf(positionals[0]) : process.cwd();
  const articles: ArticleInput[] = [];
  for (const doc of corpus.documents) {
    const hasSidecar = doc.annotations.length > 0 || (await exists(sidecarPathFor(doc.path)));
    articles.push({ file: doc.path, path: relative(root, resolve(doc.path)).split(sep).join('/'), text: doc.text, annotations: hasSidecar ? doc.annotations : undefined });
  }
  let other: SidecarSource | undefined;
  if (values.against !== undefined) {
    try {
      other = await gitSidecars(values.against, root);
    } catch (e) {
      return usage((e as Error).message);
    }
  } else if (values.with !== undefined) {
    if (!(await exists(values.with))) return usage(`--with: no folder ${values.with}`);
    other = folderSidecars(values.with, root);
  }
  const collected = other ? await collectAgainst(articles, other) : collectByAuthor(articles);
  const report = computeAgreement(collected.documents, collected.reviewers);
  process.stdout.write(format === 'json' ? JSON.stringify(report, null, 1) + '\n' : format === 'csv' ? agreementCsv(report) : agreementTable(report));
  for (const p of collected.problems) process.stderr.write(`marginalia: ${p.path}: ${p.message}\n`);
  for (const p of corpus.problems) process.stderr.write(`marginalia: ${p.path}: ${p.message}\n`);
  if (collected.reviewers.length < 2) process.stderr.write(`marginalia: fewer than two reviewers (${collected.reviewers.join(', ') || 'none'}): nothing to compare\n`);
  const bad = corpus.problems.length + collected.problems.filter(p => p.severity === 'error').length;
  return bad > 0 ? 1 : 0;
}

function usage(message: string): number {
  process.stderr.write(`marginalia: ${message}\nUsage:\n${AGREEMENT_USAGE}`);
  return 2;
}
