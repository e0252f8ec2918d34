/**
 * Built-in stopword lists, embedded for parity with the reference libraries (research note §f):
 * EDA's list (127 words; its empty-string entry is meaningless here) and NLTK's English list (179
 * words, the one TextAttack's StopwordModification uses).
 */
const EDA_WORDS =
  'i me my myself we our ours ourselves you your yours yourself yourselves he him his himself she her hers ' +
  'herself it its itself they them their theirs themselves what which who whom this that these those am is are ' +
  'was were be been being have has had having do does did doing a an the and but if or because as until while ' +
  'of at by for with about against between into through during before after above below to from up down in out ' +
  'on off over under again further then once here there when where why how all any both each few more most ' +
  'other some such no nor not only own same so than too very s t can will just don should now';

const NLTK_EXTRA =
  "you're you've you'll you'd she's it's that'll don't should've d ll m o re ve y ain aren aren't couldn " +
  "couldn't didn didn't doesn doesn't hadn hadn't hasn hasn't haven haven't isn isn't ma mightn mightn't mustn " +
  "mustn't needn needn't shan shan't shouldn shouldn't wasn wasn't weren weren't won won't wouldn wouldn't";

export const EDA_STOPWORDS: ReadonlySet<string> = new Set(EDA_WORDS.split(' '));
export const NLTK_STOPWORDS: ReadonlySet<string> = new Set([
  ...EDA_WORDS.split(' '),
  ...NLTK_EXTRA.split(' '),
]);

/** Penn `DT` words, which nlpaug's SynonymAug never replaces (we have no tagger, so we list them). */
export const DETERMINERS: ReadonlySet<string> = new Set(
  'a an the this that these those all another any both each either every half neither no some such what which whatever whichever'.split(
    ' ',
  ),
);

export function builtinStopwords(name: string): ReadonlySet<string> {
  if (name === 'nltk') return NLTK_STOPWORDS;
  if (name === 'eda') return EDA_STOPWORDS;
  return new Set();
}
