import type { TextContext } from '../method.js';
import type { ParamReader } from './params.js';
import { builtinStopwords } from './stopwords.js';
import type { Token } from './tokenize.js';

/**
 * Marks tokens covered by a protected keyword. Single words match a token case-insensitively;
 * a keyword with spaces ("kick the bucket") protects every token of each consecutive match.
 */
export function protectedMask(
  tokens: readonly Token[],
  protectedWords: ReadonlySet<string>,
): boolean[] {
  const lower = tokens.map((t) => t.text.toLowerCase());
  const mask = lower.map((w) => protectedWords.has(w));
  for (const keyword of protectedWords) {
    const parts = keyword.toLowerCase().split(/\s+/).filter(Boolean);
    if (parts.length < 2) continue;
    for (let i = 0; i + parts.length <= lower.length; i++) {
      if (parts.every((p, j) => lower[i + j] === p)) mask.fill(true, i, i + parts.length);
    }
  }
  return mask;
}

const STOPWORDS = new WeakMap<ParamReader, ReadonlySet<string>>();

/** The stopwords a method's `stopwords` and `stopword_set` params name, lower-cased. */
export function paramStopwords(r: ParamReader): ReadonlySet<string> {
  let set = STOPWORDS.get(r);
  if (set) return set;
  const words = new Set(builtinStopwords(r.str('stopword_set')));
  for (const w of r.list('stopwords')) words.add(w.toLowerCase());
  STOPWORDS.set(r, (set = words));
  return set;
}

/**
 * Indices of the tokens a method may change: words (never punctuation) that are not protected,
 * not stopwords, and pass the method's own test.
 */
export function eligibleWords(
  tokens: readonly Token[],
  ctx: TextContext,
  stopwords: ReadonlySet<string>,
  accept: (token: Token, index: number) => boolean = () => true,
): number[] {
  // Most pipelines protect nothing: then no mask is built.
  const mask = ctx.protectedWords.size > 0 ? protectedMask(tokens, ctx.protectedWords) : undefined;
  const out: number[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (!t || t.kind !== 'word' || mask?.[i]) continue;
    if (stopwords.size > 0 && stopwords.has(t.text.toLowerCase())) continue;
    if (accept(t, i)) out.push(i);
  }
  return out;
}
