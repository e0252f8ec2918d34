import { describe, expect, it } from 'vitest';
import { bootstrap } from '../../../stdlib/tabular/bootstrap.js';
import { byId, ctx, frozen, makeRows, sd } from './fixtures.js';

describe('bootstrap', () => {
  const rows = frozen(makeRows({ a: 40, b: 10, c: 25 }));

  it('copies rows of each class exactly with shrinkage = 0, by deficit', () => {
    const index = byId(rows);
    const out = bootstrap.synthesize(rows, 45, {}, ctx());
    for (const r of out) expect(r).toEqual(index.get(String(r.id)));
    // Deficits: a 0, b 30, c 15.
    expect(out.filter((r) => r.label === 'b')).toHaveLength(30);
    expect(out.filter((r) => r.label === 'c')).toHaveLength(15);
  });

  it('draws rows with replacement, roughly uniformly', () => {
    const balanced = frozen(makeRows({ a: 10 }));
    const out = bootstrap.synthesize(balanced, 5000, {}, ctx('uniform'));
    const counts = new Map<unknown, number>();
    for (const r of out) counts.set(r.id, (counts.get(r.id) ?? 0) + 1);
    expect(counts.size).toBe(10);
    for (const c of counts.values()) expect(Math.abs(c / 5000 - 0.1)).toBeLessThan(0.02);
  });

  it('adds N(0, (s h sd_j)^2) with shrinkage s (smoothed bootstrap)', () => {
    const big = frozen(makeRows({ a: 3000 }));
    const index = byId(big);
    const s = 2;
    const out = bootstrap.synthesize(big, 3000, { shrinkage: s }, ctx('smooth'));
    // d = 2 editable features (z is protected), n = 3000 rows.
    const h = (4 / (4 * 3000)) ** (1 / 6);
    for (const f of ['x', 'y']) {
      const diffs = out.map((r) => Number(r[f]) - Number(index.get(String(r.id))![f]));
      const target = s * h * sd(big.map((r) => Number(r[f])));
      expect(Math.abs(sd(diffs) / target - 1)).toBeLessThan(0.1);
    }
  });
});
