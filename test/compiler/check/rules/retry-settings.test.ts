import { describe, expect, test } from 'vitest';
import { check, pipeline, summary } from '../support.js';

describe('retry-settings', () => {
  test('a sane retry passes', () => {
    const body =
      '  retry { attempts = 3  backoff = exponential(10s, max = 5m, factor = 2)  on = [oom, exit(137)] }';
    expect(check(pipeline(body)).diagnostics).toEqual([]);
    expect(check(pipeline('  retry { backoff = fixed(0s) }')).diagnostics).toEqual([]);
  });

  test('attempts below 1', () => {
    const text = pipeline('  retry { attempts = 0 }');
    expect(summary(check(text).diagnostics, { 'main.aug': text })).toEqual([
      'AUG2120@main.aug:5:22',
    ]);
  });

  test('a cap below the base, a factor below 1, a zero base', () => {
    const text = pipeline(
      '  retry { backoff = exponential(1m, max = 30s, factor = 0.5) }\n  profile p { retry { backoff = exponential(0s) } }',
    );
    const { diagnostics } = check(text);
    expect(summary(diagnostics, { 'main.aug': text })).toEqual([
      'AUG2121@main.aug:5:43',
      'AUG2121@main.aug:5:57',
    ]);
    expect(diagnostics[0]!.message).toBe('the backoff cap (30s) is below the first delay (1m)');
    const profiled = check(text, {}, { profile: 'p' });
    expect(summary(profiled.diagnostics, { 'main.aug': text })).toEqual(['AUG2121@main.aug:6:45']);
  });
});
