/**
 * Discrete sampling over an Rng. Callers must pass candidates in a stable (e.g. sorted) order:
 * the result is a function of the order and the stream only (research note §b8).
 */
import type { Rng } from '../method.js';

/** Shuffles `items` in place (Fisher-Yates, from the end) and returns it. */
export function shuffle<T>(rng: Rng, items: T[]): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = rng.int(i + 1);
    const tmp = items[i] as T;
    items[i] = items[j] as T;
    items[j] = tmp;
  }
  return items;
}

/**
 * `k` distinct indices from [0, n), in the order drawn (a partial Fisher-Yates over a virtual
 * 0..n-1 array, so it costs O(k) time and memory even when n is large). Throws when k > n.
 */
export function sampleIndices(rng: Rng, n: number, k: number): number[] {
  if (!Number.isInteger(n) || !Number.isInteger(k) || k < 0 || k > n) {
    throw new RangeError(`sampleIndices: need integers 0 <= k <= n, got k=${k}, n=${n}`);
  }
  return n <= SMALL_N ? sampleSmall(rng, n, k) : sampleLarge(rng, n, k);
}

/** Up to this n the virtual array lives in a reused buffer instead of a Map. */
const SMALL_N = 4096;
/** slots[i] = the value at virtual position i, plus one (0 = untouched, i.e. i itself). */
const slots = new Int32Array(SMALL_N);
const touchedSlots = new Int32Array(SMALL_N);

function sampleSmall(rng: Rng, n: number, k: number): number[] {
  const out: number[] = [];
  let touched = 0;
  for (let i = 0; i < k; i++) {
    const j = i + rng.int(n - i);
    const slotJ = slots[j] ?? 0;
    const slotI = slots[i] ?? 0;
    out.push(slotJ === 0 ? j : slotJ - 1);
    if (slotJ === 0) touchedSlots[touched++] = j;
    slots[j] = slotI === 0 ? i + 1 : slotI;
  }
  for (let t = 0; t < touched; t++) slots[touchedSlots[t] ?? 0] = 0;
  return out;
}

function sampleLarge(rng: Rng, n: number, k: number): number[] {
  // swapped[i] is the value at virtual position i when it differs from i.
  const swapped = new Map<number, number>();
  const out: number[] = [];
  for (let i = 0; i < k; i++) {
    const j = i + rng.int(n - i);
    const atJ = swapped.get(j) ?? j;
    swapped.set(j, swapped.get(i) ?? i);
    out.push(atJ);
  }
  return out;
}

/** `k` distinct elements of `items` (by position), in the order drawn. Throws when k > length. */
export function sample<T>(rng: Rng, items: readonly T[], k: number): T[] {
  return sampleIndices(rng, items.length, k).map((i) => items[i] as T);
}

/** One uniformly chosen element. Throws on an empty list (a caller bug, not a user error). */
export function pick<T>(rng: Rng, items: readonly T[]): T {
  if (items.length === 0) throw new RangeError('pick: empty list');
  return items[rng.int(items.length)] as T;
}
