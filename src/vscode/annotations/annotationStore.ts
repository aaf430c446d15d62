import * as vscode from 'vscode';
import {
  AnnotationBook,
  SIDECAR_SUFFIX,
  Workspace,
  type Annotation,
  type ArticleAnnotations as BookState,
  type NewAnnotation,
  type SidecarProblem,
} from '../../core';
import { currentAuthor } from '../common/author';
import { toDiagnostics } from '../common/diagnostics';
import { UserError } from '../common/errors';
import { canWrite } from '../common/trust';
import { corePath, uriOf, type Workspaces } from '../common/workspaces';

export type { NewAnnotation };

/** The annotations of one article as the extension shows them (a view of the core's AnnotationBook state). */
export interface ArticleAnnotations {
  readonly article: vscode.Uri;
  readonly sidecar: vscode.Uri;
  /** Placed annotations; their targets follow the text as it is edited. */
  readonly annotations: readonly Annotation[];
  /** Annotations that could not be placed: kept in the file as they were, listed for review. */
  readonly orphans: readonly Annotation[];
  readonly dct: string | undefined;
  /** False when Marginalia will not write the sidecar (errors, unreadable, outside, Restricted Mode). */
  readonly writable: boolean;
  readonly problems: readonly SidecarProblem[];
}

/** A view of a book state with the extension's URIs; it reads the state live. */
class StateView implements ArticleAnnotations {
  readonly article: vscode.Uri;
  readonly sidecar: vscode.Uri;
  constructor(readonly state: BookState) {
    this.article = uriOf(state.article);
    this.sidecar = uriOf(state.sidecar);
  }
  get annotations() {
    return this.state.annotations;
  }
  get orphans() {
    return this.state.orphans;
  }
  get dct() {
    return this.state.dct;
  }
  get writable() {
    return this.state.writable && canWrite();
  }
  get problems() {
    return this.state.problems;
  }
}

/** Where an article outside every workspace folder is looked up: a root no file lies in. */
const NO_FOLDER = '/.marginalia-no-workspace-folder';

/**
 * Reviewer annotations of every article: the host of the workspace core's AnnotationBook (one per
 * workspace folder), which loads, places, moves, saves (under the write policy) and reloads them.
 * This adapter gives it the editors' text and events, and shows its problems as diagnostics.
 */
export class AnnotationStore implements vscode.Disposable {
  private readonly books = new Map<string, AnnotationBook>();
  private readonly views = new WeakMap<BookState, StateView>();
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  /** Fires with the article whose annotations changed. */
  readonly onDidChange = this.changed.event;
  private readonly diagnostics = vscode.languages.createDiagnosticCollection('marginalia-sidecar');
  private readonly disposables: vscode.Disposable[];

  constructor(
    private readonly workspaces: Workspaces,
    private readonly output: vscode.OutputChannel,
  ) {
    const watcher = vscode.workspace.createFileSystemWatcher(`**/*${SIDECAR_SUFFIX}`);
    const sidecarChanged = (uri: vscode.Uri) => void this.bookOf(uri).then(book => book.sidecarChanged(corePath(uri)));
    this.disposables = [
      this.changed,
      this.diagnostics,
      watcher,
      watcher.onDidChange(sidecarChanged),
      watcher.onDidCreate(sidecarChanged),
      watcher.onDidDelete(sidecarChanged),
      vscode.workspace.onDidChangeTextDocument(e => this.follow(e)),
      vscode.workspace.onWillSaveTextDocument(e => {
        const book = this.loadedBook(e.document.uri);
        const saving = book?.willSave(corePath(e.document.uri), e.document.getText());
        if (saving) e.waitUntil(saving);
      }),
      vscode.workspace.onDidOpenTextDocument(doc => {
        if (this.peek(doc.uri)) void this.reload(doc.uri);
      }),
      // Trusted now: what was read in Restricted Mode is read again, and its offsets stored.
      vscode.workspace.onDidGrantWorkspaceTrust(() => {
        for (const state of this.loaded()) void this.reload(state.article);
      }),
    ];
  }

  /** The annotations of an article, loading (and placing) them on first use. */
  async get(article: vscode.Uri): Promise<ArticleAnnotations> {
    return this.view(await (await this.bookOf(article)).get(corePath(article)));
  }

  /** Already loaded annotations (no I/O), for providers that must answer synchronously. */
  peek(article: vscode.Uri): ArticleAnnotations | undefined {
    const state = this.loadedBook(article)?.peek(corePath(article));
    return state && this.view(state);
  }

  loaded(): ArticleAnnotations[] {
    return [...this.books.values()].flatMap(book => book.loaded().map(state => this.view(state)));
  }

  /**
   * The annotation with this id in the given article, else in any loaded article. Ids are unique
   * only within a sidecar (a copied article keeps its sidecar's ids): pass the article when known.
   */
  find(id: string, article?: vscode.Uri): { state: ArticleAnnotations; annotation: Annotation } | undefined {
    const books = article ? [this.loadedBook(article)].filter(b => b !== undefined) : [...this.books.values()];
    for (const book of books) {
      const found = book.find(id, article && corePath(article));
      if (found) return { state: this.view(found.state), annotation: found.annotation };
    }
    return undefined;
  }

  /** Why Marginalia may not use the article's sidecar (it lies outside the workspace), or undefined. */
  async sidecarOutside(article: vscode.Uri): Promise<string | undefined> {
    if (article.scheme !== 'file') return 'is not a local file';
    return (await this.bookOf(article)).workspace.sidecarOutside(corePath(article));
  }

  async create(article: vscode.Uri, spec: NewAnnotation): Promise<Annotation> {
    return (await this.bookOf(article)).create(corePath(article), spec);
  }

  /** Replaces all of an article's annotations (an import merged with them) and saves. */
  async replaceAll(article: vscode.Uri, annotations: Annotation[]): Promise<void> {
    await (await this.bookOf(article)).replaceAll(corePath(article), annotations);
  }

  /** Changes an annotation's fields (status, label, note, entity) and saves. */
  update(id: string, change: (annotation: Annotation) => void, article?: vscode.Uri): Promise<Annotation> {
    return this.bookHolding(id, article).update(id, change, article && corePath(article));
  }

  reply(id: string, body: string, article?: vscode.Uri): Promise<Annotation> {
    return this.bookHolding(id, article).reply(id, body, article && corePath(article));
  }

  async delete(id: string, article?: vscode.Uri): Promise<boolean> {
    const found = this.find(id, article);
    return found ? (await this.bookOf(found.state.article)).delete(id, corePath(found.state.article)) : false;
  }

  /** Sets (or with undefined removes) the publication date kept in the article's sidecar. */
  async setPublicationDate(article: vscode.Uri, dct: string | undefined): Promise<void> {
    await (await this.bookOf(article)).setPublicationDate(corePath(article), dct);
  }

  /** Re-reads an article's sidecar and places its annotations in the article's current text. */
  async reload(article: vscode.Uri): Promise<ArticleAnnotations> {
    return this.view(await (await this.bookOf(article)).reload(corePath(article)));
  }

  /** The article's text as the editor holds it, else as on disk (what the annotations' offsets count in). */
  async currentText(article: vscode.Uri): Promise<string> {
    const open = openDocument(article);
    if (open) return open.getText();
    const read = await (await this.bookOf(article)).workspace.readArticle(corePath(article));
    if (read.status !== 'ok') throw new UserError(`Marginalia: ${vscode.workspace.asRelativePath(article)} ${read.message}.`);
    return read.text;
  }

  private view(state: BookState): StateView {
    let view = this.views.get(state);
    if (!view) this.views.set(state, (view = new StateView(state)));
    return view;
  }

  /** The book of the workspace folder holding the article (an article outside them all: a book that refuses its sidecar). */
  private async bookOf(article: vscode.Uri): Promise<AnnotationBook> {
    const root = (await this.workspaces.of(article))?.root ?? NO_FOLDER;
    let book = this.books.get(root);
    if (!book) {
      book = new AnnotationBook(new Workspace(this.workspaces.fs, root), {
        text: path => this.currentText(uriOf(path)),
        isDirty: path => openDocument(uriOf(path))?.isDirty ?? false,
        author: currentAuthor,
        report: (path, message) => this.output.appendLine(`${vscode.workspace.asRelativePath(uriOf(path))}: ${message}`),
      });
      book.onDidChange(path => this.changedArticle(uriOf(path)));
      this.books.set(root, book);
    }
    return book;
  }

  /** The book that has the article loaded, if any (no I/O). */
  private loadedBook(article: vscode.Uri): AnnotationBook | undefined {
    const path = corePath(article);
    return [...this.books.values()].find(book => book.peek(path));
  }

  private bookHolding(id: string, article?: vscode.Uri): AnnotationBook {
    const found = this.find(id, article);
    const book = found && this.loadedBook(found.state.article);
    if (!book) throw new UserError(`Marginalia: no annotation with id ${id}.`);
    return book;
  }

  private changedArticle(article: vscode.Uri): void {
    const state = this.peek(article);
    if (state) this.diagnostics.set(state.sidecar, toDiagnostics(state.problems));
    this.changed.fire(article);
  }

  /** Moves anchors with each edit of an open article. */
  private follow(e: vscode.TextDocumentChangeEvent): void {
    const book = this.loadedBook(e.document.uri);
    if (!book || e.contentChanges.length === 0) return;
    const path = corePath(e.document.uri);
    const text = e.document.getText();
    const changes = e.contentChanges.map(c => ({ start: c.rangeOffset, end: c.rangeOffset + c.rangeLength, newText: c.text }));
    // Offsets are stored with the article's save; an edit event is trusted as "the file itself
    // changed" only once the text is seen to be the saved one (VS Code may report the first edit
    // of a clean document as not dirty yet).
    book.follow(path, text, changes, true);
    if (!e.document.isDirty) void this.storeIfSaved(book, e.document, text);
  }

  /** Stores the moved offsets when the editor's text is the article as saved (reverted, reloaded from disk). */
  private async storeIfSaved(book: AnnotationBook, document: vscode.TextDocument, text: string): Promise<void> {
    const path = corePath(document.uri);
    const saved = await book.workspace.readArticle(path);
    if (saved.status !== 'ok' || saved.text !== text || document.getText() !== text || document.isDirty) return;
    await book.willSave(path, text)?.catch(e => this.output.appendLine(`${vscode.workspace.asRelativePath(document.uri)}: ${(e as Error).message}`));
  }

  dispose(): void {
    vscode.Disposable.from(...this.disposables).dispose();
  }
}

function openDocument(uri: vscode.Uri): vscode.TextDocument | undefined {
  return vscode.workspace.textDocuments.find(d => d.uri.toString() === uri.toString() && !d.isClosed);
}
