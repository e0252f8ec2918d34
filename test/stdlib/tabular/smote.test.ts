import { describe, expect, it } from 'vitest';
import type { TableRow } from '../../../stdlib/method.js';
import { smote } from '../../../stdlib/tabular/smote.js';
import { byId, ctx, frozen, makeRows } from './fixtures.js';

const EDITABLE = ['x', 'y'] as const; // z is protected in ctx()

function distance(a: TableRow, b: TableRow): number {
  return Math.hypot(...EDITABLE.map((f) => Number(a[f]) - Number(b[f])));
}

/** Independent brute-force k nearest same-class rows (ties by input order). */
function kNearest(rows: readonly TableRow[], base: TableRow, k: number): TableRow[] {
  return rows
    .filter((r) => r.label === base.label && r.id !== base.id)
    .map((r, i) => ({ r, i, d: distance(base, r) }))
    .sort((a, b) => a.d - b.d || a.i - b.i)
    .slice(0, k)
    .map((s) => s.r);
}

/** The step s with out = base + s (nn - base) on every editable feature, or null if none. */
function stepOnSegment(out: TableRow, base: TableRow, nn: TableRow): number | null {
  const steps = EDITABLE.map((f) => {
    const span = Number(nn[f]) - Number(base[f]);
    return span === 0 ? null : (Number(out[f]) - Number(base[f])) / span;
  }).filter((s): s is number => s !== null);
  const s = steps[0];
  if (s === undefined || s < 0 || s >= 1) return null;
  return steps.every((t) => Math.abs(t - s) < 1e-9) ? s : null;
}

describe('smote', () => {
  const rows = frozen(makeRows({ a: 30, b: 10, c: 1 }));

  it('puts every synthetic point on a segment to one of its k same-class neighbours', () => {
    const index = byId(rows);
    const out = smote.synthesize(rows, 49, { k_neighbors: 3 }, ctx());
    for (const row of out.filter((r) => r.label === 'b')) {
      const base = index.get(String(row.id))!;
      const hits = kNearest(rows, base, 3).filter((nn) => stepOnSegment(row, base, nn) !== null);
      expect(hits.length).toBeGreaterThan(0);
    }
  });

  it('never uses a neighbour beyond the k nearest', () => {
    const index = byId(rows);
    const out = smote.synthesize(rows, 200, { k_neighbors: 1 }, ctx('k1'));
    for (const row of out.filter((r) => r.label === 'b')) {
      const base = index.get(String(row.id))!;
      const [nn] = kNearest(rows, base, 1);
      expect(stepOnSegment(row, base, nn!)).not.toBeNull();
    }
  });

  it('fills minority classes by their deficit to the majority and copies a lone row', () => {
    // Deficits: a 0, b 20, c 29 (imbalanced-learn's `auto` with count = total deficit).
    const out = smote.synthesize(rows, 49, {}, ctx());
    const byLabel = (l: string) => out.filter((r) => r.label === l);
    expect(byLabel('a')).toHaveLength(0);
    expect(byLabel('b')).toHaveLength(20);
    expect(byLabel('c')).toHaveLength(29);
    const lone = rows.find((r) => r.label === 'c');
    for (const r of byLabel('c')) expect(r).toEqual(lone);
  });

  it('spreads steps over [0, 1)', () => {
    const index = byId(rows);
    const steps = smote
      .synthesize(rows, 400, { k_neighbors: 1 }, ctx('steps'))
      .filter((r) => r.label === 'b')
      .map((r) => {
        const base = index.get(String(r.id))!;
        return stepOnSegment(r, base, kNearest(rows, base, 1)[0]!)!;
      });
    const mean = steps.reduce((a, b) => a + b, 0) / steps.length;
    expect(Math.abs(mean - 0.5)).toBeLessThan(0.06);
  });

  it('treats all rows as one class without a label column', () => {
    const out = smote.synthesize(rows, 30, {}, ctx('nolabel', undefined));
    expect(out).toHaveLength(30);
  });

  it('keeps the sample value where either row lacks a number', () => {
    const sparse = frozen([
      { id: 'p', x: 0, y: null, z: 1, label: 'a', date: 'd' },
      { id: 'q', x: 10, y: 5, z: 1, label: 'a', date: 'd' },
    ]);
    for (const r of smote.synthesize(sparse, 20, {}, ctx())) {
      const base = sparse.find((s) => s.id === r.id)!;
      expect(r.y).toBe(base.y);
      expect(Number(r.x)).toBeGreaterThanOrEqual(0);
      expect(Number(r.x)).toBeLessThanOrEqual(10);
    }
  });
});
