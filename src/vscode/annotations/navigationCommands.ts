import * as vscode from 'vscode';
import type { Annotation } from '../../core';
import type { FeatureCommands } from '../common/commandTable';
import type { AnnotationStore } from './annotationStore';
import { articleEditor } from './editorSpans';
import { annotationsOf, articleArg, findAnnotation } from './lookup';

/** Moving between annotations, revealing one, and (for tests and scripts) an article's annotations as data. */
export function navigationCommands(
  store: AnnotationStore,
): FeatureCommands<'marginalia.nextAnnotation' | 'marginalia.previousAnnotation' | 'marginalia.internal.revealAnnotation' | 'marginalia.internal.annotations'> {
  const move = async (direction: 1 | -1): Promise<string | undefined> => {
    const editor = articleEditor();
    const state = await annotationsOf(store, editor.document.uri);
    const sorted = [...state.annotations].sort((a, b) => a.target.start - b.target.start || a.target.end - b.target.end);
    if (sorted.length === 0) {
      void vscode.window.setStatusBarMessage('Marginalia: no annotation in this article', 3000);
      return undefined;
    }
    const offset = editor.document.offsetAt(editor.selection.active);
    const target =
      direction === 1
        ? (sorted.find(a => a.target.start > offset) ?? sorted[0])
        : ([...sorted].reverse().find(a => a.target.start < offset) ?? sorted[sorted.length - 1]);
    const position = editor.document.positionAt(target.target.start);
    editor.selection = new vscode.Selection(position, position);
    editor.revealRange(new vscode.Range(position, editor.document.positionAt(target.target.end)), vscode.TextEditorRevealType.InCenterIfOutsideViewport);
    return target.id;
  };

  return {
    'marginalia.nextAnnotation': () => move(1),
    'marginalia.previousAnnotation': () => move(-1),
    'marginalia.internal.revealAnnotation': async (args: { id: string; uri?: string } | undefined) => {
      if (!args?.id) return false;
      const { state, annotation } = await findAnnotation(store, args.id, articleArg(args.uri));
      const document = await vscode.workspace.openTextDocument(state.article);
      const placed = state.annotations.includes(annotation);
      const range = placed ? new vscode.Range(document.positionAt(annotation.target.start), document.positionAt(annotation.target.end)) : undefined;
      await vscode.window.showTextDocument(document, { selection: range, preserveFocus: false });
      return placed;
    },
    'marginalia.internal.annotations': async (args: { uri: string } | undefined) => {
      if (!args?.uri) return undefined;
      const state = await annotationsOf(store, vscode.Uri.parse(args.uri));
      const plain = (a: Annotation) => ({ id: a.id, label: a.label, status: a.status, entity: a.entity, note: a.note, replies: a.thread.length, ...a.target });
      return { annotations: state.annotations.map(plain), orphans: state.orphans.map(plain), writable: state.writable, problems: state.problems.length };
    },
  };
}
