/**
 * Loading a corpus from files and folders: the articles (scanned with the include/exclude globs),
 * each with what its sidecar says (annotations, publication date). Every file that cannot be read
 * is reported and the others are still loaded; a sidecar that cannot be read is reported, never
 * taken for "no annotations" silently.
 */
import type { Annotation } from '../annotations/model';
import type { SourceDocument } from '../types';
import { readArticle } from './articleRead';
import { describeError, type FileSystem } from './fileSystem';
import { joinPath, normalizePath } from './pathText';
import { scanArticles, type ArticleGlobs, type ScanProblem } from './scan';
import { readSidecar, type SidecarRead } from './sidecarFiles';

/** A file or folder to load: `path` for the file system, `name` as the user wrote it (for output). */
export interface CorpusInput {
  path: string;
  name: string;
}

/** An article with what its sidecar says. `path` is its name as shown (the input's name joined with the path under it). */
export interface CorpusDocument extends SourceDocument {
  /** The article's path on the file system. */
  readonly file: string;
  /** The input it was found under (index into the inputs). */
  readonly input: number;
  /** The sidecar's annotations (empty when it could not be read: see `sidecar.status`). */
  readonly annotations: Annotation[];
  readonly sidecar: SidecarRead;
}

/** Something that went wrong with one file; `path` as shown to the user. */
export interface CorpusProblem {
  path: string;
  message: string;
}

export interface LoadedCorpus {
  documents: CorpusDocument[];
  problems: CorpusProblem[];
}

/**
 * Loads the articles of `inputs` in order (a folder's in scan order), with their sidecars. A
 * binary file is left out (reported); a sidecar with errors or that cannot be read is reported and
 * its document kept with the annotations that could be read (none when the file could not be read).
 */
export async function loadCorpus(fs: FileSystem, inputs: readonly CorpusInput[], globs: ArticleGlobs = {}): Promise<LoadedCorpus> {
  const documents: CorpusDocument[] = [];
  const problems: CorpusProblem[] = [];
  for await (const doc of corpusDocuments(fs, inputs, globs, problems, READ_AHEAD)) documents.push(doc);
  return { documents, problems };
}

/**
 * Articles read while the one before is handled: each read waits on the file system several times
 * (the article, its sidecar), and one after another a folder of thousands mostly waits.
 */
const READ_AHEAD = 16;

/**
 * loadCorpus one document at a time, for a caller that lets each go before the next is read
 * (`marginalia recognize`; `ahead`: how many more may be read meanwhile); problems are added to
 * `problems` as they are met, in the documents' order.
 */
export async function* corpusDocuments(
  fs: FileSystem,
  inputs: readonly CorpusInput[],
  globs: ArticleGlobs,
  problems: CorpusProblem[],
  ahead = 0,
): AsyncIterable<CorpusDocument> {
  const load = async (file: string) => {
    const read = await readArticle(fs, file);
    return { read, sidecar: read.status === 'ok' ? await readSidecar(fs, file) : undefined };
  };
  for (const [index, input] of inputs.entries()) {
    const files = await filesOf(fs, input, globs, problems);
    const reads: (ReturnType<typeof load> | undefined)[] = [];
    for (let i = 0; i < files.length; i++) {
      for (let j = reads.length; j <= Math.min(i + ahead, files.length - 1); j++) {
        const loading = load(files[j].file);
        loading.catch(() => undefined); // a failure is met when its turn comes, not before, unhandled
        reads.push(loading);
      }
      const { file, name } = files[i];
      const { read, sidecar } = await reads[i]!;
      reads[i] = undefined;
      if (read.status !== 'ok') {
        problems.push({ path: name, message: read.message });
        continue;
      }
      for (const message of read.warnings) problems.push({ path: name, message });
      if (!sidecar) continue;
      problems.push(...sidecarProblems(sidecar, `${name}.annotations.yaml`));
      const dct = sidecar.parsed.dct;
      yield {
        path: name,
        file,
        input: index,
        text: read.text,
        annotations: sidecar.parsed.annotations,
        sidecar,
        ...(dct ? { dct, dctFromSidecar: true } : {}),
      };
    }
  }
}

/** The errors of a sidecar as problems of `name` (its path as shown). */
function sidecarProblems(sidecar: SidecarRead, name: string): CorpusProblem[] {
  if (sidecar.status !== 'ok' && sidecar.status !== 'missing') {
    return [{ path: name, message: `${sidecar.parsed.problems[0]?.message ?? 'cannot be read.'} Its annotations and publication date are left out.` }];
  }
  return sidecar.parsed.problems.filter(p => p.severity === 'error').map(p => ({ path: name, message: `line ${p.line + 1}: ${p.message}` }));
}

/** The article files of one input: the file itself, or a folder's articles. */
async function filesOf(fs: FileSystem, input: CorpusInput, globs: ArticleGlobs, problems: CorpusProblem[]): Promise<{ file: string; name: string }[]> {
  try {
    const stat = await fs.stat(input.path);
    const type = stat?.type === 'symlink' ? (await fs.stat(await fs.realPath(input.path)))?.type : stat?.type;
    if (type === undefined) throw Object.assign(new Error('not found'), { code: 'ENOENT' });
    if (type !== 'directory') return [{ file: input.path, name: input.name }];
    const scanProblems: ScanProblem[] = [];
    const found = await scanArticles(fs, input.path, globs, scanProblems);
    for (const p of scanProblems) problems.push({ path: shownPath(input.name, p.path.slice(input.path.length + 1)), message: describeError(p.error) });
    return found.map(rel => ({ file: joinPath(input.path, rel), name: shownPath(input.name, rel) }));
  } catch (e) {
    problems.push({ path: input.name, message: describeError(e) });
    return [];
  }
}

/** `rel`, a path under the folder the user named `name`, as shown to them (as Node's `path.join` writes it). */
export function shownPath(name: string, rel: string): string {
  return normalizePath(`${name.replace(/\\/g, '/')}/${rel}`);
}
