/**
 * A workspace folder over a `FileSystem`: its articles, their sidecars and its entity registry,
 * read and written only through the write policy (writePolicy.ts) and only inside the folder.
 * Both hosts use it: the CLI over Node's file system, the extension over its own.
 */
import type { MergeOptions } from '../annotations/merge';
import { SIDECAR_SUFFIX, sidecarPathFor } from '../annotations/paths';
import { articleMatcher, type ArticleMatcher } from '../articleFiles';
import type { Document } from 'yaml';
import type { ParsedRegistry } from '../corpus/registry';
import { readArticle, type ArticleRead } from './articleRead';
import { outsideReason } from './containment';
import type { Disposable, FileChange, FileSystem } from './fileSystem';
import { cleanPath, relativeTo } from './pathText';
import { editRegistry, readRegistry, registryLocation, unreadRegistry, type RegistryRead } from './registryFiles';
import { scanArticles, type ArticleGlobs, type ScanProblem } from './scan';
import { readSidecar, saveSidecar, sidecarFromRead, type SidecarRead, type SidecarSave, type SidecarSaved } from './sidecarFiles';
import { WriteRefusedError } from './textFiles';
import { LOCK_SUFFIX, TEMP_SUFFIX, type LockOptions } from './writePolicy';

export interface WorkspaceOptions extends ArticleGlobs {
  /** The registry's path relative to the folder (setting `marginalia.registryPath`); default `.marginalia/entities.yaml`. */
  registryPath?: string;
  /** Lock timing of sidecar and registry writes. */
  lock?: LockOptions;
  /** How merges with changes on disk record conflicts (reply author, clock). */
  merge?: MergeOptions;
}

/** A file change in the workspace, with what the file is to Marginalia. */
export interface WorkspaceChange extends FileChange {
  kind: 'article' | 'sidecar' | 'registry' | 'other';
}

export class Workspace {
  private readonly matcher: ArticleMatcher;
  private realRoot: Promise<string | undefined> | undefined;

  /** `root`: the workspace folder, an absolute `/`-separated path (fileSystem.ts). */
  constructor(
    readonly fs: FileSystem,
    readonly root: string,
    /** As given: another thread builds the same workspace from them (plain data). */
    readonly options: WorkspaceOptions = {},
  ) {
    this.root = cleanPath(root);
    this.matcher = articleMatcher(options.include, options.exclude);
  }

  /** `path` relative to the folder, or undefined when outside it (as text). */
  relative(path: string): string | undefined {
    return relativeTo(this.root, path, this.fs.caseInsensitive);
  }

  /** True when `path` is inside the folder and the include/exclude globs make it an article. */
  isArticle(path: string): boolean {
    const rel = this.relative(path);
    return rel !== undefined && rel !== '' && this.matcher.isArticle(rel);
  }

  /** Every article of the folder (absolute paths, in scan order); folders that cannot be listed go to `problems`. */
  async listArticles(problems: ScanProblem[] = []): Promise<string[]> {
    const rels = await scanArticles(this.fs, this.root, this.options, problems);
    return rels.map(rel => `${this.root === '/' ? '' : this.root}/${rel}`);
  }

  readArticle(path: string): Promise<ArticleRead> {
    return readArticle(this.fs, path);
  }

  sidecarPath(article: string): string {
    return sidecarPathFor(cleanPath(article));
  }

  /**
   * Why Marginalia may not use the sidecar of `article` (neither read nor write it), or undefined
   * when it may: the sidecar must really lie inside the folder, links resolved. An article opened
   * from outside the workspace gets no sidecar written beside it.
   */
  async sidecarOutside(article: string): Promise<string | undefined> {
    // The folder's own real path is looked up once (writes check again on their own).
    this.realRoot ??= this.fs.realPath(this.root).catch(() => undefined);
    return outsideReason(this.fs, this.root, this.sidecarPath(article), await this.realRoot);
  }

  /** The sidecar of `article` (status `outside` when `sidecarOutside` says so). Never throws. */
  async readSidecar(article: string): Promise<SidecarRead> {
    const outside = await this.sidecarOutside(article);
    if (outside) return sidecarFromRead(this.sidecarPath(article), { status: 'outside', message: `${outside}, so Marginalia neither reads nor writes it` });
    return readSidecar(this.fs, article);
  }

  /** Saves into the sidecar of `article` (see `saveSidecar`), refusing one outside the folder. */
  async saveSidecar(article: string, save: SidecarSave): Promise<SidecarSaved> {
    const outside = await this.sidecarOutside(article);
    if (outside) throw new WriteRefusedError(this.sidecarPath(article), `${outside}; Marginalia writes sidecars only inside the workspace`);
    return saveSidecar(this.fs, this.root, article, { lock: this.options.lock, merge: this.options.merge, ...save });
  }

  /** Where the registry is, or why there is none (a setting outside the folder). */
  registryLocation(): { path: string } | { problem: string } {
    return registryLocation(this.root, this.options.registryPath);
  }

  /** The registry (empty, with an error problem, when it cannot be read or is outside the folder). Never throws. */
  async readRegistry(): Promise<RegistryRead> {
    const where = this.registryLocation();
    if ('problem' in where) return unreadRegistry(this.root, 'outside', where.problem);
    return readRegistry(this.fs, where.path, this.root);
  }

  /** Edits the registry as it is on disk now (see `editRegistry`); refuses a location outside the folder. */
  async editRegistry(change: (document: Document) => void): Promise<ParsedRegistry> {
    const where = this.registryLocation();
    if ('problem' in where) throw new WriteRefusedError(this.root, where.problem);
    return editRegistry(this.fs, this.root, where.path, change, this.options.lock);
  }

  /** Watches the folder, when the file system can (undefined otherwise); Marginalia's temporary and lock files are not reported. */
  watch(listener: (change: WorkspaceChange) => void): Disposable | undefined {
    const where = this.registryLocation();
    const registry = 'path' in where ? where.path : undefined;
    return this.fs.watch?.(this.root, change => {
      const { path } = change;
      if (path.endsWith(TEMP_SUFFIX) || path.endsWith(LOCK_SUFFIX)) return;
      const kind = path === registry ? 'registry' : path.endsWith(SIDECAR_SUFFIX) ? 'sidecar' : this.isArticle(path) ? 'article' : 'other';
      listener({ ...change, kind });
    });
  }
}
