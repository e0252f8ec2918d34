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

/**
 * Sorted neighbour characters of `ch` (letters and digits only; others have none). Letters keep
 * the source's case; with includeUpperCase both cases are offered (as nlpaug's KeyboardAug).
 */
export function keyboardNeighbours(ch: string, opts: KeyboardOptions): string[] {
  if (!isLetter(ch) && !isDigit(ch)) return [];
  const base = NEIGHBOURS.get(ch.toLowerCase());
  if (!base) return [];
  const upper = ch !== ch.toLowerCase();
  const out = new Set<string>();
  for (const n of base) {
    if (isDigit(n) ? !opts.includeNumeric : !isLetter(n) && !opts.includeSpecialChar) continue;
    out.add(upper ? n.toUpperCase() : n);
    if (opts.includeUpperCase && isLetter(n)) out.add(upper ? n : n.toUpperCase());
  }
  return [...out].sort();
}
