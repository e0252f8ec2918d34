/**
 * Character n-gram statistics for chrF, written for speed because the filter scores every
 * generated variant. n-grams become dense integer ids (an order-n id interns the pair (its
 * order-(n−1) prefix id, its last character)), so counting needs no substrings and, in the common
 * case, no Maps. Working memory is module-level scratch, reset after each call: a first version
 * that allocated typed arrays per call spent most of its time in the garbage collector.
 */

/** For n = 1..N (index n − 1): n-gram totals of each side and Σ min(count_ref, count_hyp). */
export interface NgramStatistics {
  refTotal: number[];
  hypTotal: number[];
  matches: number[];
}

/** Key spaces up to this size use a flat lookup table; larger ones fall back to a Map. */
const MAX_TABLE = 1 << 22;

let refSym = new Int32Array(256);
let hypSym = new Int32Array(256);
let refIds = new Int32Array(256);
let hypIds = new Int32Array(256);
/** Keys written into `table` or `bmpSymbols` during one step, to reset them afterwards. */
let touched = new Int32Array(512);
/** BMP code unit -> symbol id + 1 (0 = unseen). Astral code points use a Map. */
const bmpSymbols = new Int32Array(0x10000);
/** Interning table: key -> id + 1 (0 = unseen). */
let table = new Int32Array(1 << 12);
let counts = new Int32Array(512);

function grow(buffer: Int32Array<ArrayBuffer>, size: number): Int32Array<ArrayBuffer> {
  return buffer.length >= size ? buffer : new Int32Array(Math.max(size, 2 * buffer.length));
}

/** n-gram statistics of `hyp` against `ref` for n = 1..order, over code points. */
export function charNgramStatistics(ref: string, hyp: string, order: number): NgramStatistics {
  refSym = grow(refSym, ref.length);
  hypSym = grow(hypSym, hyp.length);
  refIds = grow(refIds, ref.length);
  hypIds = grow(hypIds, hyp.length);
  touched = grow(touched, ref.length + hyp.length);
  const alphabet = new Alphabet();
  let refLen = alphabet.encode(ref, refSym);
  let hypLen = alphabet.encode(hyp, hypSym);
  alphabet.release();
  for (let i = 0; i < refLen; i++) refIds[i] = refSym[i] ?? 0;
  for (let i = 0; i < hypLen; i++) hypIds[i] = hypSym[i] ?? 0;
  const stats: NgramStatistics = { refTotal: [], hypTotal: [], matches: [] };
  let idCount = alphabet.size;
  for (let n = 1; n <= order && refLen > 0 && hypLen > 0; n++) {
    if (n > 1) {
      refLen--;
      hypLen--;
      if (refLen === 0 || hypLen === 0) break;
      idCount = extendIds(refLen, hypLen, n, alphabet.size, idCount);
    }
    stats.refTotal.push(refLen);
    stats.hypTotal.push(hypLen);
    stats.matches.push(countMatches(refLen, hypLen, idCount));
  }
  return stats;
}

/** Code point -> dense symbol id, shared by both texts of one call. */
class Alphabet {
  size = 0;
  private bmpSeen = 0;
  private astral: Map<number, number> | undefined;

  encode(text: string, out: Int32Array): number {
    let j = 0;
    for (let i = 0; i < text.length; i++) {
      const cp = text.codePointAt(i) ?? 0;
      if (cp > 0xffff) {
        i++;
        this.astral ??= new Map();
        let id = this.astral.get(cp);
        if (id === undefined) this.astral.set(cp, (id = this.size++));
        out[j++] = id;
        continue;
      }
      let slot = bmpSymbols[cp] ?? 0;
      if (slot === 0) {
        slot = ++this.size;
        bmpSymbols[cp] = slot;
        touched[this.bmpSeen++] = cp;
      }
      out[j++] = slot - 1;
    }
    return j;
  }

  /** Clears the shared BMP table for the next call. */
  release(): void {
    for (let i = 0; i < this.bmpSeen; i++) bmpSymbols[touched[i] ?? 0] = 0;
  }
}

/** Turns the order-(n−1) ids into order-n ids in place; returns the number of distinct ids. */
function extendIds(
  refLen: number,
  hypLen: number,
  n: number,
  alphabetSize: number,
  idCount: number,
): number {
  const keySpace = idCount * alphabetSize;
  if (keySpace > MAX_TABLE) {
    const map = new Map<number, number>();
    const intern = (key: number): number => {
      let id = map.get(key);
      if (id === undefined) map.set(key, (id = map.size));
      return id;
    };
    for (let i = 0; i < refLen; i++)
      refIds[i] = intern((refIds[i] ?? 0) * alphabetSize + (refSym[i + n - 1] ?? 0));
    for (let i = 0; i < hypLen; i++)
      hypIds[i] = intern((hypIds[i] ?? 0) * alphabetSize + (hypSym[i + n - 1] ?? 0));
    return map.size;
  }
  table = grow(table, keySpace);
  const size = internInto(refIds, refSym, refLen, n, alphabetSize, 0);
  const total = internInto(hypIds, hypSym, hypLen, n, alphabetSize, size);
  releaseTable(total);
  return total;
}

/**
 * Replaces ids[i] by the id of the pair (ids[i], sym[i + n − 1]) through `table`, numbering new
 * pairs from `size`; returns the new size. A plain loop, no closure: this runs for every variant.
 */
function internInto(
  ids: Int32Array,
  sym: Int32Array,
  length: number,
  n: number,
  alphabetSize: number,
  size: number,
): number {
  for (let i = 0; i < length; i++) {
    const key = (ids[i] ?? 0) * alphabetSize + (sym[i + n - 1] ?? 0);
    const slot = table[key] ?? 0;
    if (slot !== 0) ids[i] = slot - 1;
    else {
      touched[size] = key;
      table[key] = ++size;
      ids[i] = size - 1;
    }
  }
  return size;
}

/** Clears the interning table's first `size` keys for the next order. */
function releaseTable(size: number): void {
  for (let i = 0; i < size; i++) table[touched[i] ?? 0] = 0;
}

/** Σ over ids of min(count in ref, count in hyp). */
function countMatches(refLen: number, hypLen: number, idCount: number): number {
  counts = grow(counts, idCount);
  for (let i = 0; i < refLen; i++) {
    const id = refIds[i] ?? 0;
    counts[id] = (counts[id] ?? 0) + 1;
  }
  let matches = 0;
  for (let i = 0; i < hypLen; i++) {
    const id = hypIds[i] ?? 0;
    const c = counts[id] ?? 0;
    if (c > 0) {
      matches++;
      counts[id] = c - 1;
    }
  }
  for (let i = 0; i < refLen; i++) counts[refIds[i] ?? 0] = 0;
  return matches;
}
