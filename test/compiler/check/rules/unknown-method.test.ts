import { describe, expect, test } from 'vitest';
import { check, pipeline, spanText, summary } from '../support.js';

describe('unknown-method', () => {
  test('catalogue methods and aliases are known', () => {
    const text = pipeline(
      '  method syn = wordnet_synonym(aug_p = 0.1)\n  method s2 = nlp_wordnet_syn',
    );
    expect(check(text).diagnostics).toEqual([]);
  });

  test('an unknown method gets did-you-mean at the callee', () => {
    const text = pipeline('  method syn = wordnet_synonim(aug_p = 0.1)');
    const files = { 'main.aug': text };
    const { diagnostics } = check(text);
    expect(summary(diagnostics, files)).toEqual(['AUG2101@main.aug:5:16']);
    expect(spanText(diagnostics[0]!, files)).toBe('wordnet_synonim');
    expect(diagnostics[0]!.message).toBe('unknown method `wordnet_synonim`');
    expect(diagnostics[0]!.help).toContain('`wordnet_synonym`');
  });

  test("a reference library's class name is given the augc method", () => {
    const { diagnostics } = check(pipeline('  method syn = SynonymAug(aug_p = 0.1)'));
    expect(diagnostics.map((d) => d.code)).toEqual(['AUG2101']);
    expect(diagnostics[0]!.help).toBe(
      "`SynonymAug` is nlpaug's name: augc calls it `wordnet_synonym`",
    );
  });

  test('a name far from every method gets general help', () => {
    const { diagnostics } = check(pipeline('  method x = zzzzzzzzzz()'));
    expect(diagnostics.map((d) => d.code)).toEqual(['AUG2101']);
    expect(diagnostics[0]!.help).toContain('command(');
    expect(diagnostics[0]!.help).toContain('`augc methods`');
  });
});
