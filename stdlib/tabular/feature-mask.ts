/**
 * feature_mask, VIME's mask-and-replace (Yoon et al. 2020; research note §b5): each editable
 * feature of the base row (row t mod n for synthetic row t) is masked with probability p_m,
 * m_j ~ Bernoulli(p_m), and a masked cell is replaced by
 * - `fill=marginal` (default): a uniform draw from that column's non-empty cells over all rows
 *   given, i.e. its empirical marginal (VIME's shuffled column); it may equal the old value;
 * - `fill=mean`: the column's numeric mean (left unchanged when the column has no numbers).
 * One mask draw per feature is made whatever the outcome, so streams stay aligned across rows.
 */
import type { CellValue, TableMethod, TableRow } from '../method.js';
import { readParams } from '../text/params.js';
import { columnStats, editableFeatures } from './table-stats.js';

export const featureMask: TableMethod = {
  domain: 'tabular',
  name: 'feature_mask',
  synthesize(rows, count, params, ctx) {
    const p = readParams('feature_mask', params);
    const pM = p.num('p_m');
    const byMean = p.str('fill') === 'mean';
    const columns = editableFeatures(ctx).map((column) => ({
      column,
      values: byMean ? [] : marginal(rows, column),
      mean: byMean ? (columnStats(rows, column)?.mean ?? null) : null,
    }));
    const out = [];
    for (let t = 0; t < count && rows.length > 0; t++) {
      const row = { ...rows[t % rows.length] };
      for (const c of columns) {
        if (ctx.rng.next() >= pM) continue;
        if (byMean) {
          if (c.mean !== null) row[c.column] = c.mean;
        } else if (c.values.length > 0) {
          row[c.column] = c.values[ctx.rng.int(c.values.length)] ?? null;
        }
      }
      out.push(row);
    }
    return out;
  },
};

function marginal(rows: readonly TableRow[], column: string): CellValue[] {
  const values: CellValue[] = [];
  for (const row of rows) {
    const v = row[column];
    if (v !== null && v !== undefined && v !== '') values.push(v);
  }
  return values;
}
