/**
 * Combos whose variants the quality filter nearly all dropped. A run that ends with exit 0 and
 * `0 kept` for a combo loses data silently, so merge lists every combo that kept less than the
 * plan's `quality.minKept` share of the variants it generated, with the reason most of them were
 * dropped for; the run layer turns the list into a warning (an error under `--strict`).
 */
import { DEFAULTS } from '../compiler/ir/defaults.js';
import type { Plan } from '../compiler/plan/types.js';
import type { ComboSummary } from './merge-outputs.js';

export interface LowYieldCombo {
  combo: string;
  methods: string[];
  generated: number;
  kept: number;
  /** The drop reason with the most variants (`above_max`, `below_min`, `unchanged`, `duplicate`). */
  reason: string;
  /** Variants dropped for `reason`. */
  reasonCount: number;
}

/** The share of its variants a combo must keep before the end of a run warns about it. */
export function minKeptOf(plan: Plan): number {
  return plan.quality.minKept ?? DEFAULTS.quality.minKept;
}

function dominantReason(dropped: Record<string, number>): [string, number] {
  let best: [string, number] = ['none', 0];
  // Keys come sorted by name, so a tie goes to the first name.
  for (const [reason, n] of Object.entries(dropped)) if (n > best[1]) best = [reason, n];
  return best;
}

/** In plan order; a combo that generated nothing (an empty input) is not judged. */
export function lowYieldCombos(plan: Plan, summaries: readonly ComboSummary[]): LowYieldCombo[] {
  const minKept = minKeptOf(plan);
  return summaries
    .filter((s) => s.generated > 0 && s.kept < minKept * s.generated)
    .map((s) => {
      const [reason, reasonCount] = dominantReason(s.dropped);
      return {
        combo: s.combo.id,
        methods: [...s.combo.methods],
        generated: s.generated,
        kept: s.kept,
        reason,
        reasonCount,
      };
    });
}
