import * as vscode from 'vscode';
import { agreementCsv, type AgreementReport } from '../../core';
import { writeFileAtomic } from '../shared/atomicWrite';
import type { AgreementService, ComparisonMode } from './agreementService';
import { registerArgumentCommand } from './commandArgs';
import type { DisagreementTree } from './disagreementTree';
import { reportHtml } from './reportHtml';

interface ReportArgs {
  by?: 'author';
  /** A git revision or branch. */
  against?: string;
  /** A folder of sidecars laid out like the workspace (absolute, or relative to the workspace folder). */
  with?: string;
}

/**
 * `marginalia.agreementReport` (compare, then show the report in a webview) and
 * `marginalia.exportAgreementCsv`. The report follows the comparison as it changes.
 */
export function registerAgreementReport(service: AgreementService, tree: DisagreementTree): vscode.Disposable {
  let panel: vscode.WebviewPanel | undefined;
  const render = () => {
    const comparison = service.current;
    if (!panel || !comparison) return;
    panel.webview.html = reportHtml(comparison.report, { nonce: nonce(), cspSource: panel.webview.cspSource, comparison: describe(comparison.mode) });
  };
  const exportCsv = async (output?: string): Promise<string | undefined> => {
    const comparison = service.current;
    if (!comparison) throw new Error('Marginalia: compute the agreement report first.');
    const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
    const target = output !== undefined
      ? (output.startsWith('/') || /^[A-Za-z]:[\\/]/.test(output) ? vscode.Uri.file(output) : vscode.Uri.joinPath(folder!, output))
      : await vscode.window.showSaveDialog({ defaultUri: folder && vscode.Uri.joinPath(folder, 'agreement.csv'), filters: { CSV: ['csv'] }, title: 'Export the agreement report' });
    if (!target) return undefined;
    await writeFileAtomic(target, agreementCsv(comparison.report));
    void vscode.window.showInformationMessage(`Marginalia: agreement report written to ${vscode.workspace.asRelativePath(target)}.`);
    return target.fsPath;
  };
  const show = () => {
    if (panel) {
      panel.reveal(vscode.ViewColumn.Active);
    } else {
      panel = vscode.window.createWebviewPanel('marginalia.agreementReport', 'Agreement', vscode.ViewColumn.Active, { enableScripts: true, localResourceRoots: [] });
      panel.onDidDispose(() => { panel = undefined; });
      panel.webview.onDidReceiveMessage(async (m: { type?: string; path?: string }) => {
        try {
          if (m.type === 'exportCsv') await exportCsv();
          else if (m.type === 'recompute' && service.current) await service.compute(service.current.mode);
          else if (m.type === 'next') await tree.step(1);
          else if (m.type === 'openDocument' && typeof m.path === 'string') {
            const first = service.disagreements(m.path)[0];
            if (first) await tree.open(m.path, first);
          }
        } catch (e) {
          void vscode.window.showErrorMessage(`Marginalia: ${(e as Error).message}`);
        }
      });
    }
    render();
  };
  return vscode.Disposable.from(
    service.onDidChange(render),
    { dispose: () => panel?.dispose() },
    registerArgumentCommand<ReportArgs>('marginalia.agreementReport', async args => {
      const mode = args ? modeOf(args) : await pickMode();
      if (!mode) return undefined;
      const comparison = await service.compute(mode);
      if (!comparison) return undefined;
      show();
      return comparison.report satisfies AgreementReport;
    }),
    vscode.commands.registerCommand('marginalia.internal.showAgreementReport', async () => {
      if (service.current) show();
      else await vscode.commands.executeCommand('marginalia.agreementReport');
    }),
    registerArgumentCommand<{ output?: string }>('marginalia.exportAgreementCsv', args => exportCsv(args?.output)),
  );
}

function modeOf(args: ReportArgs): ComparisonMode {
  const given = [args.by, args.against, args.with].filter(v => v !== undefined);
  if (given.length > 1) throw new Error('Marginalia: give one of by, against, with.');
  if (args.against !== undefined) return { against: String(args.against) };
  if (args.with !== undefined) {
    const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
    const path = String(args.with);
    return { with: path.startsWith('/') || /^[A-Za-z]:[\\/]/.test(path) || !folder ? vscode.Uri.file(path) : vscode.Uri.joinPath(folder, path) };
  }
  if (args.by !== undefined && args.by !== 'author') throw new Error(`Marginalia: by must be "author", not ${JSON.stringify(args.by)}.`);
  return { by: 'author' };
}

async function pickMode(): Promise<ComparisonMode | undefined> {
  const picked = await vscode.window.showQuickPick([
    { label: '$(person) By author', detail: 'Reviewers are the authors of the annotations in the same sidecars', mode: 'author' as const },
    { label: '$(git-branch) Against a git revision or branch…', detail: 'The workspace\'s sidecars against those committed at a revision (nothing is checked out)', mode: 'against' as const },
    { label: '$(folder) With another folder of sidecars…', detail: 'The workspace\'s sidecars against a folder laid out like it', mode: 'with' as const },
  ], { title: 'Marginalia: compare reviewers' });
  if (!picked) return undefined;
  if (picked.mode === 'author') return { by: 'author' };
  if (picked.mode === 'against') {
    const rev = await vscode.window.showInputBox({ title: 'Compare the workspace against git revision', placeHolder: 'a branch, tag or commit, e.g. review-martin', validateInput: v => (v.trim() ? undefined : 'a revision is needed') });
    return rev ? { against: rev.trim() } : undefined;
  }
  const [folder] = await vscode.window.showOpenDialog({ canSelectFolders: true, canSelectFiles: false, title: 'A folder of sidecars laid out like the workspace' }) ?? [];
  return folder ? { with: folder } : undefined;
}

function describe(mode: ComparisonMode): string {
  if ('against' in mode) return `the workspace against ${mode.against}`;
  if ('with' in mode) return `the workspace against ${vscode.workspace.asRelativePath(mode.with)}`;
  return 'by author';
}

function nonce(): string {
  const bytes = new Uint8Array(18);
  crypto.getRandomValues(bytes);
  return Buffer.from(bytes).toString('base64');
}
