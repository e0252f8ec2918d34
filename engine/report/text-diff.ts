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

/** One word replaced by one similar word: show the characters that changed. */
function wordEdit(before: string, after: string): DiffPart[] | undefined {
  if (!WORD.test(before) || !WORD.test(after)) return undefined;
  const script = lcsScript([...before], [...after]);
  const same = script.filter((s) => s.kind === 'same').reduce((n, s) => n + s.items.length, 0);
  if (same * 2 < Math.max([...before].length, [...after].length)) return undefined;
  return script.map((s) => ({ kind: s.kind, text: s.items.join('') }));
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
  const runs = lcsScript(a, b);
  const parts: DiffPart[] = [];
  for (let k = 0; k < runs.length; k++) {
    const run = runs[k];
    const next = runs[k + 1];
    if (!run) break;
    const [before] = run.items;
    const [after] = next?.items ?? [];
    const single = run.items.length === 1 && next?.items.length === 1;
    const edit =
      run.kind === 'del' &&
      next?.kind === 'ins' &&
      single &&
      before !== undefined &&
      after !== undefined
        ? wordEdit(before, after)
        : undefined;
    if (edit) {
      parts.push(...edit);
      k++;
    } else parts.push({ kind: run.kind, text: run.items.join('') });
  }
  return merged(parts);
}
