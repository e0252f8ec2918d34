import type { TextMethod } from '../method.js';
import { replaceWords } from './replace-words.js';
import { NLTK_STOPWORDS } from './stopwords.js';
import { loadWordNet } from './wordnet.js';

const NAME = 'wordnet_antonym';

/**
 * nlpaug AntonymAug candidates: antonyms of every lemma of the word's verb, adjective and adverb
 * synsets (nlpaug keeps VB*, JJ*, RB* tags; without a tagger we restrict the synsets instead),
 * de-duplicated and sorted. Function words are never replaced.
 */
export function antonymCandidates(word: string): string[] {
  if (NLTK_STOPWORDS.has(word)) return [];
  const wn = loadWordNet();
  const out = new Set<string>();
  for (const synset of wn.synsetsOf(word, ['v', 'a', 'r'])) {
    for (const lemma of wn.antonymsOfSynset(synset))
      if (lemma !== word) out.add(lemma.replace(/_/g, ' '));
  }
  return [...out].sort();
}

/** nlpaug AntonymAug: label-unsafe, it flips meaning on purpose. */
export const wordnetAntonym: TextMethod = {
  domain: 'text',
  name: NAME,
  augment: (text, params, ctx) =>
    replaceWords(NAME, text, params, ctx, (word) => antonymCandidates(word)),
};
