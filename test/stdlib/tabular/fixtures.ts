import type { TableContext, TableRow } from '../../../stdlib/method.js';
import { gaussian } from '../../../stdlib/random/distributions.js';
import { createRng } from '../../../stdlib/random/rng.js';

export const FEATURES = ['x', 'y', 'z'] as const;

/**
 * Rows with unique ids, three classes of the given sizes (centred apart), a protected `date`
 * column and a free-text `note`. `z` is also declared protected in ctx() to check that a
 * protected feature never moves.
 */
export function makeRows(sizes: Record<string, number>, seed = 'fixture'): TableRow[] {
  const rng = createRng(seed);
  const rows: TableRow[] = [];
  let id = 0;
  Object.entries(sizes).forEach(([label, n], c) => {
    for (let i = 0; i < n; i++) {
      rows.push({
        id: `r${id++}`,
        x: gaussian(rng, 10 * c, 2),
        y: gaussian(rng, -5 * c, 1),
        z: gaussian(rng, 3, 0.5),
        label,
        date: `2024-01-${String((i % 28) + 1).padStart(2, '0')}`,
        note: `row ${i}`,
      });
    }
  });
  return rows;
}

export function ctx(seed: string | number = 1, label: string | undefined = 'label'): TableContext {
  return {
    rng: createRng('tabular-test', seed),
    features: [...FEATURES],
    ...(label === undefined ? {} : { label }),
    protect: ['date', 'z'],
  };
}

/** Deep-freezes rows so that an accidental in-place edit throws. */
export function frozen(rows: TableRow[]): readonly TableRow[] {
  return Object.freeze(rows.map((r) => Object.freeze({ ...r })));
}

export function byId(rows: readonly TableRow[]): Map<string, TableRow> {
  return new Map(rows.map((r) => [String(r.id), r]));
}

export function sd(xs: number[]): number {
  const mean = xs.reduce((a, b) => a + b, 0) / xs.length;
  return Math.sqrt(xs.reduce((a, x) => a + (x - mean) ** 2, 0) / xs.length);
}
