import * as vscode from 'vscode';
import { ANNOTATION_STATUSES, IMPORT_FORMATS, readImport, type AnnotationStatus, type ImportDocument, type ImportFormat } from '../../core';
import type { AnnotationStore } from '../annotations/annotationStore';
import { annotationsOf } from '../annotations/lookup';
import type { CorpusService } from '../corpus/corpusService';
import type { FeatureCommands } from '../common/commandTable';
import { UserError } from '../common/errors';
import { corePath, type Workspaces } from '../common/workspaces';

interface ImportArgs {
  format: ImportFormat;
  /** A BRAT folder (.txt/.ann) or a file of the other formats (absolute path or URI string). */
  input: string;
  /** conll, jsonl, doccano, csv: the status of the spans added (default `suggested`). */
  status?: AnnotationStatus;
  /** conll, jsonl, doccano, csv: the `source` of the spans added (default `FORMAT:FILE`). */
  source?: string;
}

const SPAN_ONLY = ['status', 'source'] as const;

/**
 * `marginalia.importAnnotations`: merges a BRAT folder, a W3C export, or another tool's spans
 * (CoNLL, JSONL, doccano, CSV: as suggestions) into the sidecars of the workspace's articles
 * (same span and label = same annotation); returns how many were added. What could not be
 * imported (an article whose text is not the file's, ...) is listed in the Marginalia output channel.
 */
export function importCommands(
  corpus: CorpusService,
  store: AnnotationStore,
  workspaces: Workspaces,
  output: vscode.OutputChannel,
): FeatureCommands<'marginalia.importAnnotations'> {
  return {
    'marginalia.importAnnotations': async (args?: ImportArgs): Promise<number | undefined> => {
      const choice = args ?? (await ask());
      if (!choice) return undefined;
      if (!IMPORT_FORMATS.includes(choice.format))
        throw new UserError(`Marginalia: cannot import the format ${JSON.stringify(choice.format)} (one of ${IMPORT_FORMATS.join(', ')}).`);
      if (choice.status !== undefined && !ANNOTATION_STATUSES.includes(choice.status))
        throw new UserError(`Marginalia: unknown status ${JSON.stringify(choice.status)} (one of ${ANNOTATION_STATUSES.join(', ')}).`);
      if ((choice.format === 'brat' || choice.format === 'w3c') && SPAN_ONLY.some(k => choice[k] !== undefined)) {
        throw new UserError('Marginalia: status and source are for conll, jsonl, doccano and csv imports (brat and w3c carry their own).');
      }
      await corpus.ready();
      const input = choice.input.includes('://') ? vscode.Uri.parse(choice.input) : vscode.Uri.file(choice.input);
      const documents: (ImportDocument & { uri: vscode.Uri })[] = [];
      for (const path of corpus.index.paths()) {
        const uri = vscode.Uri.parse(path);
        if (await store.sidecarOutside(uri)) continue; // only articles of the workspace get sidecars
        let text: string;
        try {
          text = await store.currentText(uri);
        } catch (e) {
          // gone since it was indexed (deleted, renamed): nothing can be imported into it
          output.appendLine(`import: skipped ${vscode.workspace.asRelativePath(uri, false)}: ${(e as Error).message}`);
          continue;
        }
        const state = await annotationsOf(store, uri);
        documents.push({ uri, path: vscode.workspace.asRelativePath(uri, false), text, annotations: [...state.annotations, ...state.orphans] });
      }
      if (input.scheme !== 'file') throw new UserError(`Marginalia: import from a local file or folder (${input.toString()} is not one).`);
      const source = corePath(input);
      if (!(await workspaces.fs.stat(source))) throw new UserError(`Marginalia: ${input.fsPath} not found.`);
      const options = { ...(choice.status ? { status: choice.status } : {}), ...(choice.source ? { source: choice.source } : {}) };
      const result = await readImport(choice.format, { fs: workspaces.fs, path: source }, documents, options);
      let added = 0;
      for (const imported of result.documents) {
        if (imported.added.length === 0 && imported.updated.length === 0) continue;
        await store.replaceAll(documents.find(d => d.path === imported.path)!.uri, imported.annotations);
        added += imported.added.length;
      }
      const problems = result.problems;
      for (const p of problems) output.appendLine(`import: ${p.path || input.fsPath}${p.annotation ? ` (${p.annotation})` : ''}: ${p.message}`);
      if (!args) {
        const left = problems.length ? `; ${problems.length} left out (listed in the Marginalia output)` : '';
        void vscode.window
          .showInformationMessage(`Marginalia: imported ${added} annotations${left}.`, ...(problems.length ? ['Show'] : []))
          .then(answer => answer && output.show());
      }
      return added;
    },
  };
}

const FORMAT_PICKS: readonly { label: string; detail: string; value: ImportFormat; extensions?: string[] }[] = [
  { label: 'BRAT standoff', detail: 'a folder of .txt and .ann files', value: 'brat' },
  { label: 'W3C Web Annotation', detail: 'a .jsonld file', value: 'w3c', extensions: ['jsonld', 'json'] },
  { label: 'CoNLL-2003', detail: 'IOB1 or IOB2 tags; as suggestions', value: 'conll', extensions: ['conll', 'txt', 'iob'] },
  { label: 'JSONL (spaCy, Prodigy)', detail: '{"text", "spans": [...]} per line; as suggestions', value: 'jsonl', extensions: ['jsonl', 'json'] },
  { label: 'JSONL (doccano)', detail: '{"text", "label": [[start, end, label]]} per line; as suggestions', value: 'doccano', extensions: ['jsonl', 'json'] },
  { label: 'CSV', detail: "Marginalia's export columns; as suggestions", value: 'csv', extensions: ['csv'] },
];

async function ask(): Promise<ImportArgs | undefined> {
  const format = await vscode.window.showQuickPick(FORMAT_PICKS, { title: 'Import annotations: format' });
  if (!format) return undefined;
  let status: AnnotationStatus | undefined;
  if (format.value !== 'brat' && format.value !== 'w3c') {
    const order: AnnotationStatus[] = ['suggested', ...ANNOTATION_STATUSES.filter(s => s !== 'suggested')];
    const picked = await vscode.window.showQuickPick(
      order.map(s => ({ label: s })),
      { title: 'Import annotations: status of the spans added' },
    );
    if (!picked) return undefined;
    status = picked.label as AnnotationStatus;
  }
  const picked = await vscode.window.showOpenDialog({
    canSelectFolders: format.value === 'brat',
    canSelectFiles: format.value !== 'brat',
    canSelectMany: false,
    filters: format.extensions ? { [format.label]: format.extensions } : undefined,
    openLabel: 'Import',
    title: 'Import annotations: source',
  });
  return picked?.[0] ? { format: format.value, input: picked[0].toString(), ...(status ? { status } : {}) } : undefined;
}
