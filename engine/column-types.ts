/**
 * The input's own column types, recorded beside the chunk files when the input declares them
 * (Parquet). Chunks are JSONL, which keeps a value but not its type (an INT64 and a DOUBLE are
 * both a JSON number), so a Parquet part reads this record to write each input column back with
 * its type. CSV and JSONL inputs declare none: their columns are inferred from the values.
 */
import { posix } from 'node:path';
import type { ColumnType } from './formats/parquet-writer.js';
import { COLUMN_TYPES_FILE } from './run-layout.js';
import type { Storage } from './storage/storage.js';

export type ColumnTypes = Readonly<Record<string, ColumnType>>;

/** Writes the record for the chunks in `chunksDir`, or removes an older one when there are none. */
export async function recordColumnTypes(
  storage: Storage,
  chunksDir: string,
  types: ColumnTypes | undefined,
): Promise<void> {
  const path = posix.join(chunksDir, COLUMN_TYPES_FILE);
  if (types === undefined) await storage.remove(path);
  else await storage.writeAtomic(path, `${JSON.stringify({ columns: types }, null, 2)}\n`);
}

/** The types recorded beside the chunk at `chunkPath`; empty when there is no record. */
export async function recordedColumnTypes(
  storage: Storage,
  chunkPath: string,
): Promise<ColumnTypes> {
  const path = posix.join(posix.dirname(chunkPath), COLUMN_TYPES_FILE);
  if (!(await storage.exists(path))) return {};
  const parsed = JSON.parse(await storage.readText(path)) as { columns?: ColumnTypes };
  return parsed.columns ?? {};
}
