import * as vscode from 'vscode';
import type { Annotation, AnnotationStatus } from '../../core';
import type { CorpusService } from '../corpus/corpusService';
import type { FeatureCommands } from '../common/commandTable';
import { UserError } from '../common/errors';
import type { AnnotationStore } from './annotationStore';
import { articleEditor } from './editorSpans';
import { isAnnotationStatus, pickStatus, shortQuote } from './labels';
import { annotationAt, annotationsOf, articleArg, findAnnotation, type FoundAnnotation } from './lookup';

/** Reviewing: the status of an annotation, deleting one, and confirming or rejecting a recognized mention. */
export function reviewCommands(
  store: AnnotationStore,
  corpus: CorpusService,
): FeatureCommands<'marginalia.setStatus' | 'marginalia.deleteAnnotation' | 'marginalia.confirmMention' | 'marginalia.rejectMention'> {
  const annotationAtCursor = async (): Promise<FoundAnnotation> => {
    const editor = articleEditor();
    const state = await annotationsOf(store, editor.document.uri);
    const { document, selection } = editor;
    const annotation = annotationAt(state, document.offsetAt(selection.start), document.offsetAt(selection.end));
    if (!annotation) throw new UserError('Marginalia: no annotation at the cursor.');
    return { state, annotation };
  };

  const setStatus = async (args: { status: AnnotationStatus; id?: string; uri?: string } | undefined): Promise<string | undefined> => {
    if (args && !isAnnotationStatus(args.status)) throw new UserError(`Marginalia: unknown status ${JSON.stringify(args.status)}.`);
    const { state, annotation } = args?.id !== undefined ? await findAnnotation(store, String(args.id), articleArg(args.uri)) : await annotationAtCursor();
    const status = args?.status ?? (await pickStatus('Marginalia: set the status of the annotation', annotation.status));
    if (!status) return undefined;
    await store.update(
      annotation.id,
      a => {
        a.status = status;
      },
      state.article,
    );
    return annotation.id;
  };

  const deleteAnnotation = async (args: { id?: string; uri?: string } | undefined): Promise<boolean> => {
    if (args?.id !== undefined) {
      const found = await findAnnotation(store, String(args.id), articleArg(args.uri)).catch(() => undefined);
      return found ? store.delete(found.annotation.id, found.state.article) : false;
    }
    const { state, annotation: target } = await annotationAtCursor();
    if (!args) {
      // from the UI: reviewers' work is deleted only when they confirm
      const answer = await vscode.window.showWarningMessage(
        `Delete the annotation ${describe(target)}?`,
        { modal: true, detail: 'Its note and replies are removed from the sidecar.' },
        'Delete',
      );
      if (answer !== 'Delete') return false;
    }
    return store.delete(target.id, state.article);
  };

  /** The mention at the cursor becomes a reviewed annotation; an annotation already there gets the status. */
  const reviewMention = async (status: AnnotationStatus): Promise<string> => {
    const editor = articleEditor();
    const { document, selection } = editor;
    const state = await annotationsOf(store, document.uri);
    const offset = document.offsetAt(selection.active);
    const found =
      (await corpus.mentionAt(document, selection.active)) ?? (offset > 0 ? await corpus.mentionAt(document, document.positionAt(offset - 1)) : undefined);
    if (found) {
      const m = found.mention;
      const existing =
        state.annotations.find(a => a.target.start === m.start && a.target.end === m.end) ??
        state.annotations.find(a => a.label === m.kind && a.target.start <= m.start && m.end <= a.target.end);
      if (existing) {
        await store.update(
          existing.id,
          a => {
            a.status = status;
            if (!a.entity && m.entity && a.label === m.kind) a.entity = m.entity;
          },
          document.uri,
        );
        return existing.id;
      }
      return (await store.create(document.uri, { start: m.start, end: m.end, label: m.kind, entity: m.entity, status })).id;
    }
    const annotation = annotationAt(state, offset);
    if (!annotation) throw new UserError('Marginalia: no recognized mention or annotation at the cursor.');
    await store.update(
      annotation.id,
      a => {
        a.status = status;
      },
      document.uri,
    );
    return annotation.id;
  };

  return {
    'marginalia.setStatus': setStatus,
    'marginalia.deleteAnnotation': deleteAnnotation,
    'marginalia.confirmMention': () => reviewMention('confirmed'),
    'marginalia.rejectMention': () => reviewMention('rejected'),
  };
}

function describe(annotation: Annotation): string {
  return `"${shortQuote(annotation.target.quote)}" (${annotation.label} · ${annotation.status})`;
}
