import * as vscode from 'vscode';
import { annotateCommands } from './annotations/annotateCommands';
import { registerAnnotationDecorations } from './annotations/annotationDecorations';
import { AnnotationStore } from './annotations/annotationStore';
import { AnnotationTree, annotationTreeCommands } from './annotations/annotationTree';
import { commentCommands } from './annotations/comments/commentCommands';
import { CommentThreads } from './annotations/comments/commentThreads';
import { registerCorpusFeed } from './annotations/corpusFeed';
import { navigationCommands } from './annotations/navigationCommands';
import { reviewCommands } from './annotations/reviewCommands';
import { registerSidecarChecks } from './annotations/sidecarChecks';
import { corpusCommands } from './corpus/corpusCommands';
import { CorpusService } from './corpus/corpusService';
import { registerStatusBar } from './corpus/statusBar';
import { crossReferenceCommands } from './entities/crossReference';
import { registerDecorations } from './entities/decorations';
import { registerDefinition } from './entities/definition';
import { entityCommands } from './entities/entityCommands';
import { registerEntityTree } from './entities/entityTree';
import { registerHover } from './entities/hover';
import { registerDocumentHighlights, registerReferences } from './entities/references';
import { RegistryFile } from './entities/registryFile';
import { registerRename } from './entities/rename';
import { registerWorkspaceSymbols } from './entities/workspaceSymbols';
import { exportCommands } from './export/exportCommand';
import { importCommands } from './export/importCommand';
import { recognizerCommands } from './recognizer/recognizerCommand';
import { publicationDateCommands, registerPublicationDate } from './publicationDate/publicationDate';
import { ARTICLE_SELECTOR, registerArticleContext } from './shared/articles';
import { registerCommands } from './shared/commands';
import { Workspaces } from './shared/workspaces';

/** Composition root: every feature registers itself and returns its Disposable; every command is wired here. */
export function activate(context: vscode.ExtensionContext): void {
  const output = vscode.window.createOutputChannel('Marginalia');
  const workspaces = new Workspaces(output);
  const registry = new RegistryFile(workspaces);
  const corpus = new CorpusService(workspaces, registry, output, context.storageUri);
  const store = new AnnotationStore(workspaces, output);
  const threads = new CommentThreads(store);
  const annotationTree = new AnnotationTree(store);
  context.subscriptions.push(
    output,
    workspaces,
    registry,
    corpus,
    store,
    threads,
    annotationTree,
    registerArticleContext(),
    registerDecorations(corpus),
    registerHover(corpus, ARTICLE_SELECTOR),
    registerReferences(corpus, ARTICLE_SELECTOR),
    registerDocumentHighlights(corpus, ARTICLE_SELECTOR),
    registerDefinition(corpus, registry, ARTICLE_SELECTOR),
    registerRename(corpus, registry, ARTICLE_SELECTOR),
    registerWorkspaceSymbols(corpus),
    registerEntityTree(corpus),
    registerStatusBar(corpus),
    registerPublicationDate(corpus),
    registerCorpusFeed(store, corpus),
    registerAnnotationDecorations(store),
    registerSidecarChecks(store),
    registerCommands({
      ...corpusCommands(corpus, registry),
      ...entityCommands(corpus, registry),
      ...crossReferenceCommands(corpus),
      ...annotateCommands(store, corpus),
      ...reviewCommands(store, corpus),
      ...navigationCommands(store),
      ...commentCommands(threads, store),
      ...annotationTreeCommands(annotationTree, store),
      ...exportCommands(corpus, store, registry, workspaces),
      ...importCommands(corpus, store, workspaces, output),
      ...recognizerCommands(store, output),
      ...publicationDateCommands(corpus, store),
    }),
  );
  // Indexing runs in the background: activation never waits for it.
  void registry.load().then(() => corpus.reindex());
}
