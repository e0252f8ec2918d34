/**
 * Cuts the input into chunk files in the run's storage, reading it once. Chunk files are JSONL
 * whatever the input format: one reader for every task, lossless for the cell types, and easy to
 * inspect. Each row is written as `{"_augc_row": N, ...input columns}` where N is the 1-based data
 * row of the input (bad rows count, so N is the same under `fail` and `skip`); when the input
 * declares no id column, N is the row's id (see `chunkRowId`).
 *
 * Row k (0-based among good rows) goes to chunk floor(k / rowsPerChunk). Rows mode takes
 * rowsPerChunk from the plan; count mode takes it from the plan when the plan knew the row count,
 * else probes the input first and uses ceil(rows / count). Empty chunk files are written up to
 * `chunks.count` so every planned task has a chunk to read. The output depends only on the input
 * bytes and the chunking, so the same input gives byte-identical chunks. Beside them it records
 * the directory the input was read from (see plan-dir.ts) and, for a Parquet input, its columns'
 * types (see column-types.ts).
 */
import type { PlanChunks, PlanInput } from '../compiler/plan/types.js';
import type { TableRow } from '../stdlib/method.js';
import { recordColumnTypes } from './column-types.js';
import { DataError, type Reject } from './formats/data-error.js';
import type { RowRecord } from './formats/types.js';
import { recordPlanDir } from './plan-dir.js';
import { REJECTS_FILE } from './run-layout.js';
import { probeInput } from './probe-input.js';
import { readInputRows } from './split-read.js';
import { chunkCursor, rejectsFile, type ChunkFile } from './split-sinks.js';
import type { Storage } from './storage/storage.js';

export { chunkPath, type ChunkFile } from './split-sinks.js';

/** The column every chunk row starts with: the input's 1-based data row number. */
export const ROW_COLUMN = '_augc_row';

export interface SplitOptions {
  input: PlanInput;
  chunks: PlanChunks;
  storage: Storage;
  /** Storage-relative folder for the chunk files, e.g. `_augc/chunks`. */
  dir: string;
  /** Also told about each skipped row (they are written to `<dir>/rejects.jsonl` regardless). */
  onReject?: (reject: Reject) => void;
}

export interface SplitResult {
  chunkFiles: string[];
  chunks: ChunkFile[];
  columns: string[];
  /** Good rows written. */
  rows: number;
  /** sha256 of the input file's bytes. */
  sha256: string;
  rejects: { count: number; file?: string };
  /** Things worth telling the user that are not errors (e.g. a header-only input). */
  notes: string[];
}

/** A chunk row's id: the id column's value, else the input row number. */
export function chunkRowId(row: TableRow, input: PlanInput): string | number {
  const id = input.id === undefined ? row[ROW_COLUMN] : row[input.id];
  return typeof id === 'number' || typeof id === 'string' ? id : String(id);
}

async function rowsPerChunkFor(input: PlanInput, chunks: PlanChunks): Promise<number> {
  if (chunks.rowsPerChunk !== undefined) return Math.max(1, chunks.rowsPerChunk);
  if (chunks.mode === 'rows') throw new Error('rows-mode chunking without rowsPerChunk');
  const probe = await probeInput(input.uri, input.format);
  const rows = probe?.rows ?? 0;
  return Math.max(1, Math.ceil(rows / Math.max(1, chunks.count)));
}

export async function splitInput(opts: SplitOptions): Promise<SplitResult> {
  const { input, chunks, storage, dir } = opts;
  const perChunk = await rowsPerChunkFor(input, chunks);
  const rejects = rejectsFile(storage, `${dir}/${REJECTS_FILE}`);
  const cursor = chunkCursor(storage, dir, perChunk);
  let ok = false;
  try {
    const onReject = async (reject: Reject): Promise<void> => {
      opts.onReject?.(reject);
      await rejects.add(reject);
    };
    const read = await readInputRows(input, ROW_COLUMN, onReject, (record, index) => {
      if (chunks.mode === 'count' && Math.floor(index / perChunk) >= chunks.count) {
        throw tooManyRows(input, record, chunks);
      }
      return cursor.add({ [ROW_COLUMN]: record.row, ...record.values }, index);
    });
    const done = await cursor.finish(chunks.count);
    await recordPlanDir(storage, dir);
    await recordColumnTypes(storage, dir, read.types);
    ok = true;
    return resultOf(input, done, read, rejects.count(), rejects.path);
  } finally {
    if (!ok) await cursor.abort();
    await rejects.finish(ok);
  }
}

function tooManyRows(input: PlanInput, record: RowRecord, chunks: PlanChunks): DataError {
  const message =
    `the input has more rows than the plan's ${chunks.count} chunks of ${chunks.rowsPerChunk ?? '?'} rows: ` +
    'it changed since the plan was made; run `augc plan` again';
  return new DataError({
    file: input.uri,
    row: record.row,
    ...(record.line === undefined ? {} : { line: record.line }),
    message,
  });
}

function resultOf(
  input: PlanInput,
  done: ChunkFile[],
  read: { columns: string[]; rows: number; sha256: string },
  rejected: number,
  rejectsPath: string,
): SplitResult {
  const notes: string[] = [];
  if (read.rows === 0 && rejected === 0) notes.push(`${input.uri} has no data rows`);
  if (read.rows === 0 && rejected > 0) notes.push(`every row of ${input.uri} was rejected`);
  return {
    chunkFiles: done.map((c) => c.file),
    chunks: done,
    columns: read.columns,
    rows: read.rows,
    sha256: read.sha256,
    rejects: rejected > 0 ? { count: rejected, file: rejectsPath } : { count: 0 },
    notes,
  };
}
