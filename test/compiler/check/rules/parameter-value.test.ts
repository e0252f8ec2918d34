import { describe, expect, test } from 'vitest';
import { checkValue } from '../../../../compiler/check/rules/parameter-value.js';
import type { ParamSpec } from '../../../../stdlib/catalog/index.js';
import { check, pipeline, spanText, summary } from '../support.js';

const span = { file: 'x', start: 0, end: 1 };

describe('parameter-value', () => {
  test('well-typed values in range pass', () => {
    const text = pipeline(
      '  method r = random_char(action = swap, aug_char_max = 3, stopwords = ["a"], include_numeric = false)',
    );
    expect(check(text).diagnostics).toEqual([]);
  });

  test('mistyped and out-of-range values are reported at the value', () => {
    const text = pipeline(
      [
        '  method a = spelling(aug_p = "high")',
        '  method b = spelling(aug_p = 1.5)',
        '  method c = spelling(aug_max = 2.5)',
        '  method d = random_char(action = swapp)',
        '  method e = spelling(aug_p = 2GiB)',
        '  method f = spelling(stopwords = "a")',
      ].join('\n'),
    );
    const files = { 'main.aug': text };
    const { diagnostics } = check(text);
    expect(summary(diagnostics, files)).toEqual([
      'AUG2104@main.aug:5:31',
      'AUG2105@main.aug:6:31',
      'AUG2104@main.aug:7:33',
      'AUG2105@main.aug:8:35',
      'AUG2104@main.aug:9:31',
      'AUG2104@main.aug:10:35',
    ]);
    expect(spanText(diagnostics[1]!, files)).toBe('1.5');
    expect(diagnostics[1]!.message).toBe('parameter `aug_p` must be >= 0 and <= 1, found 1.5');
    expect(diagnostics[2]!.message).toBe('parameter `aug_max` expects a whole number, found `2.5`');
    expect(diagnostics[3]!.help).toBe('did you mean `swap`?');
  });

  test('an exclusive minimum rejects the bound itself', () => {
    const spec: ParamSpec = { name: 'p', type: 'number', min: 0, exclusiveMin: true, doc: 'd' };
    expect(
      checkValue(spec, { value: { type: 'number', value: 0 }, span }).map((d) => d.code),
    ).toEqual(['AUG2105']);
    expect(checkValue(spec, { value: { type: 'number', value: 0.1 }, span })).toEqual([]);
  });

  test("smote's sampling_strategy takes a name, a ratio in (0, 1] or label=count entries", () => {
    const judged = (value: string) =>
      check(pipeline(`  method s = smote(sampling_strategy = ${value})`))
        .diagnostics.filter((d) => d.code === 'AUG2104' || d.code === 'AUG2105')
        .map((d) => `${d.code} ${d.message}`);
    for (const ok of ['auto', '"not majority"', '0.5', '1', '["a=10", "b = 3"]'])
      expect(judged(ok)).toEqual([]);
    expect(judged('autoo')).toEqual(['AUG2105 `autoo` is not a sampling strategy']);
    expect(judged('1.5')).toEqual([
      'AUG2105 a `sampling_strategy` ratio must be > 0 and <= 1, found 1.5',
    ]);
    expect(judged('["a=x"]')).toEqual(['AUG2105 `a=x` is not `"label=count"`']);
    expect(judged('["a=1", "a=2"]')).toEqual(['AUG2105 class `a` is given twice']);
    expect(judged('true')[0]).toMatch(/^AUG2104 parameter `sampling_strategy` expects a strategy/);
  });
});
