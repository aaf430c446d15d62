import * as vscode from 'vscode';
import { quoteWords, relateQuotes, type QuoteRelation } from '../../core';
import { commandArgs } from '../shared/convert';
import type { StatementService } from './statementService';
import { fileLabel } from './webviewPage';

/** One quotation in one article. */
interface Report {
  path: string;
  /** The quotation's words (UTF-16 offsets into the article). */
  start: number;
  end: number;
  text: string;
  /** The statement around it. */
  statement: string;
}

/** The reports of one quotation: its variants together. */
interface QuoteGroup {
  reports: Report[];
  /** The longest wording, shown as the quotation. */
  text: string;
  /** How the wordings differ from it: the worst of `words`, `spelling`, `punctuation`. */
  differs?: QuoteRelation;
}

type Node =
  | { type: 'speaker'; entity: string; name: string; groups: QuoteGroup[] }
  | { type: 'quote'; group: QuoteGroup }
  | { type: 'report'; report: Report; group: QuoteGroup };

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
      await this.statements.ready();
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

  /** Every named speaker's quotations, grouped: a quotation and its variants (fragments, other spellings or words) in one group. */
  private speakers(): Node[] {
    const index = this.statements.index;
    const bySpeaker = new Map<string, Report[]>();
    for (const c of index.classIds()) {
      const quotations = index.shapeOf(c).quotations.filter(q => q.speaker?.entity);
      if (!quotations.length) continue;
      for (const m of index.membersOf(c)) {
        const text = this.statements.textOf(m.path);
        if (text === undefined) continue;
        for (const q of quotations) {
          const report = { path: m.path, start: m.start + q.start, end: m.start + q.end, text: q.text, statement: text.slice(m.start, m.end) };
          const list = bySpeaker.get(q.speaker!.entity!);
          if (list) list.push(report);
          else bySpeaker.set(q.speaker!.entity!, [report]);
        }
      }
    }
    const nodes: Node[] = [...bySpeaker].map(([entity, reports]) => ({
      type: 'speaker' as const,
      entity,
      name: this.statements.nameOf(entity) ?? entity,
      groups: groupVariants(reports),
    }));
    return nodes.sort((a, b) => (a.type === 'speaker' && b.type === 'speaker' ? b.groups.length - a.groups.length || a.name.localeCompare(b.name) : 0));
  }

  dispose(): void {
    clearTimeout(this.timer);
    this.changed.dispose();
  }
}

/** Reports of one speaker grouped by quotation: two wordings that are not unrelated (relateQuotes) are one quotation. */
function groupVariants(reports: Report[]): QuoteGroup[] {
  const texts = [...new Set(reports.map(r => r.text))];
  const words = texts.map(quoteWords);
  const parent = texts.map((_, i) => i);
  const find = (x: number): number => (parent[x] === x ? x : (parent[x] = find(parent[x])));
  for (let i = 0; i < texts.length; i++) {
    for (let j = i + 1; j < texts.length; j++) if (relateQuotes(words[i], words[j]) !== 'unrelated') parent[find(i)] = find(j);
  }
  const groups = new Map<number, QuoteGroup>();
  const ranks: QuoteRelation[] = ['words', 'spelling', 'punctuation'];
  texts.forEach((text, i) => {
    const root = find(i);
    const group = groups.get(root) ?? { reports: [], text };
    if (text.length > group.text.length) group.text = text;
    group.reports.push(...reports.filter(r => r.text === text));
    groups.set(root, group);
  });
  for (const group of groups.values()) {
    const main = quoteWords(group.text);
    const relations = new Set(group.reports.map(r => (r.text === group.text ? 'same' : relateQuotes(main, quoteWords(r.text)))));
    group.differs = ranks.find(r => relations.has(r));
    group.reports.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : a.start - b.start));
  }
  return [...groups.values()].sort((a, b) => b.reports.length - a.reports.length);
}

function short(text: string): string {
  return text.length > LABEL_LENGTH ? `${text.slice(0, LABEL_LENGTH)}…` : text;
}
