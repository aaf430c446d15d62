import * as vscode from 'vscode';
import { recordMerge, recordNotEntity, recordRename } from '../../core';
import type { CorpusService } from '../corpus/corpusService';
import type { FeatureCommands } from '../common/commandTable';
import { UserError } from '../common/errors';
import { pickEntity, resolveEntity } from './entityPick';
import type { RegistryFile } from './registryFile';

/** Reviewers' decisions about entities, recorded in the registry: merge, rename, not an entity. */
export function entityCommands(
  corpus: CorpusService,
  registry: RegistryFile,
): FeatureCommands<
  'marginalia.mergeEntities' | 'marginalia.mergeEntityWith' | 'marginalia.renameEntity' | 'marginalia.markNotEntity' | 'marginalia.mergeVariants'
> {
  // a command returns once hovers, references and views show its decision
  const edit = async (change: Parameters<RegistryFile['edit']>[0]): Promise<void> => {
    await registry.edit(change);
    await corpus.registryApplied();
  };
  const merge = async (from: string, into: string): Promise<string> => {
    if (from !== into) await edit(doc => recordMerge(doc, from, into));
    return into;
  };

  return {
    'marginalia.mergeEntities': async (args?: { from: string; into: string }) => {
      await corpus.ready();
      if (args) {
        const from = resolveEntity(corpus.index, args.from)?.id ?? args.from;
        const into = resolveEntity(corpus.index, args.into)?.id ?? args.into;
        return merge(from, into);
      }
      const from = await pickEntity(corpus.index, 'Merge: the entity to merge away');
      const into = from && (await pickEntity(corpus.index, `Merge "${from.name}" into…`, from.id));
      return into ? merge(from.id, into.id) : undefined;
    },
    'marginalia.mergeEntityWith': async ({ from }: { from: string }) => {
      const into = await pickEntity(corpus.index, `Merge "${corpus.index.entity(from)?.name ?? from}" into…`, from);
      return into ? merge(from, into.id) : undefined;
    },
    'marginalia.renameEntity': async (args?: { id: string; name?: string }) => {
      await corpus.ready();
      const entity = args ? resolveEntity(corpus.index, args.id) : await pickEntity(corpus.index, 'Rename entity');
      if (!entity && args) throw new UserError(`Marginalia: no entity ${JSON.stringify(args.id)} in the corpus.`);
      if (!entity) return undefined;
      const name =
        args?.name ??
        (await vscode.window.showInputBox({
          title: `Rename ${entity.name}`,
          value: entity.name,
          prompt: 'The canonical name in the registry; articles stay as written.',
        }));
      if (!name?.trim()) return undefined;
      await edit(doc => recordRename(doc, entity.id, name.trim()));
      return entity.id;
    },
    'marginalia.markNotEntity': async (args?: { id?: string; text?: string }) => {
      const target = args ?? { id: (await pickEntity(corpus.index, 'Mark as not an entity'))?.id };
      if (!target.id && !target.text) return false;
      await edit(doc => recordNotEntity(doc, target));
      return true;
    },
    'marginalia.mergeVariants': async ({ ids }: { ids: string[] }) => {
      const names = ids.map(id => corpus.index.entity(id)?.name ?? id);
      const answer = await vscode.window.showWarningMessage(`Merge ${names.slice(1).join(', ')} into ${names[0]}?`, { modal: true }, 'Merge');
      if (answer !== 'Merge') return undefined;
      await edit(doc => ids.slice(1).forEach(id => recordMerge(doc, id, ids[0])));
      return ids[0];
    },
  };
}
