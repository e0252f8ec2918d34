import { describe, expect, it } from 'vitest';
import { nlpaugCount } from '../../../stdlib/text/count.js';
import { keyboardNeighbours } from '../../../stdlib/text/keyboard-map.js';
import { keyboardTypo } from '../../../stdlib/text/keyboard-typo.js';
import { ocrConfusions } from '../../../stdlib/text/ocr-map.js';
import { ocr } from '../../../stdlib/text/ocr.js';
import { randomChar } from '../../../stdlib/text/random-char.js';
import { SEEDS, SENTENCE, changedPieces, pieces, run } from './helpers.js';

const ALL = { includeSpecialChar: true, includeNumeric: true, includeUpperCase: true };
const LOWER = { includeSpecialChar: false, includeNumeric: false, includeUpperCase: false };
// 12 words of >= 4 letters, no punctuation: nlpaug picks clamp(ceil(0.3 x 12), 1, 10) = 4 words.
const LONG = 'alpha bravo charlie delta gamma hotel india juliet kilo lima mike oscar';

describe('QWERTY neighbours', () => {
  it('follow the keyboard geometry and are symmetric', () => {
    expect(keyboardNeighbours('q', LOWER)).toEqual(['a', 's', 'w']);
    expect(keyboardNeighbours('g', LOWER)).toEqual(['b', 'f', 'h', 'r', 't', 'v', 'y']);
    for (const a of 'abcdefghijklmnopqrstuvwxyz') {
      for (const b of keyboardNeighbours(a, LOWER))
        expect(keyboardNeighbours(b, LOWER)).toContain(a);
    }
  });

  it('honour the case and character-class options', () => {
    expect(keyboardNeighbours('Q', LOWER)).toEqual(['A', 'S', 'W']);
    expect(keyboardNeighbours('q', ALL)).toEqual(expect.arrayContaining(['1', '2', 'W', 'a']));
    expect(keyboardNeighbours('p', LOWER).some((c) => /[^a-z]/.test(c))).toBe(false);
    expect(keyboardNeighbours('p', ALL)).toContain('[');
    expect(keyboardNeighbours('.', ALL)).toEqual([]);
  });

  it('answer per option set, whatever was asked before', () => {
    // The answers are cached per character and options: asking in either order gives the same.
    const sets = [
      LOWER,
      ALL,
      { ...LOWER, includeNumeric: true },
      { ...LOWER, includeUpperCase: true },
    ];
    const first = sets.map((o) => keyboardNeighbours('w', o));
    expect(new Set(first.map((a) => a.join(''))).size).toBe(4);
    expect([...sets].reverse().map((o) => keyboardNeighbours('w', o))).toEqual(
      [...first].reverse(),
    );
  });

  it('cover characters outside the layout that lower-case into it, and no others', () => {
    // U+212A KELVIN SIGN lower-cases to "k": it types like "K".
    expect(keyboardNeighbours('\u212a', LOWER)).toEqual(keyboardNeighbours('K', LOWER));
    expect(keyboardNeighbours('é', ALL)).toEqual([]);
    expect(keyboardNeighbours('７', ALL)).toEqual([]);
  });
});

describe('OCR confusions', () => {
  it('are symmetric look-alikes', () => {
    expect(ocrConfusions('0')).toEqual(expect.arrayContaining(['O', 'o']));
    for (const a of '0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ') {
      for (const b of ocrConfusions(a)) expect(ocrConfusions(b)).toContain(a);
    }
  });
});

describe('keyboard_typo', () => {
  it('changes exactly min(count, eligible) words and a clamped number of characters in each', () => {
    const base = pieces(LONG);
    for (const seed of SEEDS) {
      const out = run(
        keyboardTypo,
        LONG,
        { include_special_char: false, include_numeric: false },
        seed,
      );
      expect(changedPieces(LONG, out)).toBe(4);
      pieces(out).forEach((p, i) => {
        const src = base[i]!;
        const diff = [...p].filter((c, k) => c.toLowerCase() !== src[k]).length;
        expect(diff).toBeLessThanOrEqual(nlpaugCount(0.3, src.length, 1, 10));
        if (p !== src) {
          expect(diff).toBeGreaterThanOrEqual(1);
          expect(
            [...p].every(
              (c, k) => c.toLowerCase() === src[k] || keyboardNeighbours(src[k]!, ALL).includes(c),
            ),
          ).toBe(true);
        }
      });
    }
  });

  it('never touches words shorter than min_char', () => {
    const text = 'abc def ghi jklmnop';
    for (const seed of SEEDS) {
      const out = pieces(run(keyboardTypo, text, {}, seed));
      expect(out.slice(0, 3)).toEqual(['abc', 'def', 'ghi']);
      expect(out[3]).not.toBe('jklmnop');
    }
  });

  it('follows TextAttack when count_rule = textattack: max(1, floor(p x words)) words', () => {
    for (const seed of SEEDS) {
      const out = run(
        keyboardTypo,
        LONG,
        { count_rule: 'textattack', aug_word_p: 0.1, aug_char_max: 1 },
        seed,
      );
      expect(changedPieces(LONG, out)).toBe(1);
    }
  });
});

describe('ocr', () => {
  it('only uses confusion-map characters and skips words without one', () => {
    for (const seed of SEEDS) {
      const out = run(ocr, 'xyk hello 2010', {}, seed);
      expect(pieces(out)[0]).toBe('xyk');
      pieces(out).forEach((p, i) => {
        const src = pieces('xyk hello 2010')[i]!;
        [...p].forEach((c, k) => {
          if (c !== src[k]) expect(ocrConfusions(src[k]!)).toContain(c);
        });
      });
    }
  });
});

describe('random_char', () => {
  it('insert adds and delete removes one character per edit, inside chosen words only', () => {
    for (const seed of SEEDS) {
      const ins = pieces(run(randomChar, LONG, { action: 'insert' }, seed));
      const del = pieces(run(randomChar, LONG, { action: 'delete' }, seed));
      const base = pieces(LONG);
      expect(ins.filter((p, i) => p.length > base[i]!.length)).toHaveLength(4);
      expect(del.filter((p, i) => p.length < base[i]!.length)).toHaveLength(4);
      expect(del.every((p) => p.length >= 1)).toBe(true);
    }
  });

  it('swap keeps each word an anagram of itself; substitute keeps lengths', () => {
    const sorted = (s: string): string => [...s].sort().join('');
    for (const seed of SEEDS) {
      const swap = pieces(run(randomChar, LONG, { action: 'swap' }, seed));
      expect(swap.map(sorted)).toEqual(pieces(LONG).map(sorted));
      const sub = run(randomChar, LONG, { action: 'substitute' }, seed);
      expect(pieces(sub).map((p) => p.length)).toEqual(pieces(LONG).map((p) => p.length));
      expect(changedPieces(LONG, sub)).toBe(4);
    }
  });

  it('substitutes only from the enabled candidate classes', () => {
    const params = {
      action: 'substitute',
      include_upper_case: false,
      include_numeric: false,
      spec_char: '',
    };
    for (const seed of SEEDS) expect(run(randomChar, LONG, params, seed)).toMatch(/^[a-z ]+$/);
  });
});

it('keeps the sentence layout for in-place character methods', () => {
  for (const seed of SEEDS) {
    expect(pieces(run(keyboardTypo, SENTENCE, {}, seed))).toHaveLength(pieces(SENTENCE).length);
  }
});
