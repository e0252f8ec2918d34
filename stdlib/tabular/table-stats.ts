/**
 * Shared column and class helpers for the tabular methods. Statistics are over the rows a call
 * receives (one chunk), which the plan fixes, so outputs stay independent of scheduling.
 */
import type { CellValue, TableContext, TableRow } from '../method.js';

/** A cell as a finite number: numbers as is, numeric strings (from CSV) parsed, else null. */
export function toNumber(value: CellValue | undefined): number | null {
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value === 'string' && value.trim() !== '') {
    const n = Number(value);
    return Number.isFinite(n) ? n : null;
  }
  return null;
}

export interface ColumnStats {
  /** How many cells were numeric. */
  count: number;
  mean: number;
  /** Population standard deviation (ddof = 0, as numpy's `np.std`). */
  sd: number;
  min: number;
  max: number;
}

/** Stats over the numeric cells of `column` in `rows` (or the given row indices); null if none. */
export function columnStats(
  rows: readonly TableRow[],
  column: string,
  indices?: readonly number[],
): ColumnStats | null {
  let count = 0;
  let sum = 0;
  let min = Infinity;
  let max = -Infinity;
  const values: number[] = [];
  const at = indices ?? rows.map((_, i) => i);
  for (const i of at) {
    const v = toNumber(rows[i]?.[column]);
    if (v === null) continue;
    values.push(v);
    count++;
    sum += v;
    if (v < min) min = v;
    if (v > max) max = v;
  }
  if (count === 0) return null;
  const mean = sum / count;
  const sd = Math.sqrt(values.reduce((acc, v) => acc + (v - mean) ** 2, 0) / count);
  return { count, mean, sd, min, max };
}

/** Columns no method may write: the protected ones and the label. */
export function lockedColumns(ctx: TableContext): Set<string> {
  const locked = new Set(ctx.protect);
  if (ctx.label !== undefined) locked.add(ctx.label);
  return locked;
}

/**
 * The columns a method may change: the context's features minus protected columns and the label
 * (the label is always copied from the base row).
 */
export function editableFeatures(ctx: TableContext): string[] {
  const locked = lockedColumns(ctx);
  return ctx.features.filter((f) => !locked.has(f));
}

/** Row indices per label value, classes in order of first appearance; one class without a label. */
export function groupByLabel(rows: readonly TableRow[], label: string | undefined): number[][] {
  if (label === undefined) return [rows.map((_, i) => i)];
  const groups = new Map<CellValue | undefined, number[]>();
  rows.forEach((row, i) => {
    const key = row[label];
    const group = groups.get(key);
    if (group) group.push(i);
    else groups.set(key, [i]);
  });
  return [...groups.values()];
}

/**
 * Splits `count` in proportion to `weights` by largest remainders (ties to the lower index), so
 * the parts are integers summing to `count`. All-zero weights split evenly.
 */
export function allocate(count: number, weights: readonly number[]): number[] {
  const total = weights.reduce((a, b) => a + b, 0);
  const w = total > 0 ? weights : weights.map(() => 1);
  const sum = total > 0 ? total : weights.length;
  const exact = w.map((x) => (count * x) / sum);
  const parts = exact.map(Math.floor);
  let left = count - parts.reduce((a, b) => a + b, 0);
  const order = exact
    .map((x, i) => ({ i, frac: x - Math.floor(x) }))
    .sort((a, b) => b.frac - a.frac || a.i - b.i);
  for (const { i } of order) {
    if (left <= 0) break;
    parts[i] = (parts[i] ?? 0) + 1;
    left--;
  }
  return parts;
}

/**
 * How many synthetic rows each class gets, as imbalanced-learn's `sampling_strategy='auto'`
 * would: in proportion to each class's deficit to the majority count (so the majority gets none).
 * When classes are already balanced, in proportion to class sizes instead.
 */
export function allocateByDeficit(count: number, classes: readonly number[][]): number[] {
  const sizes = classes.map((c) => c.length);
  const majority = Math.max(0, ...sizes);
  const deficits = sizes.map((n) => majority - n);
  const anyDeficit = deficits.some((d) => d > 0);
  return allocate(count, anyDeficit ? deficits : sizes);
}
