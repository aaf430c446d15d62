import * as vscode from 'vscode';
import { parseRegistry, type ParsedRegistry } from '../../core';
import { toDiagnostics } from '../common/diagnostics';
import { UserError } from '../common/errors';
import { requireWriteAccess } from '../common/trust';
import { uriOf, type Workspaces } from '../common/workspaces';

/**
 * The workspace's entity registry file (the first folder's, where the checked registry path
 * setting puts it: shared/workspaces.ts): read, watched, and edited through the workspace core
 * (re-read under a lock, so a hand edit made meanwhile is kept; never written when it has errors).
 */
export class RegistryFile implements vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<ParsedRegistry>();
  /** Fires after the registry was (re)loaded, from disk or after a save of ours. */
  readonly onDidChange = this.changed.event;
  private readonly diagnostics = vscode.languages.createDiagnosticCollection('marginalia-registry');
  private readonly disposables: vscode.Disposable[];
  private watcher: vscode.Disposable | undefined;
  private current: ParsedRegistry = parseRegistry('');
  private path: string | undefined;
  private lastText: string | undefined;

  constructor(private readonly workspaces: Workspaces) {
    this.disposables = [this.changed, this.diagnostics, workspaces.onDidChange(() => void this.load())];
  }

  /** The registry file, when the workspace has one Marginalia may use. */
  get uri(): vscode.Uri | undefined {
    return this.path === undefined ? undefined : uriOf(this.path);
  }

  get parsed(): ParsedRegistry {
    return this.current;
  }

  /** Reads the file again (where the settings put it now); fires onDidChange when what it says changed. */
  async load(): Promise<ParsedRegistry> {
    const workspace = await this.workspaces.primary();
    const read = workspace && (await workspace.readRegistry());
    if (read?.path !== this.path) this.watch(read?.path);
    this.path = read?.path;
    const key = read ? `${read.path}\n${read.status}\n${JSON.stringify(read.parsed.problems)}\n${read.parsed.document.toString()}` : undefined;
    if (key === this.lastText && key !== undefined) return this.current;
    this.lastText = key;
    this.current = read?.parsed ?? parseRegistry('');
    this.diagnostics.clear();
    if (read && read.status !== 'missing') this.diagnostics.set(uriOf(read.path), toDiagnostics(read.parsed.problems));
    this.changed.fire(this.current);
    return this.current;
  }

  /**
   * Applies an edit to the registry as it is on disk now and writes it under the write policy;
   * refuses a file with errors, one that cannot be read, one outside the workspace, and any write in
   * Restricted Mode.
   */
  async edit(change: (document: ParsedRegistry['document']) => void): Promise<void> {
    requireWriteAccess();
    const workspace = await this.workspaces.primary();
    if (!workspace) throw new UserError('Marginalia: open a folder to keep an entity registry.');
    await workspace.editRegistry(change);
    await this.load();
  }

  private watch(path: string | undefined): void {
    this.watcher?.dispose();
    this.watcher = undefined;
    if (path === undefined) return;
    const uri = uriOf(path);
    const watcher = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(vscode.Uri.joinPath(uri, '..'), uri.path.split('/').pop()!));
    const reload = () => void this.load();
    this.watcher = vscode.Disposable.from(watcher, watcher.onDidCreate(reload), watcher.onDidChange(reload), watcher.onDidDelete(reload));
  }

  dispose(): void {
    this.watcher?.dispose();
    vscode.Disposable.from(...this.disposables).dispose();
  }
}
