import type { AliasSpec, ParamDefault } from './types.js';

// Seed-style names with the reference library's own defaults (see the research notes, table (a)).
// TextAttack names follow its rule max(1, floor(pct x words)), one edit per word, NLTK stopwords.

const alias = (
  name: string,
  method: string,
  params: Record<string, ParamDefault>,
  doc: string,
): AliasSpec => ({
  alias: name,
  method,
  params,
  doc,
});

const TEXTATTACK = { count_rule: 'textattack', stopword_set: 'nltk' } as const;

const RAND_CHAR: [string, string][] = [
  ['ins', 'insert'],
  ['sub', 'substitute'],
  ['swap', 'swap'],
  ['del', 'delete'],
];

const RAND_WORD = ['delete', 'swap', 'substitute', 'crop'];

export const ALIAS_SPECS: readonly AliasSpec[] = [
  alias('nlp_keyboard', 'keyboard_typo', {}, 'nlpaug KeyboardAug defaults'),
  alias('nlp_ocr', 'ocr', {}, 'nlpaug OcrAug defaults'),
  ...RAND_CHAR.flatMap(([short, action]) => [
    alias(
      `nlp_randchar_${short}`,
      'random_char',
      { action },
      `nlpaug RandomCharAug(action='${action}')`,
    ),
    alias(
      `nlp_random_char_${action}`,
      'random_char',
      { action },
      `nlpaug RandomCharAug(action='${action}')`,
    ),
  ]),
  alias(
    'nlp_spelling',
    'spelling',
    {},
    'nlpaug SpellingAug defaults, with a licensable misspelling list',
  ),
  alias('nlp_wordnet_syn', 'wordnet_synonym', {}, 'nlpaug SynonymAug(aug_src=wordnet) defaults'),
  alias('nlp_antonym', 'wordnet_antonym', {}, 'nlpaug AntonymAug defaults (label-unsafe)'),
  ...RAND_WORD.flatMap((action) => [
    alias(
      `nlp_randword_${action === 'substitute' ? 'sub' : action}`,
      'random_word',
      { action },
      `nlpaug RandomWordAug(action='${action}')`,
    ),
    alias(
      `nlp_random_word_${action}`,
      'random_word',
      { action },
      `nlpaug RandomWordAug(action='${action}')`,
    ),
  ]),
  alias('nlp_split', 'word_split', {}, 'nlpaug SplitAug defaults'),
  alias(
    'ta_wordswap_qwerty',
    'keyboard_typo',
    {
      ...TEXTATTACK,
      aug_word_p: 0.1,
      aug_char_min: 1,
      aug_char_max: 1,
      min_char: 2,
      include_special_char: false,
      include_numeric: false,
      include_upper_case: false,
    },
    'TextAttack WordSwapQWERTY: one adjacent-key substitution per chosen word, pct_words_to_swap=0.1',
  ),
  alias(
    'ta_wordswap_wordnet',
    'wordnet_synonym',
    { ...TEXTATTACK, aug_p: 0.1, multi_word: false },
    'TextAttack WordSwapWordNet: single-word synonyms, pct_words_to_swap=0.1',
  ),
  alias(
    'ta_char_rand_del',
    'random_char',
    {
      ...TEXTATTACK,
      action: 'delete',
      aug_word_p: 0.1,
      aug_char_min: 1,
      aug_char_max: 1,
      min_char: 2,
    },
    'TextAttack WordSwapRandomCharacterDeletion: one deleted character per chosen word, pct_words_to_swap=0.1',
  ),
  alias(
    'ta_word_delete',
    'random_word',
    { ...TEXTATTACK, action: 'delete', aug_p: 0.1 },
    'TextAttack WordDeletion, pct_words_to_swap=0.1',
  ),
  alias(
    'eda_sr',
    'eda_synonym_replacement',
    { alpha_sr: 0.1 },
    'EDA synonym replacement, alpha_sr=0.1',
  ),
  alias('eda_ri', 'eda_random_insertion', { alpha_ri: 0.1 }, 'EDA random insertion, alpha_ri=0.1'),
  alias('eda_rs', 'eda_random_swap', { alpha_rs: 0.1 }, 'EDA random swap, alpha_rs=0.1'),
  alias('eda_rd', 'eda_random_deletion', { p_rd: 0.1 }, 'EDA random deletion, p_rd=0.1'),
  alias('nlp_contraction', 'contraction', { action: 'contract' }, 'AugLy contractions, aug_p=0.3'),
  ...['gaussian_noise', 'smote', 'mixup', 'feature_mask', 'bootstrap'].map((m) =>
    alias(`tab_${m}`, m, {}, `research-notes name for ${m}`),
  ),
];
