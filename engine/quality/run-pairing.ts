/**
 * The pairing half of chrF's n-gram counts (char-ngrams.ts): equal runs of symbols shared by a
 * text and its variant. The prefix and suffix they share are runs; between them, texts of equal
 * length are paired position by position (character substitutions, the common case), others by
 * a greedy walk that resynchronises after each difference. Any pairing of truly equal runs keeps
 * the counts exact; a better one only leaves fewer n-grams to count one by one.
 *
 * Positions whose n-grams are not inside a run for some n <= order go to two queues (one per
 * text) with their run length; char-ngrams.ts counts those. Memory is module-level scratch.
 */

/** How far the walk looks ahead for the next pair of equal runs after a difference. */
const LOOKAHEAD = 8;
/** Symbols that must agree for the walk to resynchronise at an offset. */
const SYNC = 3;
/** `resync` returns two skips in one number (no array per call). */
const SKIP = 64;

export function grow(buffer: Int32Array<ArrayBuffer>, size: number): Int32Array<ArrayBuffer> {
  return buffer.length >= size ? buffer : new Int32Array(Math.max(size, 2 * buffer.length));
}

/** Queued positions of one text: position, length of the run from there, the n-gram id. */
export interface Queue {
  pos: Int32Array<ArrayBuffer>;
  run: Int32Array<ArrayBuffer>;
  ids: Int32Array<ArrayBuffer>;
  n: number;
}

const newQueue = (): Queue => ({
  pos: new Int32Array(256),
  run: new Int32Array(256),
  ids: new Int32Array(256),
  n: 0,
});

export const refQ = newQueue();
export const hypQ = newQueue();
/** The symbols of the texts being paired (set by `pairRuns`). */
let refSym: Int32Array = new Int32Array(0);
let hypSym: Int32Array = new Int32Array(0);
/** Lengths of the paired runs. */
let runs = new Int32Array(64);
let runCount = 0;

function growQueue(q: Queue, size: number): void {
  q.pos = grow(q.pos, size);
  q.run = grow(q.run, size);
  q.ids = grow(q.ids, size);
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
export function pairRuns(
  ref: Int32Array,
  refLen: number,
  hyp: Int32Array,
  hypLen: number,
  order: number,
): void {
  refSym = ref;
  hypSym = hyp;
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
export function commonGrams(n: number): number {
  let total = 0;
  for (let r = 0; r < runCount; r++) {
    const k = runs[r] ?? 0;
    if (k >= n) total += k - n + 1;
  }
  return total;
}
