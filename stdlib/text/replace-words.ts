import { pick } from '../random/index.js';
import type { MethodParams, TextContext } from '../method.js';
import { chooseUnits, wordChangeCount } from './count.js';
import { eligibleWords, paramStopwords } from './eligibility.js';
import { readParams, type ParamReader } from './params.js';
import { applyEdits, matchCase, tokenize, type Edit } from './tokenize.js';

/**
 * The shared shape of nlpaug's dictionary methods (spelling, synonyms, antonyms): words that have
 * at least one candidate are eligible; the count rule picks how many; each chosen word gets a
 * candidate drawn uniformly from its sorted list, re-cased like the source word.
 */
export function replaceWords(
  method: string,
  text: string,
  params: MethodParams,
  ctx: TextContext,
  candidatesOf: (word: string, r: ParamReader) => readonly string[],
): string {
  const r = readParams(method, params);
  const tokens = tokenize(text);
  const cache = new Map<string, readonly string[]>();
  const lookup = (word: string): readonly string[] => {
    const key = word.toLowerCase();
    let found = cache.get(key);
    if (!found) {
      found = candidatesOf(key, r);
      cache.set(key, found);
    }
    return found;
  };
  const candidates = eligibleWords(
    tokens,
    ctx,
    paramStopwords(r),
    (t) => lookup(t.text).length > 0,
  );
  const chosen = chooseUnits(ctx.rng, candidates, wordChangeCount(r, 'aug_', tokens));
  const edits: Edit[] = [];
  for (const index of chosen) {
    const token = tokens[index];
    if (!token) continue;
    const replacement = matchCase(token.text, pick(ctx.rng, lookup(token.text)));
    if (replacement !== token.text) edits.push({ start: token.start, end: token.end, replacement });
  }
  return applyEdits(text, edits);
}
