import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { diffTexts, tokenize, type DiffPart } from '../../../engine/report/text-diff.js';

const side = (parts: DiffPart[], drop: DiffPart['kind']): string =>
  parts
    .filter((p) => p.kind !== drop)
    .map((p) => p.text)
    .join('');

describe('diffTexts', () => {
  it('marks a replaced word, and only the changed characters of a typo', () => {
    expect(diffTexts('I keep pacing', 'I maintain pacing')).toEqual([
      { kind: 'same', text: 'I ' },
      { kind: 'del', text: 'keep' },
      { kind: 'ins', text: 'maintain' },
      { kind: 'same', text: ' pacing' },
    ]);
    expect(diffTexts('the tired cat', 'the tirde cat')).toEqual([
      { kind: 'same', text: 'the tir' },
      { kind: 'del', text: 'e' },
      { kind: 'same', text: 'd' },
      { kind: 'ins', text: 'e' },
      { kind: 'same', text: ' cat' },
    ]);
  });

  it('keeps a common prefix or suffix whole, and sees a typo that splits a word', () => {
    expect(diffTexts('been able to', 'been capable to')).toEqual([
      { kind: 'same', text: 'been ' },
      { kind: 'ins', text: 'cap' },
      { kind: 'same', text: 'able to' },
    ]);
    expect(diffTexts('I stopped going', 'I sto;ped going')).toEqual([
      { kind: 'same', text: 'I sto' },
      { kind: 'del', text: 'p' },
      { kind: 'ins', text: ';' },
      { kind: 'same', text: 'ped going' },
    ]);
  });

  it('shows swapped words as a deletion and an insertion', () => {
    const parts = diffTexts('for exams went', 'exams for went');
    expect(parts.filter((p) => p.kind !== 'same').map((p) => p.text.trim())).toEqual([
      'for',
      'for',
    ]);
  });

  it('returns nothing changed for equal texts', () => {
    expect(diffTexts('same text.', 'same text.')).toEqual([{ kind: 'same', text: 'same text.' }]);
  });

  it('tokenizes words (with apostrophes), spaces and punctuation apart', () => {
    expect(tokenize("can't stop, won't")).toEqual(["can't", ' ', 'stop', ',', ' ', "won't"]);
  });

  it('always rebuilds both texts from its parts', () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), (a, b) => {
        const parts = diffTexts(a, b);
        expect(side(parts, 'ins')).toBe(a);
        expect(side(parts, 'del')).toBe(b);
      }),
    );
  });
});
