import * as vscode from 'vscode';
import { CancelledError, EXPORT_FORMATS, exportAnnotations, ExportRefusedError, sidecarPathFor, writeExport, type ExportFormat } from '../../core';
import type { AnnotationStore } from '../annotations/annotationStore';
import type { CorpusService } from '../corpus/corpusService';
import type { RegistryFile } from '../entities/registryFile';
import type { FeatureCommands } from '../common/commandTable';
import { UserError } from '../common/errors';
import { corePath, type Workspaces } from '../common/workspaces';
import { savedDocuments } from './savedDocuments';

interface ExportArgs {
  format: ExportFormat;
  /** Folder to write into (absolute path or URI string). */
  output: string;
  scope?: 'document' | 'workspace';
  includeSuggestions?: boolean;
  /** Replace files in the folder that no Marginalia export wrote (never articles). Default false. */
  overwrite?: boolean;
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
 * them as an argument), exports the articles as saved with a cancellable progress, and returns the
 * paths written. It never writes over an article, and asks before replacing a file it did not write.
 */
export function exportCommands(
  corpus: CorpusService,
  store: AnnotationStore,
  registry: RegistryFile,
  workspaces: Workspaces,
): FeatureCommands<'marginalia.exportAnnotations'> {
  return {
    'marginalia.exportAnnotations': async (args?: ExportArgs): Promise<string[] | undefined> => {
      const choice = args ?? (await ask());
      if (!choice) return undefined;
      if (!EXPORT_FORMATS.includes(choice.format)) throw new UserError(`Marginalia: unknown export format ${choice.format}`);
      if (typeof choice.output !== 'string' || !choice.output) throw new UserError('Marginalia: exportAnnotations needs an output folder.');
      await corpus.ready();
      const active = vscode.window.activeTextEditor?.document;
      const paths = choice.scope === 'document' ? (active && (await corpus.current(active)) ? [active.uri.toString()] : []) : corpus.index.paths();
      if (paths.length === 0) throw new UserError('Marginalia: no article to export.');
      const output = choice.output.includes('://') ? vscode.Uri.parse(choice.output) : vscode.Uri.file(choice.output);

      return vscode.window.withProgress(
        { location: vscode.ProgressLocation.Notification, title: `Marginalia: exporting ${paths.length} articles as ${choice.format}`, cancellable: true },
        async (progress, token) => {
          const isCancelled = () => token.isCancellationRequested;
          const { documents, unsaved } = await savedDocuments(corpus, store, workspaces.fs, paths, {
            includeSuggestions: choice.includeSuggestions,
            // An article outside the workspace folders is exported under its file name.
            relativePath: uri => (vscode.workspace.getWorkspaceFolder(uri) ? vscode.workspace.asRelativePath(uri, false) : uri.path.split('/').pop()!),
            isCancelled,
          });
          if (isCancelled()) return undefined;
          try {
            const result = await exportAnnotations(choice.format, documents, {
              includeSuggestions: choice.includeSuggestions,
              registry: corpus.registry(),
              isCancelled,
              onDocument: ({ index, total }) => progress.report({ message: `${index + 1} of ${total}`, increment: 100 / total }),
            });
            if (output.scheme !== 'file') throw new UserError(`Marginalia: export into a local folder (${output.toString()} is not one).`);
            const written = await writeExport(workspaces.fs, corePath(output), result.files, {
              force: args?.overwrite === true,
              protect: protectedFiles(corpus, registry),
              confirm: args ? undefined : confirmOverwrite,
            }).catch(e => {
              throw e instanceof ExportRefusedError ? new UserError(`Marginalia: ${e.message}`) : e;
            });
            // Not awaited: the progress notification ends now, whatever the user does with this one.
            if (!args) void announce(result.spans, written, unsaved);
            return written;
          } catch (e) {
            if (e instanceof CancelledError) return undefined;
            throw e;
          }
        },
      );
    },
  };
}

/** Files an export never writes over: every article of the corpus, its sidecar, and the entity registry. */
function protectedFiles(corpus: CorpusService, registry: RegistryFile): string[] {
  const articles = corpus.index
    .paths()
    .map(p => vscode.Uri.parse(p))
    .filter(u => u.scheme === 'file')
    .map(corePath);
  return [...articles, ...articles.map(sidecarPathFor), ...(registry.uri ? [corePath(registry.uri)] : [])];
}

async function confirmOverwrite(foreign: string[]): Promise<boolean> {
  const names =
    foreign
      .slice(0, 5)
      .map(p => `- ${p}`)
      .join('\n') + (foreign.length > 5 ? `\n- and ${foreign.length - 5} more` : '');
  const answer = await vscode.window.showWarningMessage(
    `Replace ${foreign.length} file(s) that Marginalia did not write?`,
    { modal: true, detail: `The export folder already holds:\n${names}` },
    'Replace',
  );
  return answer === 'Replace';
}

async function announce(spans: number, written: string[], unsaved: number): Promise<void> {
  const note = unsaved ? ` ${unsaved} article(s) had unsaved changes: their saved version was exported.` : '';
  const open = await vscode.window.showInformationMessage(`Marginalia: exported ${spans} spans to ${written.length} files.${note}`, 'Reveal');
  if (open) await vscode.commands.executeCommand('revealFileInOS', vscode.Uri.file(written[0]));
}

async function ask(): Promise<ExportArgs | undefined> {
  const scope = await vscode.window.showQuickPick(
    [
      { label: 'Workspace', description: 'every article', value: 'workspace' as const },
      { label: 'This document', value: 'document' as const },
    ],
    { title: 'Export annotations (1/4): which articles?' },
  );
  if (!scope) return undefined;
  const include = await vscode.window.showQuickPick(
    [
      { label: 'Reviewed annotations', value: false },
      { label: 'Reviewed annotations and recognized mentions not yet reviewed', value: true },
    ],
    { title: 'Export annotations (2/4): what to include?' },
  );
  if (!include) return undefined;
  const format = await vscode.window.showQuickPick(
    EXPORT_FORMATS.map(f => ({ label: f, detail: FORMAT_DETAILS[f], value: f })),
    { title: 'Export annotations (3/4): format' },
  );
  if (!format) return undefined;
  const folder = await vscode.window.showOpenDialog({
    canSelectFolders: true,
    canSelectFiles: false,
    canSelectMany: false,
    openLabel: 'Export here',
    title: 'Export annotations (4/4): destination folder',
  });
  if (!folder?.[0]) return undefined;
  return { format: format.value, output: folder[0].toString(), scope: scope.value, includeSuggestions: include.value };
}
