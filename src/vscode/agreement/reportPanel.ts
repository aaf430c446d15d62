import * as vscode from 'vscode';
import { agreementCsv, checkWriteLocation, encodeText, parentOf, replaceFile, SIDECAR_SUFFIX, WriteRefusedError, type AgreementReport } from '../../core';
import type { FeatureCommands } from '../common/commandTable';
import { showFailure, UserError } from '../common/errors';
import { corePath, type Workspaces } from '../common/workspaces';
import type { AgreementService, ComparisonMode } from './agreementService';
import type { DisagreementTree } from './disagreementTree';
import { reportHtml } from './reportHtml';

interface ReportArgs {
  by?: 'author';
  /** A git revision or branch. */
  against?: string;
  /** A folder of sidecars laid out like the workspace (absolute, or relative to the workspace folder). */
  with?: string;
}

/** The agreement report in a webview: one panel, following the comparison as it changes. */
export class ReportPanel implements vscode.Disposable {
  private panel: vscode.WebviewPanel | undefined;
  private readonly listener: vscode.Disposable;

  constructor(
    private readonly service: AgreementService,
    private readonly tree: DisagreementTree,
    private readonly workspaces: Workspaces,
  ) {
    this.listener = service.onDidChange(() => this.render());
  }

  show(): void {
    if (this.panel) {
      this.panel.reveal(vscode.ViewColumn.Active);
    } else {
      this.panel = vscode.window.createWebviewPanel('marginalia.agreementReport', 'Agreement', vscode.ViewColumn.Active, {
        enableScripts: true,
        localResourceRoots: [],
      });
      this.panel.onDidDispose(() => {
        this.panel = undefined;
      });
      this.panel.webview.onDidReceiveMessage(m => this.receive(m as { type?: string; path?: string }).catch(showFailure));
    }
    this.render();
  }

  /** Writes the report as CSV to `output` (a path, absolute or relative to the workspace folder), else where the user picks. */
  async exportCsv(output?: string): Promise<string | undefined> {
    const comparison = this.service.current;
    if (!comparison) throw new UserError('Marginalia: compute the agreement report first.');
    const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
    const target =
      output !== undefined
        ? isAbsolute(output) || !folder
          ? vscode.Uri.file(output)
          : vscode.Uri.joinPath(folder, output)
        : await vscode.window.showSaveDialog({
            defaultUri: folder && vscode.Uri.joinPath(folder, 'agreement.csv'),
            filters: { CSV: ['csv'] },
            title: 'Export the agreement report',
          });
    if (!target) return undefined;
    await this.write(target, agreementCsv(comparison.report));
    void vscode.window.showInformationMessage(`Marginalia: agreement report written to ${vscode.workspace.asRelativePath(target)}.`);
    return target.fsPath;
  }

  /** Writes under the core's write policy (atomic, no link, refused in Restricted Mode), never over an article or a sidecar. */
  private async write(target: vscode.Uri, text: string): Promise<void> {
    if (target.scheme !== 'file') throw new UserError(`Marginalia: cannot write ${target.toString()} (only local files).`);
    const path = corePath(target);
    if (path.endsWith(SIDECAR_SUFFIX) || (await this.workspaces.of(target))?.isArticle(path)) {
      throw new WriteRefusedError(path, 'is an article or a sidecar; the report is not written over it');
    }
    await checkWriteLocation(this.workspaces.fs, parentOf(path), path);
    await replaceFile(this.workspaces.fs, path, encodeText(text));
  }

  private async receive(m: { type?: string; path?: string }): Promise<void> {
    if (m.type === 'exportCsv') await this.exportCsv();
    else if (m.type === 'recompute' && this.service.current) await this.service.compute(this.service.current.mode);
    else if (m.type === 'next') await this.tree.step(1);
    else if (m.type === 'openDocument' && typeof m.path === 'string') {
      const first = this.service.disagreements(m.path)[0];
      if (first) await this.tree.open(m.path, first);
    }
  }

  private render(): void {
    const comparison = this.service.current;
    if (!this.panel || !comparison) return;
    this.panel.webview.html = reportHtml(comparison.report, { nonce: nonce(), cspSource: this.panel.webview.cspSource, comparison: describe(comparison.mode) });
  }

  dispose(): void {
    this.listener.dispose();
    this.panel?.dispose();
  }
}

/** `marginalia.agreementReport` (compare, then show the report), `marginalia.exportAgreementCsv`. */
export function reportCommands(
  service: AgreementService,
  panel: ReportPanel,
): FeatureCommands<'marginalia.agreementReport' | 'marginalia.exportAgreementCsv' | 'marginalia.internal.showAgreementReport'> {
  const report = async (args?: ReportArgs): Promise<AgreementReport | undefined> => {
    const mode = args ? modeOf(args) : await pickMode();
    if (!mode) return undefined;
    const comparison = await service.compute(mode);
    if (!comparison) return undefined;
    panel.show();
    return comparison.report;
  };
  return {
    'marginalia.agreementReport': report,
    'marginalia.exportAgreementCsv': (args?: { output?: string }) => panel.exportCsv(args?.output),
    'marginalia.internal.showAgreementReport': () => (service.current ? panel.show() : report()),
  };
}

function modeOf(args: ReportArgs): ComparisonMode {
  const given = [args.by, args.against, args.with].filter(v => v !== undefined);
  if (given.length > 1) throw new UserError('Marginalia: give one of by, against, with.');
  if (args.against !== undefined) return { against: String(args.against) };
  if (args.with !== undefined) {
    const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
    const path = String(args.with);
    return { with: isAbsolute(path) || !folder ? vscode.Uri.file(path) : vscode.Uri.joinPath(folder, path) };
  }
  if (args.by !== undefined && args.by !== 'author') throw new UserError(`Marginalia: by must be "author", not ${JSON.stringify(args.by)}.`);
  return { by: 'author' };
}

async function pickMode(): Promise<ComparisonMode | undefined> {
  const picked = await vscode.window.showQuickPick(
    [
      { label: '$(person) By author', detail: 'Reviewers are the authors of the annotations in the same sidecars', mode: 'author' as const },
      {
        label: '$(git-branch) Against a git revision or branch…',
        detail: "The workspace's sidecars against those committed at a revision (nothing is checked out)",
        mode: 'against' as const,
      },
      { label: '$(folder) With another folder of sidecars…', detail: "The workspace's sidecars against a folder laid out like it", mode: 'with' as const },
    ],
    { title: 'Marginalia: compare reviewers' },
  );
  if (!picked) return undefined;
  if (picked.mode === 'author') return { by: 'author' };
  if (picked.mode === 'against') {
    const rev = await vscode.window.showInputBox({
      title: 'Compare the workspace against git revision',
      placeHolder: 'a branch, tag or commit, e.g. review-martin',
      validateInput: v => (v.trim() ? undefined : 'a revision is needed'),
    });
    return rev ? { against: rev.trim() } : undefined;
  }
  const [folder] =
    (await vscode.window.showOpenDialog({ canSelectFolders: true, canSelectFiles: false, title: 'A folder of sidecars laid out like the workspace' })) ?? [];
  return folder ? { with: folder } : undefined;
}

function describe(mode: ComparisonMode): string {
  if ('against' in mode) return `the workspace against ${mode.against}`;
  if ('with' in mode) return `the workspace against ${vscode.workspace.asRelativePath(mode.with)}`;
  return 'by author';
}

function isAbsolute(path: string): boolean {
  return path.startsWith('/') || /^[A-Za-z]:[\\/]/.test(path);
}

function nonce(): string {
  const bytes = new Uint8Array(18);
  crypto.getRandomValues(bytes);
  return Buffer.from(bytes).toString('base64');
}
