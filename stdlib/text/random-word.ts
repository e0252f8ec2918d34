import { pick } from '../random/index.js';
import type { Rng, TextMethod } from '../method.js';
import { chooseUnits, wordChangeCount } from './count.js';
import { eligibleWords, paramStopwords } from './eligibility.js';
import { readParams } from './params.js';
import { applyEdits, deletionEdits, tokenize, type Edit, type Token } from './tokenize.js';

const NAME = 'random_word';

/**
 * Swaps each chosen word with an eligible neighbouring token (words only, never across
 * punctuation). A word takes part in at most one swap, so two swaps never cancel out.
 */
function swapEdits(
  tokens: readonly Token[],
  eligible: readonly number[],
  count: number,
  rng: Rng,
): Edit[] {
  const ok = new Set(eligible);
  const partners = (i: number): number[] => [i - 1, i + 1].filter((j) => ok.has(j));
  const chosen = chooseUnits(
    rng,
    eligible.filter((i) => partners(i).length > 0),
    count,
  );
  const texts = tokens.map((t) => t.text);
  for (const i of chosen) {
    if (!ok.has(i)) continue;
    const free = partners(i);
    if (free.length === 0) continue;
    const j = pick(rng, free);
    [texts[i], texts[j]] = [texts[j] ?? '', texts[i] ?? ''];
    ok.delete(i);
    ok.delete(j);
  }
  return tokens.flatMap((t, i) =>
    texts[i] !== t.text ? [{ start: t.start, end: t.end, replacement: texts[i] ?? '' }] : [],
  );
}

/** Removes one contiguous run of `count` eligible words (shorter when no run is that long). */
function cropEdits(
  text: string,
  tokens: readonly Token[],
  eligible: readonly number[],
  count: number,
  rng: Rng,
): Edit[] {
  const ok = new Set(eligible);
  const runLength = (i: number): number => {
    let n = 0;
    while (ok.has(i + n)) n++;
    return n;
  };
  const longest = Math.max(0, ...eligible.map(runLength));
  const n = Math.min(count, longest);
  if (n === 0) return [];
  const start = pick(
    rng,
    eligible.filter((i) => runLength(i) >= n),
  );
  const first = tokens[start];
  const last = tokens[start + n - 1];
  return first && last ? deletionEdits(text, [{ start: first.start, end: last.end }]) : [];
}

/** nlpaug RandomWordAug: swap, delete, substitute (with a target word) or crop. */
export const randomWord: TextMethod = {
  domain: 'text',
  name: NAME,
  augment(text, params, ctx) {
    const r = readParams(NAME, params);
    const tokens = tokenize(text);
    const eligible = eligibleWords(tokens, ctx, paramStopwords(r));
    const count = wordChangeCount(r, 'aug_', tokens);
    const action = r.str('action');
    if (action === 'swap') return applyEdits(text, swapEdits(tokens, eligible, count, ctx.rng));
    if (action === 'crop')
      return applyEdits(text, cropEdits(text, tokens, eligible, count, ctx.rng));
    const chosen = chooseUnits(ctx.rng, eligible, count).flatMap((i) =>
      tokens[i] ? [tokens[i]] : [],
    );
    if (action === 'delete') return applyEdits(text, deletionEdits(text, chosen));
    const pool = [...new Set(r.list('target_words'))].sort();
    if (pool.length === 0) return text;
    return applyEdits(
      text,
      chosen.map((t) => ({ start: t.start, end: t.end, replacement: pick(ctx.rng, pool) })),
    );
  },
};
