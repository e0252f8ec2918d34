import type { TextMethod } from '../method.js';
import { chooseUnits, wordChangeCount } from './count.js';
import { eligibleWords, paramStopwords } from './eligibility.js';
import { readParams } from './params.js';
import { applyEdits, tokenize, type Edit } from './tokenize.js';

const NAME = 'word_split';

/** nlpaug SplitAug: a space inserted at a uniform inner position of each chosen word. */
export const wordSplit: TextMethod = {
  domain: 'text',
  name: NAME,
  augment(text, params, ctx) {
    const r = readParams(NAME, params);
    const minChar = Math.max(2, r.num('min_char'));
    const tokens = tokenize(text);
    const eligible = eligibleWords(
      tokens,
      ctx,
      paramStopwords(r),
      (t) => [...t.text].length >= minChar,
    );
    const edits: Edit[] = [];
    for (const i of chooseUnits(ctx.rng, eligible, wordChangeCount(r, 'aug_', tokens))) {
      const token = tokens[i];
      if (!token) continue;
      const chars = [...token.text];
      const at = 1 + ctx.rng.int(chars.length - 1);
      const replacement = `${chars.slice(0, at).join('')} ${chars.slice(at).join('')}`;
      edits.push({ start: token.start, end: token.end, replacement });
    }
    return applyEdits(text, edits);
  },
};
