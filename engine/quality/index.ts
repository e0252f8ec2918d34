export { chrf, chrfWith, AUGC_CHRF, type ChrfOptions } from './chrf.js';
export { levenshteinRatio } from './levenshtein-ratio.js';
export { tokenJaccard } from './token-jaccard.js';
export { normalizeWhitespace, normalizeForSimilarity } from './normalize.js';
export { SIMILARITY_MEASURES, type SimilarityFn, type SimilarityMeasureName } from './measures.js';
export {
  createQualityFilter,
  emptyQualityCounts,
  addQualityCounts,
  DROP_REASONS,
  SIMILARITY_BINS,
  similarityBin,
  type DropReason,
  type QualityCounts,
  type QualityDecision,
  type QualityFilter,
  type QualityFilterOptions,
  type RowQualityScope,
} from './quality-filter.js';
