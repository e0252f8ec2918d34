import { pick, shuffle } from '../random/index.js';
import type { Rng, TextContext, TextMethod } from '../method.js';
import { textattackCount } from './count.js';
import { eligibleWords } from './eligibility.js';
import { readParams } from './params.js';
import { EDA_STOPWORDS } from './stopwords.js';
import {
  applyEdits,
  deletionEdits,
  matchCase,
  tokenize,
  type Edit,
  type Token,
} from './tokenize.js';
import { loadWordNet } from './wordnet.js';

/**
 * The four operations of Wei & Zou's eda.py, on augc's tokens rather than EDA's lower-cased
 * letters-only text. EDA draws from Python sets (hash order); here every list is sorted first.
 */

/** EDA get_synonyms: all lemmas, "_" and "-" as spaces, letters and spaces only, minus the word. */
export function edaSynonyms(word: string): string[] {
  const wn = loadWordNet();
  const out = new Set<string>();
  for (const synset of wn.synsetsOf(word)) {
    for (const lemma of wn.lemmasOf(synset)) {
      const s = lemma
        .replace(/[_-]/g, ' ')
        .toLowerCase()
        .replace(/[^a-z ]/g, '');
      if (s.trim() !== '' && s !== word) out.add(s);
    }
  }
  return [...out].sort();
}

const none = new Set<string>();
const wordTokens = (tokens: readonly Token[]): Token[] => tokens.filter((t) => t.kind === 'word');

/** SR: shuffled distinct non-stopwords; each with synonyms has all its occurrences replaced. */
function synonymReplacement(text: string, alpha: number, ctx: TextContext): string {
  const tokens = tokenize(text);
  const eligible = eligibleWords(tokens, ctx, EDA_STOPWORDS);
  const n = textattackCount(alpha, wordTokens(tokens).length);
  const distinct = shuffle(
    ctx.rng,
    [...new Set(eligible.map((i) => tokens[i]?.text.toLowerCase() ?? ''))].sort(),
  );
  const edits: Edit[] = [];
  let replaced = 0;
  for (const word of distinct) {
    const synonyms = edaSynonyms(word);
    if (synonyms.length === 0) continue;
    const synonym = pick(ctx.rng, synonyms);
    for (const i of eligible) {
      const t = tokens[i];
      if (t && t.text.toLowerCase() === word)
        edits.push({ start: t.start, end: t.end, replacement: matchCase(t.text, synonym) });
    }
    if (++replaced >= n) break;
  }
  return applyEdits(text, edits);
}

interface Item {
  text: string;
  /** The original word this item is (or is inserted before). */
  anchor: number;
  inserted: boolean;
  protected: boolean;
}

/** EDA add_word: up to 10 tries for a word with synonyms, then insert one before a random word. */
function addWord(items: Item[], rng: Rng): void {
  const sources = items.filter((it) => !it.protected);
  if (sources.length === 0) return;
  let synonyms: string[] = [];
  for (let tries = 1; synonyms.length === 0; tries++) {
    synonyms = edaSynonyms(pick(rng, sources).text.toLowerCase());
    if (tries >= 10) return; // eda.py gives up on the 10th try even when it succeeded
  }
  // eda.py takes synonyms[0] of an unordered set, i.e. an arbitrary one; draw it uniformly instead.
  const synonym = pick(rng, synonyms);
  const at = rng.int(items.length);
  const anchor = items[at]?.anchor ?? 0;
  items.splice(at, 0, { text: synonym, anchor, inserted: true, protected: false });
}

function randomInsertion(text: string, alpha: number, ctx: TextContext): string {
  const tokens = tokenize(text);
  const eligible = new Set(eligibleWords(tokens, ctx, none));
  const items: Item[] = tokens.flatMap((t, i) =>
    t.kind === 'word'
      ? [{ text: t.text, anchor: i, inserted: false, protected: !eligible.has(i) }]
      : [],
  );
  const n = textattackCount(alpha, items.length);
  if (items.length > 0) for (let k = 0; k < n; k++) addWord(items, ctx.rng);
  const edits: Edit[] = [];
  let pending: string[] = [];
  for (const it of items) {
    if (it.inserted) pending.push(it.text);
    else if (pending.length > 0) {
      const start = tokens[it.anchor]?.start ?? 0;
      edits.push({ start, end: start, replacement: `${pending.join(' ')} ` });
      pending = [];
    }
  }
  return applyEdits(text, edits);
}

/** RS: n times, swap two random positions (eda.py retries up to 3 times to get two distinct ones). */
function randomSwap(text: string, alpha: number, ctx: TextContext): string {
  const tokens = tokenize(text);
  const positions = eligibleWords(tokens, ctx, none);
  const texts = positions.map((i) => tokens[i]?.text ?? '');
  const n = textattackCount(alpha, wordTokens(tokens).length);
  for (let k = 0; k < n && texts.length > 0; k++) {
    const a = ctx.rng.int(texts.length);
    let b = a;
    for (let tries = 0; b === a && tries <= 3; tries++) b = ctx.rng.int(texts.length);
    if (b === a) break;
    [texts[a], texts[b]] = [texts[b] ?? '', texts[a] ?? ''];
  }
  const edits = positions.flatMap((i, k) => {
    const t = tokens[i];
    return t && texts[k] !== t.text
      ? [{ start: t.start, end: t.end, replacement: texts[k] ?? '' }]
      : [];
  });
  return applyEdits(text, edits);
}

/** RD: each word deleted with probability p; if none would remain, one random word is kept. */
function randomDeletion(text: string, p: number, ctx: TextContext): string {
  const tokens = tokenize(text);
  const words = wordTokens(tokens);
  if (words.length <= 1) return text;
  const eligible = new Set(eligibleWords(tokens, ctx, none).map((i) => tokens[i]));
  let deleted = words.filter((w) => eligible.has(w) && ctx.rng.next() < p);
  if (deleted.length === words.length) {
    const keep = words[ctx.rng.int(words.length)];
    deleted = deleted.filter((w) => w !== keep);
  }
  return applyEdits(text, deletionEdits(text, deleted));
}

type Operation = (text: string, alpha: number, ctx: TextContext) => string;

const edaMethod = (name: string, param: string, op: Operation): TextMethod => ({
  domain: 'text',
  name,
  augment: (text, params, ctx) => op(text, readParams(name, params).num(param), ctx),
});

export const edaSynonymReplacement = edaMethod(
  'eda_synonym_replacement',
  'alpha_sr',
  synonymReplacement,
);
export const edaRandomInsertion = edaMethod('eda_random_insertion', 'alpha_ri', randomInsertion);
export const edaRandomSwap = edaMethod('eda_random_swap', 'alpha_rs', randomSwap);
export const edaRandomDeletion = edaMethod('eda_random_deletion', 'p_rd', randomDeletion);
