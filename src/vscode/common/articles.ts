import * as vscode from 'vscode';
import { isArticlePath } from '../../core';
import { onDidChangeSettings, setting } from './configuration';

/** Articles may be plain text, Markdown or `article` files; each feature checks the include setting. */
export const ARTICLE_SELECTOR: vscode.DocumentSelector = [{ scheme: 'file' }, { scheme: 'untitled' }];

/** Context key: the active editor shows an article (the keybindings' and menus' when-clauses use it). */
const IS_ARTICLE_CONTEXT = 'marginalia.isArticle';

/** The include/exclude globs of the settings for a resource. */
function articleGlobs(uri?: vscode.Uri): { include: string[]; exclude: string[] } {
  return { include: setting('include', uri), exclude: setting('exclude', uri) };
}

/** True when a file of the workspace is an article by the include/exclude settings. */
export function isArticleFile(uri: vscode.Uri): boolean {
  const { include, exclude } = articleGlobs(uri);
  return isArticlePath(vscode.workspace.asRelativePath(uri, false), include, exclude);
}

/** True when Marginalia treats the document as an article, whatever its language id. */
export function isArticle(document: vscode.TextDocument): boolean {
  // Other schemes (git:, output:, diff views...) show copies of files, not articles of the corpus.
  if (document.uri.scheme !== 'file' && document.uri.scheme !== 'untitled') return false;
  if (document.languageId === 'article') return true;
  return isArticleFile(document.uri);
}

/** Keeps the context key `marginalia.isArticle` true while the active editor shows an article. */
export function registerArticleContext(): vscode.Disposable {
  const update = (): void => {
    const editor = vscode.window.activeTextEditor;
    void vscode.commands.executeCommand('setContext', IS_ARTICLE_CONTEXT, !!editor && isArticle(editor.document));
  };
  update();
  return vscode.Disposable.from(
    vscode.window.onDidChangeActiveTextEditor(update),
    vscode.workspace.onDidOpenTextDocument(update), // a language change reopens the document
    onDidChangeSettings(['include', 'exclude'], update),
  );
}
