import { pick } from '../random/index.js';
import type { Rng, TextMethod } from '../method.js';
import { augmentChars, type CharEditor } from './char-edit.js';
import { readParams, type ParamReader } from './params.js';

const NAME = 'random_char';

/** Candidate characters for insert/substitute, in a fixed (sorted) order. */
function candidateChars(r: ParamReader): string[] {
  let chars = r.str('spec_char');
  if (r.bool('include_upper_case')) chars += 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
  if (r.bool('include_lower_case')) chars += 'abcdefghijklmnopqrstuvwxyz';
  if (r.bool('include_numeric')) chars += '0123456789';
  return [...new Set(chars)].sort();
}

/** nlpaug `_get_swap_position`: a neighbour, an inner character, or any other character. */
function swapPartner(i: number, length: number, mode: string, rng: Rng): number {
  if (mode === 'adjacent') {
    if (i === 0) return 1;
    if (i === length - 1) return i - 1;
    return rng.int(2) === 0 ? i - 1 : i + 1;
  }
  const lo = mode === 'middle' && length > 3 ? 1 : 0;
  const hi = mode === 'middle' && length > 3 ? length - 1 : length;
  const others: number[] = [];
  for (let j = lo; j < hi; j++) if (j !== i) others.push(j);
  return others.length > 0 ? pick(rng, others) : i;
}

function makeEditor(action: string, r: ParamReader): CharEditor {
  const pool = candidateChars(r);
  const mode = r.str('swap_mode');
  return {
    eligible: (chars) =>
      action === 'swap' ? chars.length > 1 : action !== 'delete' || chars.length > 1,
    ...(action === 'delete' ? { maxUnits: (chars: readonly string[]) => chars.length - 1 } : {}),
    edit(chars, positions, rng) {
      const out = [...chars];
      if (action === 'swap') {
        for (const i of positions) {
          const j = swapPartner(i, out.length, mode, rng);
          [out[i], out[j]] = [out[j] ?? '', out[i] ?? ''];
        }
        return out;
      }
      // Walk right to left so earlier positions stay valid while inserting or deleting.
      for (const i of [...positions].reverse()) {
        if (action === 'delete') out.splice(i, 1);
        else if (action === 'insert') out.splice(i, 0, pick(rng, pool));
        else
          out[i] = pick(
            rng,
            pool.filter((c) => c !== chars[i]),
          );
      }
      return out;
    },
  };
}

/** One editor per parameter reader (and so per task), not per row. */
const EDITORS = new WeakMap<ParamReader, CharEditor>();

/** nlpaug RandomCharAug: insert, substitute, swap or delete random characters in chosen words. */
export const randomChar: TextMethod = {
  domain: 'text',
  name: NAME,
  augment(text, params, ctx) {
    const r = readParams(NAME, params);
    let editor = EDITORS.get(r);
    if (!editor) EDITORS.set(r, (editor = makeEditor(r.str('action'), r)));
    return augmentChars(NAME, editor, text, params, ctx, r);
  },
};
