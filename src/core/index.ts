export * from './types';
export {
  analyze,
  analyzeAlone,
  analyzeTogether,
  analyzedDocument,
  linkedNamesOf,
  linkTogether,
  publicationDate,
  type AnalyzeOptions,
  type DocumentAlone,
  type NamesOfDocument,
} from './analyze';
export { documentOwnDate } from './publicationDate';
export { decodeArticle, type DecodedArticle } from './decode';
export { limitWarning } from './limits';
export { isArticlePath, articleMatcher, DEFAULT_INCLUDE, DEFAULT_EXCLUDE, type ArticleMatcher } from './articleFiles';
export { type MentionFields } from './corpus/mentionRows';
export { CorpusIndex, type MentionRef, type MentionSpans, type CorpusStats, type FileToTrust, type TextReader } from './corpus/corpusIndex';
export { fileStamp, statOrNone, RACY_MS, type FileStamp } from './corpus/fileStamp';
export { readPrepared } from './corpus/readPrepared';
export { EntityTally, type TallyTotals } from './corpus/entitySummary';
export { finish, reporting, sortSteps, STEP_UNITS, type Steps } from './steps';
export { packAnalysis, packLinked, packedBuffers, type PackedAnalysis } from './corpus/packedAnalysis';
export { utf8Hash } from './corpus/contentHash';
export { bufferSink, recognizerFingerprint, type SnapshotSink } from './corpus/snapshot';
export {
  prepareDocument,
  prepareFile,
  relinkPrepared,
  AnalysisCancelled,
  type PreparedDocument,
  type SourceFile,
  type HeldSource,
  type CancellationFlag,
} from './corpus/prepareDocument';
export { linkNames, type LinkedNames } from './linking/linkNames';
export { recognizeDocument, recognizeDocumentDates, recognizeNames, type RecognizedDocument } from './recognizeDocument';
export { entityCard, dateCard, contextLine, type EntityCard, type DateCard, type CardDocument } from './corpus/cards';
export {
  parseRegistry,
  recordMerge,
  recordRename,
  recordNotEntity,
  emptyRegistryText,
  DEFAULT_REGISTRY_PATH,
  type Registry,
  type RegistryEntity,
  type ParsedRegistry,
} from './corpus/registry';
export { variantProposals, type VariantProposal } from './corpus/variants';
export { foldedName, orderFreeName } from './corpus/variantKey';
export { MAX_YAML_ALIASES, type YamlProblem } from './yamlParse';
export { lineAt, lineStarts, positionAt, type TextPosition } from './textPositions';
export { escapeMarkdown } from './markdown';
export * from './annotations';
export {
  exportAnnotations,
  exportAnnotationsSync,
  importBrat,
  importW3c,
  bratFileNames,
  readBrat,
  readW3c,
  mergeImported,
  CancelledError,
  EXPORT_FORMATS,
  OffsetMap,
  type ExportFormat,
  type ExportDocument,
  type ExportOptions,
  type ExportResult,
  type ExportedFile,
  type ExportProblem,
  type ImportDocument,
  type ImportResult,
  type ImportedDocument,
  type ImportedAnnotation,
  type MergeImportOptions,
  type BratImportOptions,
  type W3cImportOptions,
  type ProgressCallback,
} from './export';
export { applyRegistry } from './corpus/applyRegistry';
export { analysisOutput, ANALYSIS_FORMATS, documentsOutput, entitiesOutput, type AnalysisFormat } from './analysisOutput';
export { recognizedRecord, parseRecord, RecordError, RECORD_VERSION, type RecognizedRecord } from './sharded/recognizedRecord';
export { linkRecognized, pathOrder, LinkInputError, type RecordSource } from './sharded/linkRecognized';
export { printable, printableJson } from './terminalText';
export * from './workspace';
export * from './agreement';
export * from './statements';
export { parseRecognizerOutput, RecognizerError, RECOGNIZER_LIMITS, RECOGNIZER_SOURCE } from './recognizer/externalOutput';
export { importSpans, SPAN_FORMATS, type SpanFormat, type SpanImportOptions } from './export';
