import { describe, expect, it } from 'vitest';
import { createRng } from '../../../stdlib/random/index.js';
import { chooseUnits, nlpaugCount, textattackCount } from '../../../stdlib/text/count.js';

describe('count rules', () => {
  it('nlpaug: ceil(p x tokens) clamped to [min, max]; 0 or null disables a clamp', () => {
    expect(nlpaugCount(0.3, 18, 1, 10)).toBe(6); // research note §b6: 17 words plus a period
    expect(nlpaugCount(0.3, 100, 1, 10)).toBe(10);
    expect(nlpaugCount(0.3, 100, 1, null)).toBe(30);
    expect(nlpaugCount(0.01, 5, 2, 10)).toBe(2);
    expect(nlpaugCount(0.01, 5, 0, 10)).toBe(1);
    expect(nlpaugCount(0.3, 0, 0, 10)).toBe(0);
    expect(nlpaugCount(0.3, 10, 1, 10)).toBe(3);
  });

  it('TextAttack/EDA: max(1, floor(p x words))', () => {
    expect(textattackCount(0.1, 17)).toBe(1);
    expect(textattackCount(0.1, 35)).toBe(3);
    expect(textattackCount(0.1, 0)).toBe(1);
  });

  it('chooses min(count, candidates) distinct candidates, ascending, deterministically', () => {
    const candidates = [3, 5, 8, 13, 21];
    const a = chooseUnits(createRng('c', 1), candidates, 3);
    expect(a).toEqual(chooseUnits(createRng('c', 1), candidates, 3));
    expect(a).toHaveLength(3);
    expect(new Set(a).size).toBe(3);
    expect([...a].sort((x, y) => x - y)).toEqual(a);
    expect(a.every((x) => candidates.includes(x))).toBe(true);
    expect(chooseUnits(createRng('c', 1), candidates, 99)).toEqual(candidates);
    expect(chooseUnits(createRng('c', 1), [], 4)).toEqual([]);
  });
});
