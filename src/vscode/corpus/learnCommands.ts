// Learning from reviews in the editor (issue 15): the reviewers' decisions in the sidecars and the
// registry become the workspace model (.marginalia/model.json, the core's trainWorkspaceModel, run in
// the analysis worker), which the highlights use at once; forgetting it brings the rules back.
import * as vscode from 'vscode';
import { resetWorkspaceModel, WORKSPACE_MODEL_PATH, type TrainedWorkspaceModel, type Workspace } from '../../core';
import type { FeatureCommands } from '../common/commandTable';
import { UserError } from '../common/errors';
import type { Workspaces } from '../common/workspaces';
import type { CorpusService } from './corpusService';

/** What `marginalia.learnFromReviews` returns (docs/contracts.md). */
export interface LearnResult {
  /** The model file, an absolute path. */
  path: string;
  /** False when it already held this very model. */
  written: boolean;
  /** Reviewed spans learned from, by kind (`none`: not a name), and in how many articles. */
  learnedFrom: Record<string, number>;
  /** Mentions in the workspace's index before and after (names and dates). */
  mentions: { before: number; after: number };
}

/** What `marginalia.forgetLearnedModel` returns. */
export interface ForgetResult {
  /** False when there was no model to remove. */
  removed: boolean;
  mentions: { before: number; after: number };
}

/** `folder`: a workspace folder's name or path; absent: the only folder, else the user picks. */
interface FolderArgs {
  folder?: string;
}

export function learnCommands(corpus: CorpusService, workspaces: Workspaces): FeatureCommands<'marginalia.learnFromReviews' | 'marginalia.forgetLearnedModel'> {
  return {
    'marginalia.learnFromReviews': async (args?: FolderArgs): Promise<LearnResult | undefined> => {
      const workspace = await folderOf(workspaces, args);
      if (!workspace) return undefined;
      return vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: 'Marginalia: learning from reviews' }, async progress => {
        progress.report({ message: 'reading the reviews and training…' });
        await corpus.indexed();
        const before = corpus.index.stats().mentions;
        const trained = await corpus.train(workspace);
        refuse(trained);
        progress.report({ message: 'analyzing the articles again…' });
        await corpus.reloadModels();
        await corpus.ready();
        const result: LearnResult = {
          path: trained.path,
          written: trained.written,
          learnedFrom: trained.learnedFrom,
          mentions: { before, after: corpus.index.stats().mentions },
        };
        void vscode.window.showInformationMessage(learnedMessage(result));
        return result;
      });
    },
    'marginalia.forgetLearnedModel': async (args?: FolderArgs): Promise<ForgetResult | undefined> => {
      const workspace = await folderOf(workspaces, args);
      if (!workspace) return undefined;
      await corpus.indexed();
      const before = corpus.index.stats().mentions;
      const removed = await resetWorkspaceModel(workspace);
      await corpus.reloadModels();
      await corpus.ready();
      const after = corpus.index.stats().mentions;
      void vscode.window.showInformationMessage(
        removed
          ? `Marginalia: ${WORKSPACE_MODEL_PATH} removed; names are recognized by the rules again (mentions: ${before} → ${after}).`
          : `Marginalia: there is no learned model (${WORKSPACE_MODEL_PATH}) to forget.`,
      );
      return { removed, mentions: { before, after } };
    },
  };
}

/** Throws, nothing having been written, when reviews could not all be read or there was nothing to learn from. */
function refuse(trained: TrainedWorkspaceModel): void {
  if (trained.problems.length) {
    throw new UserError(
      `Marginalia: cannot learn from reviews: ${trained.problems.join('; ')}. Nothing was written: fix or remove the file${trained.problems.length > 1 ? 's' : ''}, then learn again.`,
    );
  }
  if (trained.id === undefined) {
    throw new UserError(
      'Marginalia: no reviewer has decided on a name yet (confirmed, rejected, merged or marked not an entity), so there is nothing to learn from; nothing was written.',
    );
  }
}

function learnedMessage({ written, learnedFrom: n, mentions }: LearnResult): string {
  const spans = n.person + n.organization + n.place + n.none;
  return (
    `Marginalia learned from ${spans} reviewed span${spans === 1 ? '' : 's'} in ${n.articles} article${n.articles === 1 ? '' : 's'} ` +
    `(${n.person} person, ${n.organization} organization, ${n.place} place, ${n.none} not a name); ` +
    `${WORKSPACE_MODEL_PATH} ${written ? 'written' : 'unchanged'}. Mentions: ${mentions.before} → ${mentions.after}.`
  );
}

/** The workspace folder of `args.folder` (name or path), else the only one, else the user's pick (undefined: cancelled). */
async function folderOf(workspaces: Workspaces, args: FolderArgs | undefined): Promise<Workspace | undefined> {
  const all = await workspaces.all();
  if (!all.length) throw new UserError('Marginalia: open a folder first: a learned model belongs to a workspace folder.');
  if (args?.folder !== undefined) {
    const named = all.find(w => w.root === args.folder || w.root.split('/').pop() === args.folder);
    if (!named) throw new UserError(`Marginalia: no workspace folder ${args.folder}.`);
    return named;
  }
  if (all.length === 1) return all[0];
  const picked = await vscode.window.showQuickPick(
    all.map(w => ({ label: w.root.split('/').pop() ?? w.root, description: w.root, workspace: w })),
    { placeHolder: 'The workspace folder whose reviews to use' },
  );
  return picked?.workspace;
}
