import * as vscode from 'vscode';
import { decodeArticle, lineStarts, positionAt, type Annotation, type AnnotationStatus, type Reply } from '../../core';
import { annotationsOf, pickLabel } from './annotationCommands';
import type { AnnotationStore, ArticleAnnotations } from './annotationStore';
import { isArticle } from '../shared/articles';

const CONTROLLER_ID = 'marginalia';
const NOTE_KEY = 'note';

/** What one comment of a thread shows: the annotation's note (first) or one reply. */
interface CommentContent {
  key: string;
  markdown: string;
  author: string;
  time?: string;
  label?: string;
  contextValue: string;
}

/**
 * One comment of an annotation's thread. The objects live as long as the comment does, so an
 * update of the store changes their fields instead of replacing them (an edit in progress survives).
 */
class AnnotationComment implements vscode.Comment {
  body: string | vscode.MarkdownString = '';
  mode = vscode.CommentMode.Preview;
  author: vscode.CommentAuthorInformation = { name: '' };
  timestamp?: Date;
  label?: string;
  contextValue = '';
  /** The Markdown source, what an edit starts from and Cancel restores. */
  savedBody = '';

  constructor(readonly article: vscode.Uri, readonly annotationId: string, readonly key: string, readonly parent: vscode.CommentThread) {}

  /** Takes the content; true when something shown changed. */
  apply(content: CommentContent): boolean {
    const time = content.time ? new Date(content.time) : undefined;
    const timestamp = time && !Number.isNaN(time.getTime()) ? time : undefined;
    const changed = this.savedBody !== content.markdown || this.author.name !== content.author || this.label !== content.label ||
      this.contextValue !== content.contextValue || this.timestamp?.getTime() !== timestamp?.getTime();
    if (!changed) return false;
    this.savedBody = content.markdown;
    if (this.mode === vscode.CommentMode.Preview) this.body = preview(content.markdown, content.key === NOTE_KEY);
    this.author = { name: content.author };
    this.timestamp = timestamp;
    this.label = content.label;
    this.contextValue = content.contextValue;
    return true;
  }
}

interface ThreadEntry {
  thread: vscode.CommentThread;
  comments: Map<string, AnnotationComment>;
}

/** Untrusted Markdown (no command links, no HTML) for text written in sidecars. */
function preview(markdown: string, isNote: boolean): vscode.MarkdownString {
  const md = new vscode.MarkdownString(markdown.trim() ? markdown : isNote ? '*No note.*' : '');
  md.isTrusted = false;
  md.supportHtml = false;
  return md;
}

/** Keys of the replies, stable when other replies are added or deleted. */
export function replyKeys(thread: readonly Reply[]): string[] {
  const seen = new Map<string, number>();
  return thread.map(r => {
    const base = `reply:${r.time}|${r.author}`;
    const n = seen.get(base) ?? 0;
    seen.set(base, n + 1);
    return `${base}|${n}`;
  });
}

/** Comments API: each annotation is a review thread on its span, kept in step with the store. */
export function registerComments(store: AnnotationStore): vscode.Disposable {
  const controller = vscode.comments.createCommentController(CONTROLLER_ID, 'Marginalia');
  controller.options = {
    prompt: 'Reply…',
    placeHolder: 'Markdown. On a new thread, the note of the annotation: Annotate then asks for its label.',
  };
  controller.commentingRangeProvider = {
    provideCommentingRanges: document => {
      if (!isArticle(document) || document.uri.scheme !== 'file') return [];
      const last = document.lineAt(document.lineCount - 1);
      return [new vscode.Range(0, 0, last.range.end.line, last.range.end.character)];
    },
  };

  /** Threads by article URI, then annotation id (ids are unique within a sidecar). */
  const threads = new Map<string, Map<string, ThreadEntry>>();
  const owners = new WeakMap<vscode.CommentThread, { article: vscode.Uri; id: string }>();
  const syncing = new Map<string, Promise<void>>();

  const openDocument = (uri: vscode.Uri) => vscode.workspace.textDocuments.find(d => d.uri.toString() === uri.toString() && !d.isClosed);

  const commentsOf = (a: Annotation, writable: boolean): CommentContent[] => {
    const edit = writable ? ' canEdit' : '';
    const keys = replyKeys(a.thread);
    return [
      { key: NOTE_KEY, markdown: a.note ?? '', author: a.author ?? 'unknown', time: a.created, label: a.entity ? `entity: ${a.entity}` : undefined, contextValue: `note${edit}` },
      ...a.thread.map((r, i) => ({ key: keys[i], markdown: r.body, author: r.author, time: r.time, contextValue: `reply${edit}${writable ? ' canDelete' : ''}` })),
    ];
  };

  const update = (entry: ThreadEntry, a: Annotation, state: ArticleAnnotations, range: vscode.Range): void => {
    const { thread } = entry;
    const label = `${a.label} · ${a.status}`;
    if (thread.label !== label) thread.label = label;
    const contextValue = ['annotation', `status:${a.status}`, ...(state.writable ? ['canReply', 'canSetStatus', 'canDelete'] : ['readonly'])].join(' ');
    if (thread.contextValue !== contextValue) thread.contextValue = contextValue;
    const resolved = a.status === 'confirmed' || a.status === 'rejected' ? vscode.CommentThreadState.Resolved : vscode.CommentThreadState.Unresolved;
    if (thread.state !== resolved) thread.state = resolved;
    if (thread.canReply !== state.writable) thread.canReply = state.writable;
    if (!thread.range || !thread.range.isEqual(range)) thread.range = range;

    let changed = false;
    const next: AnnotationComment[] = [];
    for (const content of commentsOf(a, state.writable)) {
      let comment = entry.comments.get(content.key);
      if (!comment) {
        comment = new AnnotationComment(state.article, a.id, content.key, thread);
        entry.comments.set(content.key, comment);
        changed = true;
      }
      changed = comment.apply(content) || changed;
      next.push(comment);
    }
    for (const key of [...entry.comments.keys()]) if (!next.some(c => c.key === key)) entry.comments.delete(key);
    if (changed || next.length !== thread.comments.length || next.some((c, i) => thread.comments[i] !== c)) thread.comments = next;
  };

  const apply = (state: ArticleAnnotations, position: (offset: number) => vscode.Position): void => {
    const key = state.article.toString();
    let byId = threads.get(key);
    if (!byId) threads.set(key, (byId = new Map()));
    const present = new Set<string>();
    for (const a of state.annotations) {
      present.add(a.id);
      const range = new vscode.Range(position(a.target.start), position(a.target.end));
      let entry = byId.get(a.id);
      if (!entry) {
        const thread = controller.createCommentThread(state.article, range, []);
        thread.collapsibleState = vscode.CommentThreadCollapsibleState.Collapsed;
        owners.set(thread, { article: state.article, id: a.id });
        entry = { thread, comments: new Map() };
        byId.set(a.id, entry);
      }
      update(entry, a, state, range);
    }
    // Deleted annotations and orphans (they have no place in the text) lose their thread.
    for (const [id, entry] of byId) {
      if (present.has(id)) continue;
      entry.thread.dispose();
      byId.delete(id);
    }
  };

  const sync = (article: vscode.Uri): Promise<void> => {
    const key = article.toString();
    const state = store.peek(article);
    if (!state) return Promise.resolve();
    const document = openDocument(article);
    if (document) {
      apply(state, offset => document.positionAt(offset));
      return Promise.resolve();
    }
    // Not open: positions come from the text on disk, which the store anchored against.
    const previous = syncing.get(key) ?? Promise.resolve();
    const next = previous.then(async () => {
      const text = decodeArticle(await vscode.workspace.fs.readFile(article)).text;
      const starts = lineStarts(text);
      const current = store.peek(article);
      if (!current || openDocument(article)) return;
      apply(current, offset => {
        const p = positionAt(starts, offset);
        return new vscode.Position(p.line, p.character);
      });
    }).catch(() => undefined);
    syncing.set(key, next);
    return next;
  };

  const load = (document: vscode.TextDocument): void => {
    if (document.uri.scheme !== 'file' || !isArticle(document)) return;
    if (store.peek(document.uri)) void sync(document.uri);
    else void annotationsOf(store, document.uri).catch(() => undefined); // fires onDidChange, which syncs
  };

  const entryOf = (thread: vscode.CommentThread) => owners.get(thread);

  const report = (e: unknown): void => {
    const message = e instanceof Error ? e.message : String(e);
    void vscode.window.showErrorMessage(message.startsWith('Marginalia') ? message : `Marginalia: ${message}`);
  };

  const setCommentsMode = (comment: AnnotationComment, mode: vscode.CommentMode, body: string | vscode.MarkdownString): void => {
    comment.mode = mode;
    comment.body = body;
    comment.parent.comments = [...comment.parent.comments];
  };

  /** The first comment of a new thread (the gutter "+" on a selection) creates the annotation. */
  const createFromThread = async (reply: vscode.CommentReply): Promise<string | undefined> => {
    const { thread } = reply;
    const document = await vscode.workspace.openTextDocument(thread.uri);
    let range = thread.range ?? new vscode.Range(0, 0, 0, 0);
    if (range.isEmpty) range = document.lineAt(range.start.line).range;
    const text = document.getText();
    let start = document.offsetAt(range.start), end = document.offsetAt(range.end);
    while (start < end && /\s/.test(text[start])) start++;
    while (end > start && /\s/.test(text[end - 1])) end--;
    if (end <= start) throw new Error('Marginalia: select the text to annotate, then add the note.');
    const quote = text.slice(start, end);
    const label = await pickLabel(thread.uri, `Annotate "${quote.length > 40 ? `${quote.slice(0, 39)}…` : quote}"`);
    if (!label) return undefined; // the draft thread stays, with its text, for another try
    await annotationsOf(store, thread.uri);
    const created = await store.create(thread.uri, { start, end, label, note: reply.text.trim() ? reply.text : undefined });
    thread.dispose(); // the annotation's own thread replaces the draft
    return created.id;
  };

  const replyTo = async (reply: vscode.CommentReply): Promise<void> => {
    const owner = entryOf(reply.thread);
    if (!owner) {
      await createFromThread(reply);
      return;
    }
    if (!reply.text.trim()) return;
    await store.reply(owner.id, reply.text, owner.article);
  };

  const saveComment = async (comment: AnnotationComment): Promise<void> => {
    const text = typeof comment.body === 'string' ? comment.body : comment.body.value;
    await store.update(comment.annotationId, a => {
      if (comment.key === NOTE_KEY) {
        if (text.trim()) a.note = text;
        else delete a.note;
        return;
      }
      const index = replyKeys(a.thread).indexOf(comment.key);
      if (index < 0) throw new Error('Marginalia: this reply changed meanwhile; reload and edit again.');
      a.thread[index].body = text;
    }, comment.article);
    comment.savedBody = text;
    setCommentsMode(comment, vscode.CommentMode.Preview, preview(text, comment.key === NOTE_KEY));
  };

  const deleteReply = async (comment: AnnotationComment): Promise<void> => {
    const answer = await vscode.window.showWarningMessage('Delete this reply?', { modal: true }, 'Delete');
    if (answer !== 'Delete') return;
    await store.update(comment.annotationId, a => {
      const index = replyKeys(a.thread).indexOf(comment.key);
      if (index >= 0) a.thread.splice(index, 1);
    }, comment.article);
  };

  const deleteThread = async (thread: vscode.CommentThread): Promise<void> => {
    const owner = entryOf(thread);
    if (!owner) return thread.dispose();
    const answer = await vscode.window.showWarningMessage(`Delete this annotation (${thread.label ?? ''})?`, { modal: true, detail: 'Its note and replies are removed from the sidecar.' }, 'Delete');
    if (answer === 'Delete') await store.delete(owner.id, owner.article);
  };

  const setThreadStatus = (status: AnnotationStatus) => async (thread: vscode.CommentThread): Promise<void> => {
    const owner = entryOf(thread);
    if (owner) await store.update(owner.id, a => { a.status = status; }, owner.article);
  };

  const guarded = <T>(run: (arg: T) => Promise<unknown>) => (arg: T) => run(arg).catch(report);

  /** An article (or a folder of them) deleted: its threads go too. */
  const forget = (deleted: vscode.Uri): void => {
    const key = deleted.toString();
    for (const [article, byId] of threads) {
      if (article !== key && !article.startsWith(`${key}/`)) continue;
      for (const { thread } of byId.values()) thread.dispose();
      threads.delete(article);
    }
  };
  const deletions = vscode.workspace.createFileSystemWatcher('**/*', true, true, false);

  for (const document of vscode.workspace.textDocuments) load(document);

  return vscode.Disposable.from(
    controller,
    deletions,
    deletions.onDidDelete(forget),
    store.onDidChange(uri => void sync(uri)),
    vscode.workspace.onDidOpenTextDocument(load),
    vscode.commands.registerCommand('marginalia.internal.createAnnotationFromThread', guarded(createFromThread)),
    vscode.commands.registerCommand('marginalia.internal.replyToAnnotation', guarded(replyTo)),
    vscode.commands.registerCommand('marginalia.internal.editComment', (comment: AnnotationComment) => {
      setCommentsMode(comment, vscode.CommentMode.Editing, comment.savedBody);
    }),
    vscode.commands.registerCommand('marginalia.internal.cancelEditComment', (comment: AnnotationComment) => {
      setCommentsMode(comment, vscode.CommentMode.Preview, preview(comment.savedBody, comment.key === NOTE_KEY));
    }),
    vscode.commands.registerCommand('marginalia.internal.saveComment', guarded(saveComment)),
    vscode.commands.registerCommand('marginalia.internal.deleteReply', guarded(deleteReply)),
    vscode.commands.registerCommand('marginalia.internal.deleteThreadAnnotation', guarded(deleteThread)),
    vscode.commands.registerCommand('marginalia.internal.confirmThread', guarded(setThreadStatus('confirmed'))),
    vscode.commands.registerCommand('marginalia.internal.rejectThread', guarded(setThreadStatus('rejected'))),
    vscode.commands.registerCommand('marginalia.internal.disputeThread', guarded(setThreadStatus('disputed'))),
    vscode.commands.registerCommand('marginalia.internal.suggestThread', guarded(setThreadStatus('suggested'))),
    // For tests: the threads shown for an article, as plain data.
    vscode.commands.registerCommand('marginalia.internal.commentThreads', async (args?: { uri?: string }) => {
      if (args?.uri) {
        const uri = vscode.Uri.parse(args.uri);
        await annotationsOf(store, uri);
        await sync(uri);
      }
      const all = [...threads.entries()].filter(([article]) => !args?.uri || article === vscode.Uri.parse(args.uri).toString());
      return all.flatMap(([article, byId]) => [...byId].map(([id, { thread }]) => ({
        id,
        uri: article,
        range: thread.range && [thread.range.start.line, thread.range.start.character, thread.range.end.line, thread.range.end.character],
        label: thread.label,
        contextValue: thread.contextValue,
        collapsed: thread.collapsibleState === vscode.CommentThreadCollapsibleState.Collapsed,
        comments: thread.comments.map(c => ({ author: c.author.name, body: typeof c.body === 'string' ? c.body : c.body.value })),
      })));
    }),
    {
      dispose: () => {
        for (const byId of threads.values()) for (const { thread } of byId.values()) thread.dispose();
        threads.clear();
      },
    },
  );
}
