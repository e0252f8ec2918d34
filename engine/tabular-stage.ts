/**
 * Tabular combos: SMOTE and mixup need a row's neighbours, so a tabular task loads its whole chunk
 * (bounded by the chunk size, not the input) and each method synthesizes rows x variants rows
 * from the previous method's rows. The random stream is keyed by chunk (`tabularStreamKey`,
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
    rows = impl.synthesize(rows, count, method.params, {
      rng,
      features,
      protect: plan.input.protect,
      ...(plan.input.label !== undefined ? { label: plan.input.label } : {}),
    });
  }
  // The methods copy a source row and change its features, so `_augc_row` names that row (for SMOTE
  // and mixup, the base row whose label and other columns the synthesized row carries).
  return {
    rowsIn,
    rows: rows.map((row, i) => ({
      ...row,
      [ROW_ORDINAL_COLUMN]: row[ROW_COLUMN] ?? null,
      augc_variant: Math.floor(i / rowsIn),
    })),
  };
}
