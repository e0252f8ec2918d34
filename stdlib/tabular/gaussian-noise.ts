/**
 * gaussian_noise: x' = x + N(0, (sigma · sd_j)²) on each perturbed column j, clipped to the
 * column's observed [min, max] (research note, tabular row 23). sd_j is the population standard
 * deviation over the rows given. Synthetic row t is built from base row t mod n, so `count` =
 * n × variants gives each row its variants in order. Non-numeric cells are copied unchanged.
 */
import type { TableMethod } from '../method.js';
import { gaussian } from '../random/distributions.js';
import { readParams } from '../text/params.js';
import { columnStats, editableFeatures, lockedColumns, toNumber } from './table-stats.js';

export const gaussianNoise: TableMethod = {
  domain: 'tabular',
  name: 'gaussian_noise',
  synthesize(rows, count, params, ctx) {
    const p = readParams('gaussian_noise', params);
    const sigma = p.num('sigma');
    const listed = p.list('columns');
    const locked = lockedColumns(ctx);
    // `columns` narrows (or names) the perturbed columns; protected ones and the label never move.
    const columns =
      listed.length > 0 ? listed.filter((c) => !locked.has(c)) : editableFeatures(ctx);
    const stats = columns.flatMap((c) => {
      const s = columnStats(rows, c);
      return s ? [{ column: c, ...s }] : [];
    });
    const out = [];
    for (let t = 0; t < count && rows.length > 0; t++) {
      const base = rows[t % rows.length] ?? {};
      const row = { ...base };
      for (const s of stats) {
        const noise = gaussian(ctx.rng, 0, sigma * s.sd);
        const x = toNumber(base[s.column]);
        if (x !== null) row[s.column] = Math.min(s.max, Math.max(s.min, x + noise));
      }
      out.push(row);
    }
    return out;
  },
};
