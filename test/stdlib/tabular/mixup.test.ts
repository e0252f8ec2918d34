import { describe, expect, it } from 'vitest';
import type { TableRow } from '../../../stdlib/method.js';
import { mixup } from '../../../stdlib/tabular/mixup.js';
import { ctx, frozen, makeRows } from './fixtures.js';

const rows = frozen(makeRows({ a: 20, b: 20 }));

/** λ with out = λ·base + (1 − λ)·other on x and y, or null when they disagree. */
function lambdaOf(out: TableRow, base: TableRow, other: TableRow): number | null {
  const ls = ['x', 'y'].map(
    (f) => (Number(out[f]) - Number(other[f])) / (Number(base[f]) - Number(other[f])),
  );
  const [lx, ly] = ls as [number, number];
  return Math.abs(lx - ly) < 1e-6 ? lx : null;
}

function partners(out: TableRow, t: number, pool: readonly TableRow[]) {
  const base = rows[t % rows.length]!;
  return pool
    .filter((o) => o.id !== base.id)
    .map((o) => ({ o, lambda: lambdaOf(out, base, o) }))
    .filter((p): p is { o: TableRow; lambda: number } => p.lambda !== null);
}

describe('mixup', () => {
  it('mixes each base row with a same-class row, base weight >= 0.5', () => {
    const out = mixup.synthesize(rows, 80, {}, ctx());
    out.forEach((r, t) => {
      const found = partners(r, t, rows);
      expect(found.length).toBeGreaterThan(0);
      // λ within rounding of 1 leaves the base row, which "matches" every partner: skip those.
      for (const { o, lambda } of found.filter((p) => p.lambda < 1 - 1e-6)) {
        expect(o.label).toBe(r.label);
        expect(lambda).toBeGreaterThanOrEqual(0.5 - 1e-6);
      }
    });
  });

  it('pairs across classes with same_class = false', () => {
    const out = mixup.synthesize(rows, 80, { same_class: false, alpha: 1 }, ctx());
    const cross = out.filter((r, t) => partners(r, t, rows).some((p) => p.o.label !== r.label));
    expect(cross.length).toBeGreaterThan(10);
  });

  it('concentrates lambda near 1 for a small alpha', () => {
    const lambdas = mixup
      .synthesize(rows, 400, { alpha: 0.2 }, ctx('alpha'))
      .map((r, t) => partners(r, t, rows)[0]!.lambda);
    // Folded Beta(0.2, 0.2): P(max(λ, 1−λ) > 0.9) is about 0.6; under Beta(1, 1) it is 0.2.
    const high = lambdas.filter((l) => l > 0.9).length / lambdas.length;
    expect(high).toBeGreaterThan(0.5);
  });

  it('copies a row that has no partner', () => {
    const lone = frozen(makeRows({ a: 1, b: 3 }));
    const out = mixup.synthesize(lone, 4, {}, ctx());
    expect(out[0]).toEqual(lone[0]);
  });
});
