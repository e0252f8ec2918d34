import { describe, expect, it } from 'vitest';
import { chrf } from '../../../engine/quality/chrf.js';
import {
  addQualityCounts,
  createQualityFilter,
  emptyQualityCounts,
  SIMILARITY_BINS,
  similarityBin,
  type QualityDecision,
} from '../../../engine/quality/quality-filter.js';

const ORIGINAL = 'I have not slept properly in weeks';

describe('createQualityFilter', () => {
  it('keeps a variant inside the band and reports its similarity', () => {
    const filter = createQualityFilter({ measure: 'chrf', min: 0.5, max: 0.95 });
    const variant = 'I have not slpet properly in weeks';
    const decision = filter.row(ORIGINAL).decide(variant);
    expect(decision).toEqual({ keep: true, similarity: chrf(ORIGINAL, variant) });
  });

  it('drops unchanged copies (after whitespace normalisation) before anything else', () => {
    const filter = createQualityFilter({ measure: 'chrf', min: 0, max: 1 });
    const row = filter.row(ORIGINAL);
    expect(row.decide(`  ${ORIGINAL.replace(/ /g, '\t ')} `)).toEqual({
      keep: false,
      reason: 'unchanged',
    });
  });

  it('treats a case-only change as changed but above a max below 1', () => {
    const filter = createQualityFilter({ measure: 'chrf', min: 0, max: 0.95 });
    expect(filter.row(ORIGINAL).decide(ORIGINAL.toUpperCase())).toEqual({
      keep: false,
      reason: 'above_max',
      similarity: 1,
    });
  });

  it('with caseSensitive, a case-only change scores below 1 under every measure', () => {
    const score = (d: QualityDecision): number | undefined =>
      'similarity' in d ? d.similarity : undefined;
    for (const measure of ['chrf', 'levenshtein', 'jaccard'] as const) {
      const filter = createQualityFilter({ measure, min: 0, max: 0.95, caseSensitive: true });
      const decision = filter.row(ORIGINAL).decide(ORIGINAL.toUpperCase());
      expect(decision.keep, measure).toBe(true);
      expect(score(decision), measure).toBeLessThan(0.95);
      const blind = createQualityFilter({ measure, min: 0, max: 0.95 });
      expect(score(blind.row(ORIGINAL).decide(ORIGINAL.toUpperCase())), measure).toBe(1);
    }
  });

  it('drops a repeat of a kept variant within the same row only', () => {
    const filter = createQualityFilter({ measure: 'levenshtein', min: 0, max: 0.99 });
    const variant = 'I have not slept well in weeks';
    const first = filter.row(ORIGINAL);
    expect(first.decide(variant).keep).toBe(true);
    expect(first.decide(` ${variant}`)).toEqual({ keep: false, reason: 'duplicate' });
    expect(filter.row(ORIGINAL).decide(variant).keep).toBe(true);
  });

  it('does not count a repeat of a dropped variant as a duplicate', () => {
    const filter = createQualityFilter({ measure: 'chrf', min: 0.9, max: 1 });
    const row = filter.row(ORIGINAL);
    expect(row.decide('something else entirely')).toMatchObject({ reason: 'below_min' });
    expect(row.decide('something else entirely')).toMatchObject({ reason: 'below_min' });
  });

  it('uses an inclusive band', () => {
    // levenshtein('abcd', 'abcx') = 1 - 1/4 = 0.75 exactly.
    const atMin = createQualityFilter({ measure: 'levenshtein', min: 0.75, max: 0.8 });
    expect(atMin.row('abcd').decide('abcx').keep).toBe(true);
    const atMax = createQualityFilter({ measure: 'levenshtein', min: 0.5, max: 0.75 });
    expect(atMax.row('abcd').decide('abcx').keep).toBe(true);
    const above = createQualityFilter({ measure: 'levenshtein', min: 0.5, max: 0.74 });
    expect(above.row('abcd').decide('abcx')).toEqual({
      keep: false,
      reason: 'above_max',
      similarity: 0.75,
    });
  });

  it('counts every decision by reason', () => {
    const filter = createQualityFilter({ measure: 'jaccard', min: 0.3, max: 0.9 });
    const row = filter.row('a b c d');
    for (const v of ['a b c d', 'a b c e', 'a b c e', 'x y z w', 'd c b a', 'a b c f'])
      row.decide(v);
    expect(filter.counts()).toEqual({
      generated: 6,
      kept: 2,
      dropped: { unchanged: 1, duplicate: 1, below_min: 1, above_max: 1 },
    });
  });

  it('bins every computed similarity, kept or dropped, but not unchanged or duplicate variants', () => {
    const filter = createQualityFilter({ measure: 'levenshtein', min: 0.5, max: 0.74 });
    const row = filter.row('abcd');
    // 'abcd' unchanged, 'abcx' 0.75 (above_max), 'abxx' 0.5 (kept), again (duplicate), 'xxxx' 0.
    for (const v of ['abcd', 'abcx', 'abxx', 'abxx', 'xxxx']) row.decide(v);
    const bins = filter.histogram();
    expect(bins).toHaveLength(SIMILARITY_BINS);
    expect(bins.reduce((a, b) => a + b, 0)).toBe(3);
    expect([bins[0], bins[10], bins[15]]).toEqual([1, 1, 1]);
    expect(similarityBin(1)).toBe(SIMILARITY_BINS - 1);
    expect(similarityBin(0.05)).toBe(1);
  });

  it('returns a snapshot of the counts', () => {
    const filter = createQualityFilter({ measure: 'chrf', min: 0, max: 1 });
    const before = filter.counts();
    filter.row('abc').decide('abd');
    expect(before.generated).toBe(0);
    expect(filter.counts().generated).toBe(1);
  });

  it('rejects an invalid band', () => {
    expect(() => createQualityFilter({ measure: 'chrf', min: 0.9, max: 0.5 })).toThrow(RangeError);
    expect(() => createQualityFilter({ measure: 'chrf', min: -0.1, max: 0.5 })).toThrow(RangeError);
    expect(() => createQualityFilter({ measure: 'chrf', min: 0, max: 1.5 })).toThrow(RangeError);
  });
});

describe('addQualityCounts', () => {
  it('adds every field', () => {
    const a = emptyQualityCounts();
    const b = {
      generated: 5,
      kept: 2,
      dropped: { unchanged: 1, duplicate: 0, below_min: 1, above_max: 1 },
    };
    addQualityCounts(a, b);
    addQualityCounts(a, b);
    expect(a).toEqual({
      generated: 10,
      kept: 4,
      dropped: { unchanged: 2, duplicate: 0, below_min: 2, above_max: 2 },
    });
  });
});
