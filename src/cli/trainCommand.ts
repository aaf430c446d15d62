import { parseArgs } from 'node:util';
import { resetWorkspaceModel, trainWorkspaceModel, Workspace, WORKSPACE_MODEL_PATH } from '../core';
import { nameModel } from '../core/model/nameModel';
import { toCorePath } from '../node/nodeFileSystem';
import { reportAll, say, UsageError, type Cli } from './host';

export const TRAIN_USAGE = `marginalia train [--reset] --workspace FOLDER
    Learns from the reviews in FOLDER's sidecars and registry; writes ${WORKSPACE_MODEL_PATH}, which analyze then uses. --reset removes it.`;

/**
 * `marginalia train` (docs/contracts.md): the workspace model for names, learned from the
 * reviewers' decisions on top of the shipped model, written under the write policy; or removed.
 */
export async function runTrain(cli: Cli, args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { workspace: { type: 'string' }, reset: { type: 'boolean' } } });
  if (positionals.length) throw new UsageError(`train takes no PATH (the folder is --workspace FOLDER): ${positionals[0]}`);
  if (!values.workspace) throw new UsageError('train needs --workspace FOLDER');
  const workspace = new Workspace(cli.fs, toCorePath(values.workspace));
  if (values.reset) {
    const removed = await resetWorkspaceModel(workspace);
    say(cli, removed ? `removed ${WORKSPACE_MODEL_PATH}: analyze goes back to its default, the rules alone` : `no ${WORKSPACE_MODEL_PATH} to remove`);
    return 0;
  }
  const trained = await trainWorkspaceModel(workspace, nameModel());
  const status = reportAll(
    cli,
    trained.problems.map(message => ({ path: values.workspace!, message })),
  );
  const n = trained.learnedFrom;
  say(
    cli,
    `learned from ${n.person + n.organization + n.place + n.none} reviewed spans in ${n.articles} articles (${n.person} person, ${n.organization} organization, ${n.place} place, ${n.none} not a name); ${WORKSPACE_MODEL_PATH} ${trained.written ? 'written' : 'unchanged'}`,
  );
  return status;
}
