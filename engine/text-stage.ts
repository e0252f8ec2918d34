/**
 * An in-process text method applied to every item. Each (row, variant, method, column) gets its
 * own random stream (`textStreamKey`, compiler/plan/seeds.ts), so an item's output depends on
 * nothing but itself: not on which worker runs it, how the input is chunked, the order chunks run
 * in, or how tasks are grouped into arrays.
 */
import { textStreamKey } from '../compiler/plan/seeds.js';
import type { Plan, PlanMethod, PlanTask } from '../compiler/plan/types.js';
import type { TextMethod } from '../stdlib/method.js';
import { createRng } from '../stdlib/random/rng.js';
import { augmentedColumns, mapBatches, type ItemBatches } from './task-items.js';

export interface TextStageOptions {
  plan: Plan;
  task: PlanTask;
  method: PlanMethod;
  impl: TextMethod;
  signal?: AbortSignal;
}

/** Lower-cased `protect_keywords`, the form `TextContext.protectedWords` promises. */
export function protectedWordsOf(plan: Plan): ReadonlySet<string> {
  return new Set(plan.input.protectKeywords.map((w) => w.toLowerCase()));
}

export function textStage(batches: ItemBatches, opts: TextStageOptions): ItemBatches {
  const { plan, task, method, impl } = opts;
  const columns = augmentedColumns(plan.input);
  const protectedWords = protectedWordsOf(plan);
  const params = method.params;
  return mapBatches(
    batches,
    (item) => {
      columns.forEach((column, c) => {
        const rng = createRng(
          ...textStreamKey({
            planSeed: plan.seed,
            comboId: task.combo.id,
            ordinal: item.ordinal,
            rowId: item.rowId,
            variant: item.variant,
            methodId: method.id,
            column,
          }),
        );
        item.texts[c] = impl.augment(item.texts[c] ?? '', params, { rng, protectedWords });
      });
    },
    opts.signal,
  );
}
