/**
 * Entry points for reading a data file as a stream of rows, whatever its format. Memory stays
 * bounded: CSV and JSONL are read in 64 KiB pieces, Parquet one row group at a time.
 *
 * Bad data: under `onBadRow: 'fail'` (the default) the iterator throws a `DataError` naming the
 * file, row and line (see data-error.ts for why this is thrown rather than returned); under
 * `'skip'` the row is passed to `onReject` and reading goes on. Whole-file problems (empty file,
 * bad header, not Parquet) always throw.
 */
import type { TableRow } from '../../stdlib/method.js';
import { openFileSource } from '../storage/local-file.js';
import type { ByteSource } from '../storage/storage.js';
import { readCsvBatches } from './csv-reader.js';
import { readJsonlBatches } from './jsonl-reader.js';
import type { Format, ReadOptions, RowRecord } from './types.js';

function sourceOf(input: string | ByteSource): ByteSource {
  return typeof input === 'string' ? openFileSource(input) : input;
}

/**
 * Rows with their 1-based row number (and line for CSV/JSONL), in batches: one per 64 KiB read
 * of CSV or JSONL, one per Parquet row group. A loop over a large file awaits once a batch rather
 * than once a row, which was most of the cost of reading small rows.
 */
export function readRecordBatches(
  input: string | ByteSource,
  format: Format,
  opts: ReadOptions = {},
): AsyncGenerator<RowRecord[]> {
  const source = sourceOf(input);
  switch (format) {
    case 'csv':
      return readCsvBatches(source, opts);
    case 'jsonl':
      return readJsonlBatches(source, opts);
    case 'parquet':
      return readParquetLazily(source, opts);
  }
}

/** hyparquet is loaded when a Parquet file is first read, not by every process. */
async function* readParquetLazily(
  source: ByteSource,
  opts: ReadOptions,
): AsyncGenerator<RowRecord[]> {
  const { readParquetBatches } = await import('./parquet-reader.js');
  yield* readParquetBatches(source, opts);
}

/** Rows with their 1-based row number (and line for CSV/JSONL), one at a time. */
export async function* readRecords(
  input: string | ByteSource,
  format: Format,
  opts: ReadOptions = {},
): AsyncGenerator<RowRecord> {
  for await (const batch of readRecordBatches(input, format, opts)) yield* batch;
}

/** Just the rows. CSV values are always strings (CSV has no types); see docs/formats.md. */
export async function* readRows(
  input: string | ByteSource,
  format: Format,
  opts: ReadOptions = {},
): AsyncGenerator<TableRow> {
  for await (const record of readRecords(input, format, opts)) yield record.values;
}
