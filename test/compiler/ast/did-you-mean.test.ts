import { describe, expect, test } from 'vitest';
import { didYouMean, editDistance, suggest } from '../../../compiler/ast/index.js';

describe('did-you-mean', () => {
  test('edit distance counts a transposition as one edit', () => {
    expect(editDistance('typo', 'tpyo')).toBe(1);
    expect(editDistance('kitten', 'sitting')).toBe(3);
    expect(editDistance('', 'abc')).toBe(3);
  });

  test('suggestions are close, ordered best first, and case-insensitive', () => {
    expect(suggest('wordnet_synonim', ['wordnet_synonym', 'wordnet_antonym', 'spelling'])).toEqual([
      'wordnet_synonym',
      'wordnet_antonym',
    ]);
    expect(suggest('SLURM', ['slurm', 'pbs'])).toEqual(['slurm']);
    expect(suggest('zzz', ['slurm', 'pbs'])).toEqual([]);
  });

  test('messages', () => {
    expect(didYouMean('tpyo', ['typo', 'syn'])).toBe('did you mean `typo`?');
    expect(didYouMean('ab', ['abc', 'abd'])).toBe('did you mean `abc` or `abd`?');
    expect(didYouMean('zzz', ['typo'])).toBeUndefined();
  });
});
