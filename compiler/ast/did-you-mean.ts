/**
 * Optimal-string-alignment distance (Damerau-Levenshtein with adjacent transpositions counted as
 * one edit), so `tpyo` is one edit from `typo`.
 */
export function editDistance(a: string, b: string): number {
  const rows = a.length + 1;
  const cols = b.length + 1;
  const d: number[] = new Array<number>(rows * cols).fill(0);
  const at = (i: number, j: number): number => d[i * cols + j] ?? 0;
  for (let i = 0; i < rows; i++) d[i * cols] = i;
  for (let j = 0; j < cols; j++) d[j] = j;
  for (let i = 1; i < rows; i++) {
    for (let j = 1; j < cols; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(at(i - 1, j) + 1, at(i, j - 1) + 1, at(i - 1, j - 1) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        best = Math.min(best, at(i - 2, j - 2) + 1);
      }
      d[i * cols + j] = best;
    }
  }
  return at(a.length, b.length);
}

/**
 * Candidates close to `input`, best first (at most `limit`). Like graphql-js's suggestionList:
 * the threshold grows with the length of the input, and case differences are nearly free.
 */
export function suggest(input: string, candidates: Iterable<string>, limit = 3): string[] {
  const threshold = Math.max(1, Math.floor(input.length * 0.4));
  const lower = input.toLowerCase();
  const scored: { name: string; score: number }[] = [];
  for (const name of new Set(candidates)) {
    if (name === input) continue;
    const score = name.toLowerCase() === lower ? 0.5 : editDistance(lower, name.toLowerCase());
    if (score <= threshold) scored.push({ name, score });
  }
  scored.sort((x, y) => x.score - y.score || x.name.localeCompare(y.name));
  return scored.slice(0, limit).map((s) => s.name);
}

/** "did you mean `a`?" / "did you mean `a` or `b`?", or undefined when nothing is close. */
export function didYouMean(input: string, candidates: Iterable<string>): string | undefined {
  const names = suggest(input, candidates).map((s) => `\`${s}\``);
  if (names.length === 0) return undefined;
  const last = names.pop() ?? '';
  return `did you mean ${names.length > 0 ? `${names.join(', ')} or ${last}` : last}?`;
}
