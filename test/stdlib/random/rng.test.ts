import { describe, expect, it } from 'vitest';
import { createRng, fnv1a64, hashParts } from '../../../stdlib/random/rng.js';
import type { Rng } from '../../../stdlib/method.js';

function draws(rng: Rng, n: number): number[] {
  return Array.from({ length: n }, () => rng.next());
}

/** Independent reference: BigInt FNV-1a 64 over the documented framing, via TextEncoder. */
function referenceHash(parts: (string | number)[]): [number, number] {
  const bytes: number[] = [];
  for (const part of parts) {
    const utf8 = new TextEncoder().encode(String(part));
    bytes.push(typeof part === 'number' ? 2 : 1);
    for (let k = 0; k < 4; k++) bytes.push((utf8.length >>> (8 * k)) & 0xff);
    bytes.push(...utf8);
  }
  let h = 0xcbf29ce484222325n;
  for (const b of bytes) h = ((h ^ BigInt(b)) * 0x100000001b3n) & 0xffffffffffffffffn;
  return [Number(h >> 32n), Number(h & 0xffffffffn)];
}

/** Pearson chi-square statistic of observed counts against a uniform expectation. */
function chiSquare(counts: number[]): number {
  const total = counts.reduce((a, b) => a + b, 0);
  const expected = total / counts.length;
  return counts.reduce((acc, c) => acc + (c - expected) ** 2 / expected, 0);
}

describe('fnv1a64', () => {
  const hex = (s: string): string => {
    const [hi, lo] = fnv1a64(new TextEncoder().encode(s));
    return hi.toString(16).padStart(8, '0') + lo.toString(16).padStart(8, '0');
  };
  it('matches the published FNV-1a 64 test vectors', () => {
    expect(hex('')).toBe('cbf29ce484222325');
    expect(hex('a')).toBe('af63dc4c8601ec8c');
    expect(hex('foobar')).toBe('85944171f73967e8');
  });
});

describe('hashParts', () => {
  it.each([
    [[42, 'row-1', 'combo_3', 0, 'nlp_keyboard']],
    [['héllo wörld', '日本語', '😀x']],
    [['lone \ud800 surrogate', 'trail \udc00']],
    [[1.5, -0, 1e21, Number.NaN]],
    [[]],
  ])('matches a BigInt reference over TextEncoder bytes for %j', (parts) => {
    expect(hashParts(parts)).toEqual(referenceHash(parts));
  });

  it('handles a part longer than the scratch buffer', () => {
    const long = 'é'.repeat(5000);
    expect(hashParts(['x', long, 'y'])).toEqual(referenceHash(['x', long, 'y']));
  });
});

describe('createRng', () => {
  it('is deterministic for equal parts', () => {
    expect(draws(createRng(42, 'row-7', 'combo', 3), 50)).toEqual(
      draws(createRng(42, 'row-7', 'combo', 3), 50),
    );
  });

  it.each([
    [
      ['ab', 'c'],
      ['a', 'bc'],
    ],
    [[42], ['42']],
    [['a', ''], ['a']],
    [[''], []],
    [
      [1, 2],
      [2, 1],
    ],
    [['row-1'], ['row-2']],
  ])('separates %j from %j', (a, b) => {
    expect(draws(createRng(...a), 4)).not.toEqual(draws(createRng(...b), 4));
  });

  it('returns floats in [0, 1)', () => {
    const rng = createRng('range');
    for (let i = 0; i < 10_000; i++) {
      const x = rng.next();
      expect(x >= 0 && x < 1).toBe(true);
    }
  });

  it('is uniform within one stream (chi-square, 100 bins)', () => {
    const rng = createRng(42, 'uniformity');
    const counts = new Array<number>(100).fill(0);
    for (let i = 0; i < 100_000; i++) counts[Math.floor(rng.next() * 100)]!++;
    // df = 99: mean 99, sd 14; 200 is about 7 sd out, so only a broken generator exceeds it.
    expect(chiSquare(counts)).toBeLessThan(200);
  });

  it('is uniform across streams keyed by consecutive row ids (first draw)', () => {
    const counts = new Array<number>(50).fill(0);
    for (let i = 0; i < 50_000; i++) counts[Math.floor(createRng(42, `row-${i}`).next() * 50)]!++;
    // df = 49: mean 49, sd 10.
    expect(chiSquare(counts)).toBeLessThan(120);
  });

  it('int(n) stays in range and is an integer', () => {
    const rng = createRng('int-range');
    for (const n of [1, 2, 3, 7, 1000, 2 ** 32, 2 ** 40 + 3]) {
      for (let i = 0; i < 500; i++) {
        const v = rng.int(n);
        expect(Number.isInteger(v) && v >= 0 && v < n).toBe(true);
      }
    }
  });

  it('int(n) is unbiased for small n (chi-square)', () => {
    const rng = createRng('int-small');
    const counts = new Array<number>(7).fill(0);
    for (let i = 0; i < 70_000; i++) counts[rng.int(7)]!++;
    expect(chiSquare(counts)).toBeLessThan(30); // df = 6
  });

  it('int(n) has no modulo bias when n does not divide 2^32', () => {
    // With n = 3 * 2^30, a plain `u % n` puts half the mass below 2^30 instead of a third.
    const rng = createRng('int-bias');
    const n = 3 * 2 ** 30;
    let low = 0;
    const total = 30_000;
    for (let i = 0; i < total; i++) if (rng.int(n) < 2 ** 30) low++;
    expect(Math.abs(low / total - 1 / 3)).toBeLessThan(0.02);
  });

  it('int(n) rejects a non-positive or fractional n', () => {
    const rng = createRng('bad');
    expect(() => rng.int(0)).toThrow(RangeError);
    expect(() => rng.int(-1)).toThrow(RangeError);
    expect(() => rng.int(1.5)).toThrow(RangeError);
  });
});
