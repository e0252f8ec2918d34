import { describe, expect, it } from 'vitest';
import { featureMask } from '../../../stdlib/tabular/feature-mask.js';
import { ctx, frozen, makeRows } from './fixtures.js';

const rows = frozen(makeRows({ a: 300, b: 200 }));

describe('feature_mask', () => {
  it('changes nothing with p_m = 0', () => {
    expect(featureMask.synthesize(rows, rows.length, { p_m: 0 }, ctx())).toEqual(rows);
  });

  it('masks about p_m of the cells (fill = mean)', () => {
    const out = featureMask.synthesize(rows, 2000, { p_m: 0.3, fill: 'mean' }, ctx());
    for (const f of ['x', 'y']) {
      const mean = rows.reduce((a, r) => a + Number(r[f]), 0) / rows.length;
      const masked = out.filter((r) => Math.abs(Number(r[f]) - mean) < 1e-12).length;
      expect(Math.abs(masked / out.length - 0.3)).toBeLessThan(0.03);
    }
  });

  it('draws masked cells from the column marginal (fill = marginal)', () => {
    const out = featureMask.synthesize(rows, 1000, { p_m: 1 }, ctx());
    for (const f of ['x', 'y']) {
      const values = new Set(rows.map((r) => r[f]));
      for (const r of out) expect(values.has(r[f])).toBe(true);
      // With p_m = 1 the cell comes from a random row, rarely the base row itself.
      const unchanged = out.filter((r, t) => r[f] === rows[t % rows.length]![f]).length;
      expect(unchanged / out.length).toBeLessThan(0.02);
    }
  });

  it('replaces x and y independently', () => {
    const out = featureMask.synthesize(rows, 4000, { p_m: 0.5, fill: 'mean' }, ctx('ind'));
    const meanX = rows.reduce((a, r) => a + Number(r.x), 0) / rows.length;
    const meanY = rows.reduce((a, r) => a + Number(r.y), 0) / rows.length;
    const both = out.filter((r) => r.x === meanX && r.y === meanY).length / out.length;
    expect(Math.abs(both - 0.25)).toBeLessThan(0.03);
  });
});
