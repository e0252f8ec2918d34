import { describe, expect, test } from 'vitest';
import { check, pipeline, spanText, summary } from '../support.js';

describe('positional-argument', () => {
  test('named arguments are fine', () => {
    expect(check(pipeline('  method s = spelling(aug_p = 0.2)')).diagnostics).toEqual([]);
  });

  test('each positional argument is reported at the argument', () => {
    const text = pipeline('  method s = spelling(0.2, aug_min = 1, 3)');
    const files = { 'main.aug': text };
    const { diagnostics } = check(text);
    expect(summary(diagnostics, files)).toEqual(['AUG2106@main.aug:5:23', 'AUG2106@main.aug:5:41']);
    expect(spanText(diagnostics[0]!, files)).toBe('0.2');
    expect(diagnostics[0]!.help).toContain('aug_p = ...');
  });
});
