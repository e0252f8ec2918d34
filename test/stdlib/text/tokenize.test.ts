import { describe, expect, it } from 'vitest';
import { applyEdits, deletionEdits, matchCase, tokenize } from '../../../stdlib/text/tokenize.js';

describe('tokenize', () => {
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
