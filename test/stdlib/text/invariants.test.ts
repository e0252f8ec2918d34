import { describe, expect, it } from 'vitest';
import { TEXT_METHODS } from '../../../stdlib/text/index.js';
import { SEEDS, SENTENCE, occurrences, run } from './helpers.js';

// Properties every text method must have, whatever it does.
const PROTECTED = ['slept', 'exhausted', 'worthless', 'empty', 'day', 'not'];
const punctuation = (s: string): string => s.replace(/[\p{L}\p{N}\s]/gu, '');

describe.each(TEXT_METHODS.map((m) => [m.name, m] as const))('%s', (_name, method) => {
  it('is deterministic for a given rng and varies across rng streams', () => {
    const outputs = SEEDS.map((seed) => run(method, SENTENCE, {}, seed));
    expect(SEEDS.map((seed) => run(method, SENTENCE, {}, seed))).toEqual(outputs);
    expect(new Set(outputs).size).toBeGreaterThan(1);
  });

  it('never changes, moves or removes protected words', () => {
    for (const seed of SEEDS) {
      const out = run(method, SENTENCE, {}, seed, PROTECTED);
      for (const w of PROTECTED)
        expect(occurrences(out, w), `${w} in ${out}`).toBeGreaterThanOrEqual(
          occurrences(SENTENCE, w),
        );
    }
  });

  it('keeps the punctuation of the input', () => {
    for (const seed of SEEDS) {
      const out = punctuation(run(method, SENTENCE, {}, seed));
      for (const ch of punctuation(SENTENCE)) expect(out).toContain(ch);
    }
  });

  it('returns the input unchanged when nothing is eligible', () => {
    for (const text of ['', '  ', '... !! ?', 'Slept, exhausted!']) {
      for (const seed of SEEDS.slice(0, 5)) {
        expect(run(method, text, {}, seed, ['slept', 'exhausted'])).toBe(text);
      }
    }
  });
});
