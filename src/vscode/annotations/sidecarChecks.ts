import * as vscode from 'vscode';
import type { AnnotationStore } from './annotationStore';
import { findSidecars } from './sidecarFiles';

const RESCAN_DEBOUNCE_MS = 300;

/**
 * Warns on each sidecar whose article is missing (renamed or deleted without it): its annotations
 * are kept, but nothing shows them until the article is back.
 */
export function registerSidecarChecks(store: AnnotationStore): vscode.Disposable {
  const diagnostics = vscode.languages.createDiagnosticCollection('marginalia-sidecar-files');
  let timer: ReturnType<typeof setTimeout> | undefined;
  let generation = 0;

  const check = async (): Promise<void> => {
    const mine = ++generation;
    const sidecars = await findSidecars(store);
    if (mine !== generation) return; // a newer scan started meanwhile
    diagnostics.clear();
    for (const { sidecar, article, articleExists } of sidecars) {
      if (articleExists) continue;
      const name = article.path.slice(article.path.lastIndexOf('/') + 1);
      const d = new vscode.Diagnostic(
        new vscode.Range(0, 0, 0, Number.MAX_SAFE_INTEGER),
        `Marginalia: the article "${name}" of this sidecar is missing, so its annotations are not shown. Rename or move the sidecar together with its article.`,
        vscode.DiagnosticSeverity.Warning,
      );
      d.source = 'Marginalia';
      diagnostics.set(sidecar, [d]);
    }
  };
  const schedule = (): void => {
    clearTimeout(timer);
    timer = setTimeout(() => void check().catch(() => undefined), RESCAN_DEBOUNCE_MS);
  };

  // Creations and deletions of any file can orphan or restore a sidecar (folders move as a whole).
  const watcher = vscode.workspace.createFileSystemWatcher('**/*', false, true, false);
  schedule();
  return vscode.Disposable.from(
    diagnostics,
    watcher,
    watcher.onDidCreate(schedule),
    watcher.onDidDelete(schedule),
    vscode.workspace.onDidChangeWorkspaceFolders(schedule),
    { dispose: () => clearTimeout(timer) },
  );
}
