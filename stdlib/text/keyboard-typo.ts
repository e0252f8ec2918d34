import { pick } from '../random/index.js';
import type { TextMethod } from '../method.js';
import { augmentChars, type CharEditor } from './char-edit.js';
import { keyboardNeighbours, type KeyboardOptions } from './keyboard-map.js';
import { readParams } from './params.js';

const NAME = 'keyboard_typo';

/** nlpaug KeyboardAug: characters replaced by a QWERTY neighbour drawn uniformly. */
export const keyboardTypo: TextMethod = {
  domain: 'text',
  name: NAME,
  augment(text, params, ctx) {
    const r = readParams(NAME, params);
    const opts: KeyboardOptions = {
      includeSpecialChar: r.bool('include_special_char'),
      includeNumeric: r.bool('include_numeric'),
      includeUpperCase: r.bool('include_upper_case'),
    };
    const editor: CharEditor = {
      eligible: (chars, i) => keyboardNeighbours(chars[i] ?? '', opts).length > 0,
      edit: (chars, positions, rng) => {
        const out = [...chars];
        for (const i of positions) out[i] = pick(rng, keyboardNeighbours(chars[i] ?? '', opts));
        return out;
      },
    };
    return augmentChars(NAME, editor, text, params, ctx, r);
  },
};
