/**
 * Every seed augc derives, in one place. Treat each derivation as a file format: changing one
 * changes every output, so they are pinned by test/compiler/plan/seeds.test.ts.
 *
 * The root is the plan seed (`seed =`, default 42). From it, and from nothing that depends on how
 * tasks are grouped, split or scheduled:
 * - the task seed: the first 64 bits, as 16 hex digits, of
 *   sha256("<plan seed>\0<combo id>\0<chunk>"), recorded in each context record (`seed.task`);
 * - the command seed: the task seed's first 32 bits in decimal, what a command method's program
 *   gets as `{seed}` and `AUGC_SEED` (numpy and torch accept it as is);
 * - the stream keys: the tuples a random stream is keyed by. `createRng` (stdlib/random/rng.ts)
 *   turns a key into a generator: FNV-1a 64 over a tagged, length-prefixed encoding of the parts,
 *   expanded into xoshiro128** state. This module decides what goes into a key; rng.ts is the
 *   generator and stays free of pipeline notions (stdlib may not import the compiler).
 *
 * Why two hash functions: the task seed is made once per task, recorded and handed to programs,
 * so a standard hash anyone can recompute suits it; a stream is made once per (row, variant,
 * method, column), where sha256 would dominate the cost (docs/performance.md). Unifying them
 * would change every dataset byte and every recorded seed, so both stay, documented here.
 */
import { createHash } from 'node:crypto';

/** A random stream's key: the parts `createRng` hashes, in order (numbers and strings differ). */
export type StreamKey = readonly (string | number)[];

/** The task seed: 16 hex digits, see the module comment. */
export function taskSeedOf(planSeed: number, comboId: string, chunk: number): string {
  return createHash('sha256')
    .update(`${planSeed}\0${comboId}\0${chunk}`, 'utf8')
    .digest('hex')
    .slice(0, 16);
}

/** The command seed: the task seed's first 32 bits, in decimal. */
export function commandSeedOf(taskSeed: string): string {
  return String(Number.parseInt(taskSeed.slice(0, 8), 16));
}

/** Where one text item's stream applies: a (row, variant, method, column) of a combo. */
export interface TextStreamSite {
  planSeed: number;
  comboId: string;
  /** The row's number in the whole input: keeps rows with equal ids apart. */
  ordinal: number;
  rowId: string;
  variant: number;
  methodId: string;
  /** Keeps a new text column from shifting the streams of the others. */
  column: string;
}

/**
 * A text method's stream for one item. It depends on nothing but the item, so an item's output
 * is the same whichever worker runs it, however the input is chunked or tasks are grouped.
 */
export function textStreamKey(site: TextStreamSite): StreamKey {
  return [
    site.planSeed,
    site.comboId,
    site.ordinal,
    site.rowId,
    site.variant,
    site.methodId,
    site.column,
  ];
}

/**
 * A tabular method's stream for a whole chunk (it synthesizes from the chunk's rows together), so
 * its output depends on the chunking. The `'chunk'` part names the number after it.
 */
export function tabularStreamKey(
  planSeed: number,
  comboId: string,
  chunk: number,
  methodId: string,
): StreamKey {
  return [planSeed, comboId, 'chunk', chunk, methodId];
}
