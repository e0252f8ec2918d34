import { describe, expect, test } from 'vitest';
import { check, pipeline, summary } from '../support.js';

describe('label-unsafe', () => {
  test('label-safe methods pass', () => {
    expect(check(pipeline('  method s = wordnet_synonym()')).diagnostics).toEqual([]);
  });

  test('a label-unsafe method warns at the method called, also through an alias', () => {
    const text = pipeline('  method ant = wordnet_antonym()\n  method ant2 = nlp_antonym');
    const { diagnostics } = check(text);
    expect(summary(diagnostics, { 'main.aug': text })).toEqual([
      'AUG2117@main.aug:5:16',
      'AUG2117@main.aug:6:17',
    ]);
    expect(diagnostics.every((d) => d.severity === 'warning')).toBe(true);
  });

  test('the label column is named when there is one', () => {
    const text = pipeline('  method ant = wordnet_antonym()').replace(
      'text = ["text"]',
      'text = ["text"]  label = "y"',
    );
    expect(check(text).diagnostics[0]!.notes).toEqual(["the input's label column is `y`"]);
  });
});
