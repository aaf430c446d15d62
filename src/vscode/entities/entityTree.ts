import * as vscode from 'vscode';
import { contextLine, variantProposals, type Entity, type MentionKind, type MentionRef, type VariantProposal } from '../../core';
import { commandArgs } from '../common/convert';
import type { CorpusService } from '../corpus/corpusService';
import { KIND_ICONS } from '../common/icons';
import { gatherMentions } from './mentionLists';

type Node =
  | { type: 'kind'; kind: MentionKind; count: number }
  | { type: 'entity'; entity: Entity }
  | { type: 'entityDocument'; entity: Entity; path: string; refs: MentionRef[] }
  | { type: 'mention'; ref: MentionRef; label: string }
  | { type: 'variants'; proposals: VariantProposal[] }
  | { type: 'variant'; proposal: VariantProposal }
  | { type: 'documents' }
  | { type: 'document'; path: string };

const KIND_TITLES: Record<MentionKind, string> = { person: 'People', organization: 'Organizations', place: 'Places', date: 'Dates' };
const NAME_KINDS: MentionKind[] = ['person', 'organization', 'place'];

/** The Marginalia view: entities by kind, variants to review, and each document's entities. */
export function registerEntityTree(corpus: CorpusService): vscode.Disposable {
  const provider = new EntityTreeProvider(corpus);
  const view = vscode.window.createTreeView('marginalia.entities', { treeDataProvider: provider, showCollapseAll: true });
  return vscode.Disposable.from(
    view,
    provider,
    corpus.onDidChange(() => provider.refresh()),
  );
}

class EntityTreeProvider implements vscode.TreeDataProvider<Node>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<Node | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly corpus: CorpusService) {}

  refresh(): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.changed.fire(undefined), 300);
  }

  async getChildren(node?: Node): Promise<Node[]> {
    const index = this.corpus.index;
    if (!node) {
      const entities = index.entities();
      const proposals = variantProposals(entities);
      return [
        ...NAME_KINDS.map(kind => ({ type: 'kind' as const, kind, count: entities.filter(e => e.kind === kind).length })),
        { type: 'variants', proposals },
        { type: 'documents' },
      ];
    }
    switch (node.type) {
      case 'kind':
        return index
          .entities()
          .filter(e => e.kind === node.kind)
          .map(entity => ({ type: 'entity', entity }));
      case 'entity': {
        const byPath = new Map<string, MentionRef[]>();
        // in slices: an entity may span the corpus
        for (const ref of (await gatherMentions(index, { entity: node.entity.id }, ref => ref)) ?? []) {
          const list = byPath.get(ref.path);
          if (list) list.push(ref);
          else byPath.set(ref.path, [ref]);
        }
        return [...byPath].sort((a, b) => b[1].length - a[1].length).map(([path, refs]) => ({ type: 'entityDocument', entity: node.entity, path, refs }));
      }
      case 'entityDocument': {
        // the document's text read once for all its lines (a text the index does not hold is read from its file)
        const text = index.text(node.path) ?? '';
        return node.refs.map(ref => ({ type: 'mention', ref, label: contextLine(text, ref.mention.start, ref.mention.end, 40) }));
      }
      case 'variants':
        return node.proposals.map(proposal => ({ type: 'variant', proposal }));
      case 'documents':
        return index.paths().map(path => ({ type: 'document', path }));
      case 'document': {
        const seen = new Map<string, Entity>();
        for (const m of index.analyzed(node.path)?.mentions ?? []) {
          const entity = m.entity ? index.entity(m.entity) : undefined;
          if (entity) seen.set(entity.id, entity);
        }
        return [...seen.values()].map(entity => ({ type: 'entity', entity }));
      }
      default:
        return [];
    }
  }

  getTreeItem(node: Node): vscode.TreeItem {
    const collapsed = vscode.TreeItemCollapsibleState.Collapsed;
    switch (node.type) {
      case 'kind':
        return Object.assign(new vscode.TreeItem(KIND_TITLES[node.kind], collapsed), {
          description: String(node.count),
          iconPath: new vscode.ThemeIcon(KIND_ICONS[node.kind]),
        });
      case 'entity':
        return Object.assign(new vscode.TreeItem(node.entity.name, collapsed), {
          description: `${node.entity.mentions} in ${node.entity.documents} docs`,
          tooltip: [node.entity.name, ...node.entity.aliases.filter(a => a !== node.entity.name)].join(' · '),
          iconPath: new vscode.ThemeIcon(KIND_ICONS[node.entity.kind]),
          contextValue: 'entity',
        });
      case 'entityDocument':
        return Object.assign(new vscode.TreeItem(vscode.workspace.asRelativePath(vscode.Uri.parse(node.path)), collapsed), {
          description: String(node.refs.length),
          resourceUri: vscode.Uri.parse(node.path),
        });
      case 'mention': {
        const { path, mention } = node.ref;
        return Object.assign(new vscode.TreeItem(node.label), {
          command: { command: 'marginalia.openMention', title: 'Open', arguments: commandArgs({ path, start: mention.start, end: mention.end }) },
        });
      }
      case 'variants':
        return Object.assign(new vscode.TreeItem('Variants to review', collapsed), {
          description: String(node.proposals.length),
          iconPath: new vscode.ThemeIcon('git-merge'),
        });
      case 'variant':
        return Object.assign(new vscode.TreeItem(node.proposal.names.join(' ≈ ')), {
          description: node.proposal.reason,
          tooltip: 'Click to merge these entities into the first one.',
          command: { command: 'marginalia.mergeVariants', title: 'Merge', arguments: [{ ids: node.proposal.ids }] },
          iconPath: new vscode.ThemeIcon('git-merge'),
        });
      case 'documents':
        return Object.assign(new vscode.TreeItem('Documents', collapsed), {
          description: String(this.corpus.index.paths().length),
          iconPath: new vscode.ThemeIcon('files'),
        });
      case 'document':
        return Object.assign(new vscode.TreeItem(vscode.Uri.parse(node.path), collapsed), {
          description: vscode.workspace.asRelativePath(vscode.Uri.parse(node.path)),
        });
    }
  }

  dispose(): void {
    clearTimeout(this.timer);
    this.changed.dispose();
  }
}
