import * as vscode from 'vscode';
import { DEFAULT_EXCLUDE, DEFAULT_INCLUDE, isArticlePath } from '../../core';

/** The include/exclude globs of the settings for a resource. */
export function articleGlobs(uri?: vscode.Uri): { include: string[]; exclude: string[] } {
  const config = vscode.workspace.getConfiguration('marginalia', uri);
  return {
    include: config.get<string[]>('include') ?? [...DEFAULT_INCLUDE],
    exclude: config.get<string[]>('exclude') ?? [...DEFAULT_EXCLUDE],
  };
}

/** True when Marginalia treats the document as an article, whatever its language id. */
export function isArticle(document: vscode.TextDocument): boolean {
  // Other schemes (git:, output:, diff views...) show copies of files, not articles of the corpus.
  if (document.uri.scheme !== 'file' && document.uri.scheme !== 'untitled') return false;
  if (document.languageId === 'article') return true;
  const { include, exclude } = articleGlobs(document.uri);
  const relative = vscode.workspace.asRelativePath(document.uri, false);
  return isArticlePath(relative, include, exclude);
}
