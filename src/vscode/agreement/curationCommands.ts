import * as vscode from 'vscode';
import { applyCuration, curate, type CurationChoice, type Disagreement } from '../../core';
import type { AnnotationStore } from '../annotations/annotationStore';
import { pickLabel } from '../annotations/labels';
import { annotationsOf } from '../annotations/lookup';
import { currentAuthor } from '../common/author';
import type { FeatureCommands } from '../common/commandTable';
import { UserError } from '../common/errors';
import type { AgreementService } from './agreementService';
import type { DisagreementNode, DisagreementTree } from './disagreementTree';
import { describeVersion, short, versionsOf } from './openPlaces';

/** `marginalia.curate`'s argument (docs/contracts.md). */
interface CurateArgs {
  /** The document as the report names it (workspace-relative); with `at`, which disagreement. */
  document?: string;
  /** An offset (UTF-16) inside the disagreement. */
  at?: number;
  decision?: CurationChoice['decision'];
  reviewer?: string;
  start?: number;
  end?: number;
  label?: string;
  entity?: string;
  note?: string;
}

type Ids =
  | 'marginalia.curate'
  | 'marginalia.internal.takeVersion'
  | 'marginalia.internal.curateBoth'
  | 'marginalia.internal.curateNeither'
  | 'marginalia.internal.curateEdit';

/**
 * Settling disagreements: `marginalia.curate` (palette and scripts) and the view's row actions
 * (take this version, both, neither, edit). The curated annotation is written through the
 * annotation store (atomic, merged with changes on disk), then the document is compared again.
 */
export function curationCommands(service: AgreementService, tree: DisagreementTree, store: AnnotationStore): FeatureCommands<Ids> {
  const settle = async (path: string, unit: Disagreement, choice: CurationChoice): Promise<string[]> => {
    const article = service.current?.uris.get(path);
    if (!article) throw new UserError(`Marginalia: ${path} is not part of the comparison.`);
    const state = await annotationsOf(store, article);
    if (!state.writable) throw new UserError(`Marginalia: ${vscode.workspace.asRelativePath(state.sidecar)} has errors; fix them before curating.`);
    const annotations = [...state.annotations, ...state.orphans];
    const result = curate(unit, choice, { text: await store.currentText(article), annotations, curator: await currentAuthor(), now: new Date().toISOString() });
    await store.replaceAll(article, applyCuration(annotations, result));
    tree.opener.clear();
    await service.refresh(article);
    return result.add.map(a => a.id);
  };

  /** The disagreement named by the arguments, else the current one, else the one selected in the view. */
  const target = (args: CurateArgs | undefined): { path: string; unit: Disagreement } => {
    if (args?.document !== undefined) {
      const at = args.at ?? args.start;
      const unit = service.disagreements(args.document).find(d => at === undefined || (d.start <= at && at <= d.end));
      if (!unit) throw new UserError(`Marginalia: no open disagreement in ${args.document}${at === undefined ? '' : ` at ${at}`}.`);
      return { path: args.document, unit };
    }
    const selected = tree.view.selection[0];
    const found = tree.current() ?? (selected && (selected.type === 'disagreement' || selected.type === 'version') ? selected : undefined);
    if (!found) throw new UserError('Marginalia: pick a disagreement first (the Disagreements view, or Next Disagreement).');
    return found;
  };

  const edit = async (path: string, unit: Disagreement, args?: CurateArgs): Promise<CurationChoice | undefined> => {
    const editor = vscode.window.activeTextEditor;
    const uri = tree.uriOf(path);
    const selection =
      editor && uri && editor.document.uri.toString() === uri.toString() && !editor.selection.isEmpty
        ? { start: editor.document.offsetAt(editor.selection.start), end: editor.document.offsetAt(editor.selection.end) }
        : undefined;
    const start = args?.start ?? selection?.start ?? unit.spans[0].start;
    const end = args?.end ?? selection?.end ?? unit.spans[0].end;
    if (args && !args.label) throw new UserError('Marginalia: edit needs a label.');
    const label = args?.label ?? (await pickLabel(uri, `Curated annotation of "${short(unit.spans[0].quote)}"`, unit.spans[0].label));
    if (!label) return undefined;
    const entity = args
      ? args.entity
      : await vscode.window.showInputBox({ title: 'Entity id (optional)', value: unit.spans.find(s => s.entity)?.entity ?? '' });
    if (entity === undefined && !args) return undefined;
    return { decision: 'edit', start, end, label, ...(entity ? { entity } : {}), ...(args?.note ? { note: args.note } : {}) };
  };

  const choose = async (path: string, unit: Disagreement, args?: CurateArgs): Promise<CurationChoice | undefined> => {
    const decision = args?.decision;
    if (decision === 'take') {
      if (!args?.reviewer) throw new UserError('Marginalia: take needs a reviewer.');
      return { decision, reviewer: args.reviewer };
    }
    if (decision === 'both' || decision === 'neither' || decision === 'agreed') return { decision };
    if (decision === 'edit') return edit(path, unit, args);
    if (decision !== undefined) throw new UserError(`Marginalia: unknown decision ${JSON.stringify(decision)}.`);
    const versions = versionsOf(unit, service.current?.reviewers ?? []);
    const picked = await vscode.window.showQuickPick(
      [
        ...versions.map(v => ({
          label: `$(check) Take ${v.reviewer}'s`,
          description: describeVersion(v),
          choice: { decision: 'take', reviewer: v.reviewer } as CurationChoice,
        })),
        { label: '$(combine) Both', description: 'keep every version', choice: { decision: 'both' } as CurationChoice },
        { label: '$(circle-slash) Neither', description: 'no annotation here', choice: { decision: 'neither' } as CurationChoice },
        { label: '$(edit) Edit…', description: 'your own span, label and entity', choice: undefined },
      ],
      { title: `Settle "${short(unit.spans[0].quote)}"` },
    );
    if (!picked) return undefined;
    return picked.choice ?? edit(path, unit);
  };

  const fromNode =
    (decision: CurationChoice['decision']) =>
    async (node?: DisagreementNode): Promise<string[] | undefined> => {
      if (!node || (node.type !== 'disagreement' && node.type !== 'version')) return undefined;
      const choice: CurationChoice | undefined =
        decision === 'take' && node.type === 'version'
          ? { decision, reviewer: node.version.reviewer }
          : decision === 'edit'
            ? await edit(node.path, node.unit)
            : await choose(node.path, node.unit, { decision });
      return choice ? settle(node.path, node.unit, choice) : undefined;
    };

  return {
    'marginalia.curate': async (args?: CurateArgs) => {
      const { path, unit } = target(args);
      const choice = await choose(path, unit, args);
      return choice ? settle(path, unit, choice) : undefined;
    },
    'marginalia.internal.takeVersion': fromNode('take'),
    'marginalia.internal.curateBoth': fromNode('both'),
    'marginalia.internal.curateNeither': fromNode('neither'),
    'marginalia.internal.curateEdit': fromNode('edit'),
  };
}
