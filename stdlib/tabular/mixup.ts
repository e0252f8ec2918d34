/**
 * mixup (Zhang et al. 2018): x = λ·x_i + (1 − λ)·x_j on the editable features, λ ~ Beta(α, α).
 * - Base row i is row t mod n for synthetic row t; its partner j is drawn uniformly from the
 *   other rows of its class (`same_class=true`, the default, when a label exists) or from all
 *   other rows. A base with no possible partner yields a copy.
 * - λ is folded to max(λ, 1 − λ), as MixMatch does, so the base row always dominates: the copied
 *   label and non-feature columns then belong to the row the result is closest to, and hard labels
 *   stay meaningful even with `same_class=false` (augc emits no soft labels).
 * - A feature missing (non-numeric) in either row keeps the base value.
 */
import type { TableMethod } from '../method.js';
import { beta } from '../random/distributions.js';
import { readParams } from '../text/params.js';
import { editableFeatures, groupByLabel, toNumber } from './table-stats.js';

export const mixup: TableMethod = {
  domain: 'tabular',
  name: 'mixup',
  synthesize(rows, count, params, ctx) {
    const p = readParams('mixup', params);
    const alpha = p.num('alpha');
    const features = editableFeatures(ctx);
    const pools = groupByLabel(rows, p.bool('same_class') ? ctx.label : undefined);
    const poolOf = new Map<number, number[]>();
    for (const pool of pools) for (const i of pool) poolOf.set(i, pool);
    const out = [];
    for (let t = 0; t < count && rows.length > 0; t++) {
      const i = t % rows.length;
      const pool = poolOf.get(i) ?? [i];
      const j = partner(pool, i, ctx.rng.int.bind(ctx.rng));
      const drawn = beta(ctx.rng, alpha, alpha);
      const lambda = Math.max(drawn, 1 - drawn);
      const row = { ...rows[i] };
      for (const f of features) {
        const x = toNumber(rows[i]?.[f]);
        const y = toNumber(rows[j]?.[f]);
        if (x !== null && y !== null) row[f] = lambda * x + (1 - lambda) * y;
      }
      out.push(row);
    }
    return out;
  },
};

/** A uniform draw from pool without i (i is in pool), or i when it is alone. */
function partner(pool: readonly number[], i: number, int: (n: number) => number): number {
  if (pool.length < 2) return i;
  const last = pool[pool.length - 1] ?? i;
  const j = pool[int(pool.length - 1)] ?? i;
  // Drawing from all but the last slot and mapping i onto the last slot keeps the draw uniform.
  return j === i ? last : j;
}
