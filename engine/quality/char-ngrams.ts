/**
 * Character n-gram statistics for chrF, written for speed because the filter scores every
 * generated variant, and a variant is mostly its original with a few edits.
 *
 * Both texts become arrays of dense symbol ids (one per code point). run-pairing.ts then pairs
 * runs of symbols that are equal in both (the common prefix and suffix, and the runs between the
 * edits). Any such pairing gives exact counts: an n-gram that lies inside a paired run occurs on
 * both sides, so with A the n-grams inside runs and R', H' the others,
 *   Σ min(count_ref, count_hyp) = |A| + Σ min(count_R', count_H'),
 * since min(a + x, a + y) = a + min(x, y). Only the few n-grams that touch an edit (or the last
 * n − 1 symbols of a run) are counted one by one: each becomes a dense integer id (an order-n id
 * interns the pair (its order-(n−1) prefix id, its last symbol)), counted in a typed array. A
 * poor pairing only costs time, never exactness (test/engine/quality/char-ngrams.test.ts holds
 * it to a substring-counting reference). Working memory is module-level scratch, reset after
 * each call: allocating typed arrays per call spent most of the time in the garbage collector.
 */

/** For n = 1..N (index n − 1): n-gram totals of each side and Σ min(count_ref, count_hyp). */
export interface NgramStatistics {
  refTotal: number[];
  hypTotal: number[];
  matches: number[];
}

import { commonGrams, grow, hypQ, pairRuns, refQ, type Queue } from './run-pairing.js';

/** Key spaces up to this size use a flat lookup table; larger ones fall back to a Map. */
const MAX_TABLE = 1 << 22;

/** Reusable scratch; `grow` replaces a buffer only when a call needs more. */
let refSym = new Int32Array(256);
let hypSym = new Int32Array(256);
/** Keys written into `table` or `bmpSymbols` during one step, to reset them afterwards. */
let touched = new Int32Array(512);
/** BMP code unit -> symbol id + 1 (0 = unseen). Astral code points use a Map. */
const bmpSymbols = new Int32Array(0x10000);
/** Interning table: key -> id + 1 (0 = unseen). */
let table = new Int32Array(1 << 12);
let counts = new Int32Array(512);

/** The last call's statistics for n = 1.. (index n − 1), as many orders as `countNgrams` returned. */
export const ngramTotals = {
  ref: new Float64Array(16),
  hyp: new Float64Array(16),
  matches: new Float64Array(16),
};

/** n-gram statistics of `hyp` against `ref` for n = 1..order, over code points. */
export function charNgramStatistics(ref: string, hyp: string, order: number): NgramStatistics {
  const orders = countNgrams(ref, hyp, order);
  const slice = (a: Float64Array) => Array.from(a.subarray(0, orders));
  return {
    refTotal: slice(ngramTotals.ref),
    hypTotal: slice(ngramTotals.hyp),
    matches: slice(ngramTotals.matches),
  };
}

/**
 * What `charNgramStatistics` computes, left in `ngramTotals` instead of new arrays (chrF scores
 * every variant); returns the number of orders filled (orders where both texts have n-grams).
 */
export function countNgrams(ref: string, hyp: string, order: number): number {
  if (ngramTotals.ref.length < order) {
    ngramTotals.ref = new Float64Array(order);
    ngramTotals.hyp = new Float64Array(order);
    ngramTotals.matches = new Float64Array(order);
  }
  refSym = grow(refSym, ref.length);
  hypSym = grow(hypSym, hyp.length);
  touched = grow(touched, ref.length + hyp.length + 1);
  const alphabet = new Alphabet();
  const refLen = alphabet.encode(ref, refSym);
  const hypLen = alphabet.encode(hyp, hypSym);
  alphabet.release();
  pairRuns(refSym, refLen, hypSym, hypLen, order);
  const { ref: refTotal, hyp: hypTotal, matches } = ngramTotals;
  let idCount = alphabet.size;
  let n = 1;
  for (; n <= order; n++) {
    const refGrams = refLen - n + 1;
    const hypGrams = hypLen - n + 1;
    if (refGrams <= 0 || hypGrams <= 0) break;
    if (n === 1) {
      firstIds(refQ, refSym);
      firstIds(hypQ, hypSym);
    } else idCount = extendIds(refLen, hypLen, n, alphabet.size, idCount);
    refTotal[n - 1] = refGrams;
    hypTotal[n - 1] = hypGrams;
    matches[n - 1] = commonGrams(n) + countMatches(refLen, hypLen, n, idCount);
  }
  return n - 1;
}

/** Code point -> dense symbol id, shared by both texts of one call. */
class Alphabet {
  size = 0;
  private bmpSeen = 0;
  private astral: Map<number, number> | undefined;

  encode(text: string, out: Int32Array): number {
    let j = 0;
    const length = text.length;
    for (let i = 0; i < length; i++) {
      const unit = text.charCodeAt(i);
      const cp = unit >= 0xd800 && unit <= 0xdbff ? (text.codePointAt(i) ?? unit) : unit;
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

/** Turns the queued order-(n−1) ids into order-n ids in place; returns the number of ids. */
function extendIds(
  refLen: number,
  hypLen: number,
  n: number,
  alphabetSize: number,
  idCount: number,
): number {
  const keySpace = idCount * alphabetSize;
  if (keySpace > MAX_TABLE) return extendIdsWithMap(refLen, hypLen, n, alphabetSize);
  table = grow(table, keySpace);
  touched = grow(touched, refQ.n + hypQ.n + 1);
  const size = internInto(refQ, refSym, refLen, n, alphabetSize, 0);
  const total = internInto(hypQ, hypSym, hypLen, n, alphabetSize, size);
  for (let i = 0; i < total; i++) table[touched[i] ?? 0] = 0;
  return total;
}

function extendIdsWithMap(refLen: number, hypLen: number, n: number, alphabetSize: number) {
  const map = new Map<number, number>();
  const extend = (q: Queue, sym: Int32Array, len: number): void => {
    for (let k = 0; k < q.n; k++) {
      const last = (q.pos[k] ?? 0) + n - 1;
      if (last >= len) continue;
      const key = (q.ids[k] ?? 0) * alphabetSize + (sym[last] ?? 0);
      let id = map.get(key);
      if (id === undefined) map.set(key, (id = map.size));
      q.ids[k] = id;
    }
  };
  extend(refQ, refSym, refLen);
  extend(hypQ, hypSym, hypLen);
  return map.size;
}

/**
 * Replaces each queued id by the id of the pair (id, sym[position + n − 1]) through `table`,
 * numbering new pairs from `size`; returns the new size. Positions whose order-n gram would run
 * past the end are left alone (they are never counted again).
 */
function internInto(
  q: Queue,
  sym: Int32Array,
  length: number,
  n: number,
  alphabetSize: number,
  size: number,
): number {
  const { pos, ids } = q;
  const count = q.n;
  const lookup = table;
  const keys = touched;
  for (let k = 0; k < count; k++) {
    const last = (pos[k] ?? 0) + n - 1;
    if (last >= length) continue;
    const key = (ids[k] ?? 0) * alphabetSize + (sym[last] ?? 0);
    const slot = lookup[key] ?? 0;
    if (slot !== 0) ids[k] = slot - 1;
    else {
      keys[size] = key;
      lookup[key] = ++size;
      ids[k] = size - 1;
    }
  }
  return size;
}

/** The order-1 ids of the queued positions: their symbols. */
function firstIds(q: Queue, sym: Int32Array): void {
  const { pos, ids } = q;
  for (let k = 0; k < q.n; k++) ids[k] = sym[pos[k] ?? 0] ?? 0;
}

/** Σ min(count in ref, count in hyp) over the order-n grams not inside a paired run. */
function countMatches(refLen: number, hypLen: number, n: number, idCount: number): number {
  counts = grow(counts, idCount);
  const tally = counts;
  const refEnd = refLen - n;
  const hypEnd = hypLen - n;
  const { pos: rPos, run: rRun, ids: rIds, n: rCount } = refQ;
  const { pos: hPos, run: hRun, ids: hIds, n: hCount } = hypQ;
  for (let k = 0; k < rCount; k++) {
    if ((rRun[k] ?? 0) >= n || (rPos[k] ?? 0) > refEnd) continue;
    const id = rIds[k] ?? 0;
    tally[id] = (tally[id] ?? 0) + 1;
  }
  let matches = 0;
  for (let k = 0; k < hCount; k++) {
    if ((hRun[k] ?? 0) >= n || (hPos[k] ?? 0) > hypEnd) continue;
    const id = hIds[k] ?? 0;
    const c = tally[id] ?? 0;
    if (c > 0) {
      matches++;
      tally[id] = c - 1;
    }
  }
  for (let k = 0; k < rCount; k++) tally[rIds[k] ?? 0] = 0;
  return matches;
}
