import { describe, expect, test } from 'vitest';
import { check, pipeline, summary } from '../support.js';

describe('method-domain', () => {
  test('text methods on text columns and tabular methods on features pass', () => {
    const text = pipeline('  method n = gaussian_noise()').replace(
      'text = ["text"]',
      'text = ["text"]  features = ["x"]',
    );
    expect(check(text).diagnostics).toEqual([]);
  });

  test('a tabular method on a text-only input is an error at the method', () => {
    const text = pipeline('  method n = gaussian_noise()');
    const { diagnostics } = check(text);
    expect(summary(diagnostics, { 'main.aug': text })).toEqual(['AUG2125@main.aug:5:14']);
    expect(diagnostics[0]!.message).toBe(
      'tabular method `n` needs `features` columns, but the input declares none',
    );
  });

  test('a text method on a features-only input is an error', () => {
    const text = pipeline('').replace('text = ["text"]', 'features = ["x"]');
    const { diagnostics } = check(text);
    expect(summary(diagnostics, { 'main.aug': text })).toEqual(['AUG2125@main.aug:4:17']);
    expect(diagnostics[0]!.related?.[0]?.message).toBe('input declared here');
  });
});
