/**
 * bootstrap, following imbalanced-learn's `RandomOverSampler` (research note §b5):
 * - `count` is split over classes as for smote (deficit to the majority, or class sizes when
 *   balanced; one class without a label). Each class's share is drawn uniformly with
 *   replacement from its rows and copied.
 * - `shrinkage = s > 0` gives the smoothed bootstrap: each editable feature j gets
 *   N(0, (s · h · σ_j)²) with h = (4 / ((d + 2) · n))^(1 / (d + 4)), n the total row count, d the
 *   number of editable features and σ_j the class's population standard deviation. As in
 *   imbalanced-learn the result is not clipped. Non-numeric cells are copied unchanged.
 */
import type { TableMethod, TableRow, TableContext } from '../method.js';
import { gaussian } from '../random/distributions.js';
import { readParams } from '../text/params.js';
import {
  allocateByDeficit,
  columnStats,
  editableFeatures,
  groupByLabel,
  toNumber,
} from './table-stats.js';

export const bootstrap: TableMethod = {
  domain: 'tabular',
  name: 'bootstrap',
  synthesize(rows, count, params, ctx) {
    const shrinkage = readParams('bootstrap', params).num('shrinkage');
    const features = editableFeatures(ctx);
    const classes = groupByLabel(rows, ctx.label);
    const shares = allocateByDeficit(count, classes);
    const d = features.length;
    const h = (4 / ((d + 2) * rows.length)) ** (1 / (d + 4));
    return classes.flatMap((members, c) =>
      resampleClass(rows, members, shares[c] ?? 0, shrinkage * h, features, ctx),
    );
  },
};

function resampleClass(
  rows: readonly TableRow[],
  members: readonly number[],
  share: number,
  scale: number,
  features: readonly string[],
  ctx: TableContext,
): TableRow[] {
  const sds = scale > 0 ? features.map((f) => columnStats(rows, f, members)?.sd ?? 0) : [];
  const out: TableRow[] = [];
  for (let t = 0; t < share; t++) {
    const base = rows[members[ctx.rng.int(members.length)] ?? 0] ?? {};
    const row = { ...base };
    if (scale > 0) {
      features.forEach((f, j) => {
        const noise = gaussian(ctx.rng, 0, scale * (sds[j] ?? 0));
        const x = toNumber(base[f]);
        if (x !== null) row[f] = x + noise;
      });
    }
    out.push(row);
  }
  return out;
}
