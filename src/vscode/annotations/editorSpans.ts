import * as vscode from 'vscode';
import { isArticle } from '../common/articles';
import { UserError } from '../common/errors';
import type { CorpusService } from '../corpus/corpusService';

/** The active editor, when it shows an article. */
export function articleEditor(): vscode.TextEditor {
  const editor = vscode.window.activeTextEditor;
  if (!editor || !isArticle(editor.document)) throw new UserError('Marginalia: open an article in the editor first.');
  return editor;
}

/** A range of a document as UTF-16 offsets without the white space around it; undefined when only white space. */
export function trimmedSpan(document: vscode.TextDocument, range: vscode.Range): { start: number; end: number } | undefined {
  const text = document.getText();
  let start = document.offsetAt(range.start),
    end = document.offsetAt(range.end);
  while (start < end && /\s/.test(text[start])) start++;
  while (end > start && /\s/.test(text[end - 1])) end--;
  return end > start ? { start, end } : undefined;
}

/** The selection without surrounding white space; an empty selection takes the mention or word at the cursor. */
export async function spanToAnnotate(editor: vscode.TextEditor, corpus: CorpusService): Promise<{ start: number; end: number } | undefined> {
  const { document, selection } = editor;
  const range = selection.isEmpty
    ? ((await corpus.mentionAt(document, selection.active))?.range ?? document.getWordRangeAtPosition(selection.active))
    : selection;
  return range && trimmedSpan(document, range);
}
