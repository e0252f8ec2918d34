import { describe, expect, it } from 'vitest';
import { antonymCandidates, wordnetAntonym } from '../../../stdlib/text/wordnet-antonym.js';
import { synonymCandidates, wordnetSynonym } from '../../../stdlib/text/wordnet-synonym.js';
import { loadWordNet } from '../../../stdlib/text/wordnet.js';
import { SEEDS, changedPieces, pieces, run } from './helpers.js';

describe('WordNet index', () => {
  it('loads WordNet 3.1 with lemmas, morphy base forms and antonyms', () => {
    const wn = loadWordNet();
    expect(wn.version).toMatch(/^WordNet 3\.1/);
    expect(wn.allLemmas().length).toBeGreaterThan(140_000);
    expect(wn.isLemma('kick the bucket')).toBe(true);
    expect(wn.isLemma('slept')).toBe(false);
    expect(wn.isWord('tried')).toBe(true);
    expect(wn.isWord('weeks')).toBe(true);
    expect(wn.isWord('xqzv')).toBe(false);
    const sorted = [...wn.allLemmas()].sort();
    expect(wn.allLemmas()).toEqual(sorted);
  });
});

describe('wordnet_synonym', () => {
  it('draws from all lemmas of all senses, with repeats, sorted, without the word itself', () => {
    const c = synonymCandidates('dying', true);
    expect(c).toEqual(expect.arrayContaining(['death', 'demise', 'anxious']));
    expect(c).not.toContain('dying');
    expect([...c].sort()).toEqual(c);
    expect(synonymCandidates('weeks', true)).toContain('workweek');
    expect(synonymCandidates('dying', false).some((s) => s.includes(' '))).toBe(false);
  });

  it('never replaces function words, determiners or single letters', () => {
    for (const w of ['i', 'me', 'the', 'every', 'a'])
      expect(synonymCandidates(w, true)).toEqual([]);
    for (const seed of SEEDS)
      expect(run(wordnetSynonym, 'I and the every', { aug_p: 1 }, seed)).toBe('I and the every');
  });

  it('replaces at most the counted words, each with a candidate, keeping case', () => {
    const text = 'Happy dogs run quickly across green fields';
    for (const seed of SEEDS) {
      const out = run(wordnetSynonym, text, { multi_word: false }, seed);
      const n = changedPieces(text, out);
      expect(n).toBeGreaterThan(0);
      expect(n).toBeLessThanOrEqual(3); // ceil(0.3 x 7)
      pieces(out).forEach((p, i) => {
        const src = pieces(text)[i]!;
        if (p !== src)
          expect(synonymCandidates(src.toLowerCase(), false)).toContain(p.toLowerCase());
      });
      expect(out.charAt(0)).toMatch(/[A-Z]/);
    }
  });
});

describe('wordnet_antonym', () => {
  it('finds antonyms through every lemma of verb, adjective and adverb senses', () => {
    expect(antonymCandidates('good')).toContain('bad');
    expect(antonymCandidates('properly')).toContain('improperly');
    expect(antonymCandidates('the')).toEqual([]);
    expect(antonymCandidates('table')).toEqual([]);
  });

  it('only changes words that have an antonym, to one of them', () => {
    const text = 'the good table was properly big';
    for (const seed of SEEDS) {
      const out = run(wordnetAntonym, text, { aug_p: 1 }, seed);
      const [src, got] = [pieces(text), pieces(out)];
      expect([got[0], got[2], got[3]]).toEqual(['the', 'table', 'was']);
      got.forEach((p, i) => {
        if (p !== src[i]) expect(antonymCandidates(src[i]!)).toContain(p);
      });
      expect(changedPieces(text, out)).toBe(3);
    }
  });
});
