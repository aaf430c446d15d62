import * as vscode from 'vscode';
import { SIDECAR_SUFFIX, escapeMarkdown, type Annotation, type AnnotationStatus } from '../../core';
import type { FeatureCommands } from '../common/commandTable';
import { commandArgs } from '../common/convert';
import type { AnnotationStore, ArticleAnnotations } from './annotationStore';
import { pickStatus } from './labels';
import { loadAllAnnotations } from './lookup';

type Node =
  | { type: 'document'; state: ArticleAnnotations }
  | { type: 'annotation'; state: ArticleAnnotations; annotation: Annotation }
  | { type: 'orphans'; count: number }
  | { type: 'orphan'; state: ArticleAnnotations; annotation: Annotation };

const REFRESH_DEBOUNCE_MS = 200;
const QUOTE_LENGTH = 60;

const STATUS_ICONS: Record<AnnotationStatus, string> = {
  suggested: 'lightbulb',
  confirmed: 'pass',
  rejected: 'circle-slash',
  disputed: 'question',
};

/**
 * The Annotations view: each article's annotations (label, status, quote) and the orphans, which
 * stay listed with their quote and note until a reviewer deletes them.
 */
export class AnnotationTree implements vscode.Disposable {
  readonly provider: AnnotationTreeProvider;
  private readonly disposables: vscode.Disposable[];

  constructor(store: AnnotationStore) {
    this.provider = new AnnotationTreeProvider(store);
    const view = vscode.window.createTreeView('marginalia.annotations', { treeDataProvider: this.provider, showCollapseAll: true });
    // A sidecar that appears (a pull, a copy) is read on the view's next refresh.
    const watcher = vscode.workspace.createFileSystemWatcher(`**/*${SIDECAR_SUFFIX}`, false, true, true);
    this.disposables = [view, this.provider, watcher, watcher.onDidCreate(() => this.provider.rescan()), store.onDidChange(() => this.provider.refresh())];
  }

  dispose(): void {
    vscode.Disposable.from(...this.disposables).dispose();
  }
}

/** The inline actions of the view's items, and (for tests and scripts) the orphans it lists. */
export function annotationTreeCommands(
  tree: AnnotationTree,
  store: AnnotationStore,
): FeatureCommands<'marginalia.internal.deleteAnnotationItem' | 'marginalia.internal.setStatusOfItem' | 'marginalia.internal.orphans'> {
  const itemAnnotation = (node: Node | undefined): { state: ArticleAnnotations; annotation: Annotation } | undefined =>
    node && (node.type === 'annotation' || node.type === 'orphan') ? node : undefined;
  return {
    'marginalia.internal.deleteAnnotationItem': async (node?: Node) => {
      const item = itemAnnotation(node);
      if (!item) return false;
      const { annotation, state } = item;
      const answer = await vscode.window.showWarningMessage(
        `Delete the annotation "${short(annotation.target.quote)}" (${annotation.label} · ${annotation.status})?`,
        { modal: true, detail: 'Its note and replies are removed from the sidecar.' },
        'Delete',
      );
      return answer === 'Delete' ? store.delete(annotation.id, state.article) : false;
    },
    'marginalia.internal.setStatusOfItem': async (node?: Node) => {
      const item = itemAnnotation(node);
      if (!item) return undefined;
      const { annotation, state } = item;
      const status = await pickStatus(`Status of "${short(annotation.target.quote)}"`, annotation.status);
      if (!status) return undefined;
      return vscode.commands.executeCommand('marginalia.setStatus', { status, id: annotation.id, uri: state.article.toString() });
    },
    'marginalia.internal.orphans': async () => {
      const { provider } = tree;
      provider.rescan();
      const roots = await provider.getChildren();
      const orphans = roots.find(n => n.type === 'orphans');
      if (!orphans) return [];
      return (await provider.getChildren(orphans)).flatMap(n => (n.type === 'orphan' ? [n.annotation.id] : []));
    },
  };
}

class AnnotationTreeProvider implements vscode.TreeDataProvider<Node>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<Node | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private timer: ReturnType<typeof setTimeout> | undefined;
  /** The workspace's sidecars are read once, when the view first asks; later changes come from the store. */
  private scanned: Promise<void> | undefined;

  constructor(private readonly store: AnnotationStore) {}

  /** Reads the workspace's sidecars again on the next request (new ones get loaded). */
  rescan(): void {
    this.scanned = undefined;
    this.refresh();
  }

  refresh(): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.changed.fire(undefined), REFRESH_DEBOUNCE_MS);
  }

  async getChildren(node?: Node): Promise<Node[]> {
    if (!node) {
      this.scanned ??= loadAllAnnotations(this.store);
      await this.scanned;
      const states = this.store.loaded().sort((a, b) => relative(a.article).localeCompare(relative(b.article)));
      const orphans = states.reduce((n, s) => n + s.orphans.length, 0);
      return [
        ...states.filter(s => s.annotations.length > 0).map(state => ({ type: 'document' as const, state })),
        ...(orphans > 0 ? [{ type: 'orphans' as const, count: orphans }] : []),
      ];
    }
    switch (node.type) {
      case 'document':
        return [...node.state.annotations]
          .sort((a, b) => a.target.start - b.target.start)
          .map(annotation => ({ type: 'annotation' as const, state: node.state, annotation }));
      case 'orphans':
        return this.store
          .loaded()
          .sort((a, b) => relative(a.article).localeCompare(relative(b.article)))
          .flatMap(state => state.orphans.map(annotation => ({ type: 'orphan' as const, state, annotation })));
      default:
        return [];
    }
  }

  getTreeItem(node: Node): vscode.TreeItem {
    switch (node.type) {
      case 'document':
        return Object.assign(new vscode.TreeItem(node.state.article, vscode.TreeItemCollapsibleState.Expanded), {
          description: `${relative(node.state.article)} · ${node.state.annotations.length}`,
          contextValue: 'annotatedDocument',
        });
      case 'annotation': {
        const { annotation: a } = node;
        return Object.assign(new vscode.TreeItem(`${a.label} · ${a.status}${a.source ? ` · ${a.source}` : ''}`), {
          id: `${node.state.article.toString()}#${a.id}`,
          description: `"${short(a.target.quote)}"`,
          tooltip: tooltip(a, node.state),
          iconPath: new vscode.ThemeIcon(STATUS_ICONS[a.status] ?? 'note', new vscode.ThemeColor(`marginalia.annotation.${a.status}Border`)),
          contextValue: `annotation status:${a.status}`,
          command: {
            command: 'marginalia.internal.revealAnnotation',
            title: 'Show Annotation',
            arguments: commandArgs({ id: a.id, uri: node.state.article.toString() }),
          },
        });
      }
      case 'orphans':
        return Object.assign(new vscode.TreeItem('Orphaned annotations', vscode.TreeItemCollapsibleState.Expanded), {
          id: 'orphans',
          description: String(node.count),
          tooltip: 'Annotations whose text was not found in their article. They stay in the sidecar until deleted.',
          iconPath: new vscode.ThemeIcon('warning'),
        });
      case 'orphan': {
        const { annotation: a } = node;
        return Object.assign(new vscode.TreeItem(`"${short(a.target.quote)}"`), {
          id: `${node.state.article.toString()}#${a.id}#orphan`,
          description: `${firstLine(a.note)} — ${relative(node.state.article)}`,
          tooltip: tooltip(a, node.state),
          iconPath: new vscode.ThemeIcon('debug-disconnect'),
          contextValue: 'orphan',
          command: { command: 'vscode.open', title: 'Open Sidecar', arguments: [node.state.sidecar] },
        });
      }
    }
  }

  dispose(): void {
    clearTimeout(this.timer);
    this.changed.dispose();
  }
}

function tooltip(a: Annotation, state: ArticleAnnotations): vscode.MarkdownString {
  const md = new vscode.MarkdownString(
    `**${escapeMarkdown(a.label)}** · ${a.status} — ${escapeMarkdown(relative(state.article))}\n\n> ${escapeMarkdown(a.target.quote)}` +
      (a.note ? `\n\n${a.note}` : '') +
      (a.author ? `\n\n*${escapeMarkdown(a.author)}*` : ''),
  );
  md.isTrusted = false;
  md.supportHtml = false;
  return md;
}

function relative(uri: vscode.Uri): string {
  return vscode.workspace.asRelativePath(uri);
}

function short(text: string): string {
  const flat = text.replace(/\s+/g, ' ');
  return flat.length > QUOTE_LENGTH ? `${flat.slice(0, QUOTE_LENGTH - 1)}…` : flat;
}

function firstLine(note: string | undefined): string {
  return note ? short(note.trim().split(/\r?\n/)[0]) : 'no note';
}
