/**
 * imbalanced-learn's `sampling_strategy` for over-samplers, as the number of new rows per class
 * (`_sampling_strategy` in imblearn/utils/_validation.py):
 * - a name: `auto` = `not majority` (every class but the majority up to the majority count),
 *   `minority` (only the smallest class), `not minority`, `all`; ties go to the class seen first.
 * - a ratio r in (0, 1]: imblearn allows it for two classes only, as minority/majority after
 *   resampling (a class gets floor(r x majority) - n rows). augc applies the same target to
 *   every non-majority class, so it also means something with more classes.
 * - counts `["label=n", ...]`: the rows a class should have after resampling; unnamed classes get
 *   none. Where imblearn raises because a class already has more rows than its target (a ratio
 *   or a count too small), augc adds none to that class.
 */
import { parseClassCount } from '../catalog/sampling.js';
import type { CellValue } from '../method.js';

export type SamplingStrategy = string | number | readonly string[];

function firstIndexOf(sizes: readonly number[], pick: (a: number, b: number) => boolean): number {
  let best = 0;
  sizes.forEach((n, i) => {
    if (pick(n, sizes[best] ?? n)) best = i;
  });
  return best;
}

function byName(name: string, sizes: readonly number[]): number[] {
  const majorityAt = firstIndexOf(sizes, (a, b) => a > b);
  const minorityAt = firstIndexOf(sizes, (a, b) => a < b);
  const majority = sizes[majorityAt] ?? 0;
  const chosen = (i: number): boolean => {
    if (name === 'minority') return i === minorityAt;
    if (name === 'not minority') return i !== minorityAt;
    if (name === 'all') return true;
    if (name === 'auto' || name === 'not majority') return i !== majorityAt;
    throw new Error(`smote: unknown sampling_strategy \`${name}\``);
  };
  return sizes.map((n, i) => (chosen(i) ? Math.max(0, majority - n) : 0));
}

function byCounts(
  entries: readonly string[],
  labels: readonly CellValue[],
  sizes: readonly number[],
): number[] {
  const wanted = new Map<string, number>();
  for (const entry of entries) {
    const parsed = parseClassCount(entry);
    if (!parsed)
      throw new Error(`smote: sampling_strategy entry \`${entry}\` is not "label=count"`);
    wanted.set(parsed.label, parsed.count);
  }
  const known = new Set(labels.map((l) => String(l)));
  const unknown = [...wanted.keys()].filter((l) => !known.has(l));
  if (unknown.length > 0)
    throw new Error(`smote: sampling_strategy names no class of this chunk: ${unknown.join(', ')}`);
  return sizes.map((n, i) => Math.max(0, (wanted.get(String(labels[i])) ?? n) - n));
}

/**
 * New rows per class for `strategy`; `labels[i]` and `sizes[i]` describe class i (in order of
 * first appearance).
 */
export function rowsPerClass(
  strategy: SamplingStrategy,
  labels: readonly CellValue[],
  sizes: readonly number[],
): number[] {
  if (typeof strategy === 'number') {
    const target = Math.floor(strategy * Math.max(0, ...sizes));
    const majorityAt = firstIndexOf(sizes, (a, b) => a > b);
    return sizes.map((n, i) => (i === majorityAt ? 0 : Math.max(0, target - n)));
  }
  if (typeof strategy === 'string') return byName(strategy, sizes);
  return byCounts(strategy, labels, sizes);
}
