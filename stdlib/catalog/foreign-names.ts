/**
 * The reference libraries' own spellings of augc's methods and parameters (pure data, from the
 * research notes' mapping table), so that a user who writes nlpaug's `SynonymAug` or TextAttack's
 * `pct_words_to_swap` is told the augc name instead of "unknown".
 */

interface ForeignMethod {
  library: string;
  method: string;
}

interface ForeignParam {
  library: string;
  /** The augc parameters it corresponds to, in the order to try them against a method's schema. */
  params: readonly string[];
  /** Where augc sets it when it is not a method parameter at all (e.g. a pipeline setting). */
  elsewhere?: string;
}

const NLPAUG = 'nlpaug';
const TEXTATTACK = 'TextAttack';
const IMBLEARN = 'imbalanced-learn';

// Keys are lower-cased: `synonymaug` is as recognisable as `SynonymAug`.
const METHODS: Record<string, ForeignMethod> = {
  keyboardaug: { library: NLPAUG, method: 'keyboard_typo' },
  ocraug: { library: NLPAUG, method: 'ocr' },
  randomcharaug: { library: NLPAUG, method: 'random_char' },
  spellingaug: { library: NLPAUG, method: 'spelling' },
  synonymaug: { library: NLPAUG, method: 'wordnet_synonym' },
  antonymaug: { library: NLPAUG, method: 'wordnet_antonym' },
  randomwordaug: { library: NLPAUG, method: 'random_word' },
  splitaug: { library: NLPAUG, method: 'word_split' },
  wordswapqwerty: { library: TEXTATTACK, method: 'ta_wordswap_qwerty' },
  wordswapwordnet: { library: TEXTATTACK, method: 'ta_wordswap_wordnet' },
  wordswaprandomcharacterdeletion: { library: TEXTATTACK, method: 'ta_char_rand_del' },
  worddeletion: { library: TEXTATTACK, method: 'ta_word_delete' },
  smote: { library: IMBLEARN, method: 'smote' },
  randomoversampler: { library: IMBLEARN, method: 'bootstrap' },
};

// How the libraries write the class names above, for the docs.
const FOREIGN_SPELLING: Record<string, string> = Object.fromEntries(
  [
    'KeyboardAug',
    'OcrAug',
    'RandomCharAug',
    'SpellingAug',
    'SynonymAug',
    'AntonymAug',
    'RandomWordAug',
    'SplitAug',
    'WordSwapQWERTY',
    'WordSwapWordNet',
    'WordSwapRandomCharacterDeletion',
    'WordDeletion',
    'SMOTE',
    'RandomOverSampler',
  ].map((n) => [n.toLowerCase(), n]),
);

const PARAMS: Record<string, ForeignParam> = {
  pct_words_to_swap: { library: TEXTATTACK, params: ['aug_p', 'aug_word_p'] },
  transformations_per_example: {
    library: TEXTATTACK,
    params: [],
    elsewhere: 'the pipeline setting `variants = N`',
  },
  random_seed: { library: TEXTATTACK, params: [], elsewhere: 'the pipeline setting `seed = N`' },
  random_state: { library: IMBLEARN, params: [], elsewhere: 'the pipeline setting `seed = N`' },
};

const quote = (name: string): string => `\`${name}\``;

/** "`SynonymAug` is nlpaug's name: augc calls it `wordnet_synonym`", or undefined. */
export function foreignMethodHint(name: string): string | undefined {
  const found = METHODS[name.toLowerCase()];
  if (!found || found.method === name) return undefined;
  return `${quote(name)} is ${found.library}'s name: augc calls it ${quote(found.method)}`;
}

/**
 * "`pct_words_to_swap` is TextAttack's name: augc calls it `aug_p`" for the first augc spelling
 * the method has (`known`), or where augc sets it instead; undefined when it is not a known
 * foreign name or the method has none of its augc spellings.
 */
export function foreignParamHint(name: string, known: readonly string[]): string | undefined {
  const found = PARAMS[name];
  if (!found) return undefined;
  const ours = found.params.find((p) => known.includes(p));
  if (ours) return `${quote(name)} is ${found.library}'s name: augc calls it ${quote(ours)}`;
  if (found.elsewhere)
    return `${quote(name)} is ${found.library}'s name: augc sets it with ${found.elsewhere}`;
  return undefined;
}

/** Every foreign name as `[name, library, what augc calls it]`, for docs/methods.md. */
export function listForeignNames(): [string, string, string][] {
  const methods = Object.entries(METHODS).map(([k, m]): [string, string, string] => [
    FOREIGN_SPELLING[k] ?? k,
    m.library,
    quote(m.method),
  ]);
  const params = Object.entries(PARAMS).map(([k, p]): [string, string, string] => [
    k,
    p.library,
    p.elsewhere ?? p.params.map(quote).join(' or '),
  ]);
  return [...methods, ...params];
}
