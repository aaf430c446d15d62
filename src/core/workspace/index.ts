/**
 * The host-neutral workspace: a `FileSystem` interface that the hosts implement, the one write
 * policy, and what both hosts do with files written once on top of it (scan, sidecars, registry,
 * publication dates, placing annotations, import, export).
 */
export {
  FileSystemError,
  errorCode,
  describeError,
  type FileSystem,
  type FileStat,
  type FileType,
  type DirectoryEntry,
  type FileChange,
  type Disposable,
} from './fileSystem';
export { MemoryFileSystem, type FileOperation, type OperationHook } from './memoryFileSystem';
export { cleanPath, joinPath, parentOf, baseName, relativeTo, isAbsolutePath } from './pathText';
export { readTextFile, encodeText, readProblem, WriteRefusedError, MAX_SIDECAR_BYTES, MAX_REGISTRY_BYTES, MAX_IMPORT_BYTES, type TextRead } from './textFiles';
export { outsideReason } from './containment';
export {
  checkWriteLocation,
  createFolders,
  stageTemp,
  commitTemp,
  discardTemp,
  replaceFile,
  withFileLock,
  updateTextFile,
  tempPathFor,
  TEMP_SUFFIX,
  LOCK_SUFFIX,
  type LockOptions,
  type UpdateOptions,
  type UpdateDecision,
  type UpdateResult,
} from './writePolicy';
export { scanArticles, type ArticleGlobs, type ScanProblem } from './scan';
export { articleBytesOf, readArticle, type ArticleRead } from './articleRead';
export { readSidecar, saveSidecar, sidecarFromRead, type SidecarRead, type SidecarSave, type SidecarSaved } from './sidecarFiles';
export { readRegistry, editRegistry, registryLocation, unreadRegistry, type RegistryRead } from './registryFiles';
export { placeAnnotations, followEdits, offsetsChanged, type Placement } from './placement';
export { parseDatesFile, withDates, isIsoDay } from './publicationDates';
export { loadCorpus, corpusDocuments, shownPath, type CorpusInput, type CorpusDocument, type CorpusProblem, type LoadedCorpus } from './corpus';
export { readImport, importIntoWorkspace, IMPORT_FORMATS, type ImportFormat, type ImportSource, type ImportReadOptions, type ImportSummary } from './importing';
export { writeExport, exportFailure, ExportRefusedError, type ExportWriteOptions } from './exporting';
export { Workspace, type WorkspaceOptions, type WorkspaceChange } from './workspace';
export { AnnotationBook, type ArticleAnnotations, type NewAnnotation, type AnnotationHost } from './annotationBook';
export {
  readWorkspaceModel,
  readWorkspaceModelText,
  parseWorkspaceModelText,
  trainWorkspaceModel,
  resetWorkspaceModel,
  WORKSPACE_MODEL_PATH,
  type WorkspaceModelRead,
  type WorkspaceModelText,
  type TrainedWorkspaceModel,
} from './workspaceModelFile';
