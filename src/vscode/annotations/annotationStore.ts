import * as vscode from 'vscode';
import {
  decodeArticle, newAnnotationId, moveAnchor, parseSidecar, reanchor, reconcileSidecar, serializeSidecar, sidecarPathFor, targetFor,
  type Annotation, type AnnotationLink, type AnnotationStatus, type SidecarProblem,
} from '../../core';
import { currentAuthor } from '../shared/author';
import { toDiagnostics } from '../shared/diagnostics';
import { UserError } from '../shared/errors';
import { readLocalFile, readTextFile, writeFileAtomic } from '../shared/textFiles';
import { canWrite, RESTRICTED_MODE_MESSAGE } from '../shared/trust';
import { sidecarAllowed } from '../shared/workspacePaths';

/** The annotations of one article as Marginalia holds them while it is open. */
export interface ArticleAnnotations {
  readonly article: vscode.Uri;
  readonly sidecar: vscode.Uri;
  /** Placed annotations; their targets follow the text as it is edited. */
  annotations: Annotation[];
  /** Annotations that could not be placed: kept in the file as they were, listed for review. */
  orphans: Annotation[];
  dct?: string;
  /** False when Marginalia will not write the sidecar; `readOnly` says why. */
  writable: boolean;
  /**
   * Why the sidecar is not written: it has errors, bytes that are not UTF-8, lies outside the
   * workspace, or the workspace is in Restricted Mode.
   */
  readOnly?: string;
  problems: SidecarProblem[];
  /** The sidecar's text when last read or written (undefined: no file yet). */
  lastRead: string | undefined;
}

export interface NewAnnotation {
  start: number;
  end: number;
  label: string;
  note?: string;
  status?: AnnotationStatus;
  entity?: string;
  /** Places in other articles it is about (docs/sidecar-schema.md, `links`). */
  links?: AnnotationLink[];
}

/**
 * Reviewer annotations of every article, loaded from and saved to sidecar YAML. Explicit changes
 * are saved at once; offsets moved by typing are saved together with the article.
 */
export class AnnotationStore implements vscode.Disposable {
  private readonly articles = new Map<string, ArticleAnnotations>();
  private readonly loading = new Map<string, Promise<ArticleAnnotations>>();
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  /** Fires with the article whose annotations changed. */
  readonly onDidChange = this.changed.event;
  private readonly diagnostics = vscode.languages.createDiagnosticCollection('marginalia-sidecar');
  private readonly disposables: vscode.Disposable[];
  /** Serializes writes per sidecar, so two saves never interleave. */
  private readonly writes = new Map<string, Promise<unknown>>();

  constructor(private readonly output: vscode.OutputChannel) {
    const watcher = vscode.workspace.createFileSystemWatcher('**/*.annotations.yaml');
    this.disposables = [
      this.changed,
      this.diagnostics,
      watcher,
      watcher.onDidChange(uri => void this.sidecarChangedOnDisk(uri)),
      watcher.onDidCreate(uri => void this.sidecarChangedOnDisk(uri)),
      watcher.onDidDelete(uri => void this.sidecarChangedOnDisk(uri)),
      vscode.workspace.onDidChangeTextDocument(e => this.follow(e)),
      vscode.workspace.onWillSaveTextDocument(e => {
        const state = this.articles.get(e.document.uri.toString());
        if (state && this.needsOffsetSave(state, e.document.getText())) e.waitUntil(this.save(state, e.document.getText()));
      }),
      vscode.workspace.onDidOpenTextDocument(doc => {
        if (this.articles.has(doc.uri.toString())) void this.reload(doc.uri);
      }),
      // Trusted now: the sidecars read in Restricted Mode become writable.
      vscode.workspace.onDidGrantWorkspaceTrust(() => {
        for (const state of [...this.articles.values()]) void this.reload(state.article);
      }),
    ];
  }

  /** The annotations of an article, loading (and re-anchoring) them on first use. */
  get(article: vscode.Uri): Promise<ArticleAnnotations> {
    const key = article.toString();
    const loaded = this.articles.get(key);
    if (loaded) return Promise.resolve(loaded);
    let pending = this.loading.get(key);
    if (!pending) {
      pending = this.load(article).finally(() => this.loading.delete(key));
      this.loading.set(key, pending);
    }
    return pending;
  }

  /** Already loaded annotations (no I/O), for providers that must answer synchronously. */
  peek(article: vscode.Uri): ArticleAnnotations | undefined {
    return this.articles.get(article.toString());
  }

  loaded(): ArticleAnnotations[] {
    return [...this.articles.values()];
  }

  /**
   * The annotation with this id in the given article, else in any loaded article. Ids are unique
   * only within a sidecar (a copied article keeps its sidecar's ids): pass the article when known.
   */
  find(id: string, article?: vscode.Uri): { state: ArticleAnnotations; annotation: Annotation } | undefined {
    const states = article ? [this.articles.get(article.toString())].filter(s => s !== undefined) : this.articles.values();
    for (const state of states) {
      const annotation = state.annotations.find(a => a.id === id) ?? state.orphans.find(a => a.id === id);
      if (annotation) return { state, annotation };
    }
    return undefined;
  }

  async create(article: vscode.Uri, spec: NewAnnotation): Promise<Annotation> {
    const state = await this.get(article);
    const text = await this.currentText(article);
    const now = new Date().toISOString();
    const annotation: Annotation = {
      id: newAnnotationId([...state.annotations, ...state.orphans].map(a => a.id)),
      target: targetFor(text, spec.start, spec.end),
      label: spec.label,
      ...(spec.entity ? { entity: spec.entity } : {}),
      status: spec.status ?? 'confirmed',
      ...(spec.links?.length ? { links: spec.links } : {}),
      ...(spec.note ? { note: spec.note } : {}),
      thread: [],
      author: await currentAuthor(),
      created: now,
      modified: now,
    };
    state.annotations.push(annotation);
    await this.commitOrUndo(state, () => { state.annotations = state.annotations.filter(a => a !== annotation); });
    return annotation;
  }

  /** Replaces all of an article's annotations (an import merged with them) and saves. */
  async replaceAll(article: vscode.Uri, annotations: Annotation[]): Promise<void> {
    const state = await this.get(article);
    const { annotations: before, orphans } = state;
    this.place(state, annotations, await this.currentText(article));
    await this.commitOrUndo(state, () => { state.annotations = before; state.orphans = orphans; });
  }

  /** Changes an annotation's fields (status, label, note, entity) and saves. */
  async update(id: string, change: (annotation: Annotation) => void, article?: vscode.Uri): Promise<Annotation> {
    const found = this.require(id, article);
    const before = structuredClone(found.annotation);
    const undo = () => { Object.keys(found.annotation).forEach(k => delete (found.annotation as unknown as Record<string, unknown>)[k]); Object.assign(found.annotation, before); };
    try {
      change(found.annotation);
    } catch (e) {
      undo();
      throw e;
    }
    found.annotation.modified = new Date().toISOString();
    await this.commitOrUndo(found.state, undo);
    return found.annotation;
  }

  async reply(id: string, body: string, article?: vscode.Uri): Promise<Annotation> {
    const author = await currentAuthor();
    return this.update(id, a => a.thread.push({ author, time: new Date().toISOString(), body }), article);
  }

  async delete(id: string, article?: vscode.Uri): Promise<boolean> {
    const found = this.find(id, article);
    if (!found) return false;
    const { state } = found;
    const { annotations, orphans } = state;
    state.annotations = annotations.filter(a => a.id !== id);
    state.orphans = orphans.filter(a => a.id !== id);
    await this.commitOrUndo(state, () => { state.annotations = annotations; state.orphans = orphans; });
    return true;
  }

  /** Sets (or with undefined removes) the publication date kept in the article's sidecar. */
  async setPublicationDate(article: vscode.Uri, dct: string | undefined): Promise<void> {
    const state = await this.get(article);
    const before = state.dct;
    state.dct = dct;
    await this.commitOrUndo(state, () => { state.dct = before; });
  }

  /** Re-reads an article's sidecar and re-anchors against the article's current text. */
  async reload(article: vscode.Uri): Promise<ArticleAnnotations> {
    this.articles.delete(article.toString());
    return this.get(article);
  }

  private require(id: string, article?: vscode.Uri): { state: ArticleAnnotations; annotation: Annotation } {
    const found = this.find(id, article);
    if (!found) throw new Error(`Marginalia: no annotation with id ${id}.`);
    return found;
  }

  private async load(article: vscode.Uri): Promise<ArticleAnnotations> {
    const sidecar = article.with({ path: sidecarPathFor(article.path) });
    const text = await this.currentText(article);
    const { lastRead, readOnly, decodeProblem } = await readSidecar(article, sidecar);
    const parsed = parseSidecar(lastRead ?? '');
    const problems = decodeProblem ? [decodeProblem, ...parsed.problems] : parsed.problems;
    const why = readOnly ?? (parsed.writable ? undefined : `Marginalia: ${vscode.workspace.asRelativePath(sidecar)} has errors; fix them before Marginalia saves it.`);
    const state: ArticleAnnotations = {
      article, sidecar, lastRead, annotations: [], orphans: [], dct: parsed.dct,
      writable: why === undefined, readOnly: why, problems,
    };
    let moved = false;
    for (const annotation of parsed.annotations) {
      const found = reanchor(text, annotation.target);
      if (found.orphan) {
        state.orphans.push(annotation);
        continue;
      }
      if (found.method !== 'exact-position') {
        annotation.target = targetFor(text, found.start, found.end);
        moved = true;
      }
      state.annotations.push(annotation);
    }
    this.showProblems(state);
    this.articles.set(article.toString(), state);
    if (state.orphans.length) this.output.appendLine(`${vscode.workspace.asRelativePath(article)}: ${state.orphans.length} annotation(s) could not be placed (orphans).`);
    // The article changed outside VS Code: store the offsets found, unless unsaved edits are pending.
    const open = this.openDocument(article);
    if (moved && state.writable && !open?.isDirty) {
      await this.save(state, text).catch(e => this.output.appendLine(`${vscode.workspace.asRelativePath(sidecar)}: ${(e as Error).message}`));
    }
    this.changed.fire(article);
    return state;
  }

  /** Moves anchors with each edit of an open article; a span whose text was deleted is re-anchored. */
  private follow(e: vscode.TextDocumentChangeEvent): void {
    const state = this.articles.get(e.document.uri.toString());
    if (!state || e.contentChanges.length === 0) return;
    const text = e.document.getText();
    // Changes of one event refer to the text before the event: apply them from the end backwards.
    const changes = [...e.contentChanges].sort((a, b) => b.rangeOffset - a.rangeOffset);
    const keep: Annotation[] = [];
    for (const annotation of state.annotations) {
      let range: { start: number; end: number } | null = annotation.target;
      for (const c of changes) {
        range = range && moveAnchor(range, { start: c.rangeOffset, end: c.rangeOffset + c.rangeLength, newText: c.text });
      }
      if (range && range.end > range.start) {
        annotation.target = targetFor(text, range.start, range.end);
        keep.push(annotation);
        continue;
      }
      const found = reanchor(text, annotation.target);
      if (found.orphan) state.orphans.push(annotation);
      else {
        annotation.target = targetFor(text, found.start, found.end);
        keep.push(annotation);
      }
    }
    state.annotations = keep;
    this.changed.fire(state.article);
    // Not dirty after a change: the file itself may have changed (reloaded from disk, reverted,
    // undone to the saved text), and no save of the article will come to store the offsets.
    if (!e.document.isDirty && this.needsOffsetSave(state, text)) {
      this.saveIfSaved(state, e.document, text).catch(err => this.output.appendLine(`${vscode.workspace.asRelativePath(state.sidecar)}: ${(err as Error).message}`));
    }
  }

  /**
   * Stores the offsets when the editor's text is the article as saved. The first edit of a clean
   * document may report it not dirty yet (VS Code sends the dirty state after the change): then
   * the text differs from the file and the article's own save will store the offsets.
   */
  private async saveIfSaved(state: ArticleAnnotations, document: vscode.TextDocument, text: string): Promise<void> {
    const saved = decodeArticle(await readLocalFile(document.uri)).text;
    if (saved === text && document.getText() === text && !document.isDirty) await this.save(state, text);
  }

  private needsOffsetSave(state: ArticleAnnotations, text: string): boolean {
    if (!state.writable || (state.annotations.length === 0 && state.lastRead === undefined)) return false;
    const stored = parseSidecar(state.lastRead ?? '').annotations;
    const byId = new Map(stored.map(a => [a.id, a.target]));
    return state.annotations.some(a => {
      const t = byId.get(a.id);
      return !t || t.start !== a.target.start || t.end !== a.target.end || text.slice(a.target.start, a.target.end) !== t.quote;
    });
  }

  /** Saves after an explicit change, with the article text as the editor holds it. */
  private async commit(state: ArticleAnnotations): Promise<void> {
    await this.save(state, await this.currentText(state.article));
    this.changed.fire(state.article);
  }

  /**
   * `commit`, but when the save fails (a broken sidecar, a failed write) the change is undone in
   * memory too, so what Marginalia shows never differs from what the file holds.
   */
  private async commitOrUndo(state: ArticleAnnotations, undo: () => void): Promise<void> {
    try {
      await this.commit(state);
    } catch (e) {
      undo();
      this.changed.fire(state.article);
      throw e;
    }
  }

  /**
   * Writes the sidecar. If it changed on disk since it was read, the two versions are merged by
   * annotation id (reconcileSidecar) instead of overwriting; a broken file is never written over.
   */
  private save(state: ArticleAnnotations, text: string): Promise<void> {
    const key = state.sidecar.toString();
    const previous = this.writes.get(key) ?? Promise.resolve();
    const next = previous.then(() => this.write(state, text), () => this.write(state, text));
    this.writes.set(key, next.catch(() => undefined));
    return next;
  }

  private async write(state: ArticleAnnotations, text: string): Promise<void> {
    if (!state.writable) throw new UserError(state.readOnly ?? `Marginalia: ${vscode.workspace.asRelativePath(state.sidecar)} is read-only.`);
    if (!canWrite()) throw new UserError(RESTRICTED_MODE_MESSAGE);
    // Checked again right before writing: a link planted since the load must not lead outside.
    if (!(await sidecarAllowed(state.article))) throw new UserError(`Marginalia: ${vscode.workspace.asRelativePath(state.article)} is not a file of the workspace; Marginalia writes no sidecar for it.`);
    for (const a of state.annotations) a.target = targetFor(text, a.target.start, a.target.end);
    const all = [...state.annotations, ...state.orphans];
    const read = await readTextFile(state.sidecar);
    if (read.kind === 'undecodable') throw new UserError(`Marginalia: ${vscode.workspace.asRelativePath(state.sidecar)}: ${read.message}`);
    const onDisk = read.kind === 'text' ? read.text : undefined;
    let content: string;
    if (onDisk !== undefined && onDisk !== state.lastRead) {
      const merged = reconcileSidecar(onDisk, state.lastRead ?? '', { annotations: all, dct: state.dct });
      if (merged.text === undefined) {
        state.writable = false;
        state.readOnly = `Marginalia: ${vscode.workspace.asRelativePath(state.sidecar)} has errors; fix them before Marginalia saves it.`;
        state.problems = merged.problems;
        this.showProblems(state);
        throw new Error(`Marginalia: ${vscode.workspace.asRelativePath(state.sidecar)} changed on disk and has errors; not saved.`);
      }
      content = merged.text;
      state.dct = merged.dct;
      this.place(state, merged.annotations, text);
      if (merged.conflicts.length) this.output.appendLine(`${vscode.workspace.asRelativePath(state.sidecar)}: merged with changes on disk (${merged.conflicts.length} conflicting field(s) kept as replies).`);
    } else {
      if (all.length === 0 && !state.dct && onDisk === undefined) return;
      content = serializeSidecar(state.lastRead, all, { dct: state.dct ?? null });
    }
    if (content !== onDisk) await writeFileAtomic(state.sidecar, content);
    state.lastRead = content;
  }

  private place(state: ArticleAnnotations, annotations: Annotation[], text: string): void {
    state.annotations = [];
    state.orphans = [];
    for (const annotation of annotations) {
      const found = reanchor(text, annotation.target);
      if (found.orphan) state.orphans.push(annotation);
      else {
        annotation.target = targetFor(text, found.start, found.end);
        state.annotations.push(annotation);
      }
    }
  }

  private async sidecarChangedOnDisk(sidecar: vscode.Uri): Promise<void> {
    const key = sidecar.toString();
    let onDisk: string | undefined;
    // Our own writes first finish and record what they wrote (lastRead): a file read between a
    // write's rename and that record would look like an outside change and reload stale data.
    for (;;) {
      const pending = this.writes.get(key);
      await pending;
      const read = await readTextFile(sidecar).catch(() => undefined);
      onDisk = read?.kind === 'text' ? read.text : undefined;
      if (this.writes.get(key) === pending) break;
    }
    const state = [...this.articles.values()].find(s => s.sidecar.toString() === key);
    if (!state || onDisk === state.lastRead) return; // our own write
    await this.reload(state.article);
  }

  private showProblems(state: ArticleAnnotations): void {
    this.diagnostics.set(state.sidecar, toDiagnostics(state.problems));
  }

  private openDocument(article: vscode.Uri): vscode.TextDocument | undefined {
    return vscode.workspace.textDocuments.find(d => d.uri.toString() === article.toString() && !d.isClosed);
  }

  /** The article's text as the editor holds it, else as on disk (what the annotations' offsets count in). */
  async currentText(article: vscode.Uri): Promise<string> {
    const open = this.openDocument(article);
    if (open) return open.getText();
    return decodeArticle(await readLocalFile(article)).text;
  }

  dispose(): void {
    vscode.Disposable.from(...this.disposables).dispose();
  }
}

/**
 * What the store reads of a sidecar: its text (BOM kept), and why it may not be written. A sidecar
 * outside the workspace is not read at all; one with bytes that are not UTF-8 is read with those
 * bytes replaced, shown with a diagnostic, and never written; any other read error is an error.
 */
async function readSidecar(article: vscode.Uri, sidecar: vscode.Uri): Promise<{ lastRead?: string; readOnly?: string; decodeProblem?: SidecarProblem }> {
  if (!(await sidecarAllowed(article))) {
    return { readOnly: `Marginalia: ${vscode.workspace.asRelativePath(article)} is not a file of the workspace; Marginalia keeps no annotations for it.` };
  }
  const read = await readTextFile(sidecar);
  const restricted = canWrite() ? undefined : RESTRICTED_MODE_MESSAGE;
  if (read.kind === 'missing') return { readOnly: restricted };
  if (read.kind === 'text') return { lastRead: read.text, readOnly: restricted };
  const name = vscode.workspace.asRelativePath(sidecar);
  return {
    lastRead: read.lossy,
    readOnly: `Marginalia: ${name}: ${read.message}`,
    decodeProblem: { message: `Marginalia: ${read.message}`, line: 0, column: 0, severity: 'error' },
  };
}
