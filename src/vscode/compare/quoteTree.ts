import * as vscode from 'vscode';
import { quoteWords, relateQuotes } from '../../core';
import { commandArgs } from '../common/convert';
import type { QuoteGroup, QuoteReport } from './quoteGroups';
import type { StatementService } from './statementService';
import { fileLabel } from './webviewPage';

type Node =
  | { type: 'speaker'; entity: string; name: string; groups: QuoteGroup[] }
  | { type: 'quote'; group: QuoteGroup }
  | { type: 'report'; report: QuoteReport; group: QuoteGroup };

const REFRESH_DEBOUNCE_MS = 500;
const LABEL_LENGTH = 90;

/** The Quotes view: quotations by speaker across the articles, the variants of one quotation together. */
export function registerQuoteTree(statements: StatementService): vscode.Disposable {
  const provider = new QuoteTreeProvider(statements);
  const view = vscode.window.createTreeView('marginalia.quotes', { treeDataProvider: provider, showCollapseAll: true });
  return vscode.Disposable.from(
    view,
    provider,
    statements.onDidChange(() => provider.refresh()),
  );
}

class QuoteTreeProvider implements vscode.TreeDataProvider<Node>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<Node | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly statements: StatementService) {}

  refresh(): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.changed.fire(undefined), REFRESH_DEBOUNCE_MS);
  }

  async getChildren(node?: Node): Promise<Node[]> {
    if (!node) {
      return this.speakers();
    }
    if (node.type === 'speaker') return node.groups.map(group => ({ type: 'quote', group }));
    if (node.type === 'quote') return node.group.reports.map(report => ({ type: 'report', report, group: node.group }));
    return [];
  }

  getTreeItem(node: Node): vscode.TreeItem {
    if (node.type === 'speaker') {
      const reports = node.groups.reduce((n, g) => n + g.reports.length, 0);
      const item = new vscode.TreeItem(node.name, vscode.TreeItemCollapsibleState.Collapsed);
      item.id = `speaker:${node.entity}`;
      item.description = `${node.groups.length} quotation${node.groups.length === 1 ? '' : 's'}, ${reports} report${reports === 1 ? '' : 's'}`;
      item.iconPath = new vscode.ThemeIcon('person');
      return item;
    }
    if (node.type === 'quote') {
      const { group } = node;
      const articles = new Set(group.reports.map(r => r.path)).size;
      const item = new vscode.TreeItem(`“${short(group.text)}”`, vscode.TreeItemCollapsibleState.Collapsed);
      item.description = `${articles} article${articles === 1 ? '' : 's'}${group.differs === 'words' ? ' · wording differs' : group.differs === 'spelling' ? ' · spelling differs' : group.differs === 'punctuation' ? ' · punctuation differs' : ''}`;
      item.tooltip = new vscode.MarkdownString().appendText(group.text);
      item.iconPath = new vscode.ThemeIcon(group.differs === 'words' ? 'warning' : 'quote');
      return item;
    }
    const { report, group } = node;
    const relation = report.text === group.text ? 'same' : relateQuotes(quoteWords(group.text), quoteWords(report.text));
    const item = new vscode.TreeItem(`“${short(report.text)}”`, vscode.TreeItemCollapsibleState.None);
    item.description = `${fileLabel(report.path)}${relation === 'words' ? ' · other words' : relation === 'spelling' ? ' · spelling' : relation === 'punctuation' ? ' · punctuation' : relation === 'fragment' ? ' · part' : ''}`;
    item.tooltip = new vscode.MarkdownString().appendText(report.statement);
    item.iconPath = new vscode.ThemeIcon(relation === 'words' ? 'diff-modified' : 'circle-small-filled');
    item.command = {
      command: 'marginalia.internal.openStatement',
      title: 'Open Statement',
      arguments: commandArgs({ path: report.path, start: report.start, end: report.end }),
    };
    return item;
  }

  /** Every named speaker's quotations, grouped (in the statement worker), the speakers with most quotations first. */
  private async speakers(): Promise<Node[]> {
    const speakers = await this.statements.quotes();
    return speakers
      .map(({ entity, name, groups }) => ({ type: 'speaker' as const, entity, name, groups }))
      .sort((a, b) => b.groups.length - a.groups.length || a.name.localeCompare(b.name));
  }

  dispose(): void {
    clearTimeout(this.timer);
    this.changed.dispose();
  }
}

function short(text: string): string {
  return text.length > LABEL_LENGTH ? `${text.slice(0, LABEL_LENGTH)}…` : text;
}
