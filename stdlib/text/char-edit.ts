import type { MethodParams, Rng, TextContext } from '../method.js';
import { chooseUnits, nlpaugCount, wordChangeCount } from './count.js';
import { eligibleWords, paramStopwords } from './eligibility.js';
import { readParams, type ParamReader } from './params.js';
import { applyEdits, tokenize, type Edit } from './tokenize.js';

/** What a character-level method contributes to the shared two-level draw (nlpaug §b1). */
export interface CharEditor {
  /** Whether the character at `i` of `chars` may be changed. */
  eligible(chars: readonly string[], i: number): boolean;
  /** At most this many characters of a word (e.g. deletion keeps one). */
  maxUnits?(chars: readonly string[]): number;
  /** Returns the new characters of the word; `positions` are ascending. */
  edit(chars: readonly string[], positions: readonly number[], rng: Rng): string[];
}

function eligibleChars(editor: CharEditor, chars: readonly string[]): number[] {
  const out: number[] = [];
  for (let i = 0; i < chars.length; i++) if (editor.eligible(chars, i)) out.push(i);
  return out;
}

function anyEligibleChar(editor: CharEditor, chars: readonly string[]): boolean {
  for (let i = 0; i < chars.length; i++) if (editor.eligible(chars, i)) return true;
  return false;
}

/**
 * Chooses words (nlpaug or TextAttack rule), then characters in each chosen word:
 * clamp(ceil(aug_char_p x length), aug_char_min, aug_char_max), capped by the eligible characters.
 * Words shorter than `min_char` or without an eligible character are not eligible.
 */
export function augmentChars(
  method: string,
  editor: CharEditor,
  text: string,
  params: MethodParams,
  ctx: TextContext,
  r: ParamReader = readParams(method, params),
): string {
  const tokens = tokenize(text);
  const minChar = r.num('min_char');
  // Each candidate word's characters, kept for the words then chosen.
  const charsOf: (string[] | undefined)[] = [];
  const candidates = eligibleWords(tokens, ctx, paramStopwords(r), (t, i) => {
    const chars = [...t.text];
    charsOf[i] = chars;
    return chars.length >= minChar && anyEligibleChar(editor, chars);
  });
  const chosen = chooseUnits(ctx.rng, candidates, wordChangeCount(r, 'aug_word_', tokens));
  const edits: Edit[] = [];
  for (const index of chosen) {
    const token = tokens[index];
    if (!token) continue;
    const chars = charsOf[index] ?? [...token.text];
    const want = nlpaugCount(
      r.num('aug_char_p'),
      chars.length,
      r.optNum('aug_char_min'),
      r.optNum('aug_char_max'),
    );
    const cap = editor.maxUnits ? Math.min(want, editor.maxUnits(chars)) : want;
    const positions = chooseUnits(ctx.rng, eligibleChars(editor, chars), cap);
    const replacement = editor.edit(chars, positions, ctx.rng).join('');
    if (replacement !== token.text) edits.push({ start: token.start, end: token.end, replacement });
  }
  return applyEdits(text, edits);
}
