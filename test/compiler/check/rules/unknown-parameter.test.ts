import { describe, expect, test } from 'vitest';
import { check, pipeline, summary } from '../support.js';

describe('unknown-parameter', () => {
  test('declared parameters pass', () => {
    expect(check(pipeline('  method s = spelling(aug_p = 0.2, aug_max = 5)')).diagnostics).toEqual(
      [],
    );
  });

  test('an unknown parameter gets did-you-mean', () => {
    const text = pipeline('  method s = spelling(aug_pp = 0.2)');
    const { diagnostics } = check(text);
    expect(summary(diagnostics, { 'main.aug': text })).toEqual(['AUG2102@main.aug:5:23']);
    expect(diagnostics[0]!.message).toBe('`spelling` has no parameter `aug_pp`');
    expect(diagnostics[0]!.help).toBe('did you mean `aug_p`?');
  });

  test('a parameter given twice points at the first', () => {
    const text = pipeline('  method s = spelling(aug_p = 0.2, aug_p = 0.3)');
    const { diagnostics } = check(text);
    expect(summary(diagnostics, { 'main.aug': text })).toEqual(['AUG2124@main.aug:5:36']);
    expect(diagnostics[0]!.related?.[0]?.message).toBe('first given here');
  });

  test('parameters of an unknown method are not judged', () => {
    expect(check(pipeline('  method s = nope(x = 1)')).diagnostics.map((d) => d.code)).toEqual([
      'AUG2101',
    ]);
  });
});
