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

/** Whitespace-normalised and lower-cased (locale-independent `toLowerCase`). */
export function normalizeForSimilarity(text: string): string {
  return normalizeWhitespace(text).toLowerCase();
}
