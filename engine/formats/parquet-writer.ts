/**
 * Parquet writer on hyparquet-writer. Rows are buffered into row groups of `ROW_GROUP_ROWS` and
 * each group is encoded and flushed to the sink, so memory is bounded by one row group (plus the
 * footer's metadata), not by the file. Column types are those given (`integer` -> INT64, for
 * counts and ordinals that readers such as pandas should see as integers, not `70.0`), else
 * inferred from the first row group: the first non-null value's kind (string -> UTF8, number ->
 * DOUBLE, boolean -> BOOLEAN; all null -> UTF8). Every column is OPTIONAL (nullable). The
 * encoder (parquet-sink.ts, hyparquet-writer) is loaded with the first row group.
 */
import type { ParquetWriter } from 'hyparquet-writer';
import type { SchemaElement } from 'hyparquet';
import type { CellValue, TableRow } from '../../stdlib/method.js';
import type { ByteSink } from '../storage/storage.js';
import { DataError } from './data-error.js';

export type ColumnType = 'string' | 'number' | 'integer' | 'boolean';

export const ROW_GROUP_ROWS = 16_384;

function schemaElement(name: string, type: ColumnType): SchemaElement {
  if (type === 'string') {
    return { name, type: 'BYTE_ARRAY', converted_type: 'UTF8', repetition_type: 'OPTIONAL' };
  }
  const physical = { number: 'DOUBLE', integer: 'INT64', boolean: 'BOOLEAN' } as const;
  return { name, type: physical[type], repetition_type: 'OPTIONAL' };
}

function inferType(rows: readonly TableRow[], column: string): ColumnType {
  for (const row of rows) {
    const value = row[column];
    if (value !== null && value !== undefined)
      return typeof value as 'string' | 'number' | 'boolean';
  }
  return 'string';
}

export interface ParquetRowWriter {
  /** A promise only when a row group was written. */
  write(row: TableRow): Promise<void> | undefined;
  finish(): Promise<void>;
}

export function parquetRowWriter(
  file: string,
  sink: ByteSink,
  columns: readonly string[],
  types: Readonly<Record<string, ColumnType>> = {},
): ParquetRowWriter {
  let buffer: TableRow[] = [];
  let written = 0;
  let state: { writer: ParquetWriter; typed: [string, ColumnType][] } | undefined;

  const start = async (): Promise<{ writer: ParquetWriter; typed: [string, ColumnType][] }> => {
    const typed = columns.map((c): [string, ColumnType] => [c, types[c] ?? inferType(buffer, c)]);
    const schema: SchemaElement[] = [{ name: 'root', num_children: columns.length }];
    schema.push(...typed.map(([name, type]) => schemaElement(name, type)));
    // hyparquet-writer is loaded when a Parquet file is first written, not by every process.
    const { openParquetWriter } = await import('./parquet-sink.js');
    return { writer: openParquetWriter(sink, schema), typed };
  };

  const flush = async (): Promise<ParquetWriter> => {
    state ??= await start();
    if (buffer.length === 0) return state.writer;
    const columnData = state.typed.map(([name, type]) => ({
      name,
      data: columnValues(file, buffer, name, type, written),
    }));
    await state.writer.write({ columnData, rowGroupSize: buffer.length });
    written += buffer.length;
    buffer = [];
    return state.writer;
  };

  return {
    write(row) {
      buffer.push(row);
      return buffer.length >= ROW_GROUP_ROWS ? flush().then(() => undefined) : undefined;
    },
    async finish() {
      await (await flush()).finish();
    },
  };
}

function columnValues(
  file: string,
  rows: readonly TableRow[],
  column: string,
  type: ColumnType,
  before: number,
): (CellValue | bigint)[] {
  return rows.map((row, i) => {
    const value = row[column] ?? null;
    if (value === null) return null;
    if (type !== 'integer' && typeof value === type) return value;
    if (type === 'integer' && typeof value === 'number' && Number.isSafeInteger(value))
      return BigInt(value);
    const holds =
      type === 'integer' && typeof value === 'number' ? 'non-integer number' : typeof value;
    const message = `column \`${column}\` holds a ${holds} but is a${type === 'integer' ? 'n' : ''} ${type} column; a Parquet column has one type`;
    throw new DataError({ file, row: before + i + 1, message });
  });
}
