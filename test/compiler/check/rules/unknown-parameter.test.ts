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

  test("a reference library's parameter name is given its augc spelling for that method", () => {
    const help = (call: string): string | undefined =>
      check(pipeline(`  method m = ${call}`)).diagnostics.find((d) => d.code === 'AUG2102')?.help;
    expect(help('wordnet_synonym(pct_words_to_swap = 0.1)')).toBe(
      "`pct_words_to_swap` is TextAttack's name: augc calls it `aug_p`",
    );
    expect(help('ta_wordswap_qwerty(pct_words_to_swap = 0.1)')).toBe(
      "`pct_words_to_swap` is TextAttack's name: augc calls it `aug_word_p`",
    );
    expect(help('random_word(transformations_per_example = 2)')).toBe(
      "`transformations_per_example` is TextAttack's name: augc sets it with the pipeline setting `variants = N`",
    );
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
