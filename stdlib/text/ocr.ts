import { pick } from '../random/index.js';
import type { Rng, TextMethod } from '../method.js';
import { augmentChars, type CharEditor } from './char-edit.js';
import { ocrConfusions } from './ocr-map.js';

const NAME = 'ocr';

const editor: CharEditor = {
  eligible: (chars, i) => ocrConfusions(chars[i] ?? '').length > 0,
  edit: (chars, positions, rng: Rng) => {
    const out = [...chars];
    for (const i of positions) out[i] = pick(rng, ocrConfusions(chars[i] ?? ''));
    return out;
  },
};

/** nlpaug OcrAug: characters replaced by an OCR look-alike drawn uniformly. */
export const ocr: TextMethod = {
  domain: 'text',
  name: NAME,
  augment: (text, params, ctx) => augmentChars(NAME, editor, text, params, ctx),
};
