/**
 * The end of a text task's stream: each (row, variant) item goes through the quality filter
 * (duplicates are judged among the variants of the same row) and the kept ones are written.
 * Several text columns are judged as one text, joined with newlines.
 */
import type { Plan, PlanTask } from '../compiler/plan/types.js';
import type { CellValue, TableRow } from '../stdlib/method.js';
import type { QualityFilter, RowQualityScope } from './quality/index.js';
import { ROW_ORDINAL_COLUMN, type PartWriter } from './part-writer.js';
import { augmentedColumns, cellText, type ItemBatches, type TaskItem } from './task-items.js';

export interface WriteItemsOptions {
  plan: Plan;
  task: PlanTask;
  filter: QualityFilter;
  /** Opens the part writer; called once, when the input columns are known (or at the end). */
  open: () => Promise<PartWriter>;
  signal?: AbortSignal;
  onRow?: (ordinal: number) => void;
}

function outputRowOf(
  columns: readonly string[],
  task: PlanTask,
  item: TaskItem,
  similarity: number,
): TableRow {
  const row: TableRow = { ...item.row };
  row[ROW_ORDINAL_COLUMN] = item.ordinal;
  columns.forEach((c, k) => (row[c] = item.texts[k] ?? ''));
  row['augc_variant'] = item.variant;
  row['augc_combo'] = task.combo.id;
  row['augc_similarity'] = similarity;
  return row;
}

/** Several text columns are judged as one text (one column needs no join). */
const joinedText = (texts: readonly string[]): string =>
  texts.length === 1 ? (texts[0] ?? '') : texts.join('\n');

/**
 * Writes a kept variant. CSV and JSONL parts encode the cells a row's variants share once per
 * row (a template); Parquet takes whole rows.
 */
function variantWriter(writer: PartWriter, columns: readonly string[], task: PlanTask) {
  const lines = writer.template?.([...columns, 'augc_variant', 'augc_similarity']);
  if (!lines)
    return (item: TaskItem, similarity: number) =>
      writer.write(outputRowOf(columns, task, item, similarity));
  let row: TableRow | undefined;
  let prepared: readonly string[] = [];
  const values: CellValue[] = [];
  return (item: TaskItem, similarity: number) => {
    if (item.row !== row) {
      row = item.row;
      prepared = lines.prepare({
        ...item.row,
        [ROW_ORDINAL_COLUMN]: item.ordinal,
        augc_combo: task.combo.id,
      });
    }
    values.length = 0;
    for (let k = 0; k < columns.length; k++) values.push(item.texts[k] ?? '');
    values.push(item.variant, similarity);
    return lines.write(prepared, values);
  };
}

export async function writeItems(batches: ItemBatches, opts: WriteItemsOptions): Promise<number> {
  const { plan, task, filter } = opts;
  const columns = augmentedColumns(plan.input);
  let writer: PartWriter | undefined;
  let write: ReturnType<typeof variantWriter> | undefined;
  let scope: RowQualityScope = filter.row('');
  let scopeOrdinal = Number.NaN;
  let written = 0;
  for await (const batch of batches) {
    opts.signal?.throwIfAborted();
    writer ??= await opts.open();
    write ??= variantWriter(writer, columns, task);
    for (const item of batch) {
      if (item.ordinal !== scopeOrdinal) {
        if (!Number.isNaN(scopeOrdinal)) opts.onRow?.(scopeOrdinal);
        scopeOrdinal = item.ordinal;
        scope = filter.row(joinedText(columns.map((c) => cellText(item.row[c]))));
      }
      const decision = scope.decide(joinedText(item.texts));
      if (!decision.keep) continue;
      const flushing = write(item, decision.similarity);
      if (flushing) await flushing;
      written++;
    }
  }
  if (!Number.isNaN(scopeOrdinal)) opts.onRow?.(scopeOrdinal);
  writer ??= await opts.open();
  return written;
}
