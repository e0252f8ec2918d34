import type { TextMethod } from '../method.js';
import { loadMisspellings } from './misspellings.js';
import { replaceWords } from './replace-words.js';

const NAME = 'spelling';

/** nlpaug SpellingAug with a licensable dictionary: only words with a known misspelling are eligible. */
export const spelling: TextMethod = {
  domain: 'text',
  name: NAME,
  augment: (text, params, ctx) =>
    replaceWords(NAME, text, params, ctx, (word) => loadMisspellings().get(word) ?? []),
};
