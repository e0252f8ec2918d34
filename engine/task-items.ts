/**
 * The unit of work inside a text task: one (input row, variant) pair and its current texts.
 * Items flow through the combo's methods in batches, so memory is bounded by a batch, not by the
 * chunk; stages are async generators of batches.
 */
import type { Plan, PlanInput } from '../compiler/plan/types.js';
import type { CellValue, TableRow } from '../stdlib/method.js';
import { readRecordBatches } from './formats/read-rows.js';
import { chunkRowId, ROW_COLUMN } from './split.js';
import type { Storage } from './storage/storage.js';

/** Input rows per batch; a batch holds rows x variants items. */
export const BATCH_ROWS = 256;

export interface TaskItem {
  /** The row's 1-based data row number in the whole input (`_augc_row` of the chunk file). */
  ordinal: number;
  /** The id column's value, else the ordinal (as `chunkRowId` gives it), as a string. */
  rowId: string;
  variant: number;
  /** The input row as read from the chunk (shared by the row's variants; never mutated). */
  row: TableRow;
  /** Current text of each augmented column, parallel to `augmentedColumns(plan.input)`. */
  texts: string[];
}

export type ItemBatches = AsyncIterable<TaskItem[]>;

/** Text columns that are augmented: a text column that is also protected is carried unchanged. */
export function augmentedColumns(input: PlanInput): string[] {
  return input.text.filter((c) => !input.protect.includes(c));
}

export function cellText(value: CellValue | undefined): string {
  return value === null || value === undefined ? '' : String(value);
}

export interface ChunkReading {
  /** Input column order (without `_augc_row`), known once the first batch is out. */
  columns: string[] | undefined;
  rowsIn: number;
}

/**
 * Reads the chunk (JSONL written by `splitInput`) and yields batches of items, each row expanded
 * into `plan.variants` items in variant order. An empty chunk file (no rows) yields nothing.
 */
export async function* readChunkItems(
  plan: Plan,
  storage: Storage,
  chunkPath: string,
  state: ChunkReading,
  onBytes: (bytes: Uint8Array) => void,
): ItemBatches {
  const stat = await storage.stat(chunkPath);
  if (stat === undefined)
    throw new Error(`chunk file ${chunkPath} is missing from ${storage.root}`);
  if (stat.size === 0) return;
  const columns = augmentedColumns(plan.input);
  const records = readRecordBatches(storage.openSource(chunkPath), 'jsonl', {
    onBytes,
    onColumns: (names) => {
      state.columns = names.filter((n) => n !== ROW_COLUMN);
    },
  });
  let batch: TaskItem[] = [];
  for await (const read of records) {
    for (const { values } of read) {
      state.rowsIn++;
      const ordinal = Number(values[ROW_COLUMN]);
      const rowId = String(chunkRowId(values, plan.input));
      const texts = columns.map((c) => cellText(values[c]));
      for (let v = 0; v < plan.variants; v++) {
        batch.push({ ordinal, rowId, variant: v, row: values, texts: [...texts] });
      }
      if (batch.length >= BATCH_ROWS * plan.variants) {
        yield batch;
        batch = [];
      }
    }
  }
  if (batch.length > 0) yield batch;
}

/** Applies a synchronous per-item transformation to every batch. */
export async function* mapBatches(
  batches: ItemBatches,
  apply: (item: TaskItem) => void,
  signal?: AbortSignal,
): ItemBatches {
  for await (const batch of batches) {
    signal?.throwIfAborted();
    for (const item of batch) apply(item);
    yield batch;
  }
}
