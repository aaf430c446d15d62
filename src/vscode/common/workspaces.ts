import * as vscode from 'vscode';
import { DEFAULT_REGISTRY_PATH, outsideReason, registryLocation, Workspace, type FileSystem } from '../../core';
import { NodeFileSystem, toCorePath } from '../../node/nodeFileSystem';
import { onDidChangeSettings, setting } from './configuration';
import { UserError } from './errors';
import { RESTRICTED_MODE_MESSAGE, canWrite } from './trust';

/**
 * The workspace core's file system for the extension host: Node's (the host is Node; package.json
 * declares no virtual workspace support), refusing every write in Restricted Mode, so that no path
 * of the core can change a file of an untrusted workspace.
 */
class ExtensionFileSystem implements FileSystem {
  private readonly node = new NodeFileSystem();
  readonly caseInsensitive = this.node.caseInsensitive;

  stat(path: string) {
    return this.node.stat(path);
  }
  readFile(path: string) {
    return this.node.readFile(path);
  }
  readDirectory(path: string) {
    return this.node.readDirectory(path);
  }
  realPath(path: string) {
    return this.node.realPath(path);
  }
  async createDirectory(path: string) {
    allowed();
    return this.node.createDirectory(path);
  }
  async createFile(path: string, data: Uint8Array, options?: { durable?: boolean }) {
    allowed();
    return this.node.createFile(path, data, options);
  }
  async rename(from: string, to: string) {
    allowed();
    return this.node.rename(from, to);
  }
  async delete(path: string) {
    allowed();
    return this.node.delete(path);
  }
}

function allowed(): void {
  if (!canWrite()) throw new UserError(RESTRICTED_MODE_MESSAGE);
}

/** A workspace folder as the core sees it, with the settings it was built from. */
interface Folder {
  readonly folder: vscode.WorkspaceFolder;
  readonly workspace: Workspace;
}

/**
 * The core `Workspace` of each local workspace folder, built from the typed settings and rebuilt
 * when they, the folders or the workspace's trust change. Paths given to the core are absolute
 * and `/`-separated (`corePath`).
 */
export class Workspaces implements vscode.Disposable {
  readonly fs: FileSystem = new ExtensionFileSystem();
  private folders: Folder[] = [];
  private ready: Promise<void>;
  private readonly changed = new vscode.EventEmitter<void>();
  /** Fires after the workspaces were rebuilt (settings, folders or trust changed). */
  readonly onDidChange = this.changed.event;
  /** Why the registry path setting was refused, when it was (said once per new reason). */
  private refused: string | undefined;
  private readonly disposables: vscode.Disposable[];

  constructor(private readonly output: vscode.OutputChannel) {
    const rebuild = () => {
      this.ready = this.build();
      void this.ready.then(() => this.changed.fire());
    };
    this.disposables = [
      this.changed,
      onDidChangeSettings(['include', 'exclude', 'registryPath'], rebuild),
      vscode.workspace.onDidChangeWorkspaceFolders(rebuild),
      vscode.workspace.onDidGrantWorkspaceTrust(rebuild),
    ];
    this.ready = this.build();
  }

  /** The workspaces, once built from the current settings. */
  async all(): Promise<Workspace[]> {
    await this.ready;
    return this.folders.map(f => f.workspace);
  }

  /** The workspace of the first local folder, where the entity registry is. */
  async primary(): Promise<Workspace | undefined> {
    await this.ready;
    return this.folders[0]?.workspace;
  }

  /** The workspace whose folder holds the file (as a path), if any. */
  async of(uri: vscode.Uri): Promise<Workspace | undefined> {
    await this.ready;
    if (uri.scheme !== 'file') return undefined;
    const path = corePath(uri);
    return this.folders.find(f => f.workspace.relative(path) !== undefined)?.workspace;
  }

  private async build(): Promise<void> {
    const local = (vscode.workspace.workspaceFolders ?? []).filter(f => f.uri.scheme === 'file');
    const folders: Folder[] = [];
    for (const [i, folder] of local.entries()) {
      const root = corePath(folder.uri);
      // Only the first folder keeps the registry (as the extension always did).
      const registryPath = i === 0 ? await this.registryPathOf(root, setting('registryPath', folder.uri)) : DEFAULT_REGISTRY_PATH;
      folders.push({
        folder,
        workspace: new Workspace(this.fs, root, { include: setting('include', folder.uri), exclude: setting('exclude', folder.uri), registryPath }),
      });
    }
    this.folders = folders;
  }

  /**
   * The registry path setting when it stays inside the folder, links resolved (a cloned
   * repository's settings may point anywhere); else, said once, the default path.
   */
  private async registryPathOf(root: string, configured: string): Promise<string> {
    const where = registryLocation(root, configured);
    const problem =
      'problem' in where ? where.problem : await outsideReason(this.fs, root, where.path).then(r => r && `the registry path "${configured}" ${r}`);
    if (!problem || configured === DEFAULT_REGISTRY_PATH) {
      this.refused = undefined;
      return configured;
    }
    const message = `Marginalia: ${problem.replace(/; using none$/, '')}. Marginalia neither reads nor writes it and uses ${DEFAULT_REGISTRY_PATH} instead; set marginalia.registryPath to a path inside the folder.`;
    if (message !== this.refused) {
      this.refused = message;
      this.output.appendLine(message);
      void vscode.window.showWarningMessage(message);
    }
    return DEFAULT_REGISTRY_PATH;
  }

  dispose(): void {
    vscode.Disposable.from(...this.disposables).dispose();
  }
}

/** A local file's path as the core takes it: absolute, `/`-separated. */
export function corePath(uri: vscode.Uri): string {
  return toCorePath(uri.fsPath);
}

/** The file of a core path. */
export function uriOf(path: string): vscode.Uri {
  return vscode.Uri.file(path);
}
