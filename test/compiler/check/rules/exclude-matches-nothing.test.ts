import { describe, expect, test } from 'vitest';
import { check, pipeline, summary } from '../support.js';

const methods = '  method syn = wordnet_synonym()\n  method spell = spelling()';

describe('exclude-matches-nothing', () => {
  test('an exclusion that removes a combo passes', () => {
    expect(
      check(pipeline(`${methods}\n  combos { up_to = 2  exclude = [syn + typo] }`)).diagnostics,
    ).toEqual([]);
  });

  test('an exclusion larger than any combo warns', () => {
    const text = pipeline(`${methods}\n  combos { exclude = [syn + typo] }`);
    const { diagnostics } = check(text);
    expect(summary(diagnostics, { 'main.aug': text })).toEqual(['AUG2111@main.aug:7:23']);
    expect(diagnostics[0]!.severity).toBe('warning');
    expect(diagnostics[0]!.notes?.[0]).toContain('at most 1 method');
  });

  test('an exclusion no listed combo contains warns', () => {
    const text = pipeline(`${methods}\n  combos { list = [syn + typo]  exclude = [spell] }`);
    expect(summary(check(text).diagnostics, { 'main.aug': text })).toEqual([
      'AUG2111@main.aug:7:44',
    ]);
  });

  test('an exclusion subsumed by a smaller one warns', () => {
    const text = pipeline(`${methods}\n  combos { all = true  exclude = [syn, syn + typo] }`);
    const { diagnostics } = check(text);
    expect(summary(diagnostics, { 'main.aug': text })).toEqual(['AUG2111@main.aug:7:40']);
    expect(diagnostics[0]!.notes?.[0]).toContain('already excluded by `syn`');
  });
});
