import { describe, expect, test } from 'vitest';
import { check, pipeline, spanText, summary } from '../support.js';

describe('value-ranges', () => {
  test('values in range pass', () => {
    const body =
      '  variants = 1000\n  seed = 0\n  chunk { rows = 1 }\n  quality { min = 0.5  max = 0.5 }\n  retry { escalate { memory = 2x } }';
    expect(check(pipeline(body)).diagnostics).toEqual([]);
  });

  test('each out-of-range value is reported at the value', () => {
    const body = [
      '  variants = 0',
      '  seed = -1',
      '  max_tasks = 0',
      '  chunk { count = 0 }',
      '  quality { min = -0.1  max = 1.5  min_kept = 2 }',
      '  combos { size = 0 }',
      '  retry { escalate { walltime = 0.5x } }',
    ].join('\n');
    const text = pipeline(body);
    const files = { 'main.aug': text };
    const { diagnostics } = check(text);
    expect(summary(diagnostics, files)).toEqual([
      'AUG2113@main.aug:5:14',
      'AUG2113@main.aug:6:10',
      'AUG2113@main.aug:7:15',
      'AUG2113@main.aug:8:19',
      'AUG2113@main.aug:9:19',
      'AUG2113@main.aug:9:31',
      'AUG2113@main.aug:9:47',
      'AUG2113@main.aug:10:19',
      'AUG2113@main.aug:11:33',
    ]);
    expect(diagnostics[0]!.message).toBe('`variants` must be between 1 and 1000, found 0');
    expect(spanText(diagnostics[4]!, files)).toBe('-0.1');
    expect(diagnostics[6]!.message).toBe('`quality.min_kept` must be between 0 and 1, found 2');
  });

  test('quality min above max', () => {
    const text = pipeline('  quality { min = 0.9  max = 0.2 }');
    const { diagnostics } = check(text);
    expect(summary(diagnostics, { 'main.aug': text })).toEqual(['AUG2113@main.aug:5:19']);
    expect(diagnostics[0]!.message).toBe('`quality.min` (0.9) is greater than `quality.max` (0.2)');
    expect(diagnostics[0]!.related?.[0]?.message).toBe('`max` set here');
  });
});
