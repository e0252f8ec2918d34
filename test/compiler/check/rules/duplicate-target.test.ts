import { describe, expect, test } from 'vitest';
import { check, pipeline, summary } from '../support.js';

describe('duplicate-target', () => {
  test('different targets pass', () => {
    expect(check(pipeline('  target slurm {}\n  target pbs {}')).diagnostics).toEqual([]);
  });

  test('the second declaration is reported with the first as related', () => {
    const text = pipeline('  target slurm {}\n  target slurm { qos = "x" }');
    const { diagnostics } = check(text);
    expect(summary(diagnostics, { 'main.aug': text })).toEqual(['AUG4002@main.aug:6:10']);
    expect(diagnostics[0]!.related?.[0]?.span.start).toBe(text.indexOf('slurm'));
  });
});
