import * as vscode from 'vscode';
import { ANNOTATION_STATUSES, MENTION_KINDS, decodeArticle, type Annotation, type AnnotationStatus } from '../../core';
import type { AnnotationStore, ArticleAnnotations } from './annotationStore';
import { isArticle } from '../shared/articles';
import type { CorpusService } from '../corpus/corpusService';
import { KIND_ICONS } from '../entities/entityPick';
import { findSidecars, sidecarAllowed } from './sidecarChecks';

/** Labels added to the entity kinds when the setting `marginalia.labels` is absent. */
export const DEFAULT_LABELS: readonly string[] = ['claim', 'quote', 'source'];

/** Context key: the active editor shows an article (the keybindings' when-clauses use it). */
const IS_ARTICLE_CONTEXT = 'marginalia.isArticle';

const STATUS_ICONS: Record<AnnotationStatus, string> = {
  suggested: 'lightbulb',
  confirmed: 'check',
  rejected: 'close',
  disputed: 'question',
};

/** The labels an annotation may have: the entity kinds plus the configured labels (docs/contracts.md). */
export function annotationLabels(scope?: vscode.Uri): string[] {
  const configured = vscode.workspace.getConfiguration('marginalia', scope).get<unknown>('labels', DEFAULT_LABELS);
  const extra = Array.isArray(configured) ? configured.filter((l): l is string => typeof l === 'string').map(l => l.trim()).filter(Boolean) : [...DEFAULT_LABELS];
  return [...new Set<string>([...MENTION_KINDS, ...extra])];
}

export function isAnnotationStatus(value: unknown): value is AnnotationStatus {
  return typeof value === 'string' && (ANNOTATION_STATUSES as readonly string[]).includes(value);
}

/** The annotations of an article, refusing articles whose sidecar would lie outside the workspace. */
export async function annotationsOf(store: AnnotationStore, article: vscode.Uri): Promise<ArticleAnnotations> {
  if (!(await sidecarAllowed(article))) {
    throw new Error(`Marginalia: ${vscode.workspace.asRelativePath(article)} is not a file of the workspace; Marginalia keeps no annotations for it.`);
  }
  return store.get(article);
}

/** Loads the annotations of every article that has a sidecar (for lookups by id and the views). */
export async function loadAllAnnotations(store: AnnotationStore): Promise<void> {
  for (const { article, articleExists } of await findSidecars()) {
    if (articleExists) await store.get(article).catch(() => undefined);
  }
}

/**
 * The annotation with this id: in `article` when given, else in the active article first (ids are
 * unique only within a sidecar), else in any article, loading the workspace's sidecars if needed.
 */
export async function findAnnotation(store: AnnotationStore, id: string, article?: vscode.Uri): Promise<{ state: ArticleAnnotations; annotation: Annotation }> {
  let found: { state: ArticleAnnotations; annotation: Annotation } | undefined;
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
  if (!found) throw new Error(`Marginalia: no annotation with id ${id}.`);
  return found;
}

/** The `uri` an argument object may add to an id (a URI string or a Uri). */
function articleArg(uri: unknown): vscode.Uri | undefined {
  if (uri instanceof vscode.Uri) return uri;
  return typeof uri === 'string' && uri ? vscode.Uri.parse(uri) : undefined;
}

/** The innermost placed annotation containing the offset (an exact match of the selection first). */
export function annotationAt(state: ArticleAnnotations, start: number, end = start): Annotation | undefined {
  const exact = start !== end ? state.annotations.find(a => a.target.start === start && a.target.end === end) : undefined;
  if (exact) return exact;
  return state.annotations
    .filter(a => a.target.start <= start && end <= a.target.end)
    .sort((a, b) => (a.target.end - a.target.start) - (b.target.end - b.target.start))[0];
}

/** Where each whole-word, case-sensitive occurrence of `needle` starts in `text`. */
export function wholeWordOccurrences(text: string, needle: string): number[] {
  const found: number[] = [];
  if (!needle) return found;
  const checkStart = isWordChar(needle.codePointAt(0));
  const checkEnd = isWordChar(lastCodePoint(needle, needle.length));
  for (let at = text.indexOf(needle); at !== -1;) {
    const end = at + needle.length;
    const ok = (!checkStart || !isWordChar(lastCodePoint(text, at))) && (!checkEnd || !isWordChar(text.codePointAt(end)));
    if (ok) found.push(at);
    at = text.indexOf(needle, ok ? end : at + 1);
  }
  return found;
}

function isWordChar(codePoint: number | undefined): boolean {
  return codePoint !== undefined && /[\p{L}\p{N}\p{M}_]/u.test(String.fromCodePoint(codePoint));
}

/** The code point that ends just before `offset` (a surrogate pair read as one). */
function lastCodePoint(text: string, offset: number): number | undefined {
  if (offset <= 0) return undefined;
  const low = text.charCodeAt(offset - 1);
  if (low >= 0xdc00 && low <= 0xdfff && offset >= 2) return text.codePointAt(offset - 2);
  return low;
}

/** A quick pick of the labels; undefined when dismissed. */
export async function pickLabel(scope: vscode.Uri | undefined, title: string, preferred?: string): Promise<string | undefined> {
  const kinds = new Set<string>(MENTION_KINDS);
  const items = annotationLabels(scope).map(label => ({
    label,
    iconPath: new vscode.ThemeIcon(kinds.has(label) ? KIND_ICONS[label as keyof typeof KIND_ICONS] : 'tag'),
    description: kinds.has(label) ? 'entity kind' : undefined,
  }));
  const quickPick = vscode.window.createQuickPick<(typeof items)[number]>();
  quickPick.title = title;
  quickPick.placeholder = 'Label of the annotation';
  quickPick.items = items;
  const active = items.find(i => i.label === preferred);
  if (active) quickPick.activeItems = [active];
  return new Promise(resolve => {
    quickPick.onDidAccept(() => {
      resolve(quickPick.selectedItems[0]?.label);
      quickPick.hide();
    });
    quickPick.onDidHide(() => {
      resolve(undefined);
      quickPick.dispose();
    });
    quickPick.show();
  });
}

async function pickStatus(current?: AnnotationStatus): Promise<AnnotationStatus | undefined> {
  const picked = await vscode.window.showQuickPick(
    ANNOTATION_STATUSES.map(status => ({ label: `$(${STATUS_ICONS[status]}) ${status}`, status, description: status === current ? 'current' : undefined })),
    { title: 'Marginalia: set the status of the annotation' },
  );
  return picked?.status;
}

/** A command's argument object, or undefined for a call from the UI (no argument, or a Uri from a menu). */
function argumentObject<T>(arg: unknown): T | undefined {
  if (!arg || typeof arg !== 'object' || Array.isArray(arg) || arg instanceof vscode.Uri) return undefined;
  return arg as T;
}

function errorMessage(e: unknown): string {
  const message = e instanceof Error ? e.message : String(e);
  return message.startsWith('Marginalia') ? message : `Marginalia: ${message}`;
}

/**
 * Registers a command that takes an optional argument object. Errors are shown to the user; a
 * caller that passed arguments (a script, a keybinding with `args`) also gets the rejection.
 */
function registerAnnotationCommand<A>(id: string, run: (args: A | undefined) => Promise<unknown>): vscode.Disposable {
  return vscode.commands.registerCommand(id, async (arg?: unknown) => {
    const args = argumentObject<A>(arg);
    try {
      return await run(args);
    } catch (e) {
      void vscode.window.showErrorMessage(errorMessage(e));
      if (args) throw e;
      return undefined;
    }
  });
}

function articleEditor(): vscode.TextEditor {
  const editor = vscode.window.activeTextEditor;
  if (!editor || !isArticle(editor.document)) throw new Error('Marginalia: open an article in the editor first.');
  return editor;
}

/** The selection without surrounding white space; an empty selection takes the mention or word at the cursor. */
function spanToAnnotate(editor: vscode.TextEditor, corpus: CorpusService): { start: number; end: number } | undefined {
  const { document, selection } = editor;
  let range: vscode.Range | undefined = selection;
  if (selection.isEmpty) range = corpus.mentionAt(document, selection.active)?.range ?? document.getWordRangeAtPosition(selection.active);
  if (!range) return undefined;
  const text = document.getText();
  let start = document.offsetAt(range.start), end = document.offsetAt(range.end);
  while (start < end && /\s/.test(text[start])) start++;
  while (end > start && /\s/.test(text[end - 1])) end--;
  return end > start ? { start, end } : undefined;
}

/** The article's text as the editor holds it, else as on disk. */
async function articleText(uri: vscode.Uri): Promise<string> {
  const open = vscode.workspace.textDocuments.find(d => d.uri.toString() === uri.toString() && !d.isClosed);
  return open ? open.getText() : decodeArticle(await vscode.workspace.fs.readFile(uri)).text;
}

function describe(annotation: Annotation): string {
  const quote = annotation.target.quote.length > 40 ? `${annotation.target.quote.slice(0, 39)}…` : annotation.target.quote;
  return `"${quote}" (${annotation.label} · ${annotation.status})`;
}

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

/** The annotation commands of docs/contracts.md, review of mentions, navigation, and the context key. */
export function registerAnnotationCommands(store: AnnotationStore, corpus: CorpusService): vscode.Disposable {
  const annotationAtCursor = async (): Promise<{ state: ArticleAnnotations; annotation: Annotation }> => {
    const editor = articleEditor();
    const state = await annotationsOf(store, editor.document.uri);
    const { document, selection } = editor;
    const annotation = annotationAt(state, document.offsetAt(selection.start), document.offsetAt(selection.end));
    if (!annotation) throw new Error('Marginalia: no annotation at the cursor.');
    return { state, annotation };
  };

  const annotateSelection = async (args: AnnotateSelectionArgs | undefined): Promise<string | undefined> => {
    if (args && (typeof args.label !== 'string' || !args.label.trim())) throw new Error('Marginalia: annotateSelection needs a label.');
    if (args?.status !== undefined && !isAnnotationStatus(args.status)) throw new Error(`Marginalia: unknown status ${JSON.stringify(args.status)}.`);
    const editor = articleEditor();
    const { document } = editor;
    await annotationsOf(store, document.uri);
    const span = spanToAnnotate(editor, corpus);
    if (!span) throw new Error('Marginalia: select the text to annotate.');
    const quote = document.getText().slice(span.start, span.end);
    const mention = corpus.mentionAt(document, document.positionAt(span.start))?.mention;
    const sameSpan = mention && mention.start === span.start && mention.end === span.end ? mention : undefined;
    let label: string, note: string | undefined, status: AnnotationStatus | undefined;
    if (args) {
      ({ label, note, status } = { label: args.label.trim(), note: args.note, status: args.status });
    } else {
      const short = quote.length > 40 ? `${quote.slice(0, 39)}…` : quote;
      const picked = await pickLabel(document.uri, `Annotate "${short}"`, sameSpan?.kind);
      if (!picked) return undefined;
      label = picked;
      note = await vscode.window.showInputBox({ title: `Annotate "${short}" as ${label}`, prompt: 'Note (Markdown, optional)', placeHolder: 'Why this matters, what to check…' });
      if (note === undefined) return undefined;
    }
    const entity = sameSpan && sameSpan.kind === label ? sameSpan.entity : undefined;
    const created = await store.create(document.uri, { ...span, label, note: note?.trim() ? note : undefined, status, entity });
    return created.id;
  };

  const annotateAll = async (args: AnnotateAllArgs | undefined): Promise<number | undefined> => {
    if (args && (typeof args.label !== 'string' || !args.label.trim())) throw new Error('Marginalia: annotateAllOccurrences needs a label.');
    if (args?.scope !== undefined && args.scope !== 'document' && args.scope !== 'workspace') throw new Error(`Marginalia: unknown scope ${JSON.stringify(args.scope)}.`);
    const editor = vscode.window.activeTextEditor;
    let needle = args?.text;
    if (needle === undefined) {
      const span = editor && isArticle(editor.document) ? spanToAnnotate(editor, corpus) : undefined;
      needle = span && editor ? editor.document.getText().slice(span.start, span.end) : undefined;
    }
    if (!needle?.trim()) throw new Error('Marginalia: select the text whose occurrences to annotate.');
    const text = needle.trim();
    let label = args?.label.trim();
    let scope = args ? args.scope ?? 'document' : undefined;
    if (!args) {
      label = await pickLabel(editor?.document.uri, `Annotate every "${text}"`);
      if (!label) return undefined;
      const picked = await vscode.window.showQuickPick(
        [{ label: 'This document', scope: 'document' as const }, { label: 'Every article in the workspace', scope: 'workspace' as const }],
        { title: `Annotate every "${text}" as ${label}` },
      );
      if (!picked) return undefined;
      scope = picked.scope;
    }
    let articles: vscode.Uri[];
    if (scope === 'workspace') {
      await corpus.ready();
      articles = corpus.index.paths().map(p => vscode.Uri.parse(p)).filter(u => u.scheme === 'file');
    } else {
      articles = [articleEditor().document.uri];
    }
    let created = 0;
    const errors: string[] = [];
    for (const article of articles) {
      try {
        if (!(await sidecarAllowed(article))) continue;
        const content = await articleText(article);
        const starts = wholeWordOccurrences(content, text);
        if (starts.length === 0) continue;
        const state = await annotationsOf(store, article);
        for (const start of starts) {
          const end = start + text.length;
          if (state.annotations.some(a => a.label === label && a.target.start <= start && end <= a.target.end)) continue;
          await store.create(article, { start, end, label: label! });
          created++;
        }
      } catch (e) {
        errors.push(errorMessage(e));
      }
    }
    if (errors.length && (created === 0 || scope === 'document')) throw new Error(errors[0]);
    if (errors.length) void vscode.window.showWarningMessage(`Marginalia: ${created} annotation(s) created; ${errors.length} article(s) failed: ${errors[0]}`);
    else if (!args) void vscode.window.showInformationMessage(`Marginalia: ${created} annotation(s) created.`);
    return created;
  };

  const setStatus = async (args: { status: AnnotationStatus; id?: string; uri?: string } | undefined): Promise<string | undefined> => {
    if (args && !isAnnotationStatus(args.status)) throw new Error(`Marginalia: unknown status ${JSON.stringify(args.status)}.`);
    const { state, annotation } = args?.id !== undefined ? await findAnnotation(store, String(args.id), articleArg(args.uri)) : await annotationAtCursor();
    const status = args?.status ?? await pickStatus(annotation.status);
    if (!status) return undefined;
    await store.update(annotation.id, a => { a.status = status; }, state.article);
    return annotation.id;
  };

  const deleteAnnotation = async (args: { id?: string; uri?: string } | undefined): Promise<boolean> => {
    if (args?.id !== undefined) {
      const found = await findAnnotation(store, String(args.id), articleArg(args.uri)).catch(() => undefined);
      return found ? store.delete(found.annotation.id, found.state.article) : false;
    }
    const { state, annotation: target } = await annotationAtCursor();
    if (!args) { // from the UI: reviewers' work is deleted only when they confirm
      const answer = await vscode.window.showWarningMessage(`Delete the annotation ${describe(target)}?`, { modal: true, detail: 'Its note and replies are removed from the sidecar.' }, 'Delete');
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
    const found = corpus.mentionAt(document, selection.active) ?? (offset > 0 ? corpus.mentionAt(document, document.positionAt(offset - 1)) : undefined);
    if (found) {
      const m = found.mention;
      const existing = state.annotations.find(a => a.target.start === m.start && a.target.end === m.end)
        ?? state.annotations.find(a => a.label === m.kind && a.target.start <= m.start && m.end <= a.target.end);
      if (existing) {
        await store.update(existing.id, a => {
          a.status = status;
          if (!a.entity && m.entity && a.label === m.kind) a.entity = m.entity;
        }, document.uri);
        return existing.id;
      }
      return (await store.create(document.uri, { start: m.start, end: m.end, label: m.kind, entity: m.entity, status })).id;
    }
    const annotation = annotationAt(state, offset);
    if (!annotation) throw new Error('Marginalia: no recognized mention or annotation at the cursor.');
    await store.update(annotation.id, a => { a.status = status; }, document.uri);
    return annotation.id;
  };

  const move = async (direction: 1 | -1): Promise<string | undefined> => {
    const editor = articleEditor();
    const state = await annotationsOf(store, editor.document.uri);
    const sorted = [...state.annotations].sort((a, b) => a.target.start - b.target.start || a.target.end - b.target.end);
    if (sorted.length === 0) {
      void vscode.window.setStatusBarMessage('Marginalia: no annotation in this article', 3000);
      return undefined;
    }
    const offset = editor.document.offsetAt(editor.selection.active);
    const target = direction === 1
      ? sorted.find(a => a.target.start > offset) ?? sorted[0]
      : [...sorted].reverse().find(a => a.target.start < offset) ?? sorted[sorted.length - 1];
    const position = editor.document.positionAt(target.target.start);
    editor.selection = new vscode.Selection(position, position);
    editor.revealRange(new vscode.Range(position, editor.document.positionAt(target.target.end)), vscode.TextEditorRevealType.InCenterIfOutsideViewport);
    return target.id;
  };

  const updateContext = (): void => {
    const editor = vscode.window.activeTextEditor;
    void vscode.commands.executeCommand('setContext', IS_ARTICLE_CONTEXT, !!editor && isArticle(editor.document));
  };
  updateContext();

  return vscode.Disposable.from(
    vscode.window.onDidChangeActiveTextEditor(updateContext),
    vscode.workspace.onDidOpenTextDocument(updateContext), // a language change reopens the document
    vscode.workspace.onDidChangeConfiguration(e => {
      if (e.affectsConfiguration('marginalia')) updateContext();
    }),
    registerAnnotationCommand('marginalia.annotateSelection', annotateSelection),
    registerAnnotationCommand('marginalia.annotateAllOccurrences', annotateAll),
    registerAnnotationCommand('marginalia.setStatus', setStatus),
    registerAnnotationCommand('marginalia.deleteAnnotation', deleteAnnotation),
    registerAnnotationCommand('marginalia.confirmMention', () => reviewMention('confirmed')),
    registerAnnotationCommand('marginalia.rejectMention', () => reviewMention('rejected')),
    registerAnnotationCommand('marginalia.nextAnnotation', () => move(1)),
    registerAnnotationCommand('marginalia.previousAnnotation', () => move(-1)),
    registerAnnotationCommand('marginalia.internal.revealAnnotation', async (args: { id: string; uri?: string } | undefined) => {
      if (!args?.id) return false;
      const { state, annotation } = await findAnnotation(store, args.id, articleArg(args.uri));
      const document = await vscode.workspace.openTextDocument(state.article);
      const placed = state.annotations.includes(annotation);
      const range = placed ? new vscode.Range(document.positionAt(annotation.target.start), document.positionAt(annotation.target.end)) : undefined;
      await vscode.window.showTextDocument(document, { selection: range, preserveFocus: false });
      return placed;
    }),
    // For tests and scripts: what the store holds for an article, as plain data.
    registerAnnotationCommand('marginalia.internal.annotations', async (args: { uri: string } | undefined) => {
      if (!args?.uri) return undefined;
      const state = await annotationsOf(store, vscode.Uri.parse(args.uri));
      const plain = (a: Annotation) => ({ id: a.id, label: a.label, status: a.status, entity: a.entity, note: a.note, replies: a.thread.length, ...a.target });
      return { annotations: state.annotations.map(plain), orphans: state.orphans.map(plain), writable: state.writable, problems: state.problems.length };
    }),
  );
}
