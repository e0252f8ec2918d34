import { describe, expect, it } from 'vitest';
import {
  allocate,
  allocateByDeficit,
  columnStats,
  editableFeatures,
  groupByLabel,
  toNumber,
} from '../../../stdlib/tabular/table-stats.js';
import { ctx } from './fixtures.js';

describe('toNumber', () => {
  it('accepts finite numbers and numeric strings only', () => {
    expect(toNumber(2.5)).toBe(2.5);
    expect(toNumber(' 3e2 ')).toBe(300);
    expect(toNumber('')).toBeNull();
    expect(toNumber('abc')).toBeNull();
    expect(toNumber(Number.NaN)).toBeNull();
    expect(toNumber(true)).toBeNull();
    expect(toNumber(null)).toBeNull();
  });
});

describe('columnStats', () => {
  it('computes population stats over numeric cells', () => {
    const rows = [{ v: 1 }, { v: '3' }, { v: null }, { v: 'x' }];
    expect(columnStats(rows, 'v')).toEqual({ count: 2, mean: 2, sd: 1, min: 1, max: 3 });
    expect(columnStats(rows, 'v', [0])).toEqual({ count: 1, mean: 1, sd: 0, min: 1, max: 1 });
    expect(columnStats(rows, 'missing')).toBeNull();
  });
});

describe('allocate', () => {
  it('splits by largest remainder and sums to count', () => {
    expect(allocate(10, [1, 1, 1])).toEqual([4, 3, 3]);
    expect(allocate(7, [0, 2, 5])).toEqual([0, 2, 5]);
    expect(allocate(5, [0, 0])).toEqual([3, 2]);
  });

  it('splits by deficit to the majority, or by size when balanced', () => {
    // Sizes 4, 2, 1: deficits 0, 2, 3, so 49 splits as 0, 19.6, 29.4 -> 0, 20, 29.
    expect(allocateByDeficit(49, [[1, 2, 3, 4], [5, 6], [7]])).toEqual([0, 20, 29]);
    expect(
      allocateByDeficit(6, [
        [1, 2],
        [3, 4],
      ]),
    ).toEqual([3, 3]);
  });
});

describe('groupByLabel and editableFeatures', () => {
  it('groups by label in first-appearance order', () => {
    const rows = [{ l: 'b' }, { l: 'a' }, { l: 'b' }, { l: 1 }, { l: '1' }];
    expect(groupByLabel(rows, 'l')).toEqual([[0, 2], [1], [3], [4]]);
    expect(groupByLabel(rows, undefined)).toEqual([[0, 1, 2, 3, 4]]);
  });

  it('drops protected columns and the label from the features', () => {
    expect(editableFeatures({ ...ctx(), features: ['x', 'z', 'label'] })).toEqual(['x']);
  });
});
