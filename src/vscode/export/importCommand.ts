import * as vscode from 'vscode';
import { readImport, type ImportDocument } from '../../core';
import type { AnnotationStore } from '../annotations/annotationStore';
import { annotationsOf } from '../annotations/lookup';
import type { CorpusService } from '../corpus/corpusService';
import type { FeatureCommands } from '../shared/commandTable';
import { UserError } from '../shared/errors';
import { corePath, type Workspaces } from '../shared/workspaces';

interface ImportArgs {
  format: 'brat' | 'w3c';
  /** A BRAT folder (.txt/.ann) or a W3C .jsonld file (absolute path or URI string). */
  input: string;
}

/**
 * `marginalia.importAnnotations`: merges a BRAT folder or a W3C export into the sidecars of the
 * workspace's articles (same span and label = same annotation); returns how many were added.
 * What could not be imported is listed in the Marginalia output channel.
 */
export function importCommands(corpus: CorpusService, store: AnnotationStore, workspaces: Workspaces, output: vscode.OutputChannel): FeatureCommands<'marginalia.importAnnotations'> {
  return {
    'marginalia.importAnnotations': async (args?: ImportArgs): Promise<number | undefined> => {
      const choice = args ?? await ask();
      if (!choice) return undefined;
      if (choice.format !== 'brat' && choice.format !== 'w3c') throw new UserError(`Marginalia: cannot import the format ${JSON.stringify(choice.format)} (brat or w3c).`);
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
      const result = await readImport(choice.format, { fs: workspaces.fs, path: source }, documents);
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
        void vscode.window.showInformationMessage(`Marginalia: imported ${added} annotations${left}.`, ...(problems.length ? ['Show'] : []))
          .then(answer => answer && output.show());
      }
      return added;
    },
  };
}

async function ask(): Promise<ImportArgs | undefined> {
  const format = await vscode.window.showQuickPick(
    [{ label: 'BRAT standoff', detail: 'a folder of .txt and .ann files', value: 'brat' as const }, { label: 'W3C Web Annotation', detail: 'a .jsonld file', value: 'w3c' as const }],
    { title: 'Import annotations: format' });
  if (!format) return undefined;
  const picked = await vscode.window.showOpenDialog({
    canSelectFolders: format.value === 'brat', canSelectFiles: format.value === 'w3c', canSelectMany: false,
    filters: format.value === 'w3c' ? { 'W3C Web Annotation': ['jsonld', 'json'] } : undefined,
    openLabel: 'Import', title: 'Import annotations: source',
  });
  return picked?.[0] ? { format: format.value, input: picked[0].toString() } : undefined;
}
