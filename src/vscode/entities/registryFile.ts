import * as vscode from 'vscode';
import { emptyRegistryText, parseRegistry, type ParsedRegistry } from '../../core';
import { readTextIfExists, writeFileAtomic } from '../shared/atomicWrite';

/** The workspace's entity registry file: read, watched, and edited without losing hand edits. */
export class RegistryFile implements vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<ParsedRegistry>();
  /** Fires after the registry was (re)loaded, from disk or after a save of ours. */
  readonly onDidChange = this.changed.event;
  private readonly diagnostics = vscode.languages.createDiagnosticCollection('marginalia-registry');
  private readonly watcher: vscode.FileSystemWatcher | undefined;
  private current: ParsedRegistry = parseRegistry('');
  private lastText: string | undefined;

  constructor(readonly uri: vscode.Uri | undefined) {
    if (uri) {
      this.watcher = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(vscode.Uri.joinPath(uri, '..'), uri.path.split('/').pop()!));
      const reload = () => void this.load();
      this.watcher.onDidCreate(reload);
      this.watcher.onDidChange(reload);
      this.watcher.onDidDelete(reload);
    }
  }

  get parsed(): ParsedRegistry {
    return this.current;
  }

  /** Reads the file again; fires onDidChange when its text changed. */
  async load(): Promise<ParsedRegistry> {
    const text = this.uri ? await readTextIfExists(this.uri) : undefined;
    if (text === this.lastText && this.lastText !== undefined) return this.current;
    this.lastText = text;
    this.current = parseRegistry(text ?? '');
    if (this.uri) {
      this.diagnostics.set(this.uri, this.current.problems.map(p => {
        const d = new vscode.Diagnostic(new vscode.Range(p.line, p.column, p.line, p.column + 1), p.message,
          p.severity === 'error' ? vscode.DiagnosticSeverity.Error : vscode.DiagnosticSeverity.Warning);
        d.source = 'Marginalia';
        return d;
      }));
    }
    this.changed.fire(this.current);
    return this.current;
  }

  /**
   * Applies an edit to the registry as it is on disk now (re-read first, so that a hand edit made
   * meanwhile is kept), then writes it atomically. Refuses to write over a file with errors.
   */
  async edit(change: (document: ParsedRegistry['document']) => void): Promise<void> {
    if (!this.uri) throw new Error('Marginalia: open a folder to keep an entity registry.');
    const onDisk = await readTextIfExists(this.uri);
    const parsed = parseRegistry(onDisk ?? emptyRegistryText());
    if (parsed.problems.some(p => p.severity === 'error')) {
      throw new Error(`Marginalia: ${vscode.workspace.asRelativePath(this.uri)} has errors; fix them before Marginalia saves it.`);
    }
    change(parsed.document);
    await vscode.workspace.fs.createDirectory(vscode.Uri.joinPath(this.uri, '..'));
    await writeFileAtomic(this.uri, parsed.document.toString());
    await this.load();
  }

  dispose(): void {
    this.watcher?.dispose();
    this.diagnostics.dispose();
    this.changed.dispose();
  }
}
