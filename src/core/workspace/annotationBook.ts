/**
 * The reviewers' annotations of a workspace's articles while a host shows them (the extension's
 * annotation store is a thin adapter of this): loaded from sidecars and placed in each article's
 * current text, moved with its edits, changed by commands and saved at once under the write policy
 * (merged with changes made on disk meanwhile), and reloaded when a sidecar changes on disk.
 * What Marginalia shows never differs from what the file holds: a change whose save fails is undone.
 */
import { targetFor, type TextChange } from '../annotations/anchoring';
import { newAnnotationId } from '../annotations/ids';
import type { Annotation, AnnotationLink, AnnotationStatus, SidecarProblem } from '../annotations/model';
import { parseSidecar } from '../annotations/sidecar';
import type { Disposable } from './fileSystem';
import { followEdits, offsetsChanged, placeAnnotations } from './placement';
import type { SidecarRead } from './sidecarFiles';
import { MAX_SIDECAR_BYTES, readTextFile, WriteRefusedError } from './textFiles';
import type { Workspace } from './workspace';

/** The annotations of one article as the book holds them. */
export interface ArticleAnnotations {
  readonly article: string;
  readonly sidecar: string;
  /** Placed annotations; their targets follow the text as it is edited. */
  annotations: Annotation[];
  /** Annotations that could not be placed: kept in the file as they were, listed for review. */
  orphans: Annotation[];
  dct?: string;
  /** How the sidecar was read (`outside`: not in the workspace, never read or written). */
  status: SidecarRead['status'];
  /** False when the sidecar cannot be read, has errors or is outside the workspace: Marginalia will not write it. */
  writable: boolean;
  /** For the host's diagnostics, 0-based positions in the sidecar. */
  problems: SidecarProblem[];
  /** The sidecar's text when last read or written (undefined: no file yet). */
  lastRead: string | undefined;
}

/** A new annotation, by UTF-16 offsets into the article's current text. */
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

/** What the book needs from its host. */
export interface AnnotationHost {
  /** The article's text as the host holds it (an open editor's, unsaved edits included), else as on disk. */
  text(article: string): Promise<string>;
  /** True when the host holds unsaved edits of the article (offsets found on load are then saved with them). */
  isDirty(article: string): boolean;
  /** The author of new annotations and replies. */
  author(): Promise<string | undefined>;
  /** Something the reviewer may want to know (orphans found, conflicts merged, a background save that failed). */
  report(article: string, message: string): void;
  /** The clock, ISO 8601 (default: now). */
  now?(): string;
}

export class AnnotationBook {
  private readonly articles = new Map<string, ArticleAnnotations>();
  private readonly loading = new Map<string, Promise<ArticleAnnotations>>();
  /** Serializes saves per sidecar, so two saves never interleave. */
  private readonly writes = new Map<string, Promise<unknown>>();
  private readonly listeners = new Set<(article: string) => void>();

  constructor(
    readonly workspace: Workspace,
    private readonly host: AnnotationHost,
  ) {}

  /** Called with the article whose annotations changed (loaded, edited, saved, reloaded). */
  onDidChange(listener: (article: string) => void): Disposable {
    this.listeners.add(listener);
    return { dispose: () => this.listeners.delete(listener) };
  }

  /** The annotations of an article, loading (and placing) them on first use. */
  get(article: string): Promise<ArticleAnnotations> {
    const loaded = this.articles.get(article);
    if (loaded) return Promise.resolve(loaded);
    let pending = this.loading.get(article);
    if (!pending) {
      pending = this.load(article).finally(() => this.loading.delete(article));
      this.loading.set(article, pending);
    }
    return pending;
  }

  /** Already loaded annotations (no I/O). */
  peek(article: string): ArticleAnnotations | undefined {
    return this.articles.get(article);
  }

  loaded(): ArticleAnnotations[] {
    return [...this.articles.values()];
  }

  /**
   * The annotation with this id in the given article, else in any loaded article. Ids are unique
   * only within a sidecar (a copied article keeps its sidecar's ids): pass the article when known.
   */
  find(id: string, article?: string): { state: ArticleAnnotations; annotation: Annotation } | undefined {
    const states = article !== undefined ? [this.articles.get(article)].filter(s => s !== undefined) : this.articles.values();
    for (const state of states) {
      const annotation = state.annotations.find(a => a.id === id) ?? state.orphans.find(a => a.id === id);
      if (annotation) return { state, annotation };
    }
    return undefined;
  }

  async create(article: string, spec: NewAnnotation): Promise<Annotation> {
    const state = await this.get(article);
    const text = await this.host.text(article);
    const now = this.now();
    const author = await this.host.author();
    const annotation: Annotation = {
      id: newAnnotationId([...state.annotations, ...state.orphans].map(a => a.id)),
      target: targetFor(text, spec.start, spec.end),
      label: spec.label,
      ...(spec.entity ? { entity: spec.entity } : {}),
      status: spec.status ?? 'confirmed',
      ...(spec.links?.length ? { links: spec.links } : {}),
      ...(spec.note ? { note: spec.note } : {}),
      thread: [],
      ...(author ? { author } : {}),
      created: now,
      modified: now,
    };
    state.annotations.push(annotation);
    await this.commitOrUndo(state, () => {
      state.annotations = state.annotations.filter(a => a !== annotation);
    });
    return annotation;
  }

  /** Replaces all of an article's annotations (an import merged with them), places them and saves. */
  async replaceAll(article: string, annotations: Annotation[]): Promise<void> {
    const state = await this.get(article);
    const { annotations: before, orphans } = state;
    this.place(state, annotations, await this.host.text(article));
    await this.commitOrUndo(state, () => {
      state.annotations = before;
      state.orphans = orphans;
    });
  }

  /** Changes an annotation's fields (status, label, note, entity) and saves. */
  async update(id: string, change: (annotation: Annotation) => void, article?: string): Promise<Annotation> {
    const found = this.require(id, article);
    const before = structuredClone(found.annotation);
    const undo = () => {
      for (const key of Object.keys(found.annotation)) delete (found.annotation as unknown as Record<string, unknown>)[key];
      Object.assign(found.annotation, before);
    };
    try {
      change(found.annotation);
    } catch (e) {
      undo();
      throw e;
    }
    found.annotation.modified = this.now();
    await this.commitOrUndo(found.state, undo);
    return found.annotation;
  }

  async reply(id: string, body: string, article?: string): Promise<Annotation> {
    const author = (await this.host.author()) ?? '';
    return this.update(id, a => a.thread.push({ author, time: this.now(), body }), article);
  }

  async delete(id: string, article?: string): Promise<boolean> {
    const found = this.find(id, article);
    if (!found) return false;
    const { state } = found;
    const { annotations, orphans } = state;
    state.annotations = annotations.filter(a => a.id !== id);
    state.orphans = orphans.filter(a => a.id !== id);
    await this.commitOrUndo(state, () => {
      state.annotations = annotations;
      state.orphans = orphans;
    });
    return true;
  }

  /** Sets (or with undefined removes) the publication date kept in the article's sidecar. */
  async setPublicationDate(article: string, dct: string | undefined): Promise<void> {
    const state = await this.get(article);
    const before = state.dct;
    state.dct = dct;
    await this.commitOrUndo(state, () => {
      state.dct = before;
    });
  }

  /** Reads the sidecar again and places its annotations in the article's current text. */
  reload(article: string): Promise<ArticleAnnotations> {
    this.articles.delete(article);
    return this.get(article);
  }

  /**
   * Moves the anchors of an open article with one edit event (`changes` refer to the text before
   * it; `text` is the text after it). `dirty`: the host holds unsaved edits; when it does not (the
   * file itself changed: reverted, reloaded), moved offsets are saved now, as no save will come.
   */
  follow(article: string, text: string, changes: readonly TextChange[], dirty: boolean): void {
    const state = this.articles.get(article);
    if (!state || changes.length === 0) return;
    const moved = followEdits(text, state.annotations, changes);
    state.annotations = moved.annotations;
    state.orphans.push(...moved.orphans);
    this.fire(article);
    if (!dirty && this.needsOffsetSave(state, text)) {
      this.save(state, text).catch(e => this.host.report(article, (e as Error).message));
    }
  }

  /** When the article is about to be saved: the save of its moved offsets to wait for, if one is needed. */
  willSave(article: string, text: string): Promise<void> | undefined {
    const state = this.articles.get(article);
    return state && this.needsOffsetSave(state, text) ? this.save(state, text) : undefined;
  }

  /** A sidecar changed on disk: reloads its article, unless the change is a write of ours. */
  async sidecarChanged(sidecar: string): Promise<void> {
    let onDisk: string | undefined;
    // Our own writes first finish and record what they wrote (lastRead): a file read between a
    // write's rename and that record would look like an outside change and reload stale data.
    for (;;) {
      const pending = this.writes.get(sidecar);
      await pending;
      const read = await readTextFile(this.workspace.fs, sidecar, MAX_SIDECAR_BYTES);
      onDisk = read.status === 'ok' ? read.text : undefined;
      if (this.writes.get(sidecar) === pending) break;
    }
    const state = [...this.articles.values()].find(s => s.sidecar === sidecar);
    if (!state || (state.status !== 'outside' && onDisk === state.lastRead)) return;
    await this.reload(state.article);
  }

  private async load(article: string): Promise<ArticleAnnotations> {
    const read = await this.workspace.readSidecar(article);
    const text = await this.host.text(article);
    const placed = placeAnnotations(text, read.parsed.annotations);
    const state: ArticleAnnotations = {
      article,
      sidecar: read.path,
      status: read.status,
      lastRead: read.text,
      annotations: placed.annotations,
      orphans: placed.orphans,
      dct: read.parsed.dct,
      writable: read.parsed.writable,
      problems: read.parsed.problems,
    };
    this.articles.set(article, state);
    if (state.orphans.length) this.host.report(article, `${state.orphans.length} annotation(s) could not be placed (orphans).`);
    // The article changed outside the host: store the offsets found, unless unsaved edits are pending.
    if (placed.moved && state.writable && !this.host.isDirty(article)) {
      await this.save(state, text).catch(e => this.host.report(article, (e as Error).message));
    }
    this.fire(article);
    return state;
  }

  private place(state: ArticleAnnotations, annotations: Annotation[], text: string): void {
    const placed = placeAnnotations(text, annotations);
    state.annotations = placed.annotations;
    state.orphans = placed.orphans;
  }

  private needsOffsetSave(state: ArticleAnnotations, text: string): boolean {
    if (!state.writable || (state.annotations.length === 0 && state.lastRead === undefined)) return false;
    return offsetsChanged(text, state.annotations, parseSidecar(state.lastRead ?? '').annotations);
  }

  /** Saves after an explicit change; when the save fails the change is undone in memory too. */
  private async commitOrUndo(state: ArticleAnnotations, undo: () => void): Promise<void> {
    try {
      await this.save(state, await this.host.text(state.article));
    } catch (e) {
      undo();
      this.fire(state.article);
      throw e;
    }
    this.fire(state.article);
  }

  /** Saves the state (one save per sidecar at a time); a file changed on disk is merged, never overwritten. */
  private save(state: ArticleAnnotations, text: string): Promise<void> {
    const previous = this.writes.get(state.sidecar) ?? Promise.resolve();
    const next = previous.then(
      () => this.write(state, text),
      () => this.write(state, text),
    );
    this.writes.set(
      state.sidecar,
      next.catch(() => undefined),
    );
    return next;
  }

  private async write(state: ArticleAnnotations, text: string): Promise<void> {
    if (!state.writable) {
      const why = state.problems.find(p => p.severity === 'error');
      throw new WriteRefusedError(state.sidecar, `${why ? why.message.replace(/\.$/, '') : 'has errors'}; fix it before Marginalia saves it`);
    }
    for (const a of state.annotations) a.target = targetFor(text, a.target.start, a.target.end);
    const saved = await this.workspace.saveSidecar(state.article, {
      lastRead: state.lastRead,
      annotations: state.annotations,
      orphans: state.orphans,
      dct: state.dct,
      text,
    });
    if (saved.merged) {
      state.dct = saved.dct;
      this.place(state, saved.annotations, text);
      if (saved.conflicts.length)
        this.host.report(state.article, `merged with changes on disk (${saved.conflicts.length} conflicting field(s) kept as replies).`);
    }
    state.lastRead = saved.text;
  }

  private require(id: string, article?: string): { state: ArticleAnnotations; annotation: Annotation } {
    const found = this.find(id, article);
    if (!found) throw new Error(`no annotation with id ${id}`);
    return found;
  }

  private now(): string {
    return this.host.now?.() ?? new Date().toISOString();
  }

  private fire(article: string): void {
    for (const listener of this.listeners) listener(article);
  }
}
