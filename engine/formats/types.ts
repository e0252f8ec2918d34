import type { CellValue, TableRow } from '../../stdlib/method.js';
import type { Reject } from './data-error.js';
import type { ColumnType } from './parquet-writer.js';

export type Format = 'csv' | 'jsonl' | 'parquet';
export type BadRowPolicy = 'fail' | 'skip';

export interface ReadOptions {
  /** `fail` (default) throws a `DataError` at the first bad row; `skip` reports it and goes on. */
  onBadRow?: BadRowPolicy;
  /** Called for each skipped row under `skip`. */
  onReject?: (reject: Reject) => void;
  /** Called once with the column names before the first row (also for a header-only file). */
  onColumns?: (columns: readonly string[]) => void;
  /**
   * Called once after `onColumns` with the columns' declared types, when the format declares them
   * (Parquet; see parquet-types.ts for which types are kept). CSV and JSONL declare none.
   */
  onColumnTypes?: (types: Readonly<Record<string, ColumnType>>) => void;
  /**
   * Called with every byte of the file in order, so a caller can hash the input in the same pass.
   * CSV and JSONL only: Parquet is read by ranges, hash it with `sha256OfSource`.
   */
  onBytes?: (bytes: Uint8Array) => void;
}

/** One good row with where it came from. */
export interface RowRecord {
  /** 1-based data row number in the file, counting bad rows too (so it is stable under skip). */
  row: number;
  line?: number;
  values: TableRow;
}

export interface RowWriter {
  /**
   * Buffers the row; returns a promise only when the buffer went to the file (await it then).
   * Most rows return nothing, which spares a promise per row on the hot path.
   */
  write(row: TableRow): Promise<void> | undefined;
  /** Finishes the file and renames it into place. */
  commit(): Promise<void>;
  /** The same as `commit()`. */
  close(): Promise<void>;
  /** Drops the temp file; nothing appears at the final path. */
  abort(): Promise<void>;
  /**
   * CSV and JSONL: writing many rows that differ only in the `varying` columns, with the other
   * cells encoded once per group (see `RowEncoder.template`). The bytes are those `write` makes.
   */
  template?(varying: readonly string[]): RowTemplateWriter;
}

export interface RowTemplateWriter {
  /** Encodes the cells of `row` that do not vary. */
  prepare(row: TableRow): readonly string[];
  /** As `write`, for the prepared row with these varying values (in `varying` order). */
  write(prepared: readonly string[], values: readonly CellValue[]): Promise<void> | undefined;
}
