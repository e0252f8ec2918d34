import { describe, expect, test } from 'vitest';
import { check, pipeline, summary } from '../support.js';

describe('no-methods', () => {
  test('a pipeline with a method passes', () => {
    expect(check(pipeline('')).diagnostics).toEqual([]);
  });

  test('a pipeline without methods is reported at its name', () => {
    const text = pipeline('', false);
    expect(summary(check(text).diagnostics, { 'main.aug': text })).toEqual([
      'AUG2123@main.aug:1:10',
    ]);
  });
});
