/**
 * The per-task quality filter: decides for each generated text variant whether to keep it, and
 * counts every decision by reason for the task's context record.
 *
 * Checks, in order (the first that applies is the reason):
 * 1. `unchanged`: equal to the original after whitespace normalisation (case-sensitive);
 * 2. `duplicate`: equal (same normalisation) to a variant already kept for the same row;
 * 3. `below_min` / `above_max`: similarity(original, variant) outside [min, max] (inclusive).
 */
import { normalizeWhitespace } from './normalize.js';
import { SIMILARITY_MEASURES, type SimilarityMeasureName } from './measures.js';

export type DropReason = 'unchanged' | 'duplicate' | 'below_min' | 'above_max';

export const DROP_REASONS: readonly DropReason[] = [
  'unchanged',
  'duplicate',
  'below_min',
  'above_max',
];

export interface QualityCounts {
  generated: number;
  kept: number;
  dropped: Record<DropReason, number>;
}

/**
 * Bins of the similarity histogram a filter keeps (for the task record and the run report): bin
 * `i` holds similarities in `[i/20, (i+1)/20)`, the last one also 1.
 */
export const SIMILARITY_BINS = 20;

/** The bin of a similarity in `[0, 1]`. */
export function similarityBin(similarity: number): number {
  return Math.min(SIMILARITY_BINS - 1, Math.max(0, Math.floor(similarity * SIMILARITY_BINS)));
}

/** `similarity` is present whenever the measure was computed (not for unchanged/duplicate). */
export type QualityDecision =
  | { keep: true; similarity: number }
  | { keep: false; reason: 'unchanged' | 'duplicate' }
  | { keep: false; reason: 'below_min' | 'above_max'; similarity: number };

export interface QualityFilterOptions {
  measure: SimilarityMeasureName;
  min: number;
  max: number;
  /** Compare case too (the plan's `quality.caseSensitive`); default false. */
  caseSensitive?: boolean;
}

/** The decisions for one source row; remembers the variants kept so far for that row only. */
export interface RowQualityScope {
  decide(variant: string): QualityDecision;
}

export interface QualityFilter {
  readonly measure: SimilarityMeasureName;
  readonly min: number;
  readonly max: number;
  /** Opens the scope for one source row (duplicates are judged within it). */
  row(original: string): RowQualityScope;
  /** A snapshot of the counts so far. */
  counts(): QualityCounts;
  /**
   * How many variants fell in each similarity bin (`SIMILARITY_BINS`), kept or not: every variant
   * whose similarity was computed (not the unchanged and duplicate ones).
   */
  histogram(): number[];
}

export function emptyQualityCounts(): QualityCounts {
  return {
    generated: 0,
    kept: 0,
    dropped: { unchanged: 0, duplicate: 0, below_min: 0, above_max: 0 },
  };
}

/** Adds `from` into `into` (e.g. when merging task records); returns `into`. */
export function addQualityCounts(into: QualityCounts, from: QualityCounts): QualityCounts {
  into.generated += from.generated;
  into.kept += from.kept;
  for (const reason of DROP_REASONS) into.dropped[reason] += from.dropped[reason];
  return into;
}

/** Throws on a band outside [0, 1] or min > max: the compiler has already rejected those. */
export function createQualityFilter(options: QualityFilterOptions): QualityFilter {
  const { measure, min, max } = options;
  const caseSensitive = options.caseSensitive === true;
  if (!(min >= 0 && max <= 1 && min <= max)) {
    throw new RangeError(`quality band must satisfy 0 <= min <= max <= 1, got [${min}, ${max}]`);
  }
  const similarity = SIMILARITY_MEASURES[measure];
  const totals = emptyQualityCounts();
  const bins = new Array<number>(SIMILARITY_BINS).fill(0);

  const judge = (
    original: string,
    normalisedOriginal: string,
    kept: Set<string>,
    variant: string,
  ) => {
    const normalised = normalizeWhitespace(variant);
    if (normalised === normalisedOriginal) return { keep: false, reason: 'unchanged' } as const;
    if (kept.has(normalised)) return { keep: false, reason: 'duplicate' } as const;
    const s = similarity(original, variant, caseSensitive);
    const bin = similarityBin(s);
    bins[bin] = (bins[bin] ?? 0) + 1;
    if (s < min) return { keep: false, reason: 'below_min', similarity: s } as const;
    if (s > max) return { keep: false, reason: 'above_max', similarity: s } as const;
    kept.add(normalised);
    return { keep: true, similarity: s } as const;
  };

  return {
    measure,
    min,
    max,
    row(original: string): RowQualityScope {
      const normalisedOriginal = normalizeWhitespace(original);
      const kept = new Set<string>();
      return {
        decide(variant: string): QualityDecision {
          const decision = judge(original, normalisedOriginal, kept, variant);
          totals.generated++;
          if (decision.keep) totals.kept++;
          else totals.dropped[decision.reason]++;
          return decision;
        },
      };
    },
    counts: () => addQualityCounts(emptyQualityCounts(), totals),
    histogram: () => [...bins],
  };
}
