import { describe, expect, it } from 'vitest';
import { gaussianNoise } from '../../../stdlib/tabular/gaussian-noise.js';
import { byId, ctx, frozen, makeRows, sd } from './fixtures.js';

const rows = frozen(makeRows({ a: 2000 }));
const column = (f: string) => rows.map((r) => Number(r[f]));

describe('gaussian_noise', () => {
  it('adds noise with sd sigma * sd_j and mean 0', () => {
    const out = gaussianNoise.synthesize(rows, rows.length, { sigma: 0.1 }, ctx());
    for (const f of ['x', 'y']) {
      const diffs = out.map((r, t) => Number(r[f]) - Number(rows[t]![f]));
      const target = 0.1 * sd(column(f));
      expect(Math.abs(sd(diffs) / target - 1)).toBeLessThan(0.1);
      expect(Math.abs(diffs.reduce((a, b) => a + b, 0) / diffs.length)).toBeLessThan(target / 10);
    }
  });

  it('clips to the observed range', () => {
    const out = gaussianNoise.synthesize(rows, rows.length, { sigma: 2 }, ctx());
    for (const f of ['x', 'y']) {
      const lo = Math.min(...column(f));
      const hi = Math.max(...column(f));
      const values = out.map((r) => Number(r[f]));
      expect(Math.min(...values)).toBe(lo); // sigma = 2 sd certainly hits both ends
      expect(Math.max(...values)).toBe(hi);
    }
  });

  it('builds row t from base row t mod n', () => {
    const small = rows.slice(0, 5);
    const out = gaussianNoise.synthesize(small, 12, {}, ctx());
    expect(out.map((r) => r.id)).toEqual(Array.from({ length: 12 }, (_, t) => small[t % 5]!.id));
  });

  it('perturbs only the listed columns, and never a protected one', () => {
    const index = byId(rows);
    const out = gaussianNoise.synthesize(rows, 50, { sigma: 0.5, columns: ['y', 'z'] }, ctx());
    for (const r of out) {
      const base = index.get(String(r.id))!;
      expect(r.x).toBe(base.x);
      expect(r.z).toBe(base.z);
    }
    expect(out.some((r) => r.y !== index.get(String(r.id))!.y)).toBe(true);
  });

  it('changes nothing with sigma = 0', () => {
    expect(gaussianNoise.synthesize(rows, 10, { sigma: 0 }, ctx())).toEqual(rows.slice(0, 10));
  });
});
