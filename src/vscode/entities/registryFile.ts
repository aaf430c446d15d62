import * as vscode from 'vscode';
import { emptyRegistryText, parseRegistry, type ParsedRegistry } from '../../core';
import { onDidChangeSettings } from '../shared/configuration';
import { toDiagnostics } from '../shared/diagnostics';
import { UserError } from '../shared/errors';
import { readTextFile, writeFileAtomic } from '../shared/textFiles';
import { requireWriteAccess } from '../shared/trust';
import { registryLocation } from './registryLocation';

/** The workspace's entity registry file: located, read, watched, and edited without losing hand edits. */
export class RegistryFile implements vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<ParsedRegistry>();
  /** Fires after the registry was (re)loaded, from disk or after a save of ours. */
  readonly onDidChange = this.changed.event;
  private readonly diagnostics = vscode.languages.createDiagnosticCollection('marginalia-registry');
  private readonly disposables: vscode.Disposable[];
  private watcher: vscode.Disposable | undefined;
  private current: ParsedRegistry = parseRegistry('');
  private lastText: string | undefined;
  /** Why the file may not be written (undecodable bytes), when that is so. */
  private readOnly: string | undefined;
  private location: { uri: vscode.Uri | undefined; refused?: string } = { uri: undefined };
  private located: Promise<void> | undefined;
  private generation = 0;

  constructor(private readonly output: vscode.OutputChannel) {
    const relocate = () => void this.locate().then(() => this.load());
    this.disposables = [
      this.changed,
      this.diagnostics,
      onDidChangeSettings(['registryPath'], relocate),
      vscode.workspace.onDidChangeWorkspaceFolders(relocate),
      vscode.workspace.onDidGrantWorkspaceTrust(relocate),
    ];
  }

  /** The registry file, when the workspace has one Marginalia may use. */
  get uri(): vscode.Uri | undefined {
    return this.location.uri;
  }

  get parsed(): ParsedRegistry {
    return this.current;
  }

  /** Finds where the registry is (the setting, checked) and watches that file. */
  locate(): Promise<void> {
    const generation = ++this.generation;
    const run = (async () => {
      const location = await registryLocation();
      if (generation !== this.generation) return; // a newer call is on its way
      if (location.refused && location.refused !== this.location.refused) {
        this.output.appendLine(location.refused);
        void vscode.window.showWarningMessage(location.refused);
      }
      if (location.uri?.toString() !== this.location.uri?.toString()) this.watch(location.uri);
      this.location = location;
    })();
    this.located = run;
    return run;
  }

  /** Reads the file again (locating it first, once); fires onDidChange when its text changed. */
  async load(): Promise<ParsedRegistry> {
    if (!this.located) await this.locate();
    else await this.located;
    const uri = this.uri;
    const read = uri ? await readTextFile(uri).catch(e => ({ kind: 'error' as const, message: (e as Error).message })) : { kind: 'missing' as const };
    const text = read.kind === 'text' ? read.text : undefined;
    this.readOnly = read.kind === 'undecodable' || read.kind === 'error' ? read.message : undefined;
    if (text === this.lastText && this.lastText !== undefined && !this.readOnly) return this.current;
    this.lastText = text;
    this.current = parseRegistry(text ?? '');
    this.diagnostics.clear();
    if (uri) {
      const problems = this.readOnly ? [{ line: 0, column: 0, message: `Marginalia: ${this.readOnly}`, severity: 'error' as const }] : this.current.problems;
      this.diagnostics.set(uri, toDiagnostics(problems));
      if (this.readOnly) this.output.appendLine(`${vscode.workspace.asRelativePath(uri)}: ${this.readOnly}`);
    }
    this.changed.fire(this.current);
    return this.current;
  }

  /**
   * Applies an edit to the registry as it is on disk now (re-read first, so that a hand edit made
   * meanwhile is kept), then writes it atomically. Refuses to write over a file with errors, one it
   * cannot decode or read, one outside the workspace, and anything in Restricted Mode.
   */
  async edit(change: (document: ParsedRegistry['document']) => void): Promise<void> {
    requireWriteAccess();
    await this.locate(); // the path is checked again right before the write
    const uri = this.uri;
    if (!uri) throw new UserError(this.location.refused ?? 'Marginalia: open a folder to keep an entity registry.');
    const read = await readTextFile(uri);
    const name = vscode.workspace.asRelativePath(uri);
    if (read.kind === 'undecodable') throw new UserError(`Marginalia: ${name}: ${read.message}`);
    const parsed = parseRegistry(read.kind === 'text' ? read.text : emptyRegistryText());
    if (parsed.problems.some(p => p.severity === 'error')) {
      throw new UserError(`Marginalia: ${name} has errors; fix them before Marginalia saves it.`);
    }
    change(parsed.document);
    await vscode.workspace.fs.createDirectory(vscode.Uri.joinPath(uri, '..'));
    await writeFileAtomic(uri, parsed.document.toString());
    await this.load();
  }

  private watch(uri: vscode.Uri | undefined): void {
    this.watcher?.dispose();
    this.watcher = undefined;
    if (!uri) return;
    const watcher = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(vscode.Uri.joinPath(uri, '..'), uri.path.split('/').pop()!));
    const reload = () => void this.load();
    this.watcher = vscode.Disposable.from(watcher, watcher.onDidCreate(reload), watcher.onDidChange(reload), watcher.onDidDelete(reload));
  }

  dispose(): void {
    this.watcher?.dispose();
    vscode.Disposable.from(...this.disposables).dispose();
  }
}
