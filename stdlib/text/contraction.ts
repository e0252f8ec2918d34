import type { TextMethod } from '../method.js';
import { protectedMask } from './eligibility.js';
import { readParams } from './params.js';
import { applyEdits, tokenize, type Edit } from './tokenize.js';

const NAME = 'contraction';

/** Expanded form -> contraction. Where a contraction is ambiguous ("he's", "I'd") the first expansion listed wins. */
const PAIRS: readonly [string, string][] = [
  ['are not', "aren't"],
  ['cannot', "can't"],
  ['can not', "can't"],
  ['could not', "couldn't"],
  ['did not', "didn't"],
  ['does not', "doesn't"],
  ['do not', "don't"],
  ['had not', "hadn't"],
  ['has not', "hasn't"],
  ['have not', "haven't"],
  ['is not', "isn't"],
  ['might not', "mightn't"],
  ['must not', "mustn't"],
  ['need not', "needn't"],
  ['should not', "shouldn't"],
  ['was not', "wasn't"],
  ['were not', "weren't"],
  ['will not', "won't"],
  ['would not', "wouldn't"],
  ['i am', "i'm"],
  ['i have', "i've"],
  ['i will', "i'll"],
  ['i would', "i'd"],
  ['you are', "you're"],
  ['you have', "you've"],
  ['you will', "you'll"],
  ['you would', "you'd"],
  ['he is', "he's"],
  ['he will', "he'll"],
  ['he would', "he'd"],
  ['she is', "she's"],
  ['she will', "she'll"],
  ['she would', "she'd"],
  ['it is', "it's"],
  ['it will', "it'll"],
  ['we are', "we're"],
  ['we have', "we've"],
  ['we will', "we'll"],
  ['we would', "we'd"],
  ['they are', "they're"],
  ['they have', "they've"],
  ['they will', "they'll"],
  ['they would', "they'd"],
  ['that is', "that's"],
  ['there is', "there's"],
  ['what is', "what's"],
  ['where is', "where's"],
  ['who is', "who's"],
  ['let us', "let's"],
];

const key = (s: string): string => s.toLowerCase().replace(/’/g, "'").replace(/\s+/g, ' ');

const CONTRACT = new Map(PAIRS.map(([long, short]) => [long, short]));
const EXPAND = new Map<string, string>();
for (const [long, short] of PAIRS) if (!EXPAND.has(short)) EXPAND.set(short, long);

/** One regex per direction: alternatives longest first, whole words only, either apostrophe. */
function patternFor(phrases: Iterable<string>): RegExp {
  const escaped = [...phrases]
    .sort((a, b) => b.length - a.length || a.localeCompare(b))
    .map((p) => p.replace(/'/g, "['’]").replace(/ /g, '\\s+'));
  return new RegExp(`(?<![\\p{L}\\p{N}_'’])(?:${escaped.join('|')})(?![\\p{L}\\p{N}_'’])`, 'giu');
}

const CONTRACT_RE = patternFor(CONTRACT.keys());
const EXPAND_RE = patternFor(EXPAND.keys());

/** Lower-case table output re-cased like the source: "I" stays capital, the first letter follows. */
function recase(source: string, out: string): string {
  let s = out.replace(/\bi\b/g, 'I');
  if (source === source.toUpperCase() && source.length > 1 && /[A-Z].*[A-Z]/.test(source))
    s = s.toUpperCase();
  else if (/^[A-Z]/.test(source)) s = s.charAt(0).toUpperCase() + s.slice(1);
  return s;
}

/** "what it is." cannot become "what it's.": a verb contraction needs a word after it. */
function strandedAtEnd(phrase: string, rest: string): boolean {
  return !/not$/i.test(phrase) && /^\s*(?:[^\s\p{L}\p{N}]|$)/u.test(rest);
}

/**
 * Expands or contracts each matching site with probability aug_p (AugLy-style, per unit). Sites
 * touching a protected keyword are never rewritten.
 */
export const contraction: TextMethod = {
  domain: 'text',
  name: NAME,
  augment(text, params, ctx) {
    const r = readParams(NAME, params);
    const expand = r.str('action') === 'expand';
    const [re, table] = expand ? [EXPAND_RE, EXPAND] : [CONTRACT_RE, CONTRACT];
    const p = r.num('aug_p');
    const tokens = tokenize(text);
    const mask = protectedMask(tokens, ctx.protectedWords);
    const edits: Edit[] = [];
    for (const m of text.matchAll(re)) {
      const start = m.index;
      const end = start + m[0].length;
      if (tokens.some((t, i) => mask[i] && t.start < end && t.end > start)) continue;
      const out = table.get(key(m[0]));
      if (out === undefined || (!expand && strandedAtEnd(m[0], text.slice(end)))) continue;
      if (ctx.rng.next() >= p) continue;
      edits.push({ start, end, replacement: recase(m[0], out) });
    }
    return applyEdits(text, edits);
  },
};
