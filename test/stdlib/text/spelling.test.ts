import { describe, expect, it } from 'vitest';
import { loadMisspellings } from '../../../stdlib/text/misspellings.js';
import { spelling } from '../../../stdlib/text/spelling.js';
import { NLTK_STOPWORDS } from '../../../stdlib/text/stopwords.js';
import { loadWordNet } from '../../../stdlib/text/wordnet.js';
import { SEEDS, changedPieces, pieces, run } from './helpers.js';

describe('misspelling dictionary', () => {
  it('is the inverted cspell list: correct word -> sorted typos', () => {
    const map = loadMisspellings();
    expect(map.size).toBeGreaterThan(10_000);
    expect(map.get('because')).toEqual(expect.arrayContaining(['becuase']));
    for (const typos of map.values()) expect([...typos].sort()).toEqual(typos);
  });

  it('contains no replacement that is a real word', () => {
    const wn = loadWordNet();
    const correct = new Set(loadMisspellings().keys());
    for (const typos of loadMisspellings().values()) {
      for (const t of typos) {
        expect(wn.isLemma(t) || wn.isWord(t) || correct.has(t) || NLTK_STOPWORDS.has(t), t).toBe(
          false,
        );
      }
    }
    expect(loadMisspellings().get('tired') ?? []).not.toContain('tried');
  });
});

describe('spelling', () => {
  it('replaces only dictionary words, each with one of its typos, count-limited', () => {
    const text = 'because their friends believe it happened tomorrow';
    const map = loadMisspellings();
    for (const seed of SEEDS) {
      const out = run(spelling, text, {}, seed);
      expect(changedPieces(text, out)).toBe(3); // ceil(0.3 x 7), all eligible
      pieces(out).forEach((p, i) => {
        const src = pieces(text)[i]!;
        if (p !== src) expect(map.get(src)).toContain(p);
      });
    }
  });

  it('leaves words without a known misspelling alone', () => {
    for (const seed of SEEDS)
      expect(run(spelling, 'xqzv blorf', { aug_p: 1 }, seed)).toBe('xqzv blorf');
  });
});
