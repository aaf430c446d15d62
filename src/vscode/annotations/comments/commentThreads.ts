import * as vscode from 'vscode';
import { lineStarts, positionAt, type Annotation } from '../../../core';
import { isArticle } from '../../common/articles';
import type { AnnotationStore, ArticleAnnotations } from '../annotationStore';
import { annotationsOf } from '../lookup';
import { AnnotationComment, NOTE_KEY, replyKeys, type CommentContent } from './annotationComment';

const CONTROLLER_ID = 'marginalia';

interface ThreadEntry {
  thread: vscode.CommentThread;
  comments: Map<string, AnnotationComment>;
}

/** The annotation a thread shows. */
export interface ThreadOwner {
  article: vscode.Uri;
  id: string;
}

/** Comments API: each annotation is a review thread on its span, kept in step with the store. */
export class CommentThreads implements vscode.Disposable {
  private readonly controller = vscode.comments.createCommentController(CONTROLLER_ID, 'Marginalia');
  /** Threads by article URI, then annotation id (ids are unique within a sidecar). */
  private readonly threads = new Map<string, Map<string, ThreadEntry>>();
  private readonly owners = new WeakMap<vscode.CommentThread, ThreadOwner>();
  private readonly syncing = new Map<string, Promise<void>>();
  private readonly disposables: vscode.Disposable[];

  constructor(private readonly store: AnnotationStore) {
    this.controller.options = {
      prompt: 'Reply…',
      placeHolder: 'Markdown. On a new thread, the note of the annotation: Annotate then asks for its label.',
    };
    this.controller.commentingRangeProvider = {
      provideCommentingRanges: document => {
        if (!isArticle(document) || document.uri.scheme !== 'file') return [];
        const last = document.lineAt(document.lineCount - 1);
        return [new vscode.Range(0, 0, last.range.end.line, last.range.end.character)];
      },
    };
    // An article (or a folder of them) deleted: its threads go too.
    const deletions = vscode.workspace.createFileSystemWatcher('**/*', true, true, false);
    this.disposables = [
      this.controller,
      deletions,
      deletions.onDidDelete(uri => this.forget(uri)),
      store.onDidChange(uri => void this.sync(uri)),
      vscode.workspace.onDidOpenTextDocument(doc => this.load(doc)),
    ];
    for (const document of vscode.workspace.textDocuments) this.load(document);
  }

  /** The annotation a thread shows; undefined for a draft thread (a new comment not yet an annotation). */
  ownerOf(thread: vscode.CommentThread): ThreadOwner | undefined {
    return this.owners.get(thread);
  }

  /** Brings the threads of an article in line with the store (positions from the editor, else the file). */
  sync(article: vscode.Uri): Promise<void> {
    const key = article.toString();
    const state = this.store.peek(article);
    if (!state) return Promise.resolve();
    const document = openDocument(article);
    if (document) {
      this.apply(state, offset => document.positionAt(offset));
      return Promise.resolve();
    }
    // Not open: positions come from the text on disk, which the store anchored against.
    const previous = this.syncing.get(key) ?? Promise.resolve();
    const next = previous
      .then(async () => {
        const text = await this.store.currentText(article);
        const starts = lineStarts(text);
        const current = this.store.peek(article);
        if (!current || openDocument(article)) return;
        this.apply(current, offset => {
          const p = positionAt(starts, offset);
          return new vscode.Position(p.line, p.character);
        });
      })
      .catch(() => undefined);
    this.syncing.set(key, next);
    return next;
  }

  /** The threads shown (for one article, or all), as plain data. */
  asData(article?: vscode.Uri): object[] {
    const all = [...this.threads.entries()].filter(([key]) => !article || key === article.toString());
    return all.flatMap(([key, byId]) =>
      [...byId].map(([id, { thread }]) => ({
        id,
        uri: key,
        range: thread.range && [thread.range.start.line, thread.range.start.character, thread.range.end.line, thread.range.end.character],
        label: thread.label,
        contextValue: thread.contextValue,
        collapsed: thread.collapsibleState === vscode.CommentThreadCollapsibleState.Collapsed,
        comments: thread.comments.map(c => ({ author: c.author.name, body: typeof c.body === 'string' ? c.body : c.body.value })),
      })),
    );
  }

  private load(document: vscode.TextDocument): void {
    if (document.uri.scheme !== 'file' || !isArticle(document)) return;
    if (this.store.peek(document.uri)) void this.sync(document.uri);
    else void annotationsOf(this.store, document.uri).catch(() => undefined); // fires onDidChange, which syncs
  }

  private apply(state: ArticleAnnotations, position: (offset: number) => vscode.Position): void {
    const key = state.article.toString();
    let byId = this.threads.get(key);
    if (!byId) this.threads.set(key, (byId = new Map()));
    const present = new Set<string>();
    for (const a of state.annotations) {
      present.add(a.id);
      const range = new vscode.Range(position(a.target.start), position(a.target.end));
      let entry = byId.get(a.id);
      if (!entry) {
        const thread = this.controller.createCommentThread(state.article, range, []);
        thread.collapsibleState = vscode.CommentThreadCollapsibleState.Collapsed;
        this.owners.set(thread, { article: state.article, id: a.id });
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
  }

  private forget(deleted: vscode.Uri): void {
    const key = deleted.toString();
    for (const [article, byId] of this.threads) {
      if (article !== key && !article.startsWith(`${key}/`)) continue;
      for (const { thread } of byId.values()) thread.dispose();
      this.threads.delete(article);
    }
  }

  dispose(): void {
    for (const byId of this.threads.values()) for (const { thread } of byId.values()) thread.dispose();
    this.threads.clear();
    vscode.Disposable.from(...this.disposables).dispose();
  }
}

function openDocument(uri: vscode.Uri): vscode.TextDocument | undefined {
  return vscode.workspace.textDocuments.find(d => d.uri.toString() === uri.toString() && !d.isClosed);
}

/** The note, then the replies; edit and delete only where Marginalia may write the sidecar. */
function commentsOf(a: Annotation, writable: boolean): CommentContent[] {
  const edit = writable ? ' canEdit' : '';
  const keys = replyKeys(a.thread);
  return [
    {
      key: NOTE_KEY,
      markdown: a.note ?? '',
      author: a.author ?? 'unknown',
      time: a.created,
      label: a.entity ? `entity: ${a.entity}` : undefined,
      contextValue: `note${edit}`,
    },
    ...a.thread.map((r, i) => ({
      key: keys[i],
      markdown: r.body,
      author: r.author,
      time: r.time,
      contextValue: `reply${edit}${writable ? ' canDelete' : ''}`,
    })),
  ];
}

/** Updates a thread in place: only what changed is assigned, so the workbench redraws little. */
function update(entry: ThreadEntry, a: Annotation, state: ArticleAnnotations, range: vscode.Range): void {
  const { thread } = entry;
  const label = `${a.label} · ${a.status}${a.source ? ` · ${a.source}` : ''}`;
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
}
