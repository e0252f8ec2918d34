/**
 * Parquet reader on hyparquet (pure JS, no dependencies, reads by byte range). Rows are produced
 * one row group at a time, so memory is bounded by the file's largest row group, not its size;
 * augc's own writer keeps row groups small (see parquet-writer.ts).
 */
import { parquetMetadataAsync, parquetReadObjects, parquetSchema } from 'hyparquet';
import type { AsyncBuffer, FileMetaData } from 'hyparquet';
import type { CellValue, TableRow } from '../../stdlib/method.js';
import type { ByteSource } from '../storage/storage.js';
import { DataError } from './data-error.js';
import { checkHeader } from './header.js';
import { parquetColumnTypes } from './parquet-types.js';
import type { ReadOptions, RowRecord } from './types.js';

function asyncBufferOf(source: ByteSource, size: number): AsyncBuffer {
  return {
    byteLength: size,
    async slice(start, end) {
      const bytes = await source.readRange(start, end ?? size);
      return bytes.buffer.slice(
        bytes.byteOffset,
        bytes.byteOffset + bytes.byteLength,
      ) as ArrayBuffer;
    },
  };
}

async function readMetadata(source: ByteSource, file: AsyncBuffer): Promise<FileMetaData> {
  if (file.byteLength === 0)
    throw new DataError({ file: source.name, row: 0, message: 'file is empty' });
  try {
    return await parquetMetadataAsync(file);
  } catch (error) {
    const message = `not a readable Parquet file: ${(error as Error).message}`;
    throw new DataError({ file: source.name, row: 0, message });
  }
}

/** The rows of each row group, in order. */
export async function* readParquetBatches(
  source: ByteSource,
  opts: ReadOptions,
): AsyncGenerator<RowRecord[]> {
  const file = asyncBufferOf(source, await source.size());
  const metadata = await readMetadata(source, file);
  const children = parquetSchema(metadata).children.map((child) => child.element);
  const columns = children.map((element) => element.name);
  checkHeader(source.name, columns);
  opts.onColumns?.(columns);
  opts.onColumnTypes?.(parquetColumnTypes(children));
  let row = 0;
  let start = 0;
  for (const group of metadata.row_groups) {
    const end = start + Number(group.num_rows);
    const objects = await parquetReadObjects({ file, metadata, rowStart: start, rowEnd: end });
    const rows: RowRecord[] = [];
    for (const object of objects) {
      row++;
      const values: TableRow = {};
      for (const column of columns) values[column] = toCell(object[column]);
      rows.push({ row, values });
    }
    if (rows.length > 0) yield rows;
    start = end;
  }
}

/**
 * Parquet types beyond the four cell kinds are mapped so that nothing is lost silently: INT64
 * becomes a number when it is exact, otherwise a decimal string; dates become ISO strings; raw
 * bytes become base64; nested values become their JSON text.
 */
export function toCell(value: unknown): CellValue {
  switch (typeof value) {
    case 'string':
    case 'number':
    case 'boolean':
      return value;
    case 'bigint':
      return value <= BigInt(Number.MAX_SAFE_INTEGER) && value >= BigInt(Number.MIN_SAFE_INTEGER)
        ? Number(value)
        : value.toString();
    case 'undefined':
      return null;
    default:
      return objectCell(value);
  }
}

function objectCell(value: unknown): CellValue {
  if (value === null) return null;
  if (value instanceof Date) return value.toISOString();
  if (value instanceof Uint8Array) return Buffer.from(value).toString('base64');
  return JSON.stringify(value, (_key, v: unknown) => (typeof v === 'bigint' ? v.toString() : v));
}
