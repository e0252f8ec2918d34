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

  it('agrees on a large alphabet that overflows the lookup table', () => {
    // ~3000 distinct symbols x ~3000 bigram ids exceeds the 2^22-entry table: the Map path.
    const wide = Array.from({ length: 3000 }, (_, i) => String.fromCodePoint(0x4e00 + i)).join('');
    const other = wide.slice(1000) + wide.slice(0, 1000);
    expect(charNgramStatistics(wide, other, 3)).toEqual(naive(wide, other, 3));
  });
});
