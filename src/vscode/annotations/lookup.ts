import * as vscode from 'vscode';
import type { Annotation } from '../../core';
import { isArticle } from '../common/articles';
import { UserError } from '../common/errors';
import type { AnnotationStore, ArticleAnnotations } from './annotationStore';
import { findSidecars } from './sidecarFiles';

/** An annotation with the article state that holds it. */
export interface FoundAnnotation {
  state: ArticleAnnotations;
  annotation: Annotation;
}

/** The annotations of an article, refusing articles whose sidecar would lie outside the workspace. */
export async function annotationsOf(store: AnnotationStore, article: vscode.Uri): Promise<ArticleAnnotations> {
  const outside = await store.sidecarOutside(article);
  if (outside) {
    throw new UserError(
      `Marginalia: ${vscode.workspace.asRelativePath(article)} is not a file of the workspace (its sidecar ${outside}); Marginalia keeps no annotations for it.`,
    );
  }
  return store.get(article);
}

/** Loads the annotations of every article that has a sidecar (for lookups by id and the views). */
export async function loadAllAnnotations(store: AnnotationStore): Promise<void> {
  for (const { article, articleExists } of await findSidecars(store)) {
    if (articleExists) await store.get(article).catch(() => undefined);
  }
}

/**
 * The annotation with this id: in `article` when given, else in the active article first (ids are
 * unique only within a sidecar), else in any article, loading the workspace's sidecars if needed.
 */
export async function findAnnotation(store: AnnotationStore, id: string, article?: vscode.Uri): Promise<FoundAnnotation> {
  let found: FoundAnnotation | undefined;
  if (article) {
    await annotationsOf(store, article);
    found = store.find(id, article);
  } else {
    const active = vscode.window.activeTextEditor?.document;
    if (active && active.uri.scheme === 'file' && isArticle(active)) {
      await annotationsOf(store, active.uri).catch(() => undefined);
      found = store.find(id, active.uri);
    }
    found ??= store.find(id);
    if (!found) {
      await loadAllAnnotations(store);
      found = store.find(id);
    }
  }
  if (!found) throw new UserError(`Marginalia: no annotation with id ${id}.`);
  return found;
}

/** The innermost placed annotation containing the offset (an exact match of the selection first). */
export function annotationAt(state: ArticleAnnotations, start: number, end = start): Annotation | undefined {
  const exact = start !== end ? state.annotations.find(a => a.target.start === start && a.target.end === end) : undefined;
  if (exact) return exact;
  return state.annotations
    .filter(a => a.target.start <= start && end <= a.target.end)
    .sort((a, b) => a.target.end - a.target.start - (b.target.end - b.target.start))[0];
}

/** The `uri` an argument object may add to an id (a URI string or a Uri). */
export function articleArg(uri: unknown): vscode.Uri | undefined {
  if (uri instanceof vscode.Uri) return uri;
  return typeof uri === 'string' && uri ? vscode.Uri.parse(uri) : undefined;
}
