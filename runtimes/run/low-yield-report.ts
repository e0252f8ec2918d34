/**
 * AUG5118 at the end of a run or a merge: the combos that kept fewer than `quality.min_kept` of
 * their variants, each named with the reason most of its variants were dropped for. A warning,
 * or an error under `--strict` (the outputs are written either way: they are complete).
 */
import type { Diagnostic } from '../../compiler/diagnostics/diagnostic.js';
import type { Plan } from '../../compiler/plan/types.js';
import { minKeptOf, type LowYieldCombo } from '../../engine/low-yield.js';

const SHOWN = 50;

function percent(share: number): string {
  return `${Number((share * 100).toFixed(1))}%`;
}

function why(plan: Plan, reason: string): string {
  switch (reason) {
    case 'above_max':
      return `more similar to the original than \`quality.max\` (${plan.quality.max})`;
    case 'below_min':
      return `less similar to the original than \`quality.min\` (${plan.quality.min})`;
    case 'unchanged':
      return 'the same text as the original';
    case 'duplicate':
      return 'a repeat of a variant already kept for the row';
    default:
      return reason;
  }
}

function noteOf(plan: Plan, c: LowYieldCombo): string {
  const kept = `kept ${c.kept} of ${c.generated} variant(s) (${percent(c.kept / c.generated)})`;
  const dropped =
    c.reasonCount > 0 ? `; ${c.reasonCount} dropped as ${c.reason}: ${why(plan, c.reason)}` : '';
  return `\`${c.combo}\` (${c.methods.join(' + ')}): ${kept}${dropped}`;
}

export function lowYieldDiagnostic(
  plan: Plan,
  combos: readonly LowYieldCombo[],
  strict: boolean,
): Diagnostic | undefined {
  if (combos.length === 0) return undefined;
  const notes = combos.slice(0, SHOWN).map((c) => noteOf(plan, c));
  if (combos.length > SHOWN)
    notes.push(`... and ${combos.length - SHOWN} more (see each meta.json)`);
  const what = combos.length === 1 ? `combo \`${combos[0]?.combo}\`` : `${combos.length} combos`;
  return {
    code: 'AUG5118',
    severity: strict ? 'error' : 'warning',
    message: `${what} kept fewer than ${percent(minKeptOf(plan))} of ${combos.length === 1 ? 'its' : 'their'} variants after the quality filter`,
    notes,
    help:
      'widen `quality { min  max }` (a method that changes only case scores 1 unless `case_sensitive = true`), ' +
      `or set \`quality { min_kept = 0 }\` to accept it${strict ? '' : '; `--strict` makes this an error'}`,
  };
}
