/**
 * A lossless tokenizer: tokens keep their character offsets, and methods rewrite only the spans
 * they change (nlpaug's split-and-rejoin detokenisation alters untouched text, research note §b1).
 */
export interface Token {
  text: string;
  start: number;
  end: number;
  /** Words are letters/digits with inner apostrophes or hyphens ("can't", "well-known"). */
  kind: 'word' | 'punct';
}

export interface Edit {
  start: number;
  end: number;
  replacement: string;
}

const TOKEN_RE = /[\p{L}\p{N}\p{M}_]+(?:['’-][\p{L}\p{N}\p{M}_]+)*|[^\s\p{L}\p{N}\p{M}_]/gu;

export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  for (const m of text.matchAll(TOKEN_RE)) {
    const start = m.index;
    const word = m[0];
    tokens.push({
      text: word,
      start,
      end: start + word.length,
      kind: /[\p{L}\p{N}\p{M}_]/u.test(word) ? 'word' : 'punct',
    });
  }
  return tokens;
}

/**
 * Applies non-overlapping edits (any order). An edit that starts inside the previous one is
 * clipped; this only happens when two deletions claim the same whitespace.
 */
export function applyEdits(text: string, edits: readonly Edit[]): string {
  const sorted = [...edits].sort((a, b) => a.start - b.start || a.end - b.end);
  let out = '';
  let at = 0;
  for (const e of sorted) {
    const start = Math.max(e.start, at);
    out += text.slice(at, start) + e.replacement;
    at = Math.max(at, e.end);
  }
  return out + text.slice(at);
}

/** An edit that removes a token with the whitespace after it (or before it, at a line or text end). */
export function deletionEdit(text: string, start: number, end: number): Edit {
  let after = end;
  while (after < text.length && /[ \t]/.test(text.charAt(after))) after++;
  if (after > end && after < text.length && !/[\r\n]/.test(text.charAt(after))) {
    return { start, end: after, replacement: '' };
  }
  let before = start;
  while (before > 0 && /[ \t]/.test(text.charAt(before - 1))) before--;
  return { start: before, end, replacement: '' };
}

/** Deletion edits for several spans; spans separated only by spaces are removed as one run. */
export function deletionEdits(
  text: string,
  spans: readonly { start: number; end: number }[],
): Edit[] {
  const sorted = [...spans].sort((a, b) => a.start - b.start);
  const runs: { start: number; end: number }[] = [];
  for (const span of sorted) {
    const last = runs[runs.length - 1];
    if (last && /^[ \t]*$/.test(text.slice(last.end, span.start)))
      last.end = Math.max(last.end, span.end);
    else runs.push({ ...span });
  }
  return runs.map((r) => deletionEdit(text, r.start, r.end));
}

/** Gives `replacement` the case pattern of `source`: ALL CAPS, Capitalised, or as is. */
export function matchCase(source: string, replacement: string): string {
  const letters = source.replace(/[^\p{L}]/gu, '');
  if (
    letters.length > 1 &&
    letters === letters.toUpperCase() &&
    letters !== letters.toLowerCase()
  ) {
    return replacement.toUpperCase();
  }
  const first = source.charAt(0);
  if (first !== first.toLowerCase())
    return replacement.charAt(0).toUpperCase() + replacement.slice(1);
  return replacement;
}
