import * as vscode from 'vscode';
import { contextLine, type Entity } from '../../core';
import { locationOf, rangeOf } from '../common/convert';
import type { CorpusService } from '../corpus/corpusService';
import type { FeatureCommands } from '../common/commandTable';
import { pickEntity, resolveEntity } from './entityPick';

interface CrossReferenceArgs {
  entity?: string;
}

/**
 * `marginalia.crossReference`: with an argument, the locations of every mention of the entity;
 * without, a quick pick of entities, then of their mentions with a live preview. Also what the
 * hover's and the view's links run: show an entity's references, open a mention.
 */
export function crossReferenceCommands(
  corpus: CorpusService,
): FeatureCommands<'marginalia.crossReference' | 'marginalia.showReferences' | 'marginalia.openMention'> {
  return {
    'marginalia.crossReference': async (args?: CrossReferenceArgs) => {
      await corpus.ready();
      if (args !== undefined) {
        const entity = args.entity !== undefined ? resolveEntity(corpus.index, args.entity) : await entityAtCursor(corpus);
        return entity ? corpus.index.mentionsOf(entity.id).map(ref => locationOf(corpus.index, ref)) : [];
      }
      const entity = (await entityAtCursor(corpus)) ?? (await pickEntity(corpus.index, 'Marginalia: Cross-reference Entity'));
      if (entity) await stepThroughMentions(corpus, entity);
      return undefined;
    },
    'marginalia.showReferences': async ({ entity }: { entity: string }) => {
      const editor = vscode.window.activeTextEditor;
      const locations = corpus.index.mentionsOf(entity).map(ref => locationOf(corpus.index, ref));
      if (!editor || locations.length === 0) return;
      await vscode.commands.executeCommand('editor.action.showReferences', editor.document.uri, editor.selection.active, locations);
    },
    'marginalia.openMention': async ({ path, start, end }: { path: string; start: number; end: number }) => {
      const range = rangeOf(corpus.index, path, { start, end });
      await vscode.window.showTextDocument(vscode.Uri.parse(path), { selection: range });
    },
  };
}

async function entityAtCursor(corpus: CorpusService): Promise<Entity | undefined> {
  const editor = vscode.window.activeTextEditor;
  const id = editor && (await corpus.mentionAt(editor.document, editor.selection.active))?.mention.entity;
  return id ? corpus.index.entity(id) : undefined;
}

interface MentionItem extends vscode.QuickPickItem {
  location: vscode.Location;
}

async function stepThroughMentions(corpus: CorpusService, entity: Entity): Promise<void> {
  const items: MentionItem[] = corpus.index.mentionsOf(entity.id).map(ref => {
    const location = locationOf(corpus.index, ref);
    const text = corpus.index.text(ref.path) ?? '';
    return {
      location,
      label: ref.mention.text,
      description: `${vscode.workspace.asRelativePath(location.uri)}:${location.range.start.line + 1}`,
      detail: contextLine(text, ref.mention.start, ref.mention.end),
    };
  });
  const pick = vscode.window.createQuickPick<MentionItem>();
  pick.title = `${entity.name}: ${entity.mentions} mentions in ${entity.documents} documents`;
  pick.items = items;
  pick.matchOnDescription = true;
  pick.matchOnDetail = true;
  const preview = (item: MentionItem | undefined, preserveFocus: boolean) =>
    item && vscode.window.showTextDocument(item.location.uri, { selection: item.location.range, preview: preserveFocus, preserveFocus });
  const chosen = await new Promise<MentionItem | undefined>(resolve => {
    pick.onDidChangeActive(active => void preview(active[0], true));
    pick.onDidAccept(() => resolve(pick.selectedItems[0] ?? pick.activeItems[0]));
    pick.onDidHide(() => resolve(undefined));
    pick.show();
  });
  pick.dispose();
  await preview(chosen, false);
}
