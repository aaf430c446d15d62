import * as vscode from 'vscode';
import { CancelledError, EXPORT_FORMATS, exportAnnotations, type ExportDocument, type ExportFormat } from '../../core';
import type { AnnotationStore } from '../annotations/annotationStore';
import type { CorpusService } from '../corpus/corpusService';

interface ExportArgs {
  format: ExportFormat;
  /** Folder to write into (absolute path or URI string). */
  output: string;
  scope?: 'document' | 'workspace';
  includeSuggestions?: boolean;
}

const FORMAT_DETAILS: Record<ExportFormat, string> = {
  w3c: 'W3C Web Annotation JSON-LD (Hypothesis and other Web Annotation clients)',
  brat: 'BRAT standoff: .txt + .ann per document, annotation.conf (BRAT, INCEpTION)',
  conll: 'CoNLL-2003 IOB2 tokens (NER training)',
  jsonl: 'JSONL, spaCy/Prodigy style (UTF-16 offsets)',
  doccano: 'JSONL, doccano style (code-point offsets)',
  csv: 'CSV, one row per annotation (spreadsheets)',
};

/**
 * `marginalia.exportAnnotations`: asks scope, what to include, format and destination (or takes
 * them as an argument), exports with a cancellable progress, and returns the paths written.
 */
export function registerExportCommand(corpus: CorpusService, store: AnnotationStore): vscode.Disposable {
  return vscode.commands.registerCommand('marginalia.exportAnnotations', async (args?: ExportArgs): Promise<string[] | undefined> => {
    const choice = args ?? await ask();
    if (!choice) return undefined;
    if (!EXPORT_FORMATS.includes(choice.format)) throw new Error(`Marginalia: unknown export format ${choice.format}`);
    await corpus.ready();
    const root = vscode.workspace.workspaceFolders?.[0]?.uri;
    const active = vscode.window.activeTextEditor?.document;
    const paths = choice.scope === 'document'
      ? (active && corpus.analyzed(active) ? [active.uri.toString()] : [])
      : corpus.index.paths();
    if (paths.length === 0) throw new Error('Marginalia: no article to export.');
    const output = choice.output.includes('://') ? vscode.Uri.parse(choice.output) : vscode.Uri.file(choice.output);

    return vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: `Marginalia: exporting ${paths.length} articles as ${choice.format}`, cancellable: true },
      async (progress, token) => {
        const documents: ExportDocument[] = [];
        for (const path of paths) {
          if (token.isCancellationRequested) return undefined;
          const uri = vscode.Uri.parse(path);
          const state = await store.get(uri);
          documents.push({
            path: root ? vscode.workspace.asRelativePath(uri, false) : uri.path.split('/').pop()!,
            text: corpus.index.text(path) ?? '',
            annotations: [...state.annotations, ...state.orphans],
            mentions: choice.includeSuggestions ? corpus.index.analyzed(path)?.mentions : undefined,
          });
        }
        try {
          const result = await exportAnnotations(choice.format, documents, {
            includeSuggestions: choice.includeSuggestions,
            registry: corpus.registry(),
            isCancelled: () => token.isCancellationRequested,
            onDocument: ({ index, total }) => progress.report({ message: `${index + 1} of ${total}`, increment: 100 / total }),
          });
          const written = await writeAll(output, result.files);
          // Not awaited: the progress notification ends now, whatever the user does with this one.
          if (!args) void announce(result.spans, written);
          return written;
        } catch (e) {
          if (e instanceof CancelledError) return undefined;
          throw e;
        }
      },
    );
  });
}

async function announce(spans: number, written: string[]): Promise<void> {
  const open = await vscode.window.showInformationMessage(`Marginalia: exported ${spans} spans to ${written.length} files.`, 'Reveal');
  if (open) await vscode.commands.executeCommand('revealFileInOS', vscode.Uri.file(written[0]));
}

/** Writes every file to a temporary name first, then renames all into place. */
async function writeAll(folder: vscode.Uri, files: { path: string; content: string }[]): Promise<string[]> {
  const staged: { tmp: vscode.Uri; final: vscode.Uri }[] = [];
  try {
    for (const file of files) {
      const final = vscode.Uri.joinPath(folder, ...file.path.split('/'));
      const tmp = final.with({ path: `${final.path}.marginalia.tmp` });
      await vscode.workspace.fs.writeFile(tmp, new TextEncoder().encode(file.content));
      staged.push({ tmp, final });
    }
    for (const { tmp, final } of staged) await vscode.workspace.fs.rename(tmp, final, { overwrite: true });
  } catch (e) {
    await Promise.all(staged.map(({ tmp }) => vscode.workspace.fs.delete(tmp).then(undefined, () => undefined)));
    throw e;
  }
  return staged.map(s => s.final.fsPath);
}

async function ask(): Promise<ExportArgs | undefined> {
  const scope = await vscode.window.showQuickPick(
    [{ label: 'Workspace', description: 'every article', value: 'workspace' as const }, { label: 'This document', value: 'document' as const }],
    { title: 'Export annotations (1/4): which articles?' });
  if (!scope) return undefined;
  const include = await vscode.window.showQuickPick(
    [{ label: 'Reviewed annotations', value: false }, { label: 'Reviewed annotations and recognized mentions not yet reviewed', value: true }],
    { title: 'Export annotations (2/4): what to include?' });
  if (!include) return undefined;
  const format = await vscode.window.showQuickPick(
    EXPORT_FORMATS.map(f => ({ label: f, detail: FORMAT_DETAILS[f], value: f })),
    { title: 'Export annotations (3/4): format' });
  if (!format) return undefined;
  const folder = await vscode.window.showOpenDialog({ canSelectFolders: true, canSelectFiles: false, canSelectMany: false, openLabel: 'Export here', title: 'Export annotations (4/4): destination folder' });
  if (!folder?.[0]) return undefined;
  return { format: format.value, output: folder[0].toString(), scope: scope.value, includeSuggestions: include.value };
}
