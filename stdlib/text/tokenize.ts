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

/**
 * The tokens are the matches of this expression, read left to right. `tokenize` scans by hand
 * instead (it runs once per method and variant, and a regex match allocates an array each time);
 * the tests hold the two to the same answers on random Unicode text.
 */
export const TOKEN_RE = /[\p{L}\p{N}\p{M}_]+(?:['’-][\p{L}\p{N}\p{M}_]+)*|[^\s\p{L}\p{N}\p{M}_]/gu;
const WORD_CHAR = /^[\p{L}\p{N}\p{M}_]$/u;
const SPACE_CHAR = /^\s$/u;

const OTHER = 0;
const WORD = 1;
const SPACE = 2;
/** Class of each BMP code unit + 1 (0 = not looked up yet). */
const BMP_CLASS = new Uint8Array(0x10000);

function classOf(cp: number): number {
  if (cp < 0x80) {
    if ((cp >= 0x61 && cp <= 0x7a) || (cp >= 0x41 && cp <= 0x5a) || (cp >= 0x30 && cp <= 0x39))
      return WORD;
    if (cp === 0x5f) return WORD;
    return cp === 0x20 || (cp >= 0x09 && cp <= 0x0d) ? SPACE : OTHER;
  }
  const known = cp <= 0xffff ? (BMP_CLASS[cp] ?? 0) : 0;
  if (known !== 0) return known - 1;
  const ch = String.fromCodePoint(cp);
  const cls = WORD_CHAR.test(ch) ? WORD : SPACE_CHAR.test(ch) ? SPACE : OTHER;
  if (cp <= 0xffff) BMP_CLASS[cp] = cls + 1;
  return cls;
}

const isJoiner = (cp: number): boolean => cp === 0x27 || cp === 0x2019 || cp === 0x2d;
const width = (cp: number): number => (cp > 0xffff ? 2 : 1);

/** The end of the run of word characters starting at `i`. */
function wordRunEnd(text: string, i: number): number {
  while (i < text.length) {
    const cp = text.codePointAt(i) ?? 0;
    if (classOf(cp) !== WORD) break;
    i += width(cp);
  }
  return i;
}

export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const cp = text.codePointAt(i) ?? 0;
    const cls = classOf(cp);
    if (cls === SPACE) {
      i += width(cp);
      continue;
    }
    const start = i;
    if (cls === WORD) {
      i = wordRunEnd(text, i);
      // An inner apostrophe or hyphen joins two runs ("can't", "well-known").
      while (i + 1 < text.length && isJoiner(text.charCodeAt(i))) {
        const next = text.codePointAt(i + 1) ?? 0;
        if (classOf(next) !== WORD) break;
        i = wordRunEnd(text, i + 1);
      }
    } else i += width(cp);
    tokens.push({
      text: text.slice(start, i),
      start,
      end: i,
      kind: cls === WORD ? 'word' : 'punct',
    });
  }
  return tokens;
}

/**
 * Applies non-overlapping edits (any order). An edit that starts inside the previous one is
 * clipped; this only happens when two deletions claim the same whitespace.
 */
export function applyEdits(text: string, edits: readonly Edit[]): string {
  if (edits.length === 0) return text;
  const sorted = inOrder(edits) ? edits : [...edits].sort(byPosition);
  let out = '';
  let at = 0;
  for (const e of sorted) {
    const start = Math.max(e.start, at);
    out += text.slice(at, start) + e.replacement;
    at = Math.max(at, e.end);
  }
  return out + text.slice(at);
}

const byPosition = (a: Edit, b: Edit): number => a.start - b.start || a.end - b.end;

/** Whether the edits are already sorted (they usually come in text order). */
function inOrder(edits: readonly Edit[]): boolean {
  for (let i = 1; i < edits.length; i++) {
    const prev = edits[i - 1];
    const cur = edits[i];
    if (prev && cur && byPosition(prev, cur) > 0) return false;
  }
  return true;
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
