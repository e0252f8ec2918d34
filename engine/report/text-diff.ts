/**
 * What a variant changed in its original, for the report's samples: a diff over words (runs of
 * letters, digits and apostrophes), spaces and single punctuation marks, then, where one word
 * replaces another that shares most of its letters (a typo, a misspelling), a diff over the
 * characters of that word. Longest common subsequence by dynamic programming: sample texts are
 * short, and a text beyond `MAX_TOKENS` is shown as replaced whole.
 */

export type DiffPart = { kind: 'same' | 'del' | 'ins'; text: string };

const TOKEN = /\s+|[\p{L}\p{N}\p{M}_']+|[^\s\p{L}\p{N}\p{M}_']/gu;
const WORD = /^[\p{L}\p{N}\p{M}_']+$/u;
const MAX_TOKENS = 1500;

export function tokenize(text: string): string[] {
  return text.match(TOKEN) ?? [];
}

/** Edit script of `a` into `b` over sequences of comparable items, grouped into runs. */
function lcsScript<T>(a: readonly T[], b: readonly T[]): { kind: DiffPart['kind']; items: T[] }[] {
  const n = a.length;
  const m = b.length;
  // lengths[i][j]: LCS of a[i..] and b[j..], in one flat array.
  const lengths = new Uint32Array((n + 1) * (m + 1));
  const at = (i: number, j: number): number => lengths[i * (m + 1) + j] ?? 0;
  for (let i = n - 1; i >= 0; i--)
    for (let j = m - 1; j >= 0; j--)
      lengths[i * (m + 1) + j] =
        a[i] === b[j] ? at(i + 1, j + 1) + 1 : Math.max(at(i + 1, j), at(i, j + 1));
  const runs: { kind: DiffPart['kind']; items: T[] }[] = [];
  const push = (kind: DiffPart['kind'], item: T): void => {
    const last = runs.at(-1);
    if (last?.kind === kind) last.items.push(item);
    else runs.push({ kind, items: [item] });
  };
  let i = 0;
  let j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && a[i] === b[j]) {
      push('same', a[i++] as T);
      j++;
    } else if (i < n && (j === m || at(i + 1, j) >= at(i, j + 1))) push('del', a[i++] as T);
    else push('ins', b[j++] as T);
  }
  return runs;
}

function merged(parts: DiffPart[]): DiffPart[] {
  const out: DiffPart[] = [];
  for (const p of parts) {
    const last = out.at(-1);
    if (p.text === '') continue;
    if (last?.kind === p.kind) last.text += p.text;
    else out.push({ ...p });
  }
  return out;
}

/** Longest common prefix and suffix of two sequences (so an LCS tie never splits them). */
function trimCommon<T>(a: readonly T[], b: readonly T[]): { head: number; tail: number } {
  let head = 0;
  while (head < a.length && head < b.length && a[head] === b[head]) head++;
  let tail = 0;
  while (
    tail < a.length - head &&
    tail < b.length - head &&
    a[a.length - 1 - tail] === b[b.length - 1 - tail]
  )
    tail++;
  return { head, tail };
}

/** The edit script with the common prefix and suffix kept whole. */
function script<T>(a: readonly T[], b: readonly T[]): { kind: DiffPart['kind']; items: T[] }[] {
  const { head, tail } = trimCommon(a, b);
  const middle = lcsScript(a.slice(head, a.length - tail), b.slice(head, b.length - tail));
  return [
    { kind: 'same' as const, items: a.slice(0, head) },
    ...middle,
    { kind: 'same' as const, items: a.slice(a.length - tail) },
  ].filter((r) => r.items.length > 0);
}

/** Text a typo makes of a word: at most this long on either side for a character diff. */
const SHORT_EDIT = 40;

/**
 * Deleted text replaced by similar inserted text (a typo in a word, a word split by a stray
 * mark): show the characters that changed, when at least half of them did not.
 */
function charEdit(before: string, after: string): DiffPart[] | undefined {
  const a = [...before];
  const b = [...after];
  if (a.length > SHORT_EDIT || b.length > SHORT_EDIT || !WORD.test(a[0] ?? '')) return undefined;
  const edits = script(a, b);
  const same = edits.filter((e) => e.kind === 'same').reduce((n, e) => n + e.items.length, 0);
  if (same * 2 < Math.max(a.length, b.length)) return undefined;
  return edits.map((e) => ({ kind: e.kind, text: e.items.join('') }));
}

/** The variant as a sequence of unchanged, deleted and inserted text, in reading order. */
export function diffTexts(original: string, variant: string): DiffPart[] {
  const a = tokenize(original);
  const b = tokenize(variant);
  if (a.length > MAX_TOKENS || b.length > MAX_TOKENS) {
    return merged([
      { kind: 'del', text: original },
      { kind: 'ins', text: variant },
    ]);
  }
  const runs = script(a, b);
  const parts: DiffPart[] = [];
  for (let k = 0; k < runs.length; k++) {
    const run = runs[k];
    const next = runs[k + 1];
    if (!run) break;
    const edit =
      run.kind === 'del' && next?.kind === 'ins'
        ? charEdit(run.items.join(''), next.items.join(''))
        : undefined;
    if (edit) {
      parts.push(...edit);
      k++;
    } else parts.push({ kind: run.kind, text: run.items.join('') });
  }
  return merged(parts);
}
