import * as vscode from 'vscode';
import type { Comparison, Discrepancy } from '../../core';
import type { AnnotationStore } from '../annotations/annotationStore';
import type { FeatureCommands } from '../common/commandTable';
import { UserError } from '../common/errors';
import type { ComparePanel } from './comparePanel';
import { decide } from './discrepancyDecisions';
import type { DiscrepancyNode, DiscrepancyTree } from './discrepancyTree';
import { openPlace, peekPlaces, type Place } from './places';
import type { StatementService } from './statementService';
import type { TimelinePanel } from './timelinePanel';

/** Reports of a statement listed at most by Compare Across Articles. */
const COMPARE_LIMIT = 50;

/** What compares statements across articles: the panels, the Discrepancies view and the statements. */
export interface CompareFeature {
  statements: StatementService;
  store: AnnotationStore;
  tree: DiscrepancyTree;
  comparePanel: ComparePanel;
  timelinePanel: TimelinePanel;
}

/**
 * `marginalia.compareAcrossArticles`, `marginalia.findDiscrepancies`, `marginalia.showTimeline`
 * (docs/contracts.md), and the Discrepancies view's actions.
 */
export function compareCommands(
  f: CompareFeature,
): FeatureCommands<
  | 'marginalia.compareAcrossArticles'
  | 'marginalia.findDiscrepancies'
  | 'marginalia.showTimeline'
  | 'marginalia.internal.openPlaces'
  | 'marginalia.internal.openStatement'
  | 'marginalia.internal.confirmDiscrepancy'
  | 'marginalia.internal.dismissDiscrepancy'
> {
  const textOf = (path: string) => f.statements.textOf(path);
  return {
    'marginalia.compareAcrossArticles': async (arg?: { uri?: unknown; line?: unknown; character?: unknown }): Promise<Comparison> => {
      const comparison = await compareAt(f.statements, arg);
      f.comparePanel.show(comparison);
      return comparison;
    },
    'marginalia.findDiscrepancies': async (arg?: object): Promise<Discrepancy[]> => {
      const discrepancies = await f.statements.discrepancies();
      if (!arg) {
        f.tree.refresh();
        await vscode.commands.executeCommand('marginalia.discrepancies.focus');
        if (!discrepancies.length)
          void vscode.window.showInformationMessage(
            'Marginalia: no discrepancies. Where articles report the same thing, their dates, figures and quotations agree.',
          );
      }
      return discrepancies;
    },
    'marginalia.showTimeline': async (): Promise<boolean> => {
      const days = await f.statements.timeline();
      f.timelinePanel.show(days, await f.statements.discrepancies());
      return true;
    },
    'marginalia.internal.openPlaces': async (node?: DiscrepancyNode) => {
      if (node?.type !== 'discrepancy') return;
      await peekPlaces(node.discrepancy.statements.map(s => ({ path: s.path, start: s.valueStart, end: s.valueEnd })));
    },
    'marginalia.internal.openStatement': async (place?: Place) => {
      if (place && typeof place.path === 'string' && Number.isInteger(place.start) && Number.isInteger(place.end)) await openPlace(place);
    },
    'marginalia.internal.confirmDiscrepancy': async (node?: DiscrepancyNode) => {
      if (node?.type !== 'discrepancy') return undefined;
      const annotation = await decide(f.store, node.discrepancy, 'confirmed', textOf);
      f.tree.refresh();
      return annotation.id;
    },
    'marginalia.internal.dismissDiscrepancy': async (node?: DiscrepancyNode) => {
      if (node?.type !== 'discrepancy') return undefined;
      const annotation = await decide(f.store, node.discrepancy, 'rejected', textOf);
      f.tree.refresh();
      return annotation.id;
    },
  };
}

/**
 * The comparison of the sentence at `{uri, line, character}` (0-based; `character` an extension of
 * the contract), else at the cursor: the first statement of the line, or the one at the position.
 */
async function compareAt(statements: StatementService, arg?: { uri?: unknown; line?: unknown; character?: unknown }): Promise<Comparison> {
  const editor = vscode.window.activeTextEditor;
  const uri = arg?.uri instanceof vscode.Uri ? arg.uri : typeof arg?.uri === 'string' && arg.uri ? vscode.Uri.parse(arg.uri) : editor?.document.uri;
  if (!uri) throw new UserError('Marginalia: open an article, put the cursor in a sentence, then compare it across articles.');
  const document = await vscode.workspace.openTextDocument(uri);
  const path = uri.toString();
  let start: number;
  let end: number;
  if (typeof arg?.line === 'number') {
    const line = document.lineAt(Math.max(0, Math.min(document.lineCount - 1, Math.floor(arg.line))));
    const character = typeof arg.character === 'number' ? Math.max(0, Math.floor(arg.character)) : undefined;
    start =
      character === undefined ? document.offsetAt(line.range.start) : document.offsetAt(line.range.start.translate(0, Math.min(character, line.text.length)));
    end = character === undefined ? document.offsetAt(line.range.end) : start;
  } else {
    const active = editor && editor.document.uri.toString() === path ? editor.selection.active : new vscode.Position(0, 0);
    start = end = document.offsetAt(active);
  }
  const { comparison, indexed } = await statements.compare(path, start, end, COMPARE_LIMIT);
  if (!indexed) throw new UserError(`Marginalia: ${vscode.workspace.asRelativePath(uri)} is not an article of the workspace.`);
  if (!comparison)
    throw new UserError('Marginalia: there is no sentence here to compare (headlines, sentences and list items are compared; metadata lines are not).');
  return comparison;
}
