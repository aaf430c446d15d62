import * as vscode from 'vscode';
import { analyze, type AnalyzedDocument } from '../core';
import { isArticle } from './articles';

/** Analyses of open articles, computed on demand and cached per document version. */
export class DocumentAnalysis implements vscode.Disposable {
  private readonly cache = new Map<string, { version: number; result: AnalyzedDocument }>();
  private readonly closeListener = vscode.workspace.onDidCloseTextDocument(doc => this.cache.delete(doc.uri.toString()));

  /** The document's mentions, or undefined when it is not an article. */
  get(document: vscode.TextDocument): AnalyzedDocument | undefined {
    if (!isArticle(document)) return undefined;
    const key = document.uri.toString();
    const cached = this.cache.get(key);
    if (cached && cached.version === document.version) return cached.result;
    const result = analyze([{ path: key, text: document.getText() }]).documents[0];
    this.cache.set(key, { version: document.version, result });
    return result;
  }

  dispose(): void {
    this.closeListener.dispose();
    this.cache.clear();
  }
}
