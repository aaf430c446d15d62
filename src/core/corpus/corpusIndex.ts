import { documentKindsSteps } from '../analyze';
import { LinkBuffers, linkCorpusSteps, type CorpusLinks, type LinkedCorpus } from '../linking/linkCorpus';
import type { DocumentNames } from '../linking/linkDocument';
import { lookupsHold, relinkNames, type LinkedNames } from '../linking/linkNames';
import { MAX_ANALYZED_CHARS } from '../limits';
import { modelId } from '../model/tagger';
import type { AnalyzeOptions } from '../recognizeDocument';
import { finish, STEP_UNITS, type Steps } from '../steps';
import { positionAt, utf8LineStarts, type TextPosition } from '../textPositions';
import type { AnalyzedDocument, Entity, Mention, MentionKind, SourceDocument } from '../types';
import type { FileStat } from '../workspace/fileSystem';
import { utf8Hash } from './contentHash';
import type { DocumentAnalysis } from './documentAnalysis';
import { stampHolds, type FileStamp } from './fileStamp';
import { compareEntities } from './entitySummary';
import { Int32Slab } from './int32Slab';
import { Interner } from './interner';
import type { MentionTable, DocumentCount, MentionRef, MentionSpans, StagedDocument } from './mentionTable';
import { unpackAnalysis, type PackedAnalysis } from './packedAnalysis';
import { dctSourceOf, prepareDocument, prepareFile, type HeldSource, type PreparedDocument, type SourceFile } from './prepareDocument';
import { idsByLocalId, ProvisionalIds } from './provisionalIds';
import type { Registry } from './registry';
import { RegistryMap } from './registryMap';
import { MentionRows, PackedDates, packedDates, StringIds, type MentionFields } from './mentionRows';
import { PublishedTables } from './publishedTables';
import {
  bufferSink,
  decodeSnapshotSteps,
  encodeSnapshotSteps,
  type SnapshotSink,
  entityCountOf,
  nameCountOf,
  type StoredDocument,
  type StoredLinks,
  type TableTotals,
} from './snapshot';
import { SurnameCounts } from './surnameCounts';
import { foldedName } from './variantKey';

export type { MentionRef, MentionSpans } from './mentionTable';

export interface CorpusStats {
  documents: number;
  entities: number;
  mentions: number;
}

/** A stale index with at most this many names is relinked on the next query: it takes a few milliseconds. */
const RELINK_ON_QUERY_UP_TO = 20_000;
/** Documents handled between two yields of relinkSteps. */
const RELINK_SLICE = 200;
/**
 * A document with at least this many mentions (in or out) enters the mention tables through copies
 * of the groups it changes, made in steps and put in place at once (MentionTable.stage); a smaller
 * one is entered in place, in one short step.
 */
const STAGE_FROM = 4 * STEP_UNITS;
/**
 * When at least this share of the documents need their mentions published after a link of the
 * corpus (a warm start, the first link of a scan), the tables are built anew in bulk beside those
 * queries read (publishAllSteps) rather than changed document by document.
 */
const REPUBLISH_ALL_FROM = 0.5;

/** A document's mentions made for tables built beside the ones queries read, with the ids and kinds they were made with (none: those it has). */
interface Published {
  readonly d: IndexedDocument;
  readonly ids?: string[];
  readonly kinds?: MentionKind[];
  readonly mentions: MentionRows;
}

/** A file a warm start may take unread from the snapshot (CorpusIndex.trustSteps): its stat now, and its publication date from outside it. */
export interface FileToTrust {
  readonly path: string;
  readonly stat: FileStat | undefined;
  readonly dct?: string;
  readonly dctFromSidecar?: boolean;
  /** The names recognizer it is to be analyzed with (modelId); the index's own by default. */
  readonly model?: string;
}

/**
 * Reads, synchronously, the UTF-8 text of an indexed file (as the host reads articles); undefined
 * when it cannot. The index reads the bytes before it calls it again and never keeps them: a host
 * may read every file into one buffer (a Buffer of its own each would be garbage outside the heap,
 * which the collector lets grow tens of megabytes before it runs).
 */
export type TextReader = (path: string) => Uint8Array | undefined;

/** Tables built beside `base` from a snapshot's records, with its documents' mentions (by path, in path order). */
interface Staged {
  readonly links: StoredLinks;
  readonly base: PublishedTables;
  readonly tables: PublishedTables;
  readonly made: readonly { readonly path: string; readonly ids: string[]; readonly kinds: MentionKind[]; readonly mentions: MentionRows }[];
}

/**
 * A document as the index holds it: its analysis's parts (not the analysis object, which may carry
 * a snapshot's decoders: extended in place, each document's properties went to a dictionary, 840
 * bytes a document at 10,000 articles), and what the index adds.
 */
class IndexedDocument implements DocumentAnalysis {
  readonly hash: string;
  readonly dctSource: string;
  readonly model: string;
  readonly dct: string | null;
  readonly surnames: string[];
  linked: LinkedNames;
  /**
   * Its text, UTF-8 encoded, when given with it (an open document's, a text set by setDocument):
   * kept outside the JavaScript heap, which the collector then scans and grows less. A lone
   * surrogate comes back as U+FFFD, of the same length. Undefined for a document entered from its
   * file without its text (a scan's, a warm start's): the texts were the largest part of an index
   * (342 MB at 100,000 articles), mostly of documents nobody looks at; read again through the
   * index's reader when something needs it (a line of context, a relink of its names), and not kept.
   */
  utf8: Uint8Array | undefined;
  /**
   * False for a document trusted unread by its file's stamp (trustSteps) until its file is read and
   * found to hold what its analysis is of (`unverified`); true for any other, whose hash is of the
   * text it was given or its file held when read.
   */
  verified: boolean;
  /** Corpus-wide ids of `linked.names.entities`; undefined until the document is linked. */
  ids: string[] | undefined = undefined;
  /** Their kinds as the recognizer gives them (before the registry), when linked. */
  kinds: MentionKind[] | undefined = undefined;
  /** The analysis last given out (`analyzed`), while someone holds it: asking again gives the same object. */
  view: WeakRef<AnalyzedDocument> | undefined = undefined;
  /** The number of the publication of `published` (CorpusIndex.publications). */
  publication = 0;
  lines: ArrayLike<number> | undefined = undefined;
  /** Its mentions as queries see them (the registry applied), packed; undefined until linked. */
  private rows: MentionRows | undefined = undefined;
  /** The analysis, for its dates until they are published (a stored one decodes them when first read). */
  private analysis: DocumentAnalysis | undefined;
  /**
   * The rows its dates are read from once published, or packed before (packDates). Kept when the
   * document is withdrawn: a snapshot written in steps still reads the dates of a document edited
   * or deleted meanwhile.
   */
  private datesFrom: MentionRows | PackedDates | undefined = undefined;

  constructor(
    readonly path: string,
    a: DocumentAnalysis,
    utf8: Uint8Array | undefined,
    verified: boolean,
    /** Its file's size and modification time when read (or trusted), for the next snapshot. */
    public stamp: FileStamp | undefined,
    /** Why only part of its text is analyzed, when it is too long. */
    readonly warning: string | undefined,
    /** The snapshot entry its analysis came from, while its linked names are those: its part of the snapshot's links. */
    public stored: StoredDocument | undefined,
  ) {
    this.analysis = a;
    this.hash = a.hash;
    this.dctSource = a.dctSource;
    this.model = a.model;
    this.dct = a.dct;
    this.surnames = a.surnames;
    this.linked = a.linked;
    this.utf8 = utf8;
    this.verified = verified;
  }

  get published(): MentionRows | undefined {
    return this.rows;
  }

  /** Once published, its dates are read from its rows (they hold every date as it is): the analysis is let go. */
  set published(rows: MentionRows | undefined) {
    this.rows = rows;
    if (!rows) return;
    this.datesFrom = rows;
    this.analysis = undefined;
  }

  /**
   * Its dates packed now, the analysis let go: for a document entered in bulk, unpublished until the
   * corpus is linked. A stored analysis decodes its dates when first read and keeps its snapshot
   * until then: the snapshots of a pool's batches (about 2 KB a document) were all kept through
   * the first link of the corpus; an analysis made elsewhere held a Mention object per date.
   */
  packDates(strings: StringIds, slab: Int32Slab): void {
    if (!this.analysis) return;
    this.datesFrom = new PackedDates(packedDates(this.analysis.dates, strings, slab), strings);
    this.analysis = undefined;
  }

  /** Its dates as Mention objects, made from its rows once published (for a snapshot). */
  get dates(): Mention[] {
    return this.analysis ? this.analysis.dates : this.datesFrom!.dates();
  }

  /** Its dates as MentionRows.namesSteps takes them, their strings ids of `strings`. */
  packedDates(strings: StringIds): Int32Array {
    return this.analysis ? packedDates(this.analysis.dates, strings) : this.datesFrom!.packedDates();
  }
}

const decoder = new TextDecoder();
const encoder = new TextEncoder();
const NO_LINKS: CorpusLinks = { ids: [], idOfKey: new Map(), idsOfSurname: new Map(), kindOfId: new Map() };

/**
 * Every article of a workspace, analyzed as one corpus so that entity ids are shared.
 *
 * Each document's own analysis (names, dates, and its names linked within it) is kept, and redone
 * only when its text changes. A changed document gets its entity ids at once against the corpus as
 * last linked; linking the whole corpus again (`relink`, or `relinkSteps` in slices) makes every
 * answer what `analyze` gives for the documents in path order. Until then the index is stale; a
 * small one relinks by itself on the next query. Queries read maps kept up to date document by
 * document.
 */
export class CorpusIndex {
  private readonly docs = new Map<string, IndexedDocument>();
  private sorted: { paths: string[]; rank: Map<string, number> } | undefined;
  private readonly surnames = new SurnameCounts();
  private provisional = new ProvisionalIds(NO_LINKS);
  /** What the last link of the whole corpus found (its documents' ids are theirs), for the snapshot. */
  private links: Omit<CorpusLinks, 'ids'> = NO_LINKS;
  private stale = false;
  /** Incremented by every change from outside, so that a relink in slices starts over. */
  private version = 0;
  private nameCount = 0;
  /** The strings of the packed mentions (MentionRows), shared by every PublishedTables of the index. */
  private readonly strings = new StringIds();
  /** Documents' mentions published so far, to number each publication (analysisVersion). */
  private publications = 0;
  /** What queries read; replaced as a whole when the registry changes. */
  private tables = new PublishedTables(undefined, this.strings);
  private entityList: { version: string; entities: Entity[] } | undefined;
  /** Analyses from a snapshot, used when a document with the same text and dates arrives. */
  private readonly stored = new Map<string, StoredDocument>();
  private reused = 0;
  private readonly shared = new Interner();
  /** Tables built from a snapshot's records (stageSnapshotSteps), until the next relink. */
  private staged: Staged | undefined;
  /** Given to each link of the whole corpus (none while a relink uses them). */
  private linkBuffers: LinkBuffers | undefined = new LinkBuffers();
  /** Reads the text of a document entered without it (readTextsWith, trustSteps) when something needs it. */
  private readText: TextReader | undefined;
  /**
   * Where documents' line starts and unpacked names' spans are kept: a typed array of its own
   * each (as made, or as sent by a worker) has a buffer of its own, some 200 bytes more a document
   * apiece at 100,000 documents (Int32Slab).
   */
  private readonly slab = new Int32Slab();
  /** The dates of documents entered in bulk (packDates), apart from `slab`: they go when the documents are published, which it keeps. */
  private readonly datesSlab = new Int32Slab();

  /**
   * `relinkOnQueryUpTo`: a stale index with at most this many names relinks by itself on the next
   * query (default 20,000: a few milliseconds); a larger one answers with provisional ids until
   * `relink`.
   */
  constructor(
    private readonly options: AnalyzeOptions = {},
    private readonly relinkOnQueryUpTo = RELINK_ON_QUERY_UP_TO,
  ) {}

  /** Adds or replaces a document; its mentions and ids are current at once. */
  setDocument(doc: SourceDocument): void {
    const prev = this.docs.get(doc.path);
    if (prev && this.sameSource(prev, { ...doc, utf8: encoder.encode(doc.text) })) return;
    finish(this.setPreparedSteps(this.prepare(doc)));
    // linked against family names that its own change took away: linked again from its text
    const d = this.docs.get(doc.path)!;
    if (lookupsHold(d.linked, this.surnames)) return;
    const before = finish(idsByLocalId(d.linked.names, d.ids!));
    this.nameCount -= nameCountOf(d.linked);
    d.linked = this.relinkNames(doc.text);
    d.stored = undefined;
    this.nameCount += nameCountOf(d.linked);
    this.stale = true;
    this.publish(d, finish(this.provisional.idsSteps(d.linked.names, before)));
  }

  /**
   * Adds or replaces a document analyzed elsewhere (prepareDocument, given `heldSources` and
   * `surnameWords`), linked at once (as setDocument) or left to the next relink (`link` false, as
   * setDocuments). A document with the same hash, dates and model as the one held is left as it is.
   * Returns false when `prepared` has no analysis and the index no longer holds one that fits:
   * prepare it again without `held`. Without `utf8`, the text is its file's (read as the host's
   * reader reads it, readTextsWith), read again when needed.
   */
  setPrepared(prepared: PreparedDocument, link = true): boolean {
    return finish(this.setPreparedSteps(prepared, link));
  }

  /**
   * `setPrepared` in steps, for a host that must not be held long (a document of megabytes has tens
   * of thousands of mentions): everything is made beside the index, then put in place in one short
   * last step, so that queries meanwhile see the document as it was. A caller that stops iterating
   * leaves the index as it was; a change of the same document meanwhile starts the work over.
   */
  *setPreparedSteps(prepared: PreparedDocument, link = true, unread = false): Steps<boolean> {
    const { path } = prepared;
    // only documents entered in bulk (unlinked: a scan, a warm start) share the slab: a chunk lives
    // as long as any view of it, and the views of edits and relinks, soon replaced, would keep chunks
    // of the slab alive one after another through an editing session
    const own = prepared.analysis ?? (prepared.packed && (yield* unpackAnalysis(prepared.packed, link ? undefined : this.slab)));
    if (own) yield* this.shared.analysisSteps(own);
    for (;;) {
      const prev = this.docs.get(path);
      if (prev && prev.hash === prepared.hash && prev.dctSource === prepared.dctSource && prev.model === prepared.model) {
        // the same text read again (an unread one's verified: its file holds what its analysis is of)
        if (!unread) {
          prev.utf8 ??= prepared.utf8;
          prev.verified = true;
          if (prepared.stamp) prev.stamp = prepared.stamp;
        }
        return true;
      }
      const stored = this.stored.get(path);
      const fromStore = !own && stored?.hash === prepared.hash && stored.dctSource === prepared.dctSource && stored.model === prepared.model;
      const a = own ?? (fromStore ? stored!.analysis() : undefined); // a stored one's strings are shared already
      if (!a) return false;
      // kept for its part of the snapshot's links only: a snapshot without them (a pool worker's
      // batch) is let go once its documents are in
      const d = new IndexedDocument(path, a, prepared.utf8, !unread, prepared.stamp, prepared.warning, fromStore && stored!.links ? stored : undefined);
      // one entered unread (a warm start) is published from its snapshot's records, its dates never decoded
      if (!link && !unread) d.packDates(this.strings, this.datesSlab);
      const provisional = this.provisional;
      let fresh = !link;
      let commit: () => boolean;
      // a document new to the index and left unlinked has no mentions to enter (a warm start enters 100,000 so)
      if (!link) commit = prev ? yield* this.stageMentions(this.tables, path, undefined, undefined, prev) : nothingToCommit;
      else if (prev?.ids && prev.published && (yield* sameLinkInput(prev.linked.names, d.linked.names))) commit = yield* this.publishSteps(d, prev.ids, prev);
      else {
        fresh = true;
        const before = prev?.ids ? yield* idsByLocalId(prev.linked.names, prev.ids) : new Map<string, string>();
        commit = yield* this.publishSteps(d, yield* provisional.idsSteps(d.linked.names, before), prev);
      }
      // the last step: nothing below yields
      if (this.docs.get(path) !== prev || !commit()) continue;
      const surnamesBefore = this.surnames.version;
      this.surnames.add(a.surnames);
      // removed after the new ones are added, so that a name in both never leaves the set
      if (prev) this.surnames.remove(prev.surnames);
      if (fromStore) this.reused++;
      this.stored.delete(path);
      this.replace(prev, d);
      if (fresh || this.surnames.version !== surnamesBefore || this.provisional !== provisional || !lookupsHold(d.linked, this.surnames)) this.stale = true;
      return true;
    }
  }

  /** What prepareDocument may skip for `path`: the sources of the analyses the index holds for it. */
  heldSources(path: string): HeldSource[] {
    return [this.docs.get(path), this.stored.get(path)].filter(h => h !== undefined).map(({ hash, dctSource, model }) => ({ hash, dctSource, model }));
  }

  /** The corpus's family names, with a version that changes whenever they do (for prepareDocument elsewhere). */
  surnameWords(): { version: number; words: string[] } {
    return { version: this.surnames.version, words: this.surnames.words() };
  }

  /** Documents whose linked names rest on family-name lookups that no longer hold (with the names recognizer they were analyzed with): relink (or setRelinked) links them again. */
  outdatedLookups(): { path: string; hash: string; model: string }[] {
    return [...this.docs.values()].filter(d => !lookupsHold(d.linked, this.surnames)).map(({ path, hash, model }) => ({ path, hash, model }));
  }

  /**
   * A document's text as indexed, UTF-8 encoded (shared: not to be changed); read from its file
   * when the index does not hold it (holdsText), undefined when its file changed since.
   */
  utf8(path: string): Uint8Array | undefined {
    const d = this.docs.get(path);
    const bytes = d && this.bytes(d);
    // one read is the reader's, which may read the next file into the same buffer
    return bytes && bytes !== d.utf8 ? bytes.slice() : bytes;
  }

  /** The hash (utf8Hash) of the text a document was indexed with: what its file must hold for its text to be read from it. */
  contentHash(path: string): string | undefined {
    return this.docs.get(path)?.hash;
  }

  /** True when the index holds a document's text; false when it reads it from its file (readTextsWith) when needed. */
  holdsText(path: string): boolean {
    return this.docs.get(path)?.utf8 !== undefined;
  }

  /**
   * How the texts of documents entered without them (setPrepared without `utf8`, trustSteps) are
   * read when needed: as the host read the files they were analyzed from (hashed the same).
   */
  readTextsWith(read: TextReader): void {
    this.readText = read;
  }

  /**
   * Enters the files whose stat is what the snapshot loaded last recorded for them, with the same
   * publication-date source and names recognizer, without reading them (a warm start reads only
   * the others), in steps; returns their paths. Such a file's analysis is the snapshot's; its
   * text is read by the reader of readTextsWith when needed (a hover's line of context, a
   * position), and the whole file verified by the host afterwards (`unverified`: read and given
   * to setPrepared or setFiles, which take it when its hash is the snapshot's and analyze it
   * again otherwise).
   * Trusted only: a plain file within the analysis limit, stamped at least RACY_MS before it was
   * read and before the snapshot was written (stampHolds).
   */
  *trustSteps(files: Iterable<FileToTrust>): Steps<string[]> {
    const trusted: string[] = [];
    const own = modelId(this.options.nameModel);
    let n = 0;
    for (const f of files) {
      if (++n % RELINK_SLICE === 0) yield;
      const stored = this.stored.get(f.path);
      const stamp = stored?.stamp();
      if (!stored || this.docs.has(f.path) || !stampHolds(stamp, f.stat, stored.writtenAt) || f.stat!.size > MAX_ANALYZED_CHARS) continue;
      const dctSource = dctSourceOf(f);
      const model = f.model ?? own;
      if (stored.dctSource !== dctSource || stored.model !== model) continue;
      const prepared = { path: f.path, hash: stored.hash, dctSource, model, stamp };
      if (yield* this.setPreparedSteps(prepared, false, true)) trusted.push(f.path);
    }
    return trusted;
  }

  /** True when a snapshot is loaded whose analyses documents may still take (loadSnapshot, until the relink lets it go). */
  get holdsSnapshot(): boolean {
    return this.stored.size > 0;
  }

  /** The documents entered unread (trustSteps) whose files are not verified yet, as for heldSources. */
  unverified(): { path: string; hash: string; dctSource: string; model: string }[] {
    const out: { path: string; hash: string; dctSource: string; model: string }[] = [];
    for (const d of this.docs.values()) if (!d.verified) out.push({ path: d.path, hash: d.hash, dctSource: d.dctSource, model: d.model });
    return out;
  }

  /**
   * Names of a document linked again elsewhere (relinkNames over its text, with the names
   * recognizer `model` of outdatedLookups) against the current family names; ignored when the
   * document's text changed since (`hash`), it was analyzed again with another recognizer, or its
   * lookups do not hold.
   */
  setRelinked(path: string, hash: string, linked: LinkedNames, model = ''): boolean {
    return finish(this.setRelinkedSteps(path, hash, linked, model));
  }

  /** `setRelinked` in steps (only the last changes the index); the names may come packed (packLinked). */
  *setRelinkedSteps(path: string, hash: string, names: LinkedNames | PackedAnalysis, model = ''): Steps<boolean> {
    const linked = 'chars' in names ? (yield* unpackAnalysis(names)).linked : names;
    yield* this.shared.linkedSteps(linked);
    const d = this.docs.get(path);
    if (!d || d.hash !== hash || d.model !== model || !lookupsHold(linked, this.surnames)) return false;
    this.nameCount += nameCountOf(linked) - nameCountOf(d.linked);
    d.linked = linked;
    d.ids = undefined;
    d.stored = undefined;
    this.stale = true;
    this.version++;
    return true;
  }

  /**
   * Line starts of a document's text, when known where it was prepared (so that positionAt need not
   * decode it); `inBulk`: entered with many others (setPreparedSteps unlinked), kept in the slab.
   */
  setLineStarts(path: string, hash: string, lines: ArrayLike<number>, inBulk: boolean): void {
    const d = this.docs.get(path);
    if (d?.hash === hash) d.lines = inBulk ? this.slab.copy(lines) : Int32Array.from(lines);
  }

  /**
   * Adds or replaces documents without linking them: for a scan, which then calls `relink` (or
   * yields between batches and ends with `relinkSteps`). Until then they are linked one by one as
   * queries reach them. Returns how many were taken from the snapshot and how many analyzed.
   */
  setDocuments(docs: Iterable<SourceDocument>): { reused: number; analyzed: number } {
    return this.setAll(
      docs,
      doc => ({ ...doc, utf8: encoder.encode(doc.text) }),
      doc => this.prepare(doc),
    );
  }

  /**
   * `setDocuments` for files' bytes as read (UTF-8): a file whose bytes, dates and names recognizer
   * are those of an analysis the index or its snapshot holds is hashed, never decoded.
   */
  setFiles(files: Iterable<SourceFile>): { reused: number; analyzed: number } {
    return this.setAll(
      files,
      f => f,
      f => {
        const stored = this.stored.get(f.path);
        return prepareFile(f, this.surnames, this.options, stored ? [stored] : []);
      },
    );
  }

  private setAll<T extends { path: string }>(
    items: Iterable<T>,
    source: (item: T) => SourceFile,
    prepare: (item: T) => PreparedDocument,
  ): { reused: number; analyzed: number } {
    const reusedBefore = this.reused;
    let changed = 0;
    for (const item of items) {
      const prev = this.docs.get(item.path);
      if (prev && this.sameSource(prev, source(item))) continue;
      // false: its stored analysis turned out corrupt (and is dropped): analyzed again
      if (!finish(this.setPreparedSteps(prepare(item), false))) finish(this.setPreparedSteps(prepare(item), false));
      changed++;
    }
    const reused = this.reused - reusedBefore;
    return { reused, analyzed: changed - reused };
  }

  deleteDocument(path: string): boolean {
    const prev = this.docs.get(path);
    if (!prev) return false;
    const surnamesBefore = this.surnames.version;
    this.withdraw(prev);
    this.surnames.remove(prev.surnames);
    this.replace(prev, undefined);
    if (prev.linked.names.entities.length || this.surnames.version !== surnamesBefore) this.stale = true;
    return true;
  }

  hasDocument(path: string): boolean {
    return this.docs.has(path);
  }

  setRegistry(registry: Registry): void {
    finish(this.setRegistrySteps(registry));
  }

  /**
   * `setRegistry` in steps: every published document's mentions as recognized (which no registry
   * changes, and which the next tables take over) are reviewed again, packed to packed, into the
   * table of mentions by entity, built beside the one queries read and filled in bulk
   * (PublishedTables.filler); the last step puts it in place (queries meanwhile see the old registry
   * throughout). Starts over when the corpus changes between steps.
   */
  *setRegistrySteps(registry: Registry): Steps<void> {
    const map = new RegistryMap(registry);
    restart: for (;;) {
      const version = this.version;
      const current = this.tables;
      const revision = this.revision;
      const outdated = () => this.version !== version || this.tables !== current || this.revision !== revision;
      const next = new PublishedTables(map.empty ? undefined : map, this.strings, current);
      const fill = next.filler();
      const published: Published[] = [];
      const slab = new Int32Slab();
      let units = 0;
      for (const d of this.docs.values()) {
        if (!d.published) continue;
        const recognized = current.recognizedRows(d.path)!;
        const mentions = next.registry ? yield* next.reviewSteps(recognized, slab) : recognized;
        if (!fill.add(d.path, recognized, mentions)) yield* fill.addSteps(d.path, recognized, mentions);
        published.push({ d, mentions });
        if ((units += recognized.length) >= 4 * STEP_UNITS) {
          units = 0;
          yield;
          if (outdated()) continue restart;
        }
      }
      if (!(yield* this.finishSteps(next, fill, outdated))) continue restart;
      this.putInPlace(next, current, published);
      this.version++;
      return;
    }
  }

  /** True while some entity ids may differ from what linking the whole corpus gives. */
  get needsRelink(): boolean {
    return this.stale;
  }

  /** Links the whole corpus again: afterwards every answer is what `analyze` gives. */
  relink(): void {
    for (const _ of this.relinkSteps()) {
      /* run to the end */
    }
  }

  /**
   * `relink` in slices: yields every few hundred documents so that the caller can give others a
   * turn (and stop iterating to cancel). Starts over when the corpus changes between slices.
   */
  *relinkSteps(): Generator<void, void> {
    restart: for (;;) {
      const version = this.version;
      const { paths } = this.order();
      // documents linked against family names that have changed since are linked again, here when
      // they were analyzed with this index's names recognizer (others keep their names until
      // setRelinked: linking them with another recognizer would change which names they have), and
      // when their text can be had (one whose file changed since it was read keeps its names until
      // the host analyzes it again)
      const model = modelId(this.options.nameModel);
      for (let i = 0; i < paths.length; i++) {
        const d = this.docs.get(paths[i])!;
        const bytes = d.model === model && !lookupsHold(d.linked, this.surnames) ? this.bytes(d) : undefined;
        if (bytes) {
          this.nameCount -= nameCountOf(d.linked);
          d.linked = this.relinkNames(decoder.decode(bytes));
          this.nameCount += nameCountOf(d.linked);
          d.ids = undefined;
          d.stored = undefined;
        }
        if (i % RELINK_SLICE === RELINK_SLICE - 1) {
          yield;
          if (this.version !== version) continue restart;
        }
      }
      // all the documents of a snapshot written linked, and no other, as it holds them: its links
      let links: LinkedCorpus | undefined = yield* this.snapshotLinks(paths);
      if (this.version !== version) continue restart;
      const stored = links && this.docs.get(paths[0])?.stored?.links;
      // kept while this relink reads them; a relink that starts meanwhile makes its own
      const buffers = this.linkBuffers ?? new LinkBuffers();
      this.linkBuffers = undefined;
      if (!links) {
        const linking = linkCorpusSteps(
          paths.map(p => this.docs.get(p)!.linked.names),
          buffers,
        );
        let linked = linking.next();
        while (!linked.done) {
          yield;
          if (this.version !== version) continue restart;
          linked = linking.next();
        }
        links = linked.value;
      }
      // the documents' ids are not kept there: those that change are the documents' own
      this.links = { idOfKey: links.idOfKey, idsOfSurname: links.idsOfSurname, kindOfId: links.kindOfId };
      this.provisional = new ProvisionalIds({ ...this.links, ids: [] });
      const kindOf = (id: string) => links.kindOfId.get(id);
      // the documents are exactly the snapshot's: the tables built from its records (stageSnapshotSteps,
      // while the files were read, else now), when it has their totals for tables without a registry
      if (stored?.tables && !this.tables.registry) {
        if (this.staged?.links !== stored || this.staged.base !== this.tables) {
          yield* this.stageSteps(paths.map(p => [p, this.docs.get(p)!.stored!] as const));
          if (this.version !== version) continue restart;
        }
        const staged = this.staged;
        this.staged = undefined;
        // each document with its mentions, in slices: only putting them in place is one step
        const published: Published[] = [];
        for (let i = 0; staged?.links === stored && i < staged.made.length && staged.made[i].path === paths[i]; i++) {
          const { path, ids, kinds, mentions } = staged.made[i];
          published.push({ d: this.docs.get(path)!, ids, kinds, mentions });
          if (i % RELINK_SLICE === RELINK_SLICE - 1) {
            yield;
            if (this.version !== version) continue restart;
          }
        }
        if (staged && published.length === paths.length && staged.base === this.tables) {
          this.putInPlace(staged.tables, staged.base, published);
          this.stale = false;
          this.linkBuffers = buffers;
          yield* this.letSnapshotGoSteps(paths);
          return;
        }
      }
      this.staged = undefined;
      // the snapshot's part is done
      yield* this.letSnapshotGoSteps(paths);
      if (this.version !== version) continue restart;
      const changed: number[] = [];
      for (let i = 0; i < paths.length; i++) {
        const d = this.docs.get(paths[i])!;
        // document i's ids read in place: a function made for each document, at every relink, was
        // garbage enough to grow the heap over an editing session
        if (!idsAre(d, links, i) || !sameKinds(d, links, i, kindOf)) changed.push(i);
        if (i % RELINK_SLICE === RELINK_SLICE - 1) {
          yield;
          if (this.version !== version) continue restart;
        }
      }
      if (changed.length >= paths.length * REPUBLISH_ALL_FROM) {
        if (!(yield* this.publishAllSteps(paths, i => links.ids(i), kindOf, version))) continue restart;
        this.stale = false;
        this.linkBuffers = buffers;
        return;
      }
      for (let n = 0; n < changed.length; n++) {
        const i = changed[n];
        const d = this.docs.get(paths[i])!;
        const ids = links.ids(i);
        const kinds = yield* documentKindsSteps(d.linked.names, ids, kindOf);
        const commit = yield* this.publishSteps(d, ids, d, kinds);
        if (this.version !== version || !commit()) continue restart;
        if (n % RELINK_SLICE === RELINK_SLICE - 1) {
          yield;
          if (this.version !== version) continue restart;
        }
      }
      this.stale = false;
      this.linkBuffers = buffers;
      return;
    }
  }

  /**
   * Publishes every document (`paths`, with the ids `idsOf` gives from a link of the corpus and the kinds
   * `kindOf` gives) into tables built beside those queries read, filled in bulk (PublishedTables.filler),
   * which the last step puts in their place with every document's mentions: queries meanwhile see
   * the tables as they were. False (and nothing changed) when the corpus or the registry changed
   * meanwhile.
   */
  private *publishAllSteps(
    paths: readonly string[],
    idsOf: (i: number) => string[],
    kindOf: (id: string) => MentionKind | undefined,
    version: number,
  ): Steps<boolean> {
    const current = this.tables;
    const outdated = () => this.version !== version || this.tables !== current;
    const next = new PublishedTables(current.registry, this.strings);
    const fill = next.filler();
    const made = new Array<Published>(paths.length);
    const slab = new Int32Slab();
    let units = 0;
    for (let i = 0; i < paths.length; i++) {
      const d = this.docs.get(paths[i])!;
      const ids = idsOf(i);
      const kinds = yield* documentKindsSteps(d.linked.names, ids, kindOf);
      const { recognized, mentions } = yield* this.mentionsSteps(d, ids, next, kinds, slab);
      if (!fill.add(d.path, recognized, mentions)) yield* fill.addSteps(d.path, recognized, mentions);
      made[i] = { d, ids, kinds, mentions };
      if ((units += mentions.length) >= 4 * STEP_UNITS) {
        units = 0;
        yield;
        if (outdated()) return false;
      }
    }
    if (!(yield* this.finishSteps(next, fill, outdated))) return false;
    this.putInPlace(next, current, made);
    return true;
  }

  /** The last steps of tables built beside those queries read (`fill` their filler): totals, then kinds settled; false when `outdated` at a pause. */
  private *finishSteps(next: PublishedTables, fill: ReturnType<PublishedTables['filler']>, outdated: () => boolean): Steps<boolean> {
    yield* fill.endSteps();
    yield;
    if (outdated()) return false;
    for (const _ of next.settleKindsSteps(this.rank)) {
      yield;
      if (outdated()) return false;
    }
    return true;
  }

  /**
   * Builds, beside the tables queries read, the tables that the documents of the snapshot loaded
   * last publish as it holds them, in steps: work for while their files are read and checked (a warm
   * start). The next relink puts them in place when the documents turn out to be exactly the
   * snapshot's, with the same bytes, publication dates and names recognizer; otherwise they are
   * dropped. Nothing is built when the snapshot has no tables' totals or a registry applies.
   */
  *stageSnapshotSteps(): Steps<void> {
    yield* this.stageSteps([...this.stored].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  }

  /** stageSnapshotSteps for the snapshot's documents `stored`, in path order. */
  private *stageSteps(stored: readonly (readonly [string, StoredDocument])[]): Steps<void> {
    this.staged = undefined;
    const links = stored[0]?.[1].links;
    const base = this.tables;
    if (!links?.tables || base.registry || stored.length !== links.documents || stored.some(([, s]) => s.links !== links)) return;
    const kindOf = (id: string) => links.links.kindOfId.get(id);
    const tables = new PublishedTables(undefined, this.strings);
    const fill = tables.filler(links.tables);
    const made: Staged['made'][number][] = [];
    const slab = new Int32Slab();
    let units = 0;
    for (const [path, s] of stored) {
      // most documents at once, with no generator for each
      const published = s.published(kindOf, this.strings, slab) ?? (yield* s.publishedSteps(kindOf, this.strings, slab));
      if (!published) return;
      const { ids, kinds, rows } = published;
      if (!fill.add(path, rows, rows)) yield* fill.addSteps(path, rows, rows);
      made.push({ path, ids, kinds, mentions: rows });
      if ((units += rows.length) >= 4 * STEP_UNITS) {
        units = 0;
        yield;
        if (this.tables !== base) return;
      }
    }
    if ((yield* fill.endSteps()) && this.tables === base) this.staged = { links, base, tables, made };
  }

  /** Lets a snapshot go once the documents `paths` are linked, in slices: nothing of it is needed but what their analyses have not yet read. */
  private *letSnapshotGoSteps(paths: readonly string[]): Steps<void> {
    this.stored.clear();
    for (let i = 0; i < paths.length; i++) {
      const d = this.docs.get(paths[i]);
      if (d) d.stored = undefined;
      if (i % (8 * RELINK_SLICE) === 8 * RELINK_SLICE - 1) yield;
    }
    yield;
  }

  /** Puts tables built beside `current` in its place, with each document's mentions as they were made for them: in one step. */
  private putInPlace(next: PublishedTables, current: PublishedTables, published: readonly Published[]): void {
    next.follow(current);
    this.tables = next;
    for (const { d, ids, kinds, mentions } of published) {
      if (ids) {
        d.ids = ids;
        d.kinds = kinds;
      }
      d.published = mentions;
      d.publication = ++this.publications;
    }
    this.entityList = undefined;
  }

  /**
   * The links of the snapshot the documents' analyses all came from; undefined when the documents
   * are not exactly that snapshot's, or it holds no links.
   */
  private *snapshotLinks(paths: readonly string[]): Steps<LinkedCorpus | undefined> {
    const stored = paths.length ? this.docs.get(paths[0])!.stored?.links : undefined;
    if (!stored || stored.documents !== paths.length) return undefined;
    const ids: string[][] = [];
    // those of the tables built from its records when there are (the same, decoded once)
    const staged = this.staged?.links === stored ? this.staged.made : undefined;
    for (let i = 0; i < paths.length; i++) {
      const d = this.docs.get(paths[i])!;
      const own = d.stored?.links === stored ? (staged?.[i]?.path === paths[i] ? staged[i].ids : d.stored.ids()) : undefined;
      if (own?.length !== entityCountOf(d.linked)) return undefined;
      ids.push(own);
      if (i % RELINK_SLICE === RELINK_SLICE - 1) yield;
    }
    return { ...stored.links, idOf: (d, e) => ids[d][e], ids: d => ids[d] };
  }

  /** The per-document analyses, for a later `restore`, with the corpus's links when it is linked (binary: snapshot.ts). */
  snapshot(writtenAt = Date.now()): Uint8Array {
    const sink = bufferSink();
    finish(this.snapshotSteps(sink, undefined, writtenAt));
    return sink.bytes;
  }

  /**
   * `snapshot` in steps, written into `sink` a piece at a time; what changes in the index meanwhile
   * may or may not be in it (its links are left out then: the sink is told it begins again).
   * `recognizer`: recognizerFingerprint() when made elsewhere (it loads the lexicon); `writtenAt`:
   * the time it records (files modified as recently are read at the next start).
   */
  *snapshotSteps(sink: SnapshotSink, recognizer?: string, writtenAt = Date.now(), withLinks = true): Steps<void> {
    const version = this.version;
    const linked = withLinks && !this.stale && this.stored.size === 0;
    const docs = this.order().paths.map(p => [p, this.docs.get(p)!] as const);
    // the tables' totals go with the links when no registry changed what the documents publish
    // (copied: both passes of the encoding must read the same)
    const totals = (t: MentionTable): TableTotals =>
      Array.from(t.entries(), ([key, g]) => [key, { count: g.count, documents: g.docs.length, forms: new Map(g.forms), kinds: new Map(g.kinds) }] as const);
    const tables = this.tables.registry ? undefined : ([totals(this.tables.byEntity), totals(this.tables.byDate)] as const);
    const steps = encodeSnapshotSteps(docs, this.options.defaultDct ?? null, linked ? { ...this.links, tables } : undefined, sink, recognizer, writtenAt);
    for (let r = steps.next(); ; r = steps.next()) {
      if (r.done) return this.version === version || !linked ? undefined : yield* this.snapshotSteps(sink, recognizer, writtenAt, false);
      yield;
    }
  }

  /**
   * Uses a snapshot's analyses for documents set from now on whose text and dates match, besides
   * those of snapshots loaded before (a pool of workers may send one per batch of documents), and
   * its links when the documents turn out to be exactly its own. Returns how many documents it
   * holds (0 when it comes from another version of the recognizer or format, or cannot be read).
   * `recognizer`: as for loadSnapshotSteps.
   */
  loadSnapshot(snapshot: Uint8Array, recognizer?: string): number {
    return finish(this.loadSnapshotSteps(snapshot, recognizer));
  }

  /** `loadSnapshot` in steps; `recognizer`: recognizerFingerprint() when made elsewhere (it loads the lexicon). */
  *loadSnapshotSteps(snapshot: Uint8Array, recognizer?: string): Steps<number> {
    const decoded = yield* decodeSnapshotSteps(snapshot, this.options.defaultDct ?? null, this.shared, recognizer);
    let n = 0;
    for (const [path, stored] of decoded) {
      this.stored.set(path, stored);
      if (++n % STEP_UNITS === 0) yield;
    }
    return decoded.size;
  }

  /** Indexes `documents` reusing a snapshot's analyses where they match, then links the corpus. */
  restore(snapshot: Uint8Array, documents: Iterable<SourceDocument>): { reused: number; analyzed: number } {
    this.loadSnapshot(snapshot);
    const counts = this.setDocuments(documents);
    this.relink();
    return counts;
  }

  /** The text the document was indexed with. */
  text(path: string): string | undefined {
    const d = this.docs.get(path);
    const bytes = d && this.bytes(d);
    return bytes && decoder.decode(bytes);
  }

  /** Line/character of a UTF-16 offset in an indexed document (which need not be open). */
  positionAt(path: string, offset: number): TextPosition {
    return positionAt(this.lineStartsOf(path), offset);
  }

  /** UTF-16 offsets where the lines of an indexed document start (for lineAt: a position with no object made for it); [0] for a document it does not hold. */
  lineStartsOf(path: string): ArrayLike<number> {
    const d = this.docs.get(path);
    if (d && !d.lines) {
      const bytes = this.bytes(d);
      if (bytes) d.lines = this.slab.copy(utf8LineStarts(bytes));
    }
    return d?.lines ?? [0];
  }

  /** Paths of the indexed documents, sorted. */
  paths(): string[] {
    return this.order().paths.slice();
  }

  /**
   * A document's mentions, as Mention objects made from the packed ones: the same object while it
   * is held and the document's mentions did not change.
   */
  analyzed(path: string): AnalyzedDocument | undefined {
    const d = this.published(path);
    if (!d?.published) return undefined;
    const mentions = d.published.list();
    let view = d.view?.deref();
    if (view?.mentions !== mentions) {
      view = { path, dct: d.dct, mentions, ...(d.warning ? { warnings: [d.warning] } : {}) };
      d.view = new WeakRef(view);
    }
    return view;
  }

  /**
   * `analyzed(path)`'s date and mentions, the mentions read field by field from the index's rows:
   * for reading every document once (statements), where the Mention objects `analyzed` makes would
   * outlive the read (a WeakRef's target survives the young generation's collections: at 100,000
   * articles 400 MB of them, promoted, and collections of the host's thread of 20-60 ms). Read at
   * once, not kept: the rows are the index's own, whose kinds it settles in place.
   */
  publishedMentions(path: string): { dct: string | null; mentions: MentionFields } | undefined {
    const d = this.published(path);
    return d?.published && { dct: d.dct, mentions: d.published };
  }

  /** `analyzed(path).dct` without making the document's mentions; undefined when the index does not hold it. */
  publicationDate(path: string): { dct: string | null } | undefined {
    const d = this.docs.get(path);
    return d && { dct: d.dct };
  }

  /**
   * The mentions of `analyzed(path)` that end after UTF-16 offset `from` and start before `to`
   * (the same objects while that list is held): a part of a long document without making its whole list.
   */
  mentionsBetween(path: string, from: number, to: number): Mention[] | undefined {
    return this.published(path)?.published?.between(from, to);
  }

  /**
   * Changes whenever what `analyzed` gives for the document does, without making it: for a caller
   * that keeps what it last read from each document (keeping the analyses would keep every
   * document's Mention objects).
   */
  analysisVersion(path: string): string | undefined {
    const d = this.published(path);
    return d?.published && `${d.publication}.${d.published.version}`;
  }

  entities(): readonly Entity[] {
    this.current();
    const version = this.tables.summaryVersion;
    if (this.entityList?.version === version) return this.entityList.entities;
    const entities: Entity[] = [];
    for (const [id, g] of this.tables.byEntity.entries()) entities.push(this.tables.summary(id, g));
    entities.sort(compareEntities);
    this.entityList = { version, entities };
    return entities;
  }

  entity(id: string): Entity | undefined {
    this.current();
    const g = this.tables.byEntity.get(id);
    return g && this.tables.summary(id, g);
  }

  /** Every mention of an entity, in document order, documents sorted by path. */
  mentionsOf(id: string): readonly MentionRef[] {
    this.current();
    return this.tables.byEntity.refs(id, this.rank);
  }

  /**
   * Mentions `from` to `from + count` of an entity in the order of `mentionsOf`, and how many it has
   * in all: a page of a streamed list, as quick for an entity of the whole corpus as for a rare one.
   */
  mentionsOfPage(id: string, from: number, count: number): { refs: MentionRef[]; total: number } {
    this.current();
    return this.tables.byEntity.page(id, this.rank, from, count);
  }

  /** The mentions of `mentionsOfPage(id, from, count)` where they are (documents and UTF-16 offsets), with no object per mention: for lists of locations. */
  mentionSpansOfPage(id: string, from: number, count: number): MentionSpans {
    this.current();
    return this.tables.byEntity.spans(id, this.rank, from, count);
  }

  /** The `max` documents other than `except` with the most mentions of an entity, and how many documents other than `except` mention it. */
  documentsOf(id: string, max: number, except: string): { documents: DocumentCount[]; total: number } {
    this.current();
    return this.tables.byEntity.mostMentioning(id, max, except);
  }

  /** Readies what hover cards and the first page of references read (documentsOf, documentsOfDate, mentionsOfPage) for every entity and date, in steps: idle work after a relink. */
  *cardSteps(): Steps<void> {
    yield* this.tables.byEntity.readySteps(this.rank);
    yield* this.tables.byDate.readySteps(this.rank);
  }

  /** documentsOf for the date mentions with a normalized value. */
  documentsOfDate(value: string, max: number, except: string): { documents: DocumentCount[]; total: number } {
    this.current();
    return this.tables.byDate.mostMentioning(value, max, except);
  }

  /** Every date mention with the given normalized value. */
  mentionsOfDate(value: string): readonly MentionRef[] {
    this.current();
    return this.tables.byDate.refs(value, this.rank);
  }

  /** mentionSpansOfPage for the date mentions with a normalized value. */
  mentionSpansOfDatePage(value: string, from: number, count: number): MentionSpans {
    this.current();
    return this.tables.byDate.spans(value, this.rank, from, count);
  }

  /** mentionsOfPage for the date mentions with a normalized value. */
  mentionsOfDatePage(value: string, from: number, count: number): { refs: MentionRef[]; total: number } {
    this.current();
    return this.tables.byDate.page(value, this.rank, from, count);
  }

  /** Changes whenever a list of mentions may: a caller reading one in pages (mentionsOfPage) starts over when it did. */
  get revision(): string {
    return `${this.tables.byEntity.version}:${this.tables.byDate.version}`;
  }

  /** The mention covering a UTF-16 offset of a document (an offset at either edge counts). */
  mentionAt(path: string, offset: number): Mention | undefined {
    const rows = this.published(path)?.published;
    if (!rows) return undefined;
    const i = rows.indexAt(offset);
    return i < 0 ? undefined : rows.mention(i);
  }

  /** Entities whose name or an alias contains the query, folded; best (prefix, most mentioned) first. */
  findEntities(query: string, limit = 100): Entity[] {
    const q = foldedName(query);
    const scored: [Entity, number][] = [];
    for (const e of this.entities()) {
      const forms = [e.name, ...e.aliases].map(foldedName);
      const rank = forms.some(f => f.startsWith(q)) ? 0 : forms.some(f => f.includes(q)) ? 1 : -1;
      if (rank >= 0) scored.push([e, rank]);
    }
    return scored
      .sort((a, b) => a[1] - b[1] || b[0].mentions - a[0].mentions)
      .slice(0, limit)
      .map(([e]) => e);
  }

  stats(): CorpusStats {
    this.current();
    return { documents: this.docs.size, entities: this.tables.byEntity.size, mentions: this.tables.mentionCount };
  }

  /** A document, its mentions published (with provisional ids when it was not linked yet). */
  private published(path: string): IndexedDocument | undefined {
    this.current();
    const d = this.docs.get(path);
    if (d && !d.published) {
      this.publish(d, this.provisional.ids(d.linked.names, new Map()));
      this.settleKinds();
    }
    return d;
  }

  private current(): void {
    if (this.stale && this.nameCount <= this.relinkOnQueryUpTo) this.relink();
    this.settleKinds();
  }

  /**
   * A document's text; one entered without it is read now, not kept, when its hash is the
   * analysis's (then an unread one is verified): otherwise its file changed since, the host analyzes
   * it again (its watcher, or the verification), and nothing is given meanwhile.
   */
  private bytes(d: IndexedDocument): Uint8Array | undefined {
    if (d.utf8) return d.utf8;
    const read = this.readText?.(d.path);
    if (!read || utf8Hash(read) !== d.hash) return undefined;
    d.verified = true;
    return read;
  }

  /** True when a document holds `file`'s text, dates and model (then it takes its stamp and, given them, its bytes). */
  private sameSource(d: IndexedDocument, file: SourceFile): boolean {
    if (d.dctSource !== dctSourceOf(file) || d.model !== modelId(this.options.nameModel)) return false;
    if (d.utf8 ? !sameBytes(d.utf8, file.utf8) : utf8Hash(file.utf8) !== d.hash) return false;
    d.utf8 ??= file.utf8;
    d.verified = true;
    d.stamp = file.stamp; // read again: as it is now (none for a text not read from its file)
    return true;
  }

  /** A document's own analysis, made here unless the snapshot holds it. */
  private prepare(doc: SourceDocument): PreparedDocument {
    const stored = this.stored.get(doc.path);
    return prepareDocument(doc, this.surnames, this.options, stored ? [stored] : []);
  }

  private relinkNames(text: string): LinkedNames {
    const linked = relinkNames(text, this.surnames, this.options.nameModel);
    this.shared.linked(linked);
    return linked;
  }

  /** Puts `d` in the place of `prev` (either may be missing). */
  private replace(prev: IndexedDocument | undefined, d: IndexedDocument | undefined): void {
    if (prev) this.nameCount -= nameCountOf(prev.linked);
    if (d) {
      this.nameCount += nameCountOf(d.linked);
      this.docs.set(d.path, d);
    } else if (prev) this.docs.delete(prev.path);
    if (!prev || !d) this.sorted = undefined;
    this.version++;
  }

  /**
   * Gives a document its ids and makes its mentions visible to queries (in place of `prev`'s). Each
   * entity shows the kind the last link gave it (`kinds`), or, new since, its own.
   */
  private publish(d: IndexedDocument, ids: string[], prev: IndexedDocument = d, kinds?: MentionKind[]): void {
    if (!finish(this.publishSteps(d, ids, prev, kinds))()) throw new Error(`${d.path}: its mentions changed while they were published`);
  }

  /**
   * `publish` in steps: the document's mentions are made and staged beside the tables; the function
   * returned puts them in place at once, or returns false (changing nothing) when the document, its
   * mentions or the registry changed meanwhile.
   */
  private *publishSteps(d: IndexedDocument, ids: string[], prev: IndexedDocument = d, kinds?: MentionKind[]): Steps<() => boolean> {
    const { path } = d;
    const tables = this.tables;
    const held = this.docs.get(path);
    const made = yield* this.mentionsSteps(d, ids, tables, kinds);
    const { mentions } = made;
    const enter = yield* this.stageMentions(tables, path, made.recognized, mentions, prev);
    return () => {
      if (this.tables !== tables || this.docs.get(path) !== held || !enter()) return false;
      d.ids = ids;
      d.kinds = made.kinds;
      d.published = mentions;
      d.publication = ++this.publications;
      tables.mentionCount += mentions.length;
      return true;
    };
  }

  /**
   * A document's mentions with the ids `ids`, packed for `tables`: as recognized, and as its registry
   * has them. Each entity shows the kind the last link gave it (`kinds`), or, new since, its own.
   * `slab`: where the rows go when many documents are published together.
   */
  private *mentionsSteps(
    d: IndexedDocument,
    ids: string[],
    tables: PublishedTables,
    kinds?: MentionKind[],
    slab?: Int32Slab,
  ): Steps<{ kinds: MentionKind[]; recognized: MentionRows; mentions: MentionRows }> {
    kinds ??= yield* documentKindsSteps(d.linked.names, ids, id => this.provisional.kindOf(id));
    // packed straight from the names, and reviewed packed: no Mention object per name
    const recognized = yield* MentionRows.namesSteps(d.linked.names, ids, kinds, d.packedDates(this.strings), this.strings, slab);
    return { kinds, recognized, mentions: tables.registry ? yield* tables.reviewSteps(recognized, slab) : recognized };
  }

  /**
   * A document's mentions (`recognized`, and `mentions` as the registry has them; none to withdraw
   * it) in place of `prev`'s in the mention tables: a large change staged in steps beside them. The
   * function returned makes the change at once, or returns false when the tables changed for it.
   */
  private *stageMentions(
    tables: PublishedTables,
    path: string,
    recognized: MentionRows | undefined,
    mentions: MentionRows | undefined,
    prev: IndexedDocument | undefined,
  ): Steps<() => boolean> {
    const withdrawn = () => {
      if (!prev?.published) return;
      tables.mentionCount -= prev.published.length;
      prev.published = undefined;
    };
    if (Math.max(mentions?.length ?? 0, prev?.published?.length ?? 0) < STAGE_FROM) {
      return () => {
        if (this.tables !== tables) return false;
        if (!mentions) {
          if (prev) this.withdraw(prev);
          return true;
        }
        // addDocument replaces what a table holds for the document: withdrawing it first would
        // search the document lists of its groups, which may span the corpus
        withdrawn();
        for (const [table, rows] of tables.tablesFor(recognized!, mentions)) table.addDocument(path, rows);
        return true;
      };
    }
    const staged: [MentionTable, StagedDocument][] = [];
    for (const [table, rows] of tables.tablesFor(recognized, mentions)) staged.push([table, yield* table.stage(path, rows)]);
    return () => {
      if (this.tables !== tables || !staged.every(([t, s]) => t.holds(s))) return false;
      for (const [t, s] of staged) t.commit(s);
      withdrawn();
      return true;
    };
  }

  private settleKinds(): void {
    this.tables.settleKinds(this.rank);
  }

  private withdraw(d: IndexedDocument): void {
    if (!d.published) return;
    const { path } = d;
    this.tables.byEntity.removeDocument(path);
    this.tables.byDate.removeDocument(path);
    this.tables.byRecognizedEntity?.removeDocument(path);
    this.tables.mentionCount -= d.published.length;
    d.published = undefined;
  }

  private order(): { paths: string[]; rank: Map<string, number> } {
    if (!this.sorted) {
      const paths = [...this.docs.keys()].sort();
      this.sorted = { paths, rank: new Map(paths.map((p, i) => [p, i])) };
    }
    return this.sorted;
  }

  private readonly rank = (path: string): number => this.order().rank.get(path) ?? -1;
}

/** What stageMentions gives when there is nothing to change. */
const nothingToCommit = (): boolean => true;

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** True when a document's kinds are those its entities (entity e of id `links.idOf(i, e)`) get from `kindOf` (documentKinds), without making them. */
function sameKinds(d: IndexedDocument, links: LinkedCorpus, i: number, kindOf: (id: string) => MentionKind | undefined): boolean {
  const { entities } = d.linked.names;
  for (let e = 0; e < entities.length; e++) if (d.kinds![e] !== (kindOf(links.idOf(i, e)) ?? entities[e].kind)) return false;
  return true;
}

/** True when a document's ids are `links.idOf(i, e)` for each of its entities. */
function idsAre(d: IndexedDocument, links: LinkedCorpus, i: number): boolean {
  if (!d.ids || d.ids.length !== d.linked.names.entities.length) return false;
  for (let e = 0; e < d.ids.length; e++) if (d.ids[e] !== links.idOf(i, e)) return false;
  return true;
}

function sameIds(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** True when linking across documents reads the same from both: same entities, forms and order. */
function* sameLinkInput(a: DocumentNames, b: DocumentNames): Steps<boolean> {
  if (a.entities.length !== b.entities.length || !sameNumbers(a.full, b.full) || !sameNumbers(a.lone, b.lone)) return false;
  for (let i = 0; i < a.entities.length; i++) {
    const x = a.entities[i];
    const y = b.entities[i];
    if (
      x !== y &&
      (x.localId !== y.localId || x.kind !== y.kind || !sameIds(x.words, y.words) || !sameIds(x.forms, y.forms) || !sameNumbers(x.counts, y.counts))
    )
      return false;
    if (i % STEP_UNITS === STEP_UNITS - 1) yield;
  }
  return true;
}

function sameNumbers(a: readonly number[], b: readonly number[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
