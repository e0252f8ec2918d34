import { charCountParams, prob, wordCountParams } from './params.js';
import type { MethodSpec, ParamSpec } from './types.js';

// Shared wording for the docs: every method says which count rule it follows.
const NLPAUG_WORDS =
  'Count rule (nlpaug): n = clamp(ceil(aug_p x tokens), aug_min, aug_max) with punctuation counted as tokens, ' +
  'then at most the number of eligible words; `count_rule = textattack` uses max(1, floor(aug_p x words)) instead. ' +
  'Punctuation, protected keywords and stopwords are never eligible. Text is edited in place: untouched spans keep ' +
  'their exact characters.';
const NLPAUG_CHARS =
  'Count rule (nlpaug, two levels): words n = clamp(ceil(aug_word_p x tokens), aug_word_min, aug_word_max), ' +
  'then per chosen word clamp(ceil(aug_char_p x length), aug_char_min, aug_char_max), capped by its eligible ' +
  'characters; `count_rule = textattack` chooses max(1, floor(aug_word_p x words)) words. Words shorter than ' +
  '`min_char`, punctuation, protected keywords and stopwords are never eligible.';
const EDA_RULE =
  "Count rule (EDA): n = max(1, floor(alpha x words)). Works on augc's tokens (original casing and punctuation kept) " +
  "instead of EDA's lower-cased letters-only text; candidate lists are sorted, so output is reproducible.";

const text = (spec: Omit<MethodSpec, 'domain' | 'gpu'>): MethodSpec => ({
  ...spec,
  domain: 'text',
  gpu: false,
});

const flag = (name: string, doc: string): ParamSpec => ({ name, type: 'bool', default: true, doc });

const keyboardTypo = text({
  name: 'keyboard_typo',
  summary: 'replace characters with QWERTY neighbour keys',
  doc: `Replaces characters inside randomly chosen words with a neighbouring key on a QWERTY keyboard. ${NLPAUG_CHARS}`,
  params: [
    ...charCountParams(1, 4),
    flag('include_special_char', 'allow neighbours that are symbols'),
    flag('include_numeric', 'allow neighbours that are digits'),
    flag('include_upper_case', 'allow upper-case neighbours (case is otherwise kept)'),
  ],
  countRule: 'nlpaug',
  labelSafe: true,
  reference: 'nlpaug KeyboardAug',
});

const ocr = text({
  name: 'ocr',
  summary: 'swap characters OCR engines confuse (0/o, 1/l, 5/S ...)',
  doc: `Replaces characters with look-alikes an OCR engine confuses. ${NLPAUG_CHARS}`,
  params: charCountParams(2, 1),
  countRule: 'nlpaug',
  labelSafe: true,
  reference: 'nlpaug OcrAug',
});

const randomChar = text({
  name: 'random_char',
  summary: 'insert, substitute, swap or delete random characters',
  doc: `Random character edits inside chosen words. ${NLPAUG_CHARS}`,
  params: [
    {
      name: 'action',
      type: 'enum',
      default: 'substitute',
      values: ['insert', 'substitute', 'swap', 'delete'],
      doc: 'the edit',
    },
    ...charCountParams(1, 4),
    {
      name: 'swap_mode',
      type: 'enum',
      default: 'adjacent',
      values: ['adjacent', 'middle', 'random'],
      doc: 'swap partner: a neighbour, any inner character, or any character',
    },
    {
      name: 'spec_char',
      type: 'string',
      default: '!@#$%^&*()_+',
      doc: 'symbols that may be inserted or substituted',
    },
    flag('include_upper_case', 'candidates include A-Z'),
    flag('include_lower_case', 'candidates include a-z'),
    flag('include_numeric', 'candidates include 0-9'),
  ],
  countRule: 'nlpaug',
  labelSafe: true,
  reference: 'nlpaug RandomCharAug',
});

const spelling = text({
  name: 'spelling',
  summary: 'replace words with common misspellings',
  doc:
    'Replaces words with a common misspelling from the Wikipedia list (@cspell/dict-en-common-misspellings, CC BY-SA 4.0), ' +
    'inverted to correct -> typos. Misspellings that are themselves English words (WordNet lemmas) are never used. ' +
    `Only words with a misspelling are eligible. Unlike nlpaug it never "corrects" a word (no include_reverse). ${NLPAUG_WORDS}`,
  params: wordCountParams(),
  countRule: 'nlpaug',
  labelSafe: true,
  reference: 'nlpaug SpellingAug',
});

const wordnetSynonym = text({
  name: 'wordnet_synonym',
  summary: 'replace words with WordNet synonyms',
  doc:
    "Replaces words with a WordNet 3.1 synonym drawn from the lemmas of all the word's synsets (repeats kept, as nlpaug). " +
    'No POS tagger: candidates come from every part of speech, determiners are skipped; only words that have a ' +
    `synonym are eligible. Case of the source word is kept. ${NLPAUG_WORDS}`,
  params: [
    ...wordCountParams(),
    flag('multi_word', 'allow multi-word lemmas ("kick the bucket"); TextAttack drops them'),
  ],
  countRule: 'nlpaug',
  labelSafe: true,
  reference: 'nlpaug SynonymAug(aug_src=wordnet)',
});

const wordnetAntonym = text({
  name: 'wordnet_antonym',
  summary: 'replace words with WordNet antonyms (label-unsafe)',
  doc:
    'Replaces verbs, adjectives and adverbs with a WordNet antonym. Flips meaning, so it is label-unsafe. ' +
    `Only words with an antonym are eligible. ${NLPAUG_WORDS}`,
  params: wordCountParams(),
  countRule: 'nlpaug',
  labelSafe: false,
  reference: 'nlpaug AntonymAug',
});

const alpha = (name: string, doc: string): ParamSpec => prob(name, 0.1, doc);

const edaSr = text({
  name: 'eda_synonym_replacement',
  summary: 'EDA synonym replacement',
  doc: `Replaces every occurrence of n distinct non-stopwords (EDA list) with a WordNet synonym. ${EDA_RULE}`,
  params: [alpha('alpha_sr', 'share of words replaced')],
  countRule: 'eda',
  labelSafe: true,
  reference: 'EDA eda.py synonym_replacement',
});

const edaRi = text({
  name: 'eda_random_insertion',
  summary: 'EDA random insertion of synonyms',
  doc: `Inserts a synonym of a random word at a random position, n times. ${EDA_RULE}`,
  params: [alpha('alpha_ri', 'share of words inserted')],
  countRule: 'eda',
  labelSafe: true,
  reference: 'EDA eda.py random_insertion',
});

const edaRs = text({
  name: 'eda_random_swap',
  summary: 'EDA random swap of two words',
  doc: `Swaps two random words, n times. ${EDA_RULE}`,
  params: [alpha('alpha_rs', 'share of words swapped')],
  countRule: 'eda',
  labelSafe: true,
  reference: 'EDA eda.py random_swap',
});

const edaRd = text({
  name: 'eda_random_deletion',
  summary: 'EDA random deletion of words',
  doc:
    'Deletes each word with probability p_rd (count rule: per unit). If every word would go, one random word is kept; ' +
    'a one-word text is left as is.',
  params: [alpha('p_rd', 'probability that each word is deleted')],
  countRule: 'per-unit',
  labelSafe: true,
  reference: 'EDA eda.py random_deletion',
});

const randomWord = text({
  name: 'random_word',
  summary: 'swap, delete, substitute or crop words',
  doc:
    'swap: exchanges a chosen word with a neighbouring word (each word swaps at most once); delete: removes chosen words; substitute: replaces them with ' +
    `one of target_words; crop: removes one contiguous run of n words. ${NLPAUG_WORDS}`,
  params: [
    {
      name: 'action',
      type: 'enum',
      default: 'delete',
      values: ['swap', 'delete', 'substitute', 'crop'],
      doc: 'the edit',
    },
    ...wordCountParams(),
    {
      name: 'target_words',
      type: 'string_list',
      default: ['_'],
      doc: 'replacements for `substitute`',
    },
  ],
  countRule: 'nlpaug',
  labelSafe: true,
  reference: 'nlpaug RandomWordAug',
});

const wordSplit = text({
  name: 'word_split',
  summary: 'split words in two',
  doc: `Splits chosen words at a random inner position with a space. Words shorter than min_char are not eligible. ${NLPAUG_WORDS}`,
  params: [
    ...wordCountParams(),
    {
      name: 'min_char',
      type: 'integer',
      default: 4,
      min: 2,
      doc: 'shortest word that may be split',
    },
  ],
  countRule: 'nlpaug',
  labelSafe: true,
  reference: 'nlpaug SplitAug',
});

const contraction = text({
  name: 'contraction',
  summary: 'expand or contract English contractions',
  doc:
    'contract: "do not" -> "don\'t"; expand: "don\'t" -> "do not". Each matching site changes with probability aug_p ' +
    '(count rule: per unit, as AugLy). Ambiguous contractions ("he\'s", "it\'d") are expanded to their most common form.',
  params: [
    {
      name: 'action',
      type: 'enum',
      default: 'contract',
      values: ['expand', 'contract'],
      doc: 'direction of the rewrite',
    },
    prob('aug_p', 0.3, 'probability that each matching site is rewritten'),
  ],
  countRule: 'per-unit',
  labelSafe: true,
  reference: 'AugLy contractions / TextAttack WordSwapContract, WordSwapExtend',
});

export const TEXT_METHOD_SPECS: readonly MethodSpec[] = [
  keyboardTypo,
  ocr,
  randomChar,
  spelling,
  wordnetSynonym,
  wordnetAntonym,
  edaSr,
  edaRi,
  edaRs,
  edaRd,
  randomWord,
  wordSplit,
  contraction,
];
