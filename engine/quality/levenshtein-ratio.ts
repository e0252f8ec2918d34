import { distance } from 'fastest-levenshtein';
import { normalizeForSimilarity } from './normalize.js';

/**
 * 1 − lev(a, b) / max(|a|, |b|) on whitespace-normalised text (lower-cased unless `caseSensitive`), with lengths and edits
 * in UTF-16 code units (what fastest-levenshtein counts). Symmetric, in [0, 1]; 1 when both
 * normalise to the same text (including both empty).
 */
export function levenshteinRatio(a: string, b: string, caseSensitive = false): number {
  const x = normalizeForSimilarity(a, caseSensitive);
  const y = normalizeForSimilarity(b, caseSensitive);
  const longest = Math.max(x.length, y.length);
  if (longest === 0) return 1;
  return 1 - distance(x, y) / longest;
}
