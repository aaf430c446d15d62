/** Several reviewers on one corpus: agreement, disagreements and curation (docs/contracts.md). */
export { LabelPairTable } from './cohen';
export { FleissKappa } from './fleiss';
export { NominalAlpha } from './krippendorff';
export { UnitizingAlpha, type MarkedUnit, type UnitizingResult, type CategoryUnitizing } from './unitizing';
export { matchSpans, type MatchableSpan, type SpanPair } from './match';
export { isCounted, type ReviewSpan, type ReviewedDocument } from './model';
export {
  curationOf,
  curationFields,
  originalKey,
  CURATION_DECISIONS,
  type Curation,
  type CurationOriginal,
  type CurationSource,
  type CurationDecisionKind,
} from './curationRecord';
export { reviewsByAuthor, reviewsOfSides, beforeCuration, NO_AUTHOR, type Side, type SidecarSource, type DocumentReviews } from './sources';
export { disagreementsOf, compareUnits, DISAGREEMENT_KINDS, type Disagreement, type DisagreementKind } from './disagreements';
export { curate, applyCuration, type CurationChoice, type CurationContext, type CurationResult } from './curation';
export {
  AgreementTally,
  afterCuration,
  computeAgreement,
  reviewersOf,
  type AgreementReport,
  type PairAgreement,
  type LabelAgreement,
  type DocumentAgreement,
  type SpanF1,
} from './report';
export { agreementCsv, AGREEMENT_CSV_COLUMNS } from './reportCsv';
export { collectByAuthor, collectAgainst, WORKSPACE_REVIEWER, type ArticleInput, type CollectedReviews } from './collect';
export { folderSidecars } from './folderSidecars';
