import { describe, expect, it } from 'vitest';
import { beta, gamma, gaussian } from '../../../stdlib/random/distributions.js';
import { createRng } from '../../../stdlib/random/rng.js';

function moments(xs: number[]): { mean: number; variance: number } {
  const mean = xs.reduce((a, b) => a + b, 0) / xs.length;
  const variance = xs.reduce((a, x) => a + (x - mean) ** 2, 0) / (xs.length - 1);
  return { mean, variance };
}

function drawMany(n: number, f: () => number): number[] {
  return Array.from({ length: n }, f);
}

describe('gaussian', () => {
  it('has the requested mean and sd', () => {
    const rng = createRng('g');
    const { mean, variance } = moments(drawMany(50_000, () => gaussian(rng, 3, 2)));
    expect(Math.abs(mean - 3)).toBeLessThan(0.05);
    expect(Math.abs(Math.sqrt(variance) - 2)).toBeLessThan(0.05);
  });

  it('puts about 68.3% of the mass within one sd', () => {
    const rng = createRng('g68');
    const xs = drawMany(50_000, () => gaussian(rng));
    expect(Math.abs(xs.filter((x) => Math.abs(x) < 1).length / xs.length - 0.6827)).toBeLessThan(
      0.01,
    );
  });
});

describe('gamma', () => {
  it.each([
    [0.3, 1],
    [1, 2],
    [4.5, 0.5],
  ])('Gamma(%f, %f) has mean k*theta and variance k*theta^2', (shape, scale) => {
    const rng = createRng('gamma', shape);
    const { mean, variance } = moments(drawMany(50_000, () => gamma(rng, shape, scale)));
    expect(Math.abs(mean / (shape * scale) - 1)).toBeLessThan(0.04);
    expect(Math.abs(variance / (shape * scale * scale) - 1)).toBeLessThan(0.1);
  });

  it('rejects a non-positive shape', () => {
    expect(() => gamma(createRng('x'), 0)).toThrow(RangeError);
  });
});

describe('beta', () => {
  it.each([
    [0.2, 0.2],
    [2, 5],
    [1, 1],
  ])('Beta(%f, %f) has mean a/(a+b) and the right variance', (a, b) => {
    const rng = createRng('beta', a, b);
    const xs = drawMany(50_000, () => beta(rng, a, b));
    for (const x of xs) expect(x >= 0 && x <= 1).toBe(true);
    const { mean, variance } = moments(xs);
    const expectedVar = (a * b) / ((a + b) ** 2 * (a + b + 1));
    expect(Math.abs(mean - a / (a + b))).toBeLessThan(0.01);
    expect(Math.abs(variance / expectedVar - 1)).toBeLessThan(0.05);
  });

  it('stays finite for a tiny alpha where U^(1/alpha) underflows', () => {
    const rng = createRng('tiny');
    const xs = drawMany(2_000, () => beta(rng, 0.005, 0.005));
    for (const x of xs) expect(Number.isFinite(x) && x >= 0 && x <= 1).toBe(true);
    // Beta(0.005, 0.005) is almost all mass at the ends, split evenly.
    const high = xs.filter((x) => x > 0.5).length / xs.length;
    expect(Math.abs(high - 0.5)).toBeLessThan(0.05);
  });
});
