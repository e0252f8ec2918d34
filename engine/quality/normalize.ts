/**
 * Text normalisation shared by the quality measures and the unchanged/duplicate checks, so that a
 * variant differing only in spacing is never counted as new text.
 */

/** Whitespace that normalisation would change: a run, a non-space, or at either end. */
const IRREGULAR_WHITESPACE = /\s\s|[^\S ]|^\s|\s$/;

/** Trims and collapses every run of Unicode whitespace (JS `\s`) to one ASCII space. */
export function normalizeWhitespace(text: string): string {
  // Most texts are already normal: testing is cheaper than rebuilding them.
  return IRREGULAR_WHITESPACE.test(text) ? text.replace(/\s+/g, ' ').trim() : text;
}

/**
 * What the similarity measures compare: whitespace-normalised and, unless `caseSensitive`,
 * lower-cased (locale-independent `toLowerCase`). No Unicode normalisation (NFC/NFKC) is applied:
 * a composed and a decomposed `é` are different characters.
 */
export function normalizeForSimilarity(text: string, caseSensitive = false): string {
  const spaced = normalizeWhitespace(text);
  return caseSensitive ? spaced : spaced.toLowerCase();
}
