import { describe, expect, test } from 'vitest';
import { countCombos } from '../../../../compiler/check/index.js';
import { check, pipeline, summary } from '../support.js';

function methods(n: number): string {
  return Array.from({ length: n }, (_, i) => `  method m${i} = spelling()`).join('\n');
}

describe('combo-explosion', () => {
  test('combos are counted after exclusions', () => {
    const { ast } = check(
      pipeline(`${methods(3)}\n  combos { up_to = 2  exclude = [m0 + m1, typo] }`),
    );
    // 4 methods: 4 singles + 6 pairs = 10; minus those with typo (1 + 3) and the pair m0+m1.
    expect(countCombos(ast!)).toBe(5);
    const { ast: list } = check(
      pipeline(`${methods(2)}\n  combos { list = [m0, m0 + m1, typo]  exclude = [m1] }`),
    );
    expect(countCombos(list!)).toBe(2);
  });

  test('a pipeline within the budget passes', () => {
    const text = pipeline(
      `${methods(3)}\n  combos { all = true }\n  chunk { count = 10 }\n  max_tasks = 150`,
    );
    expect(check(text).diagnostics).toEqual([]);
  });

  test('count mode: combos x chunks over max_tasks is an error stating both numbers', () => {
    const text = pipeline(
      `${methods(3)}\n  combos { all = true }\n  chunk { count = 10 }\n  max_tasks = 149`,
    );
    const { diagnostics } = check(text);
    expect(summary(diagnostics, { 'main.aug': text })).toEqual(['AUG2112@main.aug:8:3']);
    expect(diagnostics[0]!.message).toBe(
      'the pipeline expands to 150 tasks, over the budget of 149',
    );
    expect(diagnostics[0]!.notes).toEqual(['15 combos x 10 chunks = 150 tasks']);
  });

  test('rows mode uses the probed row count', () => {
    const text = pipeline(
      `${methods(1)}\n  combos { up_to = 2 }\n  chunk { rows = 100 }\n  max_tasks = 20`,
    );
    expect(check(text, { inputProbe: { columns: ['text'], rows: 600 } }).diagnostics).toEqual([]);
    const { diagnostics } = check(text, { inputProbe: { columns: ['text'], rows: 601 } });
    expect(diagnostics.map((d) => d.code)).toEqual(['AUG2112']);
    expect(diagnostics[0]!.message).toContain('21 tasks');
  });

  test('the default budget is 100,000', () => {
    const text = pipeline(`${methods(17)}\n  combos { all = true }`);
    const { diagnostics } = check(text);
    expect(diagnostics[0]!.message).toBe(
      'the pipeline expands to 262,143 tasks, over the budget of 100,000',
    );
  });
});
