/** Reviewer annotations: the sidecar model and store, three-way merge, and anchoring. */
export * from './model';
export { randomIdGenerator, newAnnotationId, ID_LENGTH, type IdGenerator } from './ids';
export { SIDECAR_SUFFIX, sidecarPathFor, articlePathFor, isSidecarPath } from './paths';
export { parseSidecar, serializeSidecar, compareAnnotations, SidecarWriteError, type SerializeMeta } from './sidecar';
export { loadSidecar } from './quickRead';
export { mergeSidecars, reconcileSidecar, type SidecarState, type MergeConflict, type MergeOptions, type MergeResult, type ReconcileResult } from './merge';
export {
  reanchor,
  moveAnchor,
  targetFor,
  snapRange,
  splitsSurrogatePair,
  defaultMaxErrors,
  CONTEXT_LENGTH,
  type TextRange,
  type TextChange,
  type AnchorMethod,
  type Anchored,
  type Orphan,
  type AnchorResult,
  type ReanchorOptions,
} from './anchoring';
export { approxSearch, approxEnds, editDistance, type ApproxMatch, type ApproxSearchOptions } from './approxMatch';
