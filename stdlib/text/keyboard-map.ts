/**
 * QWERTY neighbours computed from key geometry instead of a hand-typed table: each row has a
 * horizontal offset (in key widths) reflecting the physical stagger, and two keys are neighbours
 * when they sit in the same row one key apart, or in adjacent rows less than 1.5 keys apart.
 */
const ROWS: readonly { keys: string; shifted: string; offset: number }[] = [
  { keys: '`1234567890-=', shifted: '~!@#$%^&*()_+', offset: 0 },
  { keys: 'qwertyuiop[]\\', shifted: 'QWERTYUIOP{}|', offset: 1.5 },
  { keys: "asdfghjkl;'", shifted: 'ASDFGHJKL:"', offset: 1.75 },
  { keys: 'zxcvbnm,./', shifted: 'ZXCVBNM<>?', offset: 2.25 },
];

function buildNeighbours(): Map<string, string[]> {
  const map = new Map<string, string[]>();
  ROWS.forEach((row, r) => {
    [...row.keys].forEach((key, c) => {
      const x = row.offset + c;
      const near: string[] = [];
      ROWS.forEach((other, r2) => {
        if (Math.abs(r2 - r) > 1) return;
        [...other.keys].forEach((k2, c2) => {
          const dx = Math.abs(other.offset + c2 - x);
          if (k2 !== key && (r2 === r ? dx === 1 : dx < 1.5)) near.push(k2);
        });
      });
      map.set(key, near);
    });
  });
  return map;
}

const NEIGHBOURS = buildNeighbours();
const isLetter = (c: string): boolean => c.toLowerCase() !== c.toUpperCase();
const isDigit = (c: string): boolean => c >= '0' && c <= '9';

export interface KeyboardOptions {
  includeSpecialChar: boolean;
  includeNumeric: boolean;
  includeUpperCase: boolean;
}

const NONE: readonly string[] = Object.freeze([]);

function computeNeighbours(ch: string, opts: KeyboardOptions): readonly string[] {
  const base = NEIGHBOURS.get(ch.toLowerCase()) ?? [];
  const upper = ch !== ch.toLowerCase();
  const out = new Set<string>();
  for (const n of base) {
    if (isDigit(n) ? !opts.includeNumeric : !isLetter(n) && !opts.includeSpecialChar) continue;
    out.add(upper ? n.toUpperCase() : n);
    if (opts.includeUpperCase && isLetter(n)) out.add(upper ? n : n.toUpperCase());
  }
  return Object.freeze([...out].sort());
}

/**
 * The answers of `keyboardNeighbours`, per character and per combination of the three options (a
 * typo method asks once per character of every candidate word, so they are computed once). Only
 * the letters and digits of the layout, in both cases, have an entry: the cache stays small
 * whatever the input.
 */
const ANSWERS = new Map<string, (readonly string[] | undefined)[]>();
for (const key of NEIGHBOURS.keys())
  for (const ch of new Set([key, key.toUpperCase()]))
    if (isLetter(ch) || isDigit(ch)) ANSWERS.set(ch, []);

/**
 * Sorted neighbour characters of `ch` (letters and digits only; others have none). Letters keep
 * the source's case; with includeUpperCase both cases are offered (as nlpaug's KeyboardAug).
 * The array is shared: callers must not change it.
 */
export function keyboardNeighbours(ch: string, opts: KeyboardOptions): readonly string[] {
  const answers = ANSWERS.get(ch);
  if (!answers) {
    // Outside the layout's own characters; a few (e.g. the Kelvin sign) lower-case into it.
    if (!isLetter(ch) || !NEIGHBOURS.has(ch.toLowerCase())) return NONE;
    return computeNeighbours(ch, opts);
  }
  const slot =
    (opts.includeSpecialChar ? 1 : 0) |
    (opts.includeNumeric ? 2 : 0) |
    (opts.includeUpperCase ? 4 : 0);
  return (answers[slot] ??= computeNeighbours(ch, opts));
}
