import { createRng } from '../../../stdlib/random/index.js';
import type { MethodParams, TextContext, TextMethod } from '../../../stdlib/method.js';

export const SENTENCE =
  'I have not slept properly in weeks and I feel exhausted, worthless and empty every single day.';

export function ctx(seed: string | number, protectedWords: string[] = []): TextContext {
  return {
    rng: createRng('text-test', seed),
    protectedWords: new Set(protectedWords.map((w) => w.toLowerCase())),
  };
}

export function run(
  m: TextMethod,
  text: string,
  params: MethodParams = {},
  seed: string | number = 1,
  protect: string[] = [],
): string {
  return m.augment(text, params, ctx(seed, protect));
}

/** Whitespace-separated pieces, for comparing texts whose spacing the method keeps. */
export const pieces = (s: string): string[] => s.split(/\s+/).filter(Boolean);

/** Number of positions where two equally long piece lists differ. */
export function changedPieces(a: string, b: string): number {
  const pa = pieces(a);
  const pb = pieces(b);
  if (pa.length !== pb.length) throw new Error(`piece counts differ: ${pa.length} vs ${pb.length}`);
  return pa.filter((p, i) => p !== pb[i]).length;
}

/** Occurrences of a word (case-insensitive, whole word) in a text. */
export function occurrences(text: string, word: string): number {
  return (
    text.toLowerCase().match(new RegExp(`(?<![\\p{L}\\p{N}'])${word}(?![\\p{L}\\p{N}'])`, 'gu')) ??
    []
  ).length;
}

export const SEEDS = Array.from({ length: 25 }, (_, i) => i);
