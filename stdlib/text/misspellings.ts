import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { NLTK_STOPWORDS } from './stopwords.js';
import { loadWordNet } from './wordnet.js';

/**
 * Common misspellings from @cspell/dict-en-common-misspellings (Wikipedia's list plus
 * crate-ci/typos; CC BY-SA 4.0, attributed in NOTICE), inverted to correct -> typos. A typo that
 * is itself a word is dropped ("tired" -> "tried" would change meaning): WordNet lemmas and their
 * regular inflections, every correct word of the list itself, and stopwords. Built once per
 * process on first use: about 0.5 s of CPU on the dev VM (JSON read 0.17 s, word filter 0.35 s).
 */
interface CspellFile {
  dictionaryDefinitions: { suggestWords?: string[]; flagWords?: string[] }[];
}

const WORD = /^[a-z][a-z']*$/;

function readPairs(): [string, string[]][] {
  const require = createRequire(import.meta.url);
  const ext = require.resolve('@cspell/dict-en-common-misspellings');
  const file = JSON.parse(
    readFileSync(join(dirname(ext), 'dict', 'dict-en.json'), 'utf8'),
  ) as CspellFile;
  const lines = file.dictionaryDefinitions.flatMap((d) => [
    ...(d.suggestWords ?? []),
    ...(d.flagWords ?? []),
  ]);
  return lines.flatMap((line): [string, string[]][] => {
    const [typo, corrections] = line.split('->');
    if (typo === undefined || corrections === undefined) return [];
    return [[typo.trim().toLowerCase(), corrections.split(',').map((c) => c.trim().toLowerCase())]];
  });
}

function invert(pairs: readonly [string, string[]][]): Map<string, string[]> {
  const correct = new Set(pairs.flatMap(([, cs]) => cs));
  const wn = loadWordNet();
  const isRealWord = (w: string): boolean =>
    correct.has(w) || NLTK_STOPWORDS.has(w) || wn.isWord(w);
  const map = new Map<string, Set<string>>();
  for (const [typo, corrections] of pairs) {
    if (!WORD.test(typo) || isRealWord(typo)) continue;
    for (const c of corrections) {
      if (!WORD.test(c)) continue;
      const set = map.get(c) ?? new Set<string>();
      set.add(typo);
      map.set(c, set);
    }
  }
  return new Map([...map].map(([c, typos]) => [c, [...typos].sort()]));
}

let cached: ReadonlyMap<string, readonly string[]> | undefined;

/** correct word (lower-case) -> sorted misspellings, loaded once per process. */
export function loadMisspellings(): ReadonlyMap<string, readonly string[]> {
  cached ??= invert(readPairs());
  return cached;
}
