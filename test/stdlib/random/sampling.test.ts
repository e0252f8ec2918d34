import { describe, expect, it } from 'vitest';
import { createRng } from '../../../stdlib/random/rng.js';
import { pick, sample, sampleIndices, shuffle } from '../../../stdlib/random/sampling.js';

const range = (n: number): number[] => Array.from({ length: n }, (_, i) => i);

describe('shuffle', () => {
  it('returns a permutation of its input, in place', () => {
    const items = range(20);
    const out = shuffle(createRng('s'), items);
    expect(out).toBe(items);
    expect([...out].sort((a, b) => a - b)).toEqual(range(20));
    expect(out).not.toEqual(range(20));
  });

  it('is deterministic', () => {
    expect(shuffle(createRng('s', 1), range(30))).toEqual(shuffle(createRng('s', 1), range(30)));
  });

  it('puts each element first about equally often', () => {
    const counts = new Array<number>(5).fill(0);
    const rng = createRng('s-uniform');
    for (let i = 0; i < 20_000; i++) counts[shuffle(rng, range(5))[0]!]!++;
    for (const c of counts) expect(Math.abs(c / 20_000 - 0.2)).toBeLessThan(0.02);
  });
});

describe('sampleIndices', () => {
  it('draws k distinct indices in range', () => {
    const out = sampleIndices(createRng('k'), 1_000_000, 50);
    expect(out).toHaveLength(50);
    expect(new Set(out).size).toBe(50);
    for (const i of out) expect(i >= 0 && i < 1_000_000 && Number.isInteger(i)).toBe(true);
  });

  it('is a partial Fisher-Yates over 0..n-1, whichever buffer holds the virtual array', () => {
    // The reference: swap positions i and j of a real array, for i = 0..k-1.
    const reference = (seed: string, n: number, k: number): number[] => {
      const rng = createRng(seed);
      const a = range(n);
      for (let i = 0; i < k; i++) {
        const j = i + rng.int(n - i);
        [a[i], a[j]] = [a[j]!, a[i]!];
      }
      return a.slice(0, k);
    };
    // n up to 4096 uses a reused buffer, larger n a Map: both must follow the reference, call
    // after call (the buffer is reset between calls).
    for (const [n, k] of [
      [1, 1],
      [7, 3],
      [50, 50],
      [4096, 300],
      [4097, 300],
      [20_000, 40],
    ] as const) {
      for (const seed of ['a', 'b', 'c'])
        expect(sampleIndices(createRng(seed), n, k)).toEqual(reference(seed, n, k));
    }
  });

  it('with k = n returns a permutation', () => {
    expect(sampleIndices(createRng('k'), 10, 10).sort((a, b) => a - b)).toEqual(range(10));
  });

  it('includes each index with probability k / n', () => {
    const counts = new Array<number>(10).fill(0);
    const rng = createRng('k-uniform');
    for (let i = 0; i < 10_000; i++) for (const j of sampleIndices(rng, 10, 3)) counts[j]!++;
    for (const c of counts) expect(Math.abs(c / 10_000 - 0.3)).toBeLessThan(0.02);
  });

  it('rejects k > n and negative k', () => {
    expect(() => sampleIndices(createRng('k'), 3, 4)).toThrow(RangeError);
    expect(() => sampleIndices(createRng('k'), 3, -1)).toThrow(RangeError);
  });
});

describe('sample and pick', () => {
  it('sample returns distinct elements of the list', () => {
    const items = ['a', 'b', 'c', 'd', 'e'];
    const out = sample(createRng('x'), items, 3);
    expect(new Set(out).size).toBe(3);
    for (const x of out) expect(items).toContain(x);
  });

  it('pick returns an element and throws on an empty list', () => {
    const items = ['a', 'b', 'c'];
    const seen = new Set<string>();
    const rng = createRng('p');
    for (let i = 0; i < 100; i++) seen.add(pick(rng, items));
    expect([...seen].sort()).toEqual(items);
    expect(() => pick(rng, [])).toThrow(RangeError);
  });
});
