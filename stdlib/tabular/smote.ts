/**
 * smote, following imbalanced-learn's `BaseSMOTE._make_samples` (research note §b5):
 * - Without `sampling_strategy` (the default), `count` (rows x variants) is split over classes
 *   in proportion to their deficit to the majority class (the `sampling_strategy='auto'` shape;
 *   see allocateByDeficit), or by class size when balanced.
 * - With `sampling_strategy`, each variant adds the rows imbalanced-learn's strategy asks for
 *   (see sampling-strategy.ts), variant by variant: `variants = 2` is two resamplings.
 * - Without a label column all rows form one class.
 * - Within a class of n rows, k' = min(k_neighbors, n − 1) nearest same-class neighbours by
 *   Euclidean distance over the editable features (brute force, ties by row order; no scaling,
 *   as imbalanced-learn). A (sample, neighbour) pair is drawn uniformly from the n × k' pairs,
 *   step ~ U[0, 1), and x_new = x_i + step · (x_nn − x_i).
 * - Missing (non-numeric) cells: distances use the dimensions both rows have; a dimension missing
 *   in either row keeps the sample's value.
 * - A class with fewer than 2 rows has no neighbour: its share is exact copies of its row
 *   (imbalanced-learn would raise instead).
 * Everything other than the features (label, ids, protected columns) is copied from x_i.
 */
import type { Rng, TableMethod, TableRow } from '../method.js';
import { readParams } from '../text/params.js';
import { rowsPerClass, type SamplingStrategy } from './sampling-strategy.js';
import { allocateByDeficit, editableFeatures, groupByLabel, toNumber } from './table-stats.js';

type Vector = (number | null)[];

export const smote: TableMethod = {
  domain: 'tabular',
  name: 'smote',
  synthesize(rows, count, params, ctx) {
    const k = Math.max(1, Math.floor(readParams('smote', params).num('k_neighbors')));
    const features = editableFeatures(ctx);
    const classes = groupByLabel(rows, ctx.label);
    const strategy = params.sampling_strategy as SamplingStrategy | null | undefined;
    if (strategy === null || strategy === undefined) {
      const shares = allocateByDeficit(count, classes);
      return classes.flatMap((members, c) =>
        smoteClass(rows, members, shares[c] ?? 0, k, features, ctx.rng),
      );
    }
    const labels = classes.map((m) =>
      ctx.label === undefined ? null : (rows[m[0] ?? 0]?.[ctx.label] ?? null),
    );
    const perVariant = rowsPerClass(
      strategy,
      labels,
      classes.map((m) => m.length),
    );
    const variants = Math.max(1, Math.round(count / Math.max(1, rows.length)));
    const made = classes.map((members, c) =>
      smoteClass(rows, members, (perVariant[c] ?? 0) * variants, k, features, ctx.rng),
    );
    return variantMajor(made, perVariant, variants);
  },
};

/** Reorders per-class rows so that variant v's rows (its share of every class) come v-th. */
function variantMajor(made: TableRow[][], perVariant: number[], variants: number): TableRow[] {
  const out: TableRow[] = [];
  for (let v = 0; v < variants; v++)
    made.forEach((rows, c) => {
      const n = perVariant[c] ?? 0;
      out.push(...rows.slice(v * n, (v + 1) * n));
    });
  return out;
}

function smoteClass(
  rows: readonly TableRow[],
  members: readonly number[],
  share: number,
  k: number,
  features: readonly string[],
  rng: Rng,
): TableRow[] {
  const out: TableRow[] = [];
  if (members.length < 2) {
    for (let t = 0; t < share; t++) out.push({ ...rows[members[t % members.length] ?? 0] });
    return out;
  }
  const vectors = members.map((i) => features.map((f) => toNumber(rows[i]?.[f])));
  const kk = Math.min(k, members.length - 1);
  const neighbours: (number[] | undefined)[] = [];
  for (let t = 0; t < share; t++) {
    const pair = rng.int(members.length * kk);
    const a = Math.floor(pair / kk);
    neighbours[a] ??= nearest(vectors, a, kk);
    const b = neighbours[a][pair % kk] ?? a;
    const step = rng.next();
    const row: TableRow = { ...rows[members[a] ?? 0] };
    features.forEach((f, d) => {
      const x = vectors[a]?.[d];
      const y = vectors[b]?.[d];
      if (x != null && y != null) row[f] = x + step * (y - x);
    });
    out.push(row);
  }
  return out;
}

/** Positions of the k vectors nearest to vectors[a] (excluding a), nearest first. */
function nearest(vectors: readonly Vector[], a: number, k: number): number[] {
  const from = vectors[a] ?? [];
  const scored: { i: number; d: number }[] = [];
  vectors.forEach((v, i) => {
    if (i !== a) scored.push({ i, d: squaredDistance(from, v) });
  });
  scored.sort((x, y) => x.d - y.d || x.i - y.i);
  return scored.slice(0, k).map((s) => s.i);
}

function squaredDistance(x: Vector, y: Vector): number {
  let sum = 0;
  for (let d = 0; d < x.length; d++) {
    const a = x[d];
    const b = y[d];
    if (a != null && b != null) sum += (a - b) * (a - b);
  }
  return sum;
}
