import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { charNgramStatistics } from '../../../engine/quality/char-ngrams.js';

/** Straightforward reference: substrings over code points, counted in Maps. */
function naive(ref: string, hyp: string, order: number) {
  const r = [...ref];
  const h = [...hyp];
  const out = { refTotal: [] as number[], hypTotal: [] as number[], matches: [] as number[] };
  for (let n = 1; n <= order; n++) {
    const grams = (cs: string[]) =>
      Array.from({ length: Math.max(0, cs.length - n + 1) }, (_, i) =>
        cs.slice(i, i + n).join('\u0000'),
      );
    const rg = grams(r);
    const hg = grams(h);
    if (rg.length === 0 || hg.length === 0) break;
    const counts = new Map<string, number>();
    for (const g of rg) counts.set(g, (counts.get(g) ?? 0) + 1);
    let matches = 0;
    for (const g of hg) {
      const c = counts.get(g) ?? 0;
      if (c > 0) {
        matches++;
        counts.set(g, c - 1);
      }
    }
    out.refTotal.push(rg.length);
    out.hypTotal.push(hg.length);
    out.matches.push(matches);
  }
  return out;
}

describe('charNgramStatistics', () => {
  it('agrees with a substring-counting reference (random texts, repeated calls)', () => {
    const text = fc.oneof(
      fc.string({ unit: fc.constantFrom('a', 'b', 'c', ' ', '😀'), maxLength: 40 }),
      fc.string({ unit: 'binary', maxLength: 40 }),
    );
    fc.assert(
      fc.property(text, text, fc.integer({ min: 1, max: 8 }), (a, b, order) => {
        expect(charNgramStatistics(a, b, order)).toEqual(naive(a, b, order));
      }),
      { numRuns: 500 },
    );
  });

  // What the filter sees: a variant is its original with a few edits, so long runs pair up.
  const edited = fc
    .tuple(
      fc.string({ unit: fc.constantFrom('a', 'b', 'c', 'd', ' ', 'é', '😀'), maxLength: 60 }),
      fc.array(
        fc.tuple(
          fc.nat(),
          fc.constantFrom('sub', 'ins', 'del', 'swap'),
          fc.string({ unit: fc.constantFrom('a', 'b', 'x', ' ', '😀'), maxLength: 4 }),
        ),
        { maxLength: 5 },
      ),
    )
    .map(([base, edits]) => {
      const cs = [...base];
      for (const [at, kind, text] of edits) {
        const i = cs.length === 0 ? 0 : at % cs.length;
        if (kind === 'sub') cs.splice(i, 1, ...text);
        else if (kind === 'ins') cs.splice(i, 0, ...text);
        else if (kind === 'del') cs.splice(i, text.length + 1);
        else if (i + 1 < cs.length) [cs[i], cs[i + 1]] = [cs[i + 1]!, cs[i]!];
      }
      return [base, cs.join('')] as const;
    });

  it('agrees with the reference on texts and edited copies of them, both ways round', () => {
    fc.assert(
      fc.property(edited, fc.integer({ min: 1, max: 8 }), ([a, b], order) => {
        expect(charNgramStatistics(a, b, order)).toEqual(naive(a, b, order));
        expect(charNgramStatistics(b, a, order)).toEqual(naive(b, a, order));
      }),
      { numRuns: 2000 },
    );
  });

  it('agrees on periodic texts, where runs can pair at the wrong offset', () => {
    for (const [a, b] of [
      ['abababababab', 'ababababab'],
      ['aaaaaaaaaa', 'aaaabaaaaa'],
      ['abcabcabcabc', 'abcabcxabcabc'],
      ['ab ab ab ab', 'ab  ab ab ab'],
    ] as const)
      for (let order = 1; order <= 7; order++) {
        expect(charNgramStatistics(a, b, order)).toEqual(naive(a, b, order));
        expect(charNgramStatistics(b, a, order)).toEqual(naive(b, a, order));
      }
  });

  it('agrees on a large alphabet that overflows the lookup table', () => {
    // ~3000 distinct symbols x ~3000 bigram ids exceeds the 2^22-entry table: the Map path.
    const wide = Array.from({ length: 3000 }, (_, i) => String.fromCodePoint(0x4e00 + i)).join('');
    const other = wide.slice(1000) + wide.slice(0, 1000);
    expect(charNgramStatistics(wide, other, 3)).toEqual(naive(wide, other, 3));
  });
});
