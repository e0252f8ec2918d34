/**
 * Parquet writer on hyparquet-writer. Rows are buffered into row groups of `ROW_GROUP_ROWS` and
 * each group is encoded and flushed to the sink, so memory is bounded by one row group (plus the
 * footer's metadata), not by the file. Column types are those given (`integer` -> INT64, for
 * counts and ordinals that readers such as pandas should see as integers, not `70.0`; `int32` and
 * `float` for a Parquet input's own INT32 and FLOAT columns), else inferred from the first row
 * group: the first non-null value's kind (string -> UTF8, number -> DOUBLE, boolean -> BOOLEAN;
 * all null -> UTF8). Every column is OPTIONAL (nullable). The encoder (parquet-sink.ts,
 * hyparquet-writer) is loaded with the first row group.
 */
import type { ParquetWriter } from 'hyparquet-writer';
import type { SchemaElement } from 'hyparquet';
import type { CellValue, TableRow } from '../../stdlib/method.js';
import type { ByteSink } from '../storage/storage.js';
import { DataError } from './data-error.js';

export type ColumnType = 'string' | 'number' | 'integer' | 'boolean' | 'int32' | 'float';

export const ROW_GROUP_ROWS = 16_384;

function schemaElement(name: string, type: ColumnType): SchemaElement {
  if (type === 'string') {
    return { name, type: 'BYTE_ARRAY', converted_type: 'UTF8', repetition_type: 'OPTIONAL' };
  }
  const physical = {
    number: 'DOUBLE',
    float: 'FLOAT',
    integer: 'INT64',
    int32: 'INT32',
    boolean: 'BOOLEAN',
  } as const;
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

const INT32_MIN = -(2 ** 31);
const INT32_MAX = 2 ** 31 - 1;
/** An INT64 beyond 2^53 reaches the chunk files as its decimal text (see parquet-reader.ts). */
const DECIMAL_INTEGER = /^-?\d{1,19}$/;

/** The value to encode for a cell of `type`, or undefined when the cell does not fit it. */
function encodable(value: CellValue, type: ColumnType): CellValue | bigint | undefined {
  switch (type) {
    case 'integer':
      if (typeof value === 'number') return Number.isSafeInteger(value) ? BigInt(value) : undefined;
      return typeof value === 'string' && DECIMAL_INTEGER.test(value) ? BigInt(value) : undefined;
    case 'int32':
      return typeof value === 'number' &&
        Number.isInteger(value) &&
        value >= INT32_MIN &&
        value <= INT32_MAX
        ? value
        : undefined;
    case 'float':
      return typeof value === 'number' ? value : undefined;
    default:
      return typeof value === type ? value : undefined;
  }
}

const TYPE_NAMES: Readonly<Record<ColumnType, string>> = {
  string: 'a string',
  number: 'a number',
  integer: 'an integer',
  boolean: 'a boolean',
  int32: 'an INT32',
  float: 'a FLOAT',
};

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
    const encoded = encodable(value, type);
    if (encoded !== undefined) return encoded;
    const integral = type === 'integer' || type === 'int32';
    const holds =
      !integral || typeof value !== 'number'
        ? typeof value
        : Number.isInteger(value)
          ? 'number out of its range'
          : 'non-integer number';
    const message = `column \`${column}\` holds a ${holds} but is ${TYPE_NAMES[type]} column; a Parquet column has one type`;
    throw new DataError({ file, row: before + i + 1, message });
  });
}
