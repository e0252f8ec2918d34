import { normalizeForSimilarity } from './normalize.js';

/**
 * |A ∩ B| / |A ∪ B| over the sets of whitespace-separated tokens, lower-cased unless `caseSensitive` (punctuation stays
 * attached to its word). Symmetric, in [0, 1]; 1 when both texts have no tokens. Blind to word
 * order, so any permutation scores 1 (research note §e): a poor default for a band filter.
 */
export function tokenJaccard(a: string, b: string, caseSensitive = false): number {
  const x = tokenSet(a, caseSensitive);
  const y = tokenSet(b, caseSensitive);
  if (x.size === 0 && y.size === 0) return 1;
  let common = 0;
  for (const t of x) if (y.has(t)) common++;
  return common / (x.size + y.size - common);
}

function tokenSet(text: string, caseSensitive: boolean): Set<string> {
  const normalised = normalizeForSimilarity(text, caseSensitive);
  return new Set(normalised === '' ? [] : normalised.split(' '));
}
