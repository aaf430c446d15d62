import * as vscode from 'vscode';
import { decodeArticle, reanchor, targetFor, type Annotation, type ExportDocument, type Mention } from '../../core';
import type { AnnotationStore } from '../annotations/annotationStore';
import type { CorpusService } from '../corpus/corpusService';
import { readLocalFile } from '../shared/textFiles';

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
  corpus: CorpusService, store: AnnotationStore, paths: readonly string[],
  options: { includeSuggestions?: boolean; relativePath: (uri: vscode.Uri) => string; isCancelled: () => boolean },
): Promise<SavedDocuments> {
  const documents: ExportDocument[] = [];
  let unsaved = 0;
  for (const path of paths) {
    if (options.isCancelled()) break;
    const uri = vscode.Uri.parse(path);
    if (uri.scheme !== 'file') continue; // an untitled editor has no saved version
    const bytes = await readLocalFile(uri).catch(e => {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined; // deleted since it was indexed
      throw e;
    });
    const decoded = bytes && decodeArticle(bytes);
    if (!decoded || decoded.binary) continue;
    const text = decoded.text;
    const open = vscode.workspace.textDocuments.find(d => d.uri.toString() === path && !d.isClosed);
    if (open?.isDirty) unsaved++;
    const state = await store.get(uri);
    const held = await store.currentText(uri);
    const annotations = held === text ? [...state.annotations, ...state.orphans] : [...state.annotations.map(a => placed(a, text)), ...state.orphans];
    const indexed = corpus.index.text(path);
    const mentions = !options.includeSuggestions ? undefined
      : indexed === text ? corpus.index.analyzed(path)?.mentions
        : indexed === undefined ? [] : movedMentions(corpus.index.analyzed(path)?.mentions ?? [], indexed, text);
    documents.push({ path: options.relativePath(uri), text, annotations, mentions });
  }
  return { documents, unsaved };
}

/** An annotation with its target found again in `text` (unchanged when it cannot be: the exporter reports it). */
function placed(annotation: Annotation, text: string): Annotation {
  const found = reanchor(text, annotation.target);
  return found.orphan ? annotation : { ...annotation, target: targetFor(text, found.start, found.end) };
}

/** Recognized mentions of the editor's text, kept where their exact text is found in the saved text. */
function movedMentions(mentions: readonly Mention[], from: string, to: string): Mention[] {
  return mentions.flatMap(m => {
    const found = reanchor(to, targetFor(from, m.start, m.end), { maxErrors: () => 0 });
    return found.orphan ? [] : [{ ...m, start: found.start, end: found.end }];
  });
}
