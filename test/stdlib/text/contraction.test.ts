import { describe, expect, it } from 'vitest';
import { contraction } from '../../../stdlib/text/contraction.js';
import { SEEDS, run } from './helpers.js';

describe('contraction', () => {
  it('contracts every site at aug_p = 1, keeping case', () => {
    expect(run(contraction, 'I am sure they do not know. Do NOT go.', { aug_p: 1 })).toBe(
      "I'm sure they don't know. Don't go.",
    );
    expect(run(contraction, 'I CANNOT', { aug_p: 1 })).toBe("I CAN'T");
  });

  it('expands every site at aug_p = 1, either apostrophe', () => {
    expect(
      run(contraction, "I don’t think it's over, we won't stop", { action: 'expand', aug_p: 1 }),
    ).toBe('I do not think it is over, we will not stop');
  });

  it('does not contract a verb left at the end of a clause', () => {
    expect(run(contraction, 'I know what it is.', { aug_p: 1 })).toBe('I know what it is.');
    expect(run(contraction, 'I do not.', { aug_p: 1 })).toBe("I don't.");
  });

  it('matches whole words only and skips protected sites', () => {
    expect(run(contraction, 'do nothing, undo not', { aug_p: 1 })).toBe('do nothing, undo not');
    expect(run(contraction, 'I do not care', { aug_p: 1 }, 1, ['not'])).toBe('I do not care');
  });

  it('rewrites each site with probability aug_p', () => {
    const text = Array.from({ length: 200 }, () => 'do not').join(' and ');
    const counts = SEEDS.slice(0, 5).map(
      (seed) => (run(contraction, text, { aug_p: 0.3 }, seed).match(/don't/g) ?? []).length,
    );
    for (const c of counts) expect(c).toBeGreaterThan(30);
    for (const c of counts) expect(c).toBeLessThan(90);
    expect(run(contraction, text, { aug_p: 0 })).toBe(text);
  });
});
