import { describe, expect, test } from 'vitest';
import { check, pipeline, spanText, summary } from '../support.js';

const methods = '  method syn = wordnet_synonym()\n  method spell = spelling()';

describe('combo-references', () => {
  test('declared names pass', () => {
    const text = pipeline(
      `${methods}\n  combos { list = [syn, syn + typo, spell + typo]  exclude = [syn + typo] }`,
    );
    expect(check(text).diagnostics).toEqual([]);
  });

  test('undeclared names in list and exclude get did-you-mean', () => {
    const text = pipeline(`${methods}\n  combos { list = [syn + tpyo]  exclude = [spel + syn] }`);
    const files = { 'main.aug': text };
    const { diagnostics } = check(text, {});
    const own = diagnostics.filter((d) => d.code === 'AUG2108');
    expect(summary(own, files)).toEqual(['AUG2108@main.aug:7:26', 'AUG2108@main.aug:7:44']);
    expect(spanText(own[0]!, files)).toBe('tpyo');
    expect(own[0]!.help).toBe('did you mean `typo`?');
    expect(own[1]!.help).toBe('did you mean `spell`?');
  });

  test('a method named twice in one combination', () => {
    const text = pipeline(`${methods}\n  combos { list = [syn + syn] }`);
    expect(summary(check(text).diagnostics, { 'main.aug': text })).toEqual([
      'AUG2122@main.aug:7:26',
    ]);
  });
});
