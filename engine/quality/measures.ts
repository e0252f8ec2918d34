import { chrf } from './chrf.js';
import { levenshteinRatio } from './levenshtein-ratio.js';
import { tokenJaccard } from './token-jaccard.js';

/** The plan's `quality.measure` values (compiler/plan/types.ts). */
export type SimilarityMeasureName = 'chrf' | 'levenshtein' | 'jaccard';

/**
 * similarity(original, variant) in [0, 1]; 1 means "the same text". Case is ignored unless
 * `caseSensitive` (`quality { case_sensitive = true }`).
 */
export type SimilarityFn = (original: string, variant: string, caseSensitive?: boolean) => number;

export const SIMILARITY_MEASURES: Readonly<Record<SimilarityMeasureName, SimilarityFn>> = {
  chrf,
  levenshtein: levenshteinRatio,
  jaccard: tokenJaccard,
};
