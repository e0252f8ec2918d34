import type { Rng } from '../method.js';
import { sample } from '../random/index.js';
import type { ParamReader } from './params.js';
import type { Token } from './tokenize.js';

/**
 * nlpaug `_generate_aug_cnt`: ceil(p x size), raised to `min` and lowered to `max` when those are
 * truthy (0 and null disable a clamp, as in Python). The float product is used as is, like the
 * reference, so rounding quirks (ceil(0.7 x 90) = 63) match too.
 */
export function nlpaugCount(
  p: number,
  size: number,
  min: number | null,
  max: number | null,
): number {
  let cnt = Math.ceil(p * size);
  if (min && cnt < min) cnt = min;
  if (max && cnt > max) cnt = max;
  return cnt;
}

/** TextAttack `Augmenter` and EDA: max(1, int(p x words)). */
export function textattackCount(p: number, words: number): number {
  return Math.max(1, Math.floor(p * words));
}

/**
 * How many words a word-selecting method changes before capping by the eligible words, following
 * the method's `count_rule`: nlpaug counts all tokens (punctuation included), TextAttack words only.
 */
export function wordChangeCount(r: ParamReader, prefix: string, tokens: readonly Token[]): number {
  const p = r.num(`${prefix}p`);
  if (r.str('count_rule') === 'textattack') {
    return textattackCount(p, tokens.filter((t) => t.kind === 'word').length);
  }
  return nlpaugCount(p, tokens.length, r.optNum(`${prefix}min`), r.optNum(`${prefix}max`));
}

/** min(count, candidates) distinct candidates drawn uniformly, returned in ascending order. */
export function chooseUnits(rng: Rng, candidates: readonly number[], count: number): number[] {
  const k = Math.max(0, Math.min(count, candidates.length));
  return sortAscending(sample(rng, candidates, k));
}

/** Insertion sort: the lists are a few numbers long, and Array#sort allocates for each call. */
function sortAscending(xs: number[]): number[] {
  for (let i = 1; i < xs.length; i++) {
    const x = xs[i] ?? 0;
    let j = i - 1;
    while (j >= 0 && (xs[j] ?? 0) > x) {
      xs[j + 1] = xs[j] ?? 0;
      j--;
    }
    xs[j + 1] = x;
  }
  return xs;
}
