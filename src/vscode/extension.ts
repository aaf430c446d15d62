import * as vscode from 'vscode';
import { DEFAULT_REGISTRY_PATH } from '../core';
import { registerAnnotationCommands } from './annotationCommands';
import { registerAnnotationDecorations } from './annotationDecorations';
import { AnnotationStore } from './annotationStore';
import { registerAnnotationTree } from './annotationTree';
import { registerComments } from './comments';
import { registerCrossReference } from './crossReference';
import { registerDecorations } from './decorations';
import { registerDefinition } from './definition';
import { CorpusService } from './corpusService';
import { registerEntityCommands } from './entityCommands';
import { registerEntityTree } from './entityTree';
import { registerExportCommand } from './exportCommand';
import { registerHover } from './hover';
import { registerImportCommand } from './importCommand';
import { registerDocumentHighlights, registerReferences } from './references';
import { RegistryFile } from './registryFile';
import { registerPublicationDate } from './publicationDate';
import { registerRename } from './rename';
import { registerSidecarChecks } from './sidecarChecks';
import { registerStatusBar } from './statusBar';
import { registerWorkspaceSymbols } from './workspaceSymbols';

/** Articles may be plain text, Markdown or `article` files; each feature checks the include setting. */
const ARTICLES: vscode.DocumentSelector = [{ scheme: 'file' }, { scheme: 'untitled' }];

/** Composition root: every feature registers itself and returns its Disposable. */
export function activate(context: vscode.ExtensionContext): void {
  const output = vscode.window.createOutputChannel('Marginalia');
  const registry = new RegistryFile(registryUri());
  const corpus = new CorpusService(registry, output, context.storageUri);
  const store = new AnnotationStore(output);
  context.subscriptions.push(
    output,
    registry,
    corpus,
    registerDecorations(corpus),
    registerHover(corpus, ARTICLES),
    registerReferences(corpus, ARTICLES),
    registerDocumentHighlights(corpus, ARTICLES),
    registerDefinition(corpus, registry, ARTICLES),
    registerRename(corpus, registry, ARTICLES),
    registerWorkspaceSymbols(corpus),
    registerCrossReference(corpus),
    registerEntityCommands(corpus, registry),
    registerEntityTree(corpus),
    registerStatusBar(corpus),
    store,
    registerAnnotationCommands(store, corpus),
    registerAnnotationDecorations(store),
    registerComments(store),
    registerAnnotationTree(store),
    registerSidecarChecks(),
    registerExportCommand(corpus, store),
    registerImportCommand(corpus, store),
    registerPublicationDate(corpus, store),
  );
  // Indexing runs in the background: activation never waits for it.
  void registry.load().then(() => corpus.reindex());
}

export function deactivate(): void {}

function registryUri(): vscode.Uri | undefined {
  const folder = vscode.workspace.workspaceFolders?.[0];
  const path = vscode.workspace.getConfiguration('marginalia', folder).get<string>('registryPath', DEFAULT_REGISTRY_PATH);
  return folder ? vscode.Uri.joinPath(folder.uri, path) : undefined;
}
