/**
 * Text normalisation shared by the quality measures and the unchanged/duplicate checks, so that a
 * variant differing only in spacing is never counted as new text.
 */

/** Trims and collapses every run of Unicode whitespace (JS `\s`) to one ASCII space. */
export function normalizeWhitespace(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** Whitespace-normalised and lower-cased (locale-independent `toLowerCase`). */
export function normalizeForSimilarity(text: string): string {
  return normalizeWhitespace(text).toLowerCase();
}
