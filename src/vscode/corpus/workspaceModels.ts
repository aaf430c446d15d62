// The workspace model (.marginalia/model.json, learned from reviews) of each workspace folder, as
// the analysis uses it: read on the host (its text and identity only), parsed where the articles
// are analyzed (analysisClient.ts). No `vscode` import.
import { readWorkspaceModelText, type Workspace } from '../../core';
import type { AnalysisClient } from './analysisClient';

/** Which model each workspace folder's articles are analyzed with. */
export class WorkspaceModels {
  private byRoot = new Map<string, { workspace: Workspace; id: string }>();

  /** `report`: told when a folder's model file cannot be read (its articles then use the rules). */
  constructor(
    private readonly analysis: AnalysisClient,
    private readonly report: (message: string) => void,
  ) {}

  /** Reads every folder's model file again; true when a folder's model changed (its articles are to be analyzed again). */
  async load(workspaces: readonly Workspace[]): Promise<boolean> {
    const next = new Map<string, { workspace: Workspace; id: string }>();
    for (const workspace of workspaces) {
      const read = await readWorkspaceModelText(workspace);
      if (read.status === 'problem') this.report(`${read.message} Its articles are analyzed by the rules.`);
      if (read.status !== 'ok') continue;
      this.analysis.useModel(read.id, read.text);
      next.set(workspace.root, { workspace, id: read.id });
    }
    const before = this.byRoot;
    this.byRoot = next;
    const used = new Set([...next.values()].map(m => m.id));
    for (const { id } of before.values()) if (!used.has(id)) this.analysis.forgetModel(id);
    return before.size !== next.size || [...next].some(([root, { id }]) => before.get(root)?.id !== id);
  }

  /** The workspace folders (their roots) whose articles are analyzed with a model. */
  folders(): string[] {
    return [...this.byRoot.keys()];
  }

  /** The id of the model the article at `path` (a core path) is analyzed with; undefined: the rules alone. */
  of(path: string): string | undefined {
    for (const { workspace, id } of this.byRoot.values()) if (workspace.relative(path) !== undefined) return id;
    return undefined;
  }
}
