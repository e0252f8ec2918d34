/**
 * chrF, the character n-gram F-score (Popović 2015), as computed by sacrebleu's sentence-level
 * CHRF (default settings, no epsilon smoothing):
 *
 * - For each order n = 1..N, count the character n-grams of the reference and the hypothesis.
 *   matches_n = Σ over n-grams of min(count_ref, count_hyp); P_n = matches_n / hyp n-grams,
 *   R_n = matches_n / ref n-grams. Orders where either side has no n-gram are skipped.
 * - P and R are the averages of P_n and R_n over the orders not skipped ("effective order").
 * - chrF = (1 + β²)·P·R / (β²·P + R), or 0 when P + R = 0. Reported in [0, 1], not sacrebleu's
 *   0–100 scale.
 *
 * augc's `chrf(original, variant)` uses N = 6, β = 2 (recall-weighted), the original as the
 * reference and the variant as the hypothesis, on text that is lower-cased and whitespace-
 * normalised (runs of whitespace become one space, which counts as a character). That last point
 * differs from sacrebleu's default, which deletes all whitespace: keeping one space means word
 * splits and merges change the score instead of scoring 1.0. n-grams are over code points, as in
 * Python. Two texts equal after normalisation score exactly 1 (also when both are empty, where
 * sacrebleu returns 0); exactly one empty text scores 0.
 *
 * chrF is not symmetric: swapping the arguments swaps P and R, which β ≠ 1 weighs differently.
 */
import { countNgrams, ngramTotals } from './char-ngrams.js';
import { normalizeForSimilarity } from './normalize.js';

export interface ChrfOptions {
  /** Highest character n-gram order (sacrebleu `char_order`). */
  order: number;
  /** Recall weight (sacrebleu `beta`). */
  beta: number;
  /** Keep (normalised) whitespace as a character, like sacrebleu `whitespace=True`. */
  whitespace: boolean;
  /** Lower-case both texts first, like sacrebleu `lowercase=True`. */
  lowercase: boolean;
}

export const AUGC_CHRF: Readonly<ChrfOptions> = {
  order: 6,
  beta: 2,
  whitespace: true,
  lowercase: true,
};

/** augc's settings with case kept (`quality { case_sensitive = true }`). */
export const AUGC_CHRF_CASED: Readonly<ChrfOptions> = { ...AUGC_CHRF, lowercase: false };

/** chrF of a variant against its original with augc's settings (see the module comment). */
export function chrf(original: string, variant: string, caseSensitive = false): number {
  return chrfWith(original, variant, caseSensitive ? AUGC_CHRF_CASED : AUGC_CHRF);
}

/** chrF of `hypothesis` against `reference` under explicit options, in [0, 1]. */
export function chrfWith(reference: string, hypothesis: string, options: ChrfOptions): number {
  const ref = preparedReference(reference, options);
  const hyp = prepare(hypothesis, options);
  if (ref === hyp) return 1;
  // Orders where either side has no n-gram are left out (sacrebleu's effective order).
  const effectiveOrder = countNgrams(ref, hyp, options.order);
  const { ref: refTotal, hyp: hypTotal, matches } = ngramTotals;
  let precision = 0;
  let recall = 0;
  for (let i = 0; i < effectiveOrder; i++) {
    precision += (matches[i] ?? 0) / (hypTotal[i] ?? 1);
    recall += (matches[i] ?? 0) / (refTotal[i] ?? 1);
  }
  if (effectiveOrder === 0) return 0;
  precision /= effectiveOrder;
  recall /= effectiveOrder;
  if (precision + recall === 0) return 0;
  const b2 = options.beta * options.beta;
  return ((1 + b2) * precision * recall) / (b2 * precision + recall);
}

/** The last reference prepared: the filter scores every variant of a row against the same one. */
let lastReference: { text: string; options: ChrfOptions; prepared: string } | undefined;

function preparedReference(text: string, options: ChrfOptions): string {
  if (lastReference?.text !== text || lastReference.options !== options)
    lastReference = { text, options, prepared: prepare(text, options) };
  return lastReference.prepared;
}

function prepare(text: string, options: ChrfOptions): string {
  if (options.whitespace) {
    return normalizeForSimilarity(text, !options.lowercase);
  }
  const stripped = text.replace(/\s+/g, '');
  return options.lowercase ? stripped.toLowerCase() : stripped;
}
