import * as vscode from 'vscode';
import { DEFAULT_REGISTRY_PATH } from '../core';
import { registerAnnotationCommands } from './annotations/annotationCommands';
import { registerAnnotationDecorations } from './annotations/annotationDecorations';
import { AnnotationStore } from './annotations/annotationStore';
import { registerAnnotationTree } from './annotations/annotationTree';
import { AgreementService } from './agreement/agreementService';
import { registerCuration } from './agreement/curationCommands';
import { registerDisagreementCommands } from './agreement/disagreementCommands';
import { DisagreementTree } from './agreement/disagreementTree';
import { registerAgreementReport } from './agreement/reportPanel';
import { registerComments } from './annotations/comments';
import { registerCrossReference } from './entities/crossReference';
import { registerDecorations } from './entities/decorations';
import { registerDefinition } from './entities/definition';
import { CorpusService } from './corpus/corpusService';
import { registerEntityCommands } from './entities/entityCommands';
import { registerEntityTree } from './entities/entityTree';
import { registerExportCommand } from './export/exportCommand';
import { registerHover } from './entities/hover';
import { registerImportCommand } from './export/importCommand';
import { registerDocumentHighlights, registerReferences } from './entities/references';
import { RegistryFile } from './entities/registryFile';
import { registerPublicationDate } from './publicationDate/publicationDate';
import { registerRename } from './entities/rename';
import { registerSidecarChecks } from './annotations/sidecarChecks';
import { registerStatusBar } from './corpus/statusBar';
import { registerWorkspaceSymbols } from './entities/workspaceSymbols';

/** Articles may be plain text, Markdown or `article` files; each feature checks the include setting. */
const ARTICLES: vscode.DocumentSelector = [{ scheme: 'file' }, { scheme: 'untitled' }];

/** Composition root: every feature registers itself and returns its Disposable. */
export function activate(context: vscode.ExtensionContext): void {
  const output = vscode.window.createOutputChannel('Marginalia');
  const registry = new RegistryFile(registryUri());
  const corpus = new CorpusService(registry, output, context.storageUri);
  const store = new AnnotationStore(output);
  const agreement = new AgreementService(output);
  const disagreements = new DisagreementTree(agreement);
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
    agreement,
    disagreements,
    registerAgreementReport(agreement, disagreements),
    registerDisagreementCommands(disagreements),
    registerCuration(agreement, disagreements, store),
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
