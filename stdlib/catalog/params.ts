import type { ParamSpec } from './types.js';

/** Builders for the parameter groups shared by several text methods (keeps the tables short). */

export function prob(name: string, dflt: number, doc: string): ParamSpec {
  return { name, type: 'number', default: dflt, min: 0, max: 1, doc };
}

export function count(name: string, dflt: number, doc: string, min = 0): ParamSpec {
  return { name, type: 'integer', default: dflt, min, doc };
}

/** nlpaug's word-count rule: clamp(ceil(aug_p x tokens), aug_min, aug_max), then at most the eligible words. */
export function nlpaugWordCount(prefix = 'aug_'): ParamSpec[] {
  return [
    prob(`${prefix}p`, 0.3, 'share of tokens (punctuation included) to change: ceil(p x tokens)'),
    count(`${prefix}min`, 1, 'lower clamp of the number of words changed'),
    count(`${prefix}max`, 10, 'upper clamp of the number of words changed', 1),
  ];
}

/** Lets an alias follow TextAttack's rule max(1, floor(p x words)) instead of nlpaug's. */
export const countRuleParam: ParamSpec = {
  name: 'count_rule',
  type: 'enum',
  default: 'nlpaug',
  values: ['nlpaug', 'textattack'],
  doc: 'nlpaug: clamp(ceil(p x tokens), min, max); textattack: max(1, floor(p x words)), punctuation not counted, min/max ignored',
};

export const stopwordParams: ParamSpec[] = [
  {
    name: 'stopwords',
    type: 'string_list',
    default: [],
    doc: 'extra words (case-insensitive) that are never changed, like nlpaug `stopwords`',
  },
  {
    name: 'stopword_set',
    type: 'enum',
    default: 'none',
    values: ['none', 'nltk', 'eda'],
    doc: "a built-in stopword list that is never changed: NLTK English (TextAttack) or EDA's list",
  },
];

/** nlpaug character augmenters draw words, then characters inside each chosen word. */
export function charCountParams(charMin: number, minChar: number): ParamSpec[] {
  return [
    ...nlpaugWordCount('aug_word_'),
    prob('aug_char_p', 0.3, "share of a chosen word's characters to change: ceil(p x length)"),
    count('aug_char_min', charMin, 'lower clamp of characters changed per word'),
    count('aug_char_max', 10, 'upper clamp of characters changed per word', 1),
    count('min_char', minChar, 'words shorter than this are never chosen', 1),
    countRuleParam,
    ...stopwordParams,
  ];
}

/** Word-level nlpaug methods: count rule plus stopwords. */
export function wordCountParams(): ParamSpec[] {
  return [...nlpaugWordCount(), countRuleParam, ...stopwordParams];
}
