import * as vscode from 'vscode';
import type { CorpusService } from '../corpus/corpusService';
import type { AnnotationStore } from './annotationStore';

/**
 * Tells the corpus what each loaded sidecar now says: its publication date (dates resolve against
 * it) and its annotations (reviewers' notes on hover cards).
 */
export function registerCorpusFeed(store: AnnotationStore, corpus: CorpusService): vscode.Disposable {
  return store.onDidChange(article => {
    const state = store.peek(article);
    if (state) corpus.setSidecar(article, { dct: state.dct, annotations: [...state.annotations, ...state.orphans] });
  });
}
