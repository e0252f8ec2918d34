import { describe, expect, test } from 'vitest';
import { check, pipeline, spanText, summary } from '../support.js';

const methods = '  method syn = wordnet_synonym()';

describe('combo-order', () => {
  test('an order listing every method passes', () => {
    expect(
      check(pipeline(`${methods}\n  combos { up_to = 2  order = [syn, typo] }`)).diagnostics,
    ).toEqual([]);
  });

  test('undeclared, repeated and missing methods', () => {
    const text = pipeline(`${methods}\n  combos { order = [syn, sin, syn] }`);
    const files = { 'main.aug': text };
    const { diagnostics } = check(text);
    expect(summary(diagnostics, files)).toEqual([
      'AUG2109@main.aug:6:21',
      'AUG2108@main.aug:6:26',
      'AUG2109@main.aug:6:31',
    ]);
    expect(diagnostics[0]!.message).toBe('`order` leaves out `typo`');
    expect(spanText(diagnostics[0]!, files)).toBe('syn, sin, syn');
    expect(diagnostics[2]!.related?.[0]?.message).toBe('first listed here');
  });
});
