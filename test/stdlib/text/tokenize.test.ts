import { describe, expect, it } from 'vitest';
import { createRng } from '../../../stdlib/random/rng.js';
import {
  applyEdits,
  deletionEdits,
  matchCase,
  tokenize,
  TOKEN_RE,
} from '../../../stdlib/text/tokenize.js';

/** The tokens as the documented expression finds them. */
function regexTokens(text: string): { text: string; start: number; kind: string }[] {
  return [...text.matchAll(TOKEN_RE)].map((m) => ({
    text: m[0],
    start: m.index,
    kind: /[\p{L}\p{N}\p{M}_]/u.test(m[0]) ? 'word' : 'punct',
  }));
}

describe('tokenize', () => {
  it('finds exactly the matches of TOKEN_RE, on random Unicode text', () => {
    // Letters, digits, marks, joiners, ASCII and Unicode spaces, astral letters and emoji, a lone
    // surrogate, and punctuation: every branch of the scanner.
    const alphabet = [
      'a',
      'Z',
      '7',
      '_',
      'é',
      'ß',
      'Ж',
      '中',
      '\u0301',
      "'",
      '’',
      '-',
      ' ',
      '\t',
      '\n',
      '\u00a0',
      '\u2009',
      '\u3000',
      '\ufeff',
      '.',
      ',',
      '!',
      '^',
      '`',
      '€',
      '𝒜',
      '😀',
      '\ud800',
      '٣',
      'ǅ',
    ];
    const rng = createRng('tokenize-property');
    for (let n = 0; n < 2000; n++) {
      let text = '';
      const length = rng.int(24);
      for (let i = 0; i < length; i++) text += alphabet[rng.int(alphabet.length)];
      const got = tokenize(text).map((t) => ({ text: t.text, start: t.start, kind: t.kind }));
      expect(got, JSON.stringify(text)).toEqual(regexTokens(text));
    }
  });

  it('keeps offsets, contractions and hyphenated words', () => {
    const text = "I can't sleep -- it's 3am, well-known.";
    const tokens = tokenize(text);
    expect(tokens.map((t) => t.text)).toEqual([
      'I',
      "can't",
      'sleep',
      '-',
      '-',
      "it's",
      '3am',
      ',',
      'well-known',
      '.',
    ]);
    for (const t of tokens) expect(text.slice(t.start, t.end)).toBe(t.text);
    expect(tokens.filter((t) => t.kind === 'punct').map((t) => t.text)).toEqual([
      '-',
      '-',
      ',',
      '.',
    ]);
  });

  it('round-trips text exactly when nothing is edited (unlike nlpaug detokenisation)', () => {
    const text = "  I can't  sleep -- it's 3am\n\tOK?  ";
    expect(applyEdits(text, [])).toBe(text);
  });

  it('replaces spans in place, in any order', () => {
    const text = 'a bb ccc';
    expect(
      applyEdits(text, [
        { start: 5, end: 8, replacement: 'X' },
        { start: 0, end: 1, replacement: 'Y' },
      ]),
    ).toBe('Y bb X');
  });

  it('deletes words with their spacing, merging adjacent runs', () => {
    const text = 'one two three four.';
    const t = tokenize(text);
    expect(applyEdits(text, deletionEdits(text, [t[1]!]))).toBe('one three four.');
    expect(applyEdits(text, deletionEdits(text, [t[2]!, t[3]!]))).toBe('one two.');
    expect(applyEdits(text, deletionEdits(text, [t[0]!, t[1]!]))).toBe('three four.');
  });

  it('re-cases replacements like their source', () => {
    expect(matchCase('Tired', 'weary')).toBe('Weary');
    expect(matchCase('TIRED', 'weary')).toBe('WEARY');
    expect(matchCase('tired', 'weary')).toBe('weary');
  });
});
