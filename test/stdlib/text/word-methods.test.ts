import { describe, expect, it } from 'vitest';
import { nlpaugCount } from '../../../stdlib/text/count.js';
import { randomWord } from '../../../stdlib/text/random-word.js';
import { wordSplit } from '../../../stdlib/text/word-split.js';
import { SEEDS, SENTENCE, changedPieces, pieces, run } from './helpers.js';

const TEXT = 'alpha bravo charlie delta gamma hotel india juliet kilo lima mike oscar'; // 12 tokens -> 4
const isSubsequence = (sub: string[], all: string[]): boolean => {
  let i = 0;
  for (const w of all) if (w === sub[i]) i++;
  return i === sub.length;
};

describe('random_word', () => {
  it('delete removes exactly min(count, eligible) words and keeps the order of the rest', () => {
    for (const seed of SEEDS) {
      const out = pieces(run(randomWord, TEXT, { action: 'delete' }, seed));
      expect(out).toHaveLength(12 - 4);
      expect(isSubsequence(out, pieces(TEXT))).toBe(true);
    }
  });

  it('counts punctuation as tokens (nlpaug) but never deletes it', () => {
    const tokens = 19; // 17 words, a comma and a period
    const want = nlpaugCount(0.3, tokens, 1, 10);
    for (const seed of SEEDS) {
      const out = run(randomWord, SENTENCE, { action: 'delete' }, seed);
      expect(pieces(out)).toHaveLength(17 - want);
      expect(out).toMatch(/,.*\.$/);
    }
  });

  it('only deletes eligible words (stopwords given as params stay)', () => {
    const text = 'the cat and the dog and the bird';
    for (const seed of SEEDS) {
      const out = run(
        randomWord,
        text,
        { action: 'delete', aug_p: 1, stopwords: ['the', 'AND'] },
        seed,
      );
      expect(out).toBe('the and the and the');
    }
  });

  it('swap exchanges neighbours: same words, changed order', () => {
    for (const seed of SEEDS) {
      const out = run(randomWord, TEXT, { action: 'swap' }, seed);
      expect(pieces(out).sort()).toEqual(pieces(TEXT).sort());
      expect(out).not.toBe(TEXT);
    }
  });

  it('substitute uses target_words for exactly the counted words', () => {
    for (const seed of SEEDS) {
      const out = run(randomWord, TEXT, { action: 'substitute', target_words: ['X', 'Y'] }, seed);
      expect(changedPieces(TEXT, out)).toBe(4);
      expect(pieces(out).filter((p) => p === 'X' || p === 'Y')).toHaveLength(4);
    }
  });

  it('crop removes one contiguous run of words', () => {
    const words = pieces(TEXT);
    for (const seed of SEEDS) {
      const out = pieces(run(randomWord, TEXT, { action: 'crop' }, seed));
      expect(out).toHaveLength(8);
      const start = out.findIndex((w, i) => w !== words[i]);
      const at = start === -1 ? 8 : start;
      expect([...words.slice(0, at), ...words.slice(at + 4)]).toEqual(out);
    }
  });

  it('crop never spans punctuation or protected words', () => {
    for (const seed of SEEDS) {
      const out = run(randomWord, 'aa bb, cc dd ee ff', { action: 'crop', aug_p: 1 }, seed, ['ee']);
      expect(out).toContain(',');
      expect(out).toContain('ee');
    }
  });
});

describe('word_split', () => {
  it('splits exactly the counted words into two non-empty halves', () => {
    for (const seed of SEEDS) {
      const out = pieces(run(wordSplit, TEXT, {}, seed));
      expect(out).toHaveLength(12 + 4);
      expect(out.join('')).toBe(pieces(TEXT).join(''));
    }
  });

  it('never splits words shorter than min_char', () => {
    for (const seed of SEEDS)
      expect(run(wordSplit, 'ab abc abcd', { min_char: 5 }, seed)).toBe('ab abc abcd');
  });
});
