import * as vscode from 'vscode';
import type { Discrepancy, DiscrepancyStatement } from '../../core';
import type { AnnotationStore } from '../annotations/annotationStore';
import { commandArgs } from '../common/convert';
import { slicePauses } from '../common/slices';
import { decisionOf, type Decision } from './discrepancyDecisions';
import type { StatementService } from './statementService';
import { fileLabel } from './webviewPage';

export type DiscrepancyNode =
  | { type: 'kind'; kind: Discrepancy['kind']; discrepancies: Discrepancy[] }
  | { type: 'discrepancy'; discrepancy: Discrepancy; decision?: Decision }
  | { type: 'statement'; discrepancy: Discrepancy; statement: DiscrepancyStatement };

const REFRESH_DEBOUNCE_MS = 300;
const KIND_TITLES: Record<Discrepancy['kind'], string> = { date: 'Dates', number: 'Numbers', quote: 'Quotations' };
const KIND_ICONS: Record<Discrepancy['kind'], string> = { date: 'calendar', number: 'symbol-number', quote: 'quote' };

/**
 * The Discrepancies view: the aligned statements of different articles that disagree, by kind
 * (dates, numbers, quotations); each entry opens all its places, and a reviewer marks it confirmed
 * or not a discrepancy (stored as a `discrepancy` annotation in the sidecars).
 */
export class DiscrepancyTree implements vscode.Disposable, vscode.TreeDataProvider<DiscrepancyNode> {
  private readonly changed = new vscode.EventEmitter<DiscrepancyNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private readonly disposables: vscode.Disposable[];
  private timer: ReturnType<typeof setTimeout> | undefined;
  /** The signature of what getChildren last gave (undefined before it first ran). */
  private shown: string | undefined;
  readonly view: vscode.TreeView<DiscrepancyNode>;

  constructor(
    private readonly statements: StatementService,
    private readonly store: AnnotationStore,
  ) {
    this.view = vscode.window.createTreeView('marginalia.discrepancies', { treeDataProvider: this, showCollapseAll: true });
    this.disposables = [this.view, this.changed, statements.onDidChange(() => this.refresh()), store.onDidChange(() => this.refresh())];
  }

  /**
   * Shows the discrepancies and decisions again when they changed (a refresh renders new items, whose
   * commands replace the old ones': refreshing for nothing would race a reviewer's click).
   */
  refresh(): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.refreshIfChanged(), REFRESH_DEBOUNCE_MS);
  }

  private async refreshIfChanged(): Promise<void> {
    const shown = this.shown;
    const now = await this.signature();
    if (now !== shown) this.changed.fire(undefined);
  }

  /**
   * What the view shows, in one string: each discrepancy's values and decision, made in slices (some
   * 33,000 statements at 10,000 articles: 8-21 ms for the string alone in one step).
   */
  private async signature(): Promise<string> {
    const pause = slicePauses();
    const parts: string[] = [];
    for (const d of await this.statements.discrepancies()) {
      const decision = await decisionOf(this.store, d, pause);
      const values: string[] = [];
      for (const s of d.statements) {
        values.push(`${s.path}:${s.valueStart}:${s.value}`);
        await pause();
      }
      parts.push(`${d.kind}|${d.subject}|${values.join(',')}|${decision?.annotation.status ?? ''}`);
    }
    return parts.join('\n');
  }

  async getChildren(node?: DiscrepancyNode): Promise<DiscrepancyNode[]> {
    if (!node) {
      this.shown = await this.signature();
      const all = await this.statements.discrepancies();
      return (['date', 'number', 'quote'] as const)
        .map(kind => ({ type: 'kind' as const, kind, discrepancies: all.filter(d => d.kind === kind) }))
        .filter(k => k.discrepancies.length > 0);
    }
    if (node.type === 'kind') {
      return Promise.all(
        node.discrepancies.map(async discrepancy => ({ type: 'discrepancy' as const, discrepancy, decision: await decisionOf(this.store, discrepancy) })),
      );
    }
    if (node.type === 'discrepancy') return node.discrepancy.statements.map(statement => ({ type: 'statement', discrepancy: node.discrepancy, statement }));
    return [];
  }

  getTreeItem(node: DiscrepancyNode): vscode.TreeItem {
    if (node.type === 'kind') {
      const item = new vscode.TreeItem(KIND_TITLES[node.kind], vscode.TreeItemCollapsibleState.Expanded);
      item.description = String(node.discrepancies.length);
      item.iconPath = new vscode.ThemeIcon(KIND_ICONS[node.kind]);
      item.id = `kind:${node.kind}`;
      return item;
    }
    if (node.type === 'discrepancy') {
      const d = node.discrepancy;
      const values = [...new Set(d.statements.map(s => s.value))];
      const status = node.decision?.annotation.status;
      const item = new vscode.TreeItem(d.subject, vscode.TreeItemCollapsibleState.Collapsed);
      item.id = `discrepancy:${d.kind}:${d.statements[0].path}:${d.statements[0].valueStart}`;
      item.description = `${status === 'confirmed' ? 'confirmed · ' : status === 'rejected' ? 'not a discrepancy · ' : ''}${values.map(v => (v.length > 40 ? `${v.slice(0, 40)}…` : v)).join(' ≠ ')}`;
      item.tooltip = new vscode.MarkdownString().appendText(
        `${d.subject}\n\n${d.statements.map(s => `${fileLabel(s.path)}: ${s.value}`).join('\n')}\n\nClick to open all ${d.statements.length} places.`,
      );
      item.iconPath = new vscode.ThemeIcon(status === 'confirmed' ? 'pass' : status === 'rejected' ? 'circle-slash' : 'warning');
      item.contextValue = `discrepancy${status === 'confirmed' ? '.confirmed' : status === 'rejected' ? '.dismissed' : ''}`;
      item.command = { command: 'marginalia.internal.openPlaces', title: 'Open All Places', arguments: commandArgs(node) };
      item.accessibilityInformation = {
        label: `${d.kind} discrepancy: ${d.subject}: ${values.join(' versus ')}${status ? `, ${status === 'confirmed' ? 'confirmed' : 'not a discrepancy'}` : ''}`,
      };
      return item;
    }
    const s = node.statement;
    const item = new vscode.TreeItem(s.value.length > 70 ? `${s.value.slice(0, 70)}…` : s.value, vscode.TreeItemCollapsibleState.None);
    item.description = fileLabel(s.path);
    item.tooltip = new vscode.MarkdownString().appendText(s.text);
    item.iconPath = new vscode.ThemeIcon('circle-small-filled');
    item.command = {
      command: 'marginalia.internal.openStatement',
      title: 'Open Statement',
      arguments: commandArgs({ path: s.path, start: s.valueStart, end: s.valueEnd }),
    };
    return item;
  }

  dispose(): void {
    clearTimeout(this.timer);
    vscode.Disposable.from(...this.disposables).dispose();
  }
}
