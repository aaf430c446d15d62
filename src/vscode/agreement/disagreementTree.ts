import * as vscode from 'vscode';
import { escapeMarkdown, type Disagreement } from '../../core';
import { commandArgs } from '../common/convert';
import type { AgreementService } from './agreementService';
import { describeVersion, PlaceOpener, short, versionsOf, type Version } from './openPlaces';

/** A node of the Disagreements view. */
export type DisagreementNode =
  | { type: 'document'; path: string; open: number; settled: number }
  | { type: 'more'; remaining: number }
  | { type: 'disagreement'; path: string; unit: Disagreement }
  | { type: 'version'; path: string; unit: Disagreement; version: Version };

/** Documents listed at first, and added by each "more" row. */
const PAGE = 200;

const KIND_TEXT: Record<string, string> = { missing: 'only some annotated', span: 'boundaries', label: 'label', status: 'status', entity: 'entity link' };

/**
 * The Disagreements view: documents with open disagreements (a page at a time), each listing its
 * disagreements only when expanded, each disagreement listing every reviewer's version. Clicking a
 * disagreement opens both places; next/previous step through them in order.
 */
export class DisagreementTree implements vscode.TreeDataProvider<DisagreementNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<DisagreementNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private limit = PAGE;
  /** Nodes by id, so that `reveal` and `getParent` see the same objects the view holds. */
  private readonly nodes = new Map<string, DisagreementNode>();
  /** The disagreement last stepped to or opened. */
  private cursor: { path: string; start: number; end: number } | undefined;
  readonly view: vscode.TreeView<DisagreementNode>;
  readonly opener = new PlaceOpener();
  private readonly disposables: vscode.Disposable[];

  constructor(private readonly service: AgreementService) {
    this.view = vscode.window.createTreeView('marginalia.disagreements', { treeDataProvider: this, showCollapseAll: true });
    this.disposables = [this.view, this.changed, this.opener, service.onDidChange(() => this.refresh())];
  }

  refresh(): void {
    this.nodes.clear();
    const report = this.service.current?.report;
    this.view.message = report
      ? `${report.reviewers.join(' · ')}: ${report.overall.disagreements.open} open, ${report.overall.disagreements.settled} settled`
      : undefined;
    this.changed.fire(undefined);
  }

  showMore(): void {
    this.limit += PAGE;
    this.refresh();
  }

  /** Documents with open disagreements, in the report's order. */
  private documents(): DisagreementNode[] {
    const report = this.service.current?.report;
    if (!report) return [];
    return report.perDocument
      .filter(d => d.disagreements > 0)
      .map(d => this.node({ type: 'document', path: d.path, open: d.disagreements, settled: d.settled }));
  }

  getChildren(node?: DisagreementNode): DisagreementNode[] {
    if (!node) {
      const all = this.documents();
      const page = all.slice(0, this.limit);
      return all.length > page.length ? [...page, this.node({ type: 'more', remaining: all.length - page.length })] : page;
    }
    if (node.type === 'document') return this.service.disagreements(node.path).map(unit => this.node({ type: 'disagreement', path: node.path, unit }));
    if (node.type === 'disagreement') {
      return versionsOf(node.unit, this.service.current?.reviewers ?? []).map(version =>
        this.node({ type: 'version', path: node.path, unit: node.unit, version }),
      );
    }
    return [];
  }

  getParent(node: DisagreementNode): DisagreementNode | undefined {
    if (node.type === 'disagreement') return this.nodes.get(idOf({ type: 'document', path: node.path, open: 0, settled: 0 }));
    if (node.type === 'version') return this.nodes.get(idOf({ type: 'disagreement', path: node.path, unit: node.unit }));
    return undefined;
  }

  getTreeItem(node: DisagreementNode): vscode.TreeItem {
    switch (node.type) {
      case 'document': {
        const item = new vscode.TreeItem(node.path.split('/').pop() ?? node.path, vscode.TreeItemCollapsibleState.Collapsed);
        item.id = idOf(node);
        item.description = `${node.open} open${node.settled ? ` · ${node.settled} settled` : ''}`;
        item.tooltip = node.path;
        item.resourceUri = this.service.current?.uris.get(node.path);
        item.iconPath = vscode.ThemeIcon.File;
        item.contextValue = 'disagreementDocument';
        return item;
      }
      case 'more': {
        const item = new vscode.TreeItem(`${node.remaining} more documents…`, vscode.TreeItemCollapsibleState.None);
        item.id = idOf(node);
        item.command = { command: 'marginalia.internal.moreDisagreements', title: 'Show more' };
        return item;
      }
      case 'disagreement': {
        const first = node.unit.spans[0];
        const item = new vscode.TreeItem(short(first?.quote ?? ''), vscode.TreeItemCollapsibleState.Collapsed);
        item.id = idOf(node);
        item.description = node.unit.kinds.map(k => KIND_TEXT[k] ?? k).join(', ');
        item.iconPath = new vscode.ThemeIcon(node.unit.kinds.includes('missing') ? 'diff-added' : 'diff-modified');
        item.contextValue = 'disagreement';
        const versions = versionsOf(node.unit, this.service.current?.reviewers ?? []);
        item.tooltip = new vscode.MarkdownString(versions.map(v => `- **${escapeMarkdown(v.reviewer)}**: ${escapeMarkdown(describeVersion(v))}`).join('\n'));
        item.accessibilityInformation = {
          label: `${first?.quote ?? ''}: ${item.description}; ${versions.map(v => `${v.reviewer}: ${describeVersion(v)}`).join('; ')}`,
        };
        item.command = { command: 'marginalia.internal.openDisagreement', title: 'Open both places', arguments: commandArgs(node) };
        return item;
      }
      case 'version': {
        const item = new vscode.TreeItem(node.version.reviewer, vscode.TreeItemCollapsibleState.None);
        item.id = idOf(node);
        item.description = describeVersion(node.version);
        item.iconPath = new vscode.ThemeIcon(node.version.span ? 'person' : 'circle-slash');
        item.contextValue = 'disagreementVersion';
        item.command = { command: 'marginalia.internal.openVersion', title: 'Open this place', arguments: commandArgs(node) };
        return item;
      }
    }
  }

  uriOf(path: string): vscode.Uri | undefined {
    return this.service.current?.uris.get(path);
  }

  /** The disagreement last stepped to or opened, if it is still open. */
  current(): { path: string; unit: Disagreement } | undefined {
    const c = this.cursor;
    if (!c) return undefined;
    const unit = this.service.disagreements(c.path).find(d => d.start === c.start && d.end === c.end);
    return unit && { path: c.path, unit };
  }

  /** Opens both places of a disagreement and makes it the current one. */
  async open(path: string, unit: Disagreement): Promise<void> {
    const comparison = this.service.current;
    const uri = comparison?.uris.get(path);
    if (!comparison || !uri) return;
    this.cursor = { path, start: unit.start, end: unit.end };
    await this.opener.openBoth(uri, unit, comparison.reviewers);
  }

  /**
   * Steps to the next (or previous) open disagreement after the current one, in document order
   * then position order, wrapping around; opens it and selects it in the view. Documents are read
   * only as far as the step needs.
   */
  async step(direction: 1 | -1): Promise<{ path: string; start: number; end: number; kinds: string[] } | undefined> {
    const paths = this.documents().map(n => (n as { path: string }).path);
    const at = this.cursor;
    const order = direction > 0 ? paths : [...paths].reverse();
    // Past the cursor (strictly after it in the direction of travel), then from the other end.
    const beyond = (path: string, u: Disagreement) => !at || direction * compareKeys([path, u.start, u.end], [at.path, at.start, at.end]) > 0;
    for (const pass of [0, 1]) {
      for (const path of order) {
        if (pass === 0 && at && direction * comparePaths(path, at.path) < 0) continue;
        const list = direction > 0 ? this.service.disagreements(path) : [...this.service.disagreements(path)].reverse();
        const next = list.find(u => pass === 1 || beyond(path, u));
        if (!next) continue;
        await this.open(path, next);
        const node = this.node({ type: 'disagreement', path, unit: next });
        if (this.view.visible) await Promise.resolve(this.view.reveal(node, { select: true, focus: false, expand: false })).catch(() => undefined);
        return { path, start: next.start, end: next.end, kinds: next.kinds };
      }
      if (!at) break;
    }
    return undefined;
  }

  private node(n: DisagreementNode): DisagreementNode {
    const id = idOf(n);
    const known = this.nodes.get(id);
    if (known && JSON.stringify(known) === JSON.stringify(n)) return known;
    this.nodes.set(id, n);
    return n;
  }

  dispose(): void {
    vscode.Disposable.from(...this.disposables).dispose();
  }
}

function idOf(n: DisagreementNode): string {
  switch (n.type) {
    case 'document':
      return `d:${n.path}`;
    case 'more':
      return 'more';
    case 'disagreement':
      return `u:${n.path}:${n.unit.start}:${n.unit.end}`;
    case 'version':
      return `v:${n.path}:${n.unit.start}:${n.unit.end}:${n.version.reviewer}:${n.version.span?.id ?? ''}`;
  }
}

function comparePaths(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function compareKeys(a: [string, number, number], b: [string, number, number]): number {
  return comparePaths(a[0], b[0]) || a[1] - b[1] || a[2] - b[2];
}
