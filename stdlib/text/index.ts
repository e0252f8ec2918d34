import type { TextMethod } from '../method.js';
import { contraction } from './contraction.js';
import {
  edaRandomDeletion,
  edaRandomInsertion,
  edaRandomSwap,
  edaSynonymReplacement,
} from './eda.js';
import { keyboardTypo } from './keyboard-typo.js';
import { ocr } from './ocr.js';
import { randomChar } from './random-char.js';
import { randomWord } from './random-word.js';
import { spelling } from './spelling.js';
import { wordSplit } from './word-split.js';
import { wordnetAntonym } from './wordnet-antonym.js';
import { wordnetSynonym } from './wordnet-synonym.js';

/** Every text method implementation; names match stdlib/catalog/text.ts. */
export const TEXT_METHODS: readonly TextMethod[] = [
  keyboardTypo,
  ocr,
  randomChar,
  spelling,
  wordnetSynonym,
  wordnetAntonym,
  edaSynonymReplacement,
  edaRandomInsertion,
  edaRandomSwap,
  edaRandomDeletion,
  randomWord,
  wordSplit,
  contraction,
];
