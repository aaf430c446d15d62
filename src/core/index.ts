export * from './types';
export { analyze, publicationDate, type AnalyzeOptions } from './analyze';
export { documentOwnDate } from './publicationDate';
export { decodeArticle, type DecodedArticle } from './decode';
export { isArticlePath, DEFAULT_INCLUDE, DEFAULT_EXCLUDE } from './articleFiles';
