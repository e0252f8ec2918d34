/**
 * Tabular combos: SMOTE and mixup need a row's neighbours, so a tabular task loads its whole chunk
 * (bounded by the chunk size, not the input) and the first method synthesizes rows x variants
 * rows (a balancing SMOTE: what its `sampling_strategy` asks for, per variant), each later one as
 * many as its predecessor made. The random stream is keyed by chunk (`tabularStreamKey`,
 * compiler/plan/seeds.ts): unlike text methods, the output depends on how the input is chunked,
 * because the neighbours a row can draw on are those of its chunk.
 */
import { tabularStreamKey } from '../compiler/plan/seeds.js';
import type { Plan, PlanMethod, PlanTask } from '../compiler/plan/types.js';
import type { CellValue, TableMethod, TableRow } from '../stdlib/method.js';
import { createRng } from '../stdlib/random/rng.js';
import { ROW_ORDINAL_COLUMN } from './part-writer.js';
import { ROW_COLUMN } from './split.js';
import type { ItemBatches } from './task-items.js';

export interface TabularStep {
  method: PlanMethod;
  impl: TableMethod;
}

export interface TabularOptions {
  plan: Plan;
  task: PlanTask;
  steps: readonly TabularStep[];
  signal?: AbortSignal;
}

/** CSV cells are strings; a feature cell that reads as a finite number becomes one. */
function numericCell(value: CellValue | undefined): CellValue {
  if (typeof value !== 'string' || value.trim() === '') return value ?? null;
  const n = Number(value);
  return Number.isFinite(n) ? n : value;
}

async function loadRows(batches: ItemBatches, features: readonly string[]): Promise<TableRow[]> {
  const rows: TableRow[] = [];
  for await (const batch of batches) {
    for (const item of batch) {
      if (item.variant !== 0) continue;
      const row: TableRow = { ...item.row };
      for (const f of features) row[f] = numericCell(row[f]);
      rows.push(row);
    }
  }
  return rows;
}

/**
 * The synthesized rows, each with its `augc_row` and `augc_variant` (row i of rows x variants
 * belongs to variant floor(i / rows)). `batches` must come from `readChunkItems`.
 */
export async function synthesizeChunk(
  batches: ItemBatches,
  opts: TabularOptions,
): Promise<{ rowsIn: number; rows: TableRow[] }> {
  const { plan, task } = opts;
  const features = plan.input.features ?? [];
  const source = await loadRows(batches, features);
  const rowsIn = source.length;
  if (rowsIn === 0) return { rowsIn, rows: [] };
  const count = rowsIn * plan.variants;
  let rows: TableRow[] = source;
  for (const { method, impl } of opts.steps) {
    opts.signal?.throwIfAborted();
    const rng = createRng(...tabularStreamKey(plan.seed, task.combo.id, task.chunk, method.id));
    // A later method works on its predecessor's rows, one for one: after a balancing SMOTE
    // (`sampling_strategy`) that is not rows x variants. Otherwise the two counts are equal.
    const wanted = rows === source ? count : rows.length;
    rows = impl.synthesize(rows, wanted, method.params, {
      rng,
      features,
      protect: plan.input.protect,
      ...(plan.input.label !== undefined ? { label: plan.input.label } : {}),
    });
  }
  // The methods copy a source row and change its features, so `_augc_row` names that row (for SMOTE
  // and mixup, the base row whose label and other columns the synthesized row carries). Rows come
  // variant by variant in equal blocks: rowsIn each, or what a balancing SMOTE adds per variant.
  const perVariant = rows.length / plan.variants;
  return {
    rowsIn,
    rows: rows.map((row, i) => ({
      ...row,
      [ROW_ORDINAL_COLUMN]: row[ROW_COLUMN] ?? null,
      augc_variant: Math.floor(i / perVariant),
    })),
  };
}
