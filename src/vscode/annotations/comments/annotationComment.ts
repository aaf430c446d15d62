import * as vscode from 'vscode';
import type { Reply } from '../../../core';

/** The key of the first comment of a thread: the annotation's note. */
export const NOTE_KEY = 'note';

/** What one comment of a thread shows: the annotation's note (first) or one reply. */
export interface CommentContent {
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
export class AnnotationComment implements vscode.Comment {
  body: string | vscode.MarkdownString = '';
  mode = vscode.CommentMode.Preview;
  author: vscode.CommentAuthorInformation = { name: '' };
  timestamp?: Date;
  label?: string;
  contextValue = '';
  /** The Markdown source, what an edit starts from and Cancel restores. */
  savedBody = '';

  constructor(
    readonly article: vscode.Uri,
    readonly annotationId: string,
    readonly key: string,
    readonly parent: vscode.CommentThread,
  ) {}

  /** Takes the content; true when something shown changed. */
  apply(content: CommentContent): boolean {
    const time = content.time ? new Date(content.time) : undefined;
    const timestamp = time && !Number.isNaN(time.getTime()) ? time : undefined;
    const changed =
      this.savedBody !== content.markdown ||
      this.author.name !== content.author ||
      this.label !== content.label ||
      this.contextValue !== content.contextValue ||
      this.timestamp?.getTime() !== timestamp?.getTime();
    if (!changed) return false;
    this.savedBody = content.markdown;
    if (this.mode === vscode.CommentMode.Preview) this.body = preview(content.markdown, content.key === NOTE_KEY);
    this.author = { name: content.author };
    this.timestamp = timestamp;
    this.label = content.label;
    this.contextValue = content.contextValue;
    return true;
  }

  /** Switches between editing (the Markdown source) and preview, and makes the thread show it. */
  setMode(mode: vscode.CommentMode, body: string): void {
    this.mode = mode;
    this.body = mode === vscode.CommentMode.Preview ? preview(body, this.key === NOTE_KEY) : body;
    this.parent.comments = [...this.parent.comments];
  }
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
