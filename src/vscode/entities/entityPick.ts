import * as vscode from 'vscode';
import { foldedName, type CorpusIndex, type Entity } from '../../core';
import { KIND_ICONS } from '../common/icons';

interface EntityItem extends vscode.QuickPickItem {
  entity: Entity;
}

/** A quick pick of entities, filtered by name or alias; undefined when dismissed. */
export async function pickEntity(index: CorpusIndex, title: string, exclude?: string): Promise<Entity | undefined> {
  const items: EntityItem[] = index
    .entities()
    .filter(e => e.id !== exclude)
    .map(entity => ({
      entity,
      label: `$(${KIND_ICONS[entity.kind] ?? 'symbol-misc'}) ${entity.name}`,
      description: entity.aliases.filter(a => a !== entity.name).join(', '),
      detail: `${entity.kind} · ${entity.mentions} mentions in ${entity.documents} documents`,
    }));
  const picked = await vscode.window.showQuickPick(items, { title, matchOnDescription: true, placeHolder: 'Type a name or an alias' });
  return picked?.entity;
}

/** An entity by id, or by a name or alias (case, hyphens and diacritics ignored). */
export function resolveEntity(index: CorpusIndex, idOrName: string): Entity | undefined {
  const byId = index.entity(idOrName);
  if (byId) return byId;
  const folded = foldedName(idOrName);
  return index.entities().find(e => foldedName(e.name) === folded) ?? index.entities().find(e => e.aliases.some(a => foldedName(a) === folded));
}
