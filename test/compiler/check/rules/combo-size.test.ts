import { describe, expect, test } from 'vitest';
import { check, pipeline, summary } from '../support.js';

describe('combo-size', () => {
  test('a size up to the number of methods passes', () => {
    expect(check(pipeline('  method s = spelling()\n  combos { size = 2 }')).diagnostics).toEqual(
      [],
    );
  });

  test('a size above the number of methods is reported at the number', () => {
    const text = pipeline('  method s = spelling()\n  combos { up_to = 3 }');
    const { diagnostics } = check(text);
    expect(summary(diagnostics, { 'main.aug': text })).toEqual(['AUG2110@main.aug:6:20']);
    expect(diagnostics[0]!.message).toBe('`up_to` = 3 but the pipeline declares only 2 methods');
  });
});
