import * as vscode from 'vscode';
import { AgreementService } from './agreement/agreementService';
import { curationCommands } from './agreement/curationCommands';
import { disagreementCommands } from './agreement/disagreementCommands';
import { DisagreementTree } from './agreement/disagreementTree';
import { ReportPanel, reportCommands } from './agreement/reportPanel';
import { annotateCommands } from './annotations/annotateCommands';
import { registerAnnotationDecorations } from './annotations/annotationDecorations';
import { AnnotationStore } from './annotations/annotationStore';
import { AnnotationTree, annotationTreeCommands } from './annotations/annotationTree';
import { commentCommands } from './annotations/comments/commentCommands';
import { compareCommands } from './compare/compareCommands';
import { registerCompareHover, registerDiscrepancyLenses } from './compare/compareLens';
import { ComparePanel } from './compare/comparePanel';
import { DiscrepancyTree } from './compare/discrepancyTree';
import { openPlace } from './compare/places';
import { registerQuoteTree } from './compare/quoteTree';
import { StatementService } from './compare/statementService';
import { TimelinePanel } from './compare/timelinePanel';
import { CommentThreads } from './annotations/comments/commentThreads';
import { registerCorpusFeed } from './annotations/corpusFeed';
import { navigationCommands } from './annotations/navigationCommands';
import { reviewCommands } from './annotations/reviewCommands';
import { registerSidecarChecks } from './annotations/sidecarChecks';
import { corpusCommands } from './corpus/corpusCommands';
import { learnCommands } from './corpus/learnCommands';
import { CorpusService, type AnalysisEvent } from './corpus/corpusService';
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
import { ARTICLE_SELECTOR, registerArticleContext } from './common/articles';
import { registerCommands } from './common/commands';
import { Workspaces } from './common/workspaces';

/** What the extension exports (docs/contracts.md): when the analysis of an open article's version is sent to the worker and when its result is in. */
export interface MarginaliaApi {
  readonly onDidAnalyze: vscode.Event<AnalysisEvent>;
}

/** Composition root: every feature registers itself and returns its Disposable; every command is wired here. */
export function activate(context: vscode.ExtensionContext): MarginaliaApi {
  const output = vscode.window.createOutputChannel('Marginalia');
  const workspaces = new Workspaces(output);
  const registry = new RegistryFile(workspaces);
  const corpus = new CorpusService(workspaces, registry, output, context.storageUri);
  const store = new AnnotationStore(workspaces, output);
  const threads = new CommentThreads(store);
  const annotationTree = new AnnotationTree(store);
  const agreement = new AgreementService(workspaces, output);
  const disagreements = new DisagreementTree(agreement);
  const report = new ReportPanel(agreement, disagreements, workspaces);
  const statements = new StatementService(corpus, output);
  const open = (path: string, start: number, end: number) => openPlace({ path, start, end }, vscode.ViewColumn.One);
  const compare = {
    statements,
    store,
    tree: new DiscrepancyTree(statements, store),
    comparePanel: new ComparePanel(open),
    timelinePanel: new TimelinePanel(open),
  };
  context.subscriptions.push(
    output,
    workspaces,
    registry,
    corpus,
    store,
    threads,
    annotationTree,
    agreement,
    disagreements,
    report,
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
    statements,
    compare.tree,
    compare.comparePanel,
    compare.timelinePanel,
    registerQuoteTree(statements),
    registerDiscrepancyLenses(statements, ARTICLE_SELECTOR),
    registerCompareHover(statements, ARTICLE_SELECTOR),
    registerCommands({
      ...corpusCommands(corpus, registry),
      ...learnCommands(corpus, workspaces),
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
      ...reportCommands(agreement, report),
      ...disagreementCommands(disagreements),
      ...curationCommands(agreement, disagreements, store),
      ...compareCommands(compare),
    }),
  );
  // Indexing runs in the background: activation never waits for it.
  void registry.load().then(() => corpus.reindex());
  return { onDidAnalyze: corpus.onDidAnalyze };
}
