/**
 * Character n-gram statistics for chrF, written for speed because the filter scores every
 * generated variant, and a variant is mostly its original with a few edits.
 *
 * Both texts become arrays of dense symbol ids (one per code point). A greedy walk then pairs
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

/** Key spaces up to this size use a flat lookup table; larger ones fall back to a Map. */
const MAX_TABLE = 1 << 22;
/** How far the walk looks ahead for the next pair of equal runs after a difference. */
const LOOKAHEAD = 8;
/** Symbols that must agree for the walk to resynchronise at an offset. */
const SYNC = 3;
/** `resync` returns two skips in one number (no array per call). */
const SKIP = 64;

/** Reusable scratch; `grow` replaces a buffer only when a call needs more. */
let refSym = new Int32Array(256);
let hypSym = new Int32Array(256);
/** Per side: positions whose n-grams are counted one by one, their run length, their ids. */
const refQ = { pos: new Int32Array(256), run: new Int32Array(256), ids: new Int32Array(256), n: 0 };
const hypQ = { pos: new Int32Array(256), run: new Int32Array(256), ids: new Int32Array(256), n: 0 };
/** Lengths of the paired runs. */
let runs = new Int32Array(64);
let runCount = 0;
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

type Queue = typeof refQ;

function growQueue(q: Queue, size: number): void {
  q.pos = grow(q.pos, size);
  q.run = grow(q.run, size);
  q.ids = grow(q.ids, size);
}

/** The last call's statistics, for n = 1..`ngramOrders` (index n − 1); see `countNgrams`. */
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
  pairRuns(refLen, hypLen, order);
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

/** Length of the equal run of ref[i..] and hyp[j..], up to the given ends. */
function runLength(i: number, j: number, iEnd: number, jEnd: number): number {
  let k = 0;
  while (i + k < iEnd && j + k < jEnd && refSym[i + k] === hypSym[j + k]) k++;
  return k;
}

/**
 * Pairs equal runs of the two texts (prefix, suffix, then a greedy walk between the edits) and
 * fills the queues with the positions whose n-grams, for some n ≤ order, are not inside a run.
 */
function pairRuns(refLen: number, hypLen: number, order: number): void {
  growQueue(refQ, refLen);
  growQueue(hypQ, hypLen);
  refQ.n = 0;
  hypQ.n = 0;
  runCount = 0;
  const prefix = runLength(0, 0, refLen, hypLen);
  let suffix = 0;
  const most = Math.min(refLen, hypLen) - prefix;
  while (suffix < most && refSym[refLen - 1 - suffix] === hypSym[hypLen - 1 - suffix]) suffix++;
  const iEnd = refLen - suffix;
  const jEnd = hypLen - suffix;
  addRun(0, 0, prefix, order);
  let i = prefix;
  let j = prefix;
  // Same length in between (character substitutions, the common case): pair position by position.
  if (iEnd - i === jEnd - j) {
    pairAligned(i, iEnd, order);
    i = iEnd;
    j = jEnd;
  }
  while (i < iEnd && j < jEnd) {
    const k = runLength(i, j, iEnd, jEnd);
    if (k > 0) {
      addRun(i, j, k, order);
      i += k;
      j += k;
      continue;
    }
    const skips = resync(i, j, iEnd, jEnd);
    const di = Math.floor(skips / SKIP);
    const dj = skips % SKIP;
    for (let d = 0; d < di; d++) queue(refQ, i + d, 0);
    for (let d = 0; d < dj; d++) queue(hypQ, j + d, 0);
    i += di;
    j += dj;
  }
  for (; i < iEnd; i++) queue(refQ, i, 0);
  for (; j < jEnd; j++) queue(hypQ, j, 0);
  addRun(iEnd, jEnd, suffix, order);
}

/** Pairs ref[from..to) with hyp[from..to) position by position: equal stretches are runs. */
function pairAligned(from: number, to: number, order: number): void {
  const ref = refSym;
  const hyp = hypSym;
  let p = from;
  while (p < to) {
    if (ref[p] !== hyp[p]) {
      queue(refQ, p, 0);
      queue(hypQ, p, 0);
      p++;
      continue;
    }
    let end = p + 1;
    while (end < to && ref[end] === hyp[end]) end++;
    addRun(p, p, end - p, order);
    p = end;
  }
}

/**
 * Where the walk goes on after a difference at (i, j), as skipRef * SKIP + skipHyp: the smallest
 * total skip (up to LOOKAHEAD symbols on each side; equal skips, i.e. substitutions, first)
 * after which SYNC symbols agree or both texts end; one symbol on each side when none does.
 */
function resync(i: number, j: number, iEnd: number, jEnd: number): number {
  for (let d = 1; d <= 2 * LOOKAHEAD; d++) {
    for (let off = d & 1; off <= d; off += 2) {
      for (let side = 0; side < (off === 0 ? 1 : 2); side++) {
        const di = side === 0 ? (d + off) >> 1 : (d - off) >> 1;
        const dj = d - di;
        if (di > LOOKAHEAD || dj > LOOKAHEAD || i + di > iEnd || j + dj > jEnd) continue;
        const need = Math.min(SYNC, iEnd - i - di, jEnd - j - dj);
        const ends = i + di === iEnd && j + dj === jEnd;
        if (need === 0 ? ends : runLength(i + di, j + dj, iEnd, jEnd) >= need)
          return di * SKIP + dj;
      }
    }
  }
  return Math.min(1, iEnd - i) * SKIP + Math.min(1, jEnd - j);
}

/** Records a paired run of length k at (i, j); its last order − 1 positions go to the queues. */
function addRun(i: number, j: number, k: number, order: number): void {
  if (k === 0) return;
  runs = grow(runs, runCount + 1);
  runs[runCount++] = k;
  for (let d = Math.max(0, k - order + 1); d < k; d++) {
    queue(refQ, i + d, k - d);
    queue(hypQ, j + d, k - d);
  }
}

function queue(q: Queue, position: number, run: number): void {
  q.pos[q.n] = position;
  q.run[q.n++] = run;
}

/** n-grams inside paired runs: each run of length L holds L − n + 1 of them, on both sides. */
function commonGrams(n: number): number {
  let total = 0;
  for (let r = 0; r < runCount; r++) {
    const k = runs[r] ?? 0;
    if (k >= n) total += k - n + 1;
  }
  return total;
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
