import { describe, expect, it } from 'vitest';
import {
  edaRandomDeletion,
  edaRandomInsertion,
  edaRandomSwap,
  edaSynonymReplacement,
  edaSynonyms,
} from '../../../stdlib/text/eda.js';
import { SEEDS, SENTENCE, changedPieces, pieces, run } from './helpers.js';

// 20 content words: EDA's n = max(1, floor(0.1 x 20)) = 2.
const TEXT =
  'happy dogs run quickly across green fields while tired cats sleep quietly beside warm fires during cold winter nights near old barns';

describe('EDA synonyms', () => {
  it('are lower-case letters and spaces, sorted, without the word itself', () => {
    const s = edaSynonyms('happy');
    expect(s.length).toBeGreaterThan(0);
    expect([...s].sort()).toEqual(s);
    expect(s.every((w) => /^[a-z ]+$/.test(w) && w !== 'happy')).toBe(true);
  });
});

describe('eda_synonym_replacement', () => {
  it('replaces n distinct words (all their occurrences), never EDA stopwords', () => {
    for (const seed of SEEDS) {
      const out = run(edaSynonymReplacement, TEXT, {}, seed);
      expect(out).not.toBe(TEXT);
      const changedWords = new Set(pieces(TEXT).filter((w) => !pieces(out).includes(w)));
      expect(changedWords.size).toBeLessThanOrEqual(2);
      expect(run(edaSynonymReplacement, 'the and of', { alpha_sr: 1 }, seed)).toBe('the and of');
    }
  });

  it('replaces every occurrence of a chosen word the same way', () => {
    for (const seed of SEEDS) {
      const out = run(edaSynonymReplacement, 'dog dog dog', { alpha_sr: 0.1 }, seed);
      const one = out.slice(0, (out.length - 2) / 3);
      expect(one).not.toBe('dog');
      expect(out).toBe([one, one, one].join(' '));
    }
  });
});

describe('eda_random_insertion', () => {
  it('inserts n synonyms and keeps every original word in order', () => {
    const words = pieces(TEXT);
    for (const seed of SEEDS) {
      const out = pieces(run(edaRandomInsertion, TEXT, {}, seed));
      let k = 0;
      for (const w of out) if (w === words[k]) k++;
      expect(k).toBe(words.length);
      expect(out.length).toBeGreaterThan(words.length);
    }
  });
});

describe('eda_random_swap', () => {
  it('permutes the words, changing at most 2n positions', () => {
    for (const seed of SEEDS) {
      const out = run(edaRandomSwap, TEXT, {}, seed);
      expect(pieces(out).sort()).toEqual(pieces(TEXT).sort());
      expect(changedPieces(TEXT, out)).toBeLessThanOrEqual(4);
    }
  });

  it('leaves a one-word text alone', () => {
    for (const seed of SEEDS) expect(run(edaRandomSwap, 'alone', {}, seed)).toBe('alone');
  });
});

describe('eda_random_deletion', () => {
  it('deletes nothing at p_rd = 0 and keeps exactly one word at p_rd = 1', () => {
    for (const seed of SEEDS) {
      expect(run(edaRandomDeletion, SENTENCE, { p_rd: 0 }, seed)).toBe(SENTENCE);
      const out = run(edaRandomDeletion, TEXT, { p_rd: 1 }, seed);
      expect(pieces(out)).toHaveLength(1);
      expect(pieces(TEXT)).toContain(out);
    }
  });

  it('leaves one-word texts alone and keeps order otherwise', () => {
    const words = pieces(TEXT);
    for (const seed of SEEDS) {
      expect(run(edaRandomDeletion, 'alone', { p_rd: 1 }, seed)).toBe('alone');
      const out = pieces(run(edaRandomDeletion, TEXT, { p_rd: 0.5 }, seed));
      expect(words.filter((w) => out.includes(w))).toEqual(out);
    }
  });
});
