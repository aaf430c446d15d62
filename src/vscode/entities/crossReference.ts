import * as vscode from 'vscode';
import { contextLine, type Entity, type MentionRef } from '../../core';
import { locationMaker, rangeOf } from '../common/convert';
import type { CorpusService } from '../corpus/corpusService';
import type { FeatureCommands } from '../common/commandTable';
import { pickEntity, resolveEntity } from './entityPick';
import { gatherLocations, gatherMentions } from './mentionLists';

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
        return entity ? ((await gatherLocations(corpus.index, { entity: entity.id }, locationMaker(corpus.index))) ?? []) : [];
      }
      const entity = (await entityAtCursor(corpus)) ?? (await pickEntity(corpus.index, 'Marginalia: Cross-reference Entity'));
      if (entity) await stepThroughMentions(corpus, entity);
      return undefined;
    },
    'marginalia.showReferences': async ({ entity }: { entity: string }) => {
      const editor = vscode.window.activeTextEditor;
      if (!editor) return;
      const locations = (await gatherLocations(corpus.index, { entity }, locationMaker(corpus.index))) ?? [];
      if (locations.length === 0) return;
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

/**
 * A quick pick of an entity's mentions with a live preview: it opens at once with the first page
 * and gets the whole list when it is gathered (in slices: an entity may span the corpus).
 */
async function stepThroughMentions(corpus: CorpusService, entity: Entity): Promise<void> {
  const pick = vscode.window.createQuickPick<MentionItem>();
  pick.title = `${entity.name}: ${entity.mentions} mentions in ${entity.documents} documents`;
  pick.matchOnDescription = true;
  pick.matchOnDetail = true;
  pick.busy = true;
  let closed = false;
  void gatherMentions(
    corpus.index,
    { entity: entity.id },
    mentionItemMaker(corpus),
    () => closed,
    soFar => {
      if (pick.items.length === 0) pick.items = soFar.slice();
    },
  ).then(all => {
    if (!all || closed) return;
    const active = pick.activeItems[0];
    pick.items = all;
    if (active && all.includes(active)) pick.activeItems = [active];
    pick.busy = false;
  });
  const preview = (item: MentionItem | undefined, preserveFocus: boolean) =>
    item && vscode.window.showTextDocument(item.location.uri, { selection: item.location.range, preview: preserveFocus, preserveFocus });
  const chosen = await new Promise<MentionItem | undefined>(resolve => {
    pick.onDidChangeActive(active => void preview(active[0], true));
    pick.onDidAccept(() => resolve(pick.selectedItems[0] ?? pick.activeItems[0]));
    pick.onDidHide(() => resolve(undefined));
    pick.show();
  });
  closed = true;
  pick.dispose();
  await preview(chosen, false);
}

/** The quick pick's item of each mention of a list in document order: each document's text read once. */
function mentionItemMaker(corpus: CorpusService): (ref: MentionRef) => MentionItem {
  const locationOf = locationMaker(corpus.index);
  let path: string | undefined;
  let text = '';
  let relative = '';
  return ref => {
    const location = locationOf(ref.path, ref.mention.start, ref.mention.end);
    if (ref.path !== path) {
      path = ref.path;
      text = corpus.index.text(path) ?? '';
      relative = vscode.workspace.asRelativePath(location.uri);
    }
    return {
      location,
      label: ref.mention.text,
      description: `${relative}:${location.range.start.line + 1}`,
      detail: contextLine(text, ref.mention.start, ref.mention.end),
    };
  };
}
