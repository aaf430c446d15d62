import * as vscode from 'vscode';
import type { AnnotationStatus } from '../../../core';
import type { FeatureCommands } from '../../common/commandTable';
import { UserError } from '../../common/errors';
import type { AnnotationStore } from '../annotationStore';
import { trimmedSpan } from '../editorSpans';
import { pickLabel, shortQuote } from '../labels';
import { annotationsOf } from '../lookup';
import { AnnotationComment, NOTE_KEY, replyKeys } from './annotationComment';
import type { CommentThreads } from './commentThreads';

/** What the buttons and reply boxes of the annotation threads run. */
export function commentCommands(
  threads: CommentThreads,
  store: AnnotationStore,
): FeatureCommands<
  | 'marginalia.internal.createAnnotationFromThread'
  | 'marginalia.internal.replyToAnnotation'
  | 'marginalia.internal.editComment'
  | 'marginalia.internal.cancelEditComment'
  | 'marginalia.internal.saveComment'
  | 'marginalia.internal.deleteReply'
  | 'marginalia.internal.deleteThreadAnnotation'
  | 'marginalia.internal.confirmThread'
  | 'marginalia.internal.rejectThread'
  | 'marginalia.internal.disputeThread'
  | 'marginalia.internal.suggestThread'
  | 'marginalia.internal.commentThreads'
> {
  /** The first comment of a new thread (the gutter "+" on a selection) creates the annotation. */
  const createFromThread = async (reply: vscode.CommentReply): Promise<string | undefined> => {
    const { thread } = reply;
    const document = await vscode.workspace.openTextDocument(thread.uri);
    let range = thread.range ?? new vscode.Range(0, 0, 0, 0);
    if (range.isEmpty) range = document.lineAt(range.start.line).range;
    const span = trimmedSpan(document, range);
    if (!span) throw new UserError('Marginalia: select the text to annotate, then add the note.');
    const quote = document.getText().slice(span.start, span.end);
    const label = await pickLabel(thread.uri, `Annotate "${shortQuote(quote)}"`);
    if (!label) return undefined; // the draft thread stays, with its text, for another try
    await annotationsOf(store, thread.uri);
    const created = await store.create(thread.uri, { ...span, label, note: reply.text.trim() ? reply.text : undefined });
    thread.dispose(); // the annotation's own thread replaces the draft
    return created.id;
  };

  const replyTo = async (reply: vscode.CommentReply): Promise<void> => {
    const owner = threads.ownerOf(reply.thread);
    if (!owner) {
      await createFromThread(reply);
      return;
    }
    if (!reply.text.trim()) return;
    await store.reply(owner.id, reply.text, owner.article);
  };

  const saveComment = async (comment: AnnotationComment): Promise<void> => {
    const text = typeof comment.body === 'string' ? comment.body : comment.body.value;
    await store.update(
      comment.annotationId,
      a => {
        if (comment.key === NOTE_KEY) {
          if (text.trim()) a.note = text;
          else delete a.note;
          return;
        }
        const index = replyKeys(a.thread).indexOf(comment.key);
        if (index < 0) throw new UserError('Marginalia: this reply changed meanwhile; reload and edit again.');
        a.thread[index].body = text;
      },
      comment.article,
    );
    comment.savedBody = text;
    comment.setMode(vscode.CommentMode.Preview, text);
  };

  const deleteReply = async (comment: AnnotationComment): Promise<void> => {
    const answer = await vscode.window.showWarningMessage('Delete this reply?', { modal: true }, 'Delete');
    if (answer !== 'Delete') return;
    await store.update(
      comment.annotationId,
      a => {
        const index = replyKeys(a.thread).indexOf(comment.key);
        if (index >= 0) a.thread.splice(index, 1);
      },
      comment.article,
    );
  };

  const deleteThread = async (thread: vscode.CommentThread): Promise<void> => {
    const owner = threads.ownerOf(thread);
    if (!owner) return thread.dispose();
    const answer = await vscode.window.showWarningMessage(
      `Delete this annotation (${thread.label ?? ''})?`,
      { modal: true, detail: 'Its note and replies are removed from the sidecar.' },
      'Delete',
    );
    if (answer === 'Delete') await store.delete(owner.id, owner.article);
  };

  const setThreadStatus =
    (status: AnnotationStatus) =>
    async (thread: vscode.CommentThread): Promise<void> => {
      const owner = threads.ownerOf(thread);
      if (owner)
        await store.update(
          owner.id,
          a => {
            a.status = status;
          },
          owner.article,
        );
    };

  return {
    'marginalia.internal.createAnnotationFromThread': createFromThread,
    'marginalia.internal.replyToAnnotation': replyTo,
    'marginalia.internal.editComment': (comment: AnnotationComment) => comment.setMode(vscode.CommentMode.Editing, comment.savedBody),
    'marginalia.internal.cancelEditComment': (comment: AnnotationComment) => comment.setMode(vscode.CommentMode.Preview, comment.savedBody),
    'marginalia.internal.saveComment': saveComment,
    'marginalia.internal.deleteReply': deleteReply,
    'marginalia.internal.deleteThreadAnnotation': deleteThread,
    'marginalia.internal.confirmThread': setThreadStatus('confirmed'),
    'marginalia.internal.rejectThread': setThreadStatus('rejected'),
    'marginalia.internal.disputeThread': setThreadStatus('disputed'),
    'marginalia.internal.suggestThread': setThreadStatus('suggested'),
    'marginalia.internal.commentThreads': async (args?: { uri?: string }) => {
      const article = args?.uri ? vscode.Uri.parse(args.uri) : undefined;
      if (article) {
        await annotationsOf(store, article);
        await threads.sync(article);
      }
      return threads.asData(article);
    },
  };
}
