import * as vscode from 'vscode';
import { placeAnnotations, readArticle, reanchor, targetFor, type ExportDocument, type FileSystem, type Mention } from '../../core';
import type { AnnotationStore } from '../annotations/annotationStore';
import type { CorpusService } from '../corpus/corpusService';
import { UserError } from '../common/errors';
import { corePath } from '../common/workspaces';

/** The documents of an export, and how many had unsaved changes (their saved version is exported). */
export interface SavedDocuments {
  documents: ExportDocument[];
  unsaved: number;
}

/**
 * The articles as saved on disk, with their annotations (and recognized mentions) placed in that
 * text. An article with unsaved edits is exported as saved: spans that the editor's text moved are
 * found again in the saved text (as when an article changes outside VS Code), so every exported
 * offset counts in the exported text.
 */
export async function savedDocuments(
  corpus: CorpusService,
  store: AnnotationStore,
  fs: FileSystem,
  paths: readonly string[],
  options: { includeSuggestions?: boolean; relativePath: (uri: vscode.Uri) => string; isCancelled: () => boolean },
): Promise<SavedDocuments> {
  const documents: ExportDocument[] = [];
  let unsaved = 0;
  for (const path of paths) {
    if (options.isCancelled()) break;
    const uri = vscode.Uri.parse(path);
    if (uri.scheme !== 'file') continue; // an untitled editor has no saved version
    const read = await readArticle(fs, corePath(uri));
    if (read.status === 'binary' || (read.status === 'unreadable' && !(await fs.stat(corePath(uri))))) continue; // not text, or deleted since it was indexed
    if (read.status !== 'ok') throw new UserError(`Marginalia: ${vscode.workspace.asRelativePath(uri)} ${read.message}; nothing was exported.`);
    const text = read.text;
    const open = vscode.workspace.textDocuments.find(d => d.uri.toString() === path && !d.isClosed);
    if (open?.isDirty) unsaved++;
    const state = await store.get(uri);
    const held = await store.currentText(uri);
    const placed =
      held === text
        ? { annotations: state.annotations, orphans: [] }
        : placeAnnotations(
            text,
            state.annotations.map(a => structuredClone(a)),
          );
    const annotations = [...placed.annotations, ...placed.orphans, ...state.orphans];
    const indexed = corpus.index.text(path);
    const mentions = !options.includeSuggestions
      ? undefined
      : indexed === text
        ? corpus.index.analyzed(path)?.mentions
        : indexed === undefined
          ? []
          : movedMentions(corpus.index.analyzed(path)?.mentions ?? [], indexed, text);
    documents.push({ path: options.relativePath(uri), text, annotations, mentions });
  }
  return { documents, unsaved };
}

/** Recognized mentions of the editor's text, kept where their exact text is found in the saved text. */
function movedMentions(mentions: readonly Mention[], from: string, to: string): Mention[] {
  return mentions.flatMap(m => {
    const found = reanchor(to, targetFor(from, m.start, m.end), { maxErrors: () => 0 });
    return found.orphan ? [] : [{ ...m, start: found.start, end: found.end }];
  });
}
