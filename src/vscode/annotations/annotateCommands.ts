import * as vscode from 'vscode';
import type { AnnotationStatus } from '../../core';
import type { CorpusService } from '../corpus/corpusService';
import type { FeatureCommands } from '../common/commandTable';
import { errorMessage, UserError } from '../common/errors';
import { isArticle } from '../common/articles';
import type { AnnotationStore } from './annotationStore';
import { articleEditor, spanToAnnotate } from './editorSpans';
import { isAnnotationStatus, pickLabel, shortQuote } from './labels';
import { annotationsOf } from './lookup';
import { wholeWordOccurrences } from './wholeWord';

export interface AnnotateSelectionArgs {
  label: string;
  note?: string;
  status?: AnnotationStatus;
}

export interface AnnotateAllArgs {
  text?: string;
  label: string;
  scope?: 'document' | 'workspace';
}

/** Creating annotations: the selection, or every occurrence of a text (docs/contracts.md). */
export function annotateCommands(
  store: AnnotationStore,
  corpus: CorpusService,
): FeatureCommands<'marginalia.annotateSelection' | 'marginalia.annotateAllOccurrences'> {
  const annotateSelection = async (args: AnnotateSelectionArgs | undefined): Promise<string | undefined> => {
    if (args && (typeof args.label !== 'string' || !args.label.trim())) throw new UserError('Marginalia: annotateSelection needs a label.');
    if (args?.status !== undefined && !isAnnotationStatus(args.status)) throw new UserError(`Marginalia: unknown status ${JSON.stringify(args.status)}.`);
    const editor = articleEditor();
    const { document } = editor;
    await annotationsOf(store, document.uri);
    const span = await spanToAnnotate(editor, corpus);
    if (!span) throw new UserError('Marginalia: select the text to annotate.');
    const quote = document.getText().slice(span.start, span.end);
    const mention = (await corpus.mentionAt(document, document.positionAt(span.start)))?.mention;
    const sameSpan = mention && mention.start === span.start && mention.end === span.end ? mention : undefined;
    let label: string, note: string | undefined, status: AnnotationStatus | undefined;
    if (args) {
      ({ label, note, status } = { label: args.label.trim(), note: args.note, status: args.status });
    } else {
      const picked = await pickLabel(document.uri, `Annotate "${shortQuote(quote)}"`, sameSpan?.kind);
      if (!picked) return undefined;
      label = picked;
      note = await vscode.window.showInputBox({
        title: `Annotate "${shortQuote(quote)}" as ${label}`,
        prompt: 'Note (Markdown, optional)',
        placeHolder: 'Why this matters, what to check…',
      });
      if (note === undefined) return undefined;
    }
    const entity = sameSpan && sameSpan.kind === label ? sameSpan.entity : undefined;
    const created = await store.create(document.uri, { ...span, label, note: note?.trim() ? note : undefined, status, entity });
    return created.id;
  };

  /** The text, label and scope from the arguments, else asked; undefined when the user cancels. */
  const askAll = async (args: AnnotateAllArgs | undefined): Promise<{ text: string; label: string; scope: 'document' | 'workspace' } | undefined> => {
    if (args && (typeof args.label !== 'string' || !args.label.trim())) throw new UserError('Marginalia: annotateAllOccurrences needs a label.');
    if (args?.scope !== undefined && args.scope !== 'document' && args.scope !== 'workspace')
      throw new UserError(`Marginalia: unknown scope ${JSON.stringify(args.scope)}.`);
    const editor = vscode.window.activeTextEditor;
    let needle = args?.text;
    if (needle === undefined) {
      const span = editor && isArticle(editor.document) ? await spanToAnnotate(editor, corpus) : undefined;
      needle = span && editor ? editor.document.getText().slice(span.start, span.end) : undefined;
    }
    if (!needle?.trim()) throw new UserError('Marginalia: select the text whose occurrences to annotate.');
    const text = needle.trim();
    if (args) return { text, label: args.label.trim(), scope: args.scope ?? 'document' };
    const label = await pickLabel(editor?.document.uri, `Annotate every "${text}"`);
    if (!label) return undefined;
    const picked = await vscode.window.showQuickPick(
      [
        { label: 'This document', scope: 'document' as const },
        { label: 'Every article in the workspace', scope: 'workspace' as const },
      ],
      { title: `Annotate every "${text}" as ${label}` },
    );
    return picked && { text, label, scope: picked.scope };
  };

  const annotateAll = async (args: AnnotateAllArgs | undefined): Promise<number | undefined> => {
    const choice = await askAll(args);
    if (!choice) return undefined;
    const { text, label, scope } = choice;
    let articles: vscode.Uri[];
    if (scope === 'workspace') {
      await corpus.ready();
      articles = corpus.index
        .paths()
        .map(p => vscode.Uri.parse(p))
        .filter(u => u.scheme === 'file');
    } else {
      articles = [articleEditor().document.uri];
    }
    let created = 0;
    const errors: string[] = [];
    for (const article of articles) {
      try {
        if (await store.sidecarOutside(article)) continue;
        const starts = wholeWordOccurrences(await store.currentText(article), text);
        if (starts.length === 0) continue;
        const state = await annotationsOf(store, article);
        for (const start of starts) {
          const end = start + text.length;
          if (state.annotations.some(a => a.label === label && a.target.start <= start && end <= a.target.end)) continue;
          await store.create(article, { start, end, label });
          created++;
        }
      } catch (e) {
        errors.push(errorMessage(e));
      }
    }
    if (errors.length && (created === 0 || scope === 'document')) throw new UserError(errors[0]);
    if (errors.length) void vscode.window.showWarningMessage(`Marginalia: ${created} annotation(s) created; ${errors.length} article(s) failed: ${errors[0]}`);
    else if (!args) void vscode.window.showInformationMessage(`Marginalia: ${created} annotation(s) created.`);
    return created;
  };

  return {
    'marginalia.annotateSelection': annotateSelection,
    'marginalia.annotateAllOccurrences': annotateAll,
  };
}
