import { describe, expect, it } from 'vitest';
import { BUILTIN_SPEEDS } from '../../../engine/estimate/speed-table.js';
import { listMethods } from '../../../stdlib/catalog/index.js';

describe('the built-in speed table (bench/method-speeds.js)', () => {
  it('has a measured speed and load for every stdlib method, in its domain', () => {
    for (const method of listMethods()) {
      const entry = BUILTIN_SPEEDS.methods[method.name];
      expect(entry, method.name).toBeDefined();
      expect(entry?.domain).toBe(method.domain);
      expect(entry?.seconds_per_variant).toBeGreaterThanOrEqual(0);
      expect(entry?.load_seconds).toBeGreaterThanOrEqual(0);
    }
    expect(Object.keys(BUILTIN_SPEEDS.methods)).toHaveLength(listMethods().length);
  });

  it('has the fixed costs and every quality measure', () => {
    expect(BUILTIN_SPEEDS.task_overhead_seconds).toBeGreaterThanOrEqual(0);
    expect(BUILTIN_SPEEDS.worker_start_seconds).toBeGreaterThan(0);
    expect(Object.keys(BUILTIN_SPEEDS.quality_seconds_per_variant).sort()).toEqual([
      'chrf',
      'jaccard',
      'levenshtein',
    ]);
  });
});
