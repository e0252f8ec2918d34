import { describe, expect, test } from 'vitest';
import { check, pipeline, summary, where } from '../support.js';

describe('duplicate-method', () => {
  test('distinct names pass', () => {
    expect(check(pipeline('  method s = spelling()')).diagnostics).toEqual([]);
  });

  test('the second definition is reported, with the first as related', () => {
    const text = pipeline('  method typo = spelling()');
    const files = { 'main.aug': text };
    const { diagnostics } = check(text);
    expect(summary(diagnostics, files)).toEqual(['AUG2107@main.aug:5:10']);
    const related = diagnostics[0]!.related?.[0];
    expect(related?.message).toBe('first defined here');
    expect(where({ ...diagnostics[0]!, span: related!.span }, files)).toBe('main.aug:4:10');
  });
});
