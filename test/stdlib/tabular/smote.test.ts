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

  describe('sampling_strategy (imbalanced-learn semantics)', () => {
    const sizes = (out: readonly TableRow[]) =>
      ['a', 'b', 'c'].map((l) => out.filter((r) => r.label === l).length);
    const run = (strategy: number | string | string[], count = rows.length) =>
      smote.synthesize(rows, count, { sampling_strategy: strategy }, ctx('strategy'));

    it('`auto` raises every class but the majority to the majority count, whatever count is', () => {
      expect(sizes(run('auto'))).toEqual([0, 20, 29]);
      expect(sizes(run('not majority', 7))).toEqual([0, 20, 29]);
    });

    it('`minority` raises only the smallest class; `not minority` every other one', () => {
      expect(sizes(run('minority'))).toEqual([0, 0, 29]);
      expect(sizes(run('not minority'))).toEqual([0, 20, 0]);
    });

    it('a ratio raises each non-majority class to floor(ratio x majority)', () => {
      // 0.5 x 30 = 15: b (10) gets 5, c (1) gets 14; a class already above the target gets none.
      expect(sizes(run(0.5))).toEqual([0, 5, 14]);
      expect(sizes(run(0.2))).toEqual([0, 0, 5]);
    });

    it('counts give the rows a class has after resampling; unnamed classes get none', () => {
      expect(sizes(run(['b=12', 'c=4']))).toEqual([0, 2, 3]);
      expect(sizes(run(['a=10']))).toEqual([0, 0, 0]);
    });

    it('a class the chunk does not hold is an error, not silently nothing', () => {
      expect(() => run(['d=5'])).toThrow('sampling_strategy names no class of this chunk: d');
    });

    it('makes one resampling per variant, variant by variant', () => {
      const out = run('auto', rows.length * 2);
      expect(out).toHaveLength(98);
      expect(sizes(out.slice(0, 49))).toEqual([0, 20, 29]);
      expect(sizes(out.slice(49))).toEqual([0, 20, 29]);
    });

    it('adds nothing without a label column (all rows are the majority)', () => {
      const unlabelled = { ...ctx('n') };
      delete unlabelled.label;
      const out = smote.synthesize(rows, 30, { sampling_strategy: 'auto' }, unlabelled);
      expect(out).toEqual([]);
    });
  });
});
