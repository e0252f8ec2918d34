import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { chrf, chrfWith } from '../../../engine/quality/chrf.js';
import { levenshteinRatio } from '../../../engine/quality/levenshtein-ratio.js';
import { SIMILARITY_MEASURES } from '../../../engine/quality/measures.js';
import { tokenJaccard } from '../../../engine/quality/token-jaccard.js';

const SACREBLEU_DEFAULTS = { order: 6, beta: 2, whitespace: false, lowercase: false };

describe('chrf', () => {
  it('matches a hand computation for "abc" -> "abd"', () => {
    // n=1: ref {a,b,c}, hyp {a,b,d}: 2 matches, P1 = R1 = 2/3
    // n=2: ref {ab,bc}, hyp {ab,bd}: 1 match, P2 = R2 = 1/2
    // n=3: ref {abc}, hyp {abd}: 0 matches, P3 = R3 = 0; n = 4..6 have no n-grams (skipped)
    // P = R = (2/3 + 1/2 + 0) / 3 = 7/18, and F_beta with P = R is P itself: 7/18.
    expect(chrf('abc', 'abd')).toBeCloseTo(7 / 18, 12);
  });

  it('weighs recall over precision (beta = 2), so it is not symmetric', () => {
    // "ab" -> "abc": n=1 P=2/3 R=1; n=2 P=1/2 R=1; n=3 skipped (no ref 3-gram).
    // P = 7/12, R = 1, F = 5PR / (4P + R) = (35/12) / (40/12) = 7/8.
    expect(chrf('ab', 'abc')).toBeCloseTo(7 / 8, 12);
    // Swapped: P = 1, R = 7/12, F = (35/12) / (55/12) = 7/11.
    expect(chrf('abc', 'ab')).toBeCloseTo(7 / 11, 12);
  });

  it('keeps one normalised space as a character, unlike sacrebleu default', () => {
    // "a b" vs "ab": n=1 P=1 R=2/3; n=2 P=0 R=0; n=3 skipped. P=1/2, R=1/3, F=5/14.
    expect(chrf('a b', 'ab')).toBeCloseTo(5 / 14, 12);
    expect(chrfWith('a b', 'ab', SACREBLEU_DEFAULTS)).toBe(1);
  });

  it('reproduces the published sacrebleu sentence score (whitespace and case kept as sacrebleu)', () => {
    // From the Hugging Face chrF metric card, computed with sacrebleu: 61.576379378113785.
    const score = chrfWith(
      'The ties between Obama and Netanyahu are not particularly friendly.',
      'The relationship between Obama and Netanyahu is not exactly friendly.',
      SACREBLEU_DEFAULTS,
    );
    expect(score * 100).toBeCloseTo(61.576379378113785, 9);
  });

  it('ignores case and whitespace runs', () => {
    expect(chrf('Hello   World', ' hello world\n')).toBe(1);
  });

  it('scores empty texts: both empty 1, one empty 0', () => {
    expect(chrf('', '  ')).toBe(1);
    expect(chrf('abc', '')).toBe(0);
    expect(chrf('', 'abc')).toBe(0);
  });

  it('counts n-grams over code points, not UTF-16 units', () => {
    // One astral character each: n=1 only, 0 matches. With UTF-16 units the shared high
    // surrogate would give a spurious match.
    expect(chrf('😀', '😁')).toBe(0);
  });

  it('handles a large alphabet', () => {
    const wide = Array.from({ length: 500 }, (_, i) => String.fromCodePoint(0x4e00 + i)).join('');
    const edited = wide.slice(0, 250) + 'x' + wide.slice(251);
    const score = chrf(wide, edited);
    expect(score).toBeGreaterThan(0.9);
    expect(score).toBeLessThan(1);
  });

  it('is symmetric when beta = 1', () => {
    const opts = { order: 6, beta: 1, whitespace: true, lowercase: true };
    fc.assert(
      fc.property(fc.string(), fc.string(), (a, b) => {
        expect(chrfWith(a, b, opts)).toBeCloseTo(chrfWith(b, a, opts), 12);
      }),
    );
  });
});

describe('levenshteinRatio', () => {
  it('is 1 - lev / max(len)', () => {
    expect(levenshteinRatio('kitten', 'sitting')).toBeCloseTo(1 - 3 / 7, 12);
    expect(levenshteinRatio('abc', '')).toBe(0);
    expect(levenshteinRatio('', '')).toBe(1);
  });

  it('normalises case and whitespace', () => {
    expect(levenshteinRatio('A  b', 'a b')).toBe(1);
  });
});

describe('tokenJaccard', () => {
  it('is |A and B| / |A or B| over token sets', () => {
    expect(tokenJaccard('the cat sat', 'the cat ran')).toBeCloseTo(2 / 4, 12);
    expect(tokenJaccard('a a b', 'a b b')).toBe(1);
    expect(tokenJaccard('', '   ')).toBe(1);
    expect(tokenJaccard('x', '')).toBe(0);
  });

  it('scores any permutation 1 (why it is a poor band default)', () => {
    expect(tokenJaccard('the cat sat', 'sat the cat')).toBe(1);
  });
});

describe('every measure', () => {
  for (const [name, measure] of Object.entries(SIMILARITY_MEASURES)) {
    it(`${name}: stays in [0, 1]`, () => {
      fc.assert(
        fc.property(fc.string({ unit: 'grapheme' }), fc.string(), (a, b) => {
          const s = measure(a, b);
          expect(s >= 0 && s <= 1).toBe(true);
        }),
      );
    });

    it(`${name}: identical texts (up to spacing) score 1`, () => {
      fc.assert(
        fc.property(fc.string(), (a) => {
          expect(measure(a, a)).toBe(1);
          expect(measure(a, ` ${a}  `)).toBe(1);
        }),
      );
    });

    it(`${name}: a real edit scores below 1`, () => {
      expect(measure('the quick brown fox', 'the quick brown dog')).toBeLessThan(1);
    });
  }

  for (const name of ['levenshtein', 'jaccard'] as const) {
    it(`${name}: is symmetric`, () => {
      const measure = SIMILARITY_MEASURES[name];
      fc.assert(fc.property(fc.string(), fc.string(), (a, b) => measure(a, b) === measure(b, a)));
    });
  }
});
