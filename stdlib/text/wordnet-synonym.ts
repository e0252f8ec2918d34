import type { TextMethod } from '../method.js';
import { replaceWords } from './replace-words.js';
import { DETERMINERS, NLTK_STOPWORDS } from './stopwords.js';
import { loadWordNet } from './wordnet.js';

const NAME = 'wordnet_synonym';

/**
 * nlpaug's candidate list: the lemmas of every synset of the word (repeats kept, so lemmas shared
 * by several senses weigh more), minus the word itself, underscores shown as spaces; sorted.
 * Without a POS tagger, function words (NLTK stopwords, determiners) and one-letter words are
 * never replaced: their WordNet entries are homographs ("I" -> "iodine", "me" -> "Maine").
 */
export function synonymCandidates(word: string, multiWord: boolean): string[] {
  if (word.length < 2 || NLTK_STOPWORDS.has(word) || DETERMINERS.has(word)) return [];
  const wn = loadWordNet();
  const self = word.replace(/ /g, '_');
  const out: string[] = [];
  for (const synset of wn.synsetsOf(word)) {
    for (const lemma of wn.lemmasOf(synset)) {
      if (lemma === self || (!multiWord && lemma.includes('_'))) continue;
      out.push(lemma.replace(/_/g, ' '));
    }
  }
  return out.sort();
}

/** nlpaug SynonymAug(aug_src='wordnet'). */
export const wordnetSynonym: TextMethod = {
  domain: 'text',
  name: NAME,
  augment: (text, params, ctx) =>
    replaceWords(NAME, text, params, ctx, (word, r) =>
      synonymCandidates(word, r.bool('multi_word')),
    ),
};
