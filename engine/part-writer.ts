/**
 * The dataset part a task writes: its columns, and an atomic writer that hashes the bytes as they
 * go so that the part's sha256 needs no second read.
 *
 * Columns: the id column (when declared), `augc_row`, the text and feature columns (declared order), the label,
 * then the keep and protect columns in the input file's column order, then `augc_variant`,
 * `augc_combo`, `augc_similarity`. Each column appears once.
 */
import { createHash } from 'node:crypto';
import type { Plan, PlanInput } from '../compiler/plan/types.js';
import type { TableRow } from '../stdlib/method.js';
import { createSinkRowWriter } from './formats/row-writer.js';
import type { ColumnType } from './formats/parquet-writer.js';
import type { RowTemplateWriter, RowWriter } from './formats/types.js';
import type { Storage } from './storage/storage.js';
import { enospcError } from './test-hooks.js';

export const AUGC_COLUMNS = ['augc_variant', 'augc_combo', 'augc_similarity'] as const;

/** The 1-based input row a variant came from (`_augc_row`), so it can be traced without an id. */
export const ROW_ORDINAL_COLUMN = 'augc_row';

/** `inputColumns` is the chunk's column order, unknown for an empty chunk (declared order then). */
export function outputColumnsOf(
  input: PlanInput,
  inputColumns: readonly string[] | undefined,
): string[] {
  const carried = [...input.keep, ...input.protect];
  const ordered =
    inputColumns === undefined ? carried : inputColumns.filter((c) => carried.includes(c));
  const names = [
    input.id,
    ROW_ORDINAL_COLUMN,
    ...input.text,
    ...(input.features ?? []),
    input.label,
    ...ordered,
    ...AUGC_COLUMNS,
  ];
  return [...new Set(names.filter((n): n is string => n !== undefined))];
}

export interface PartWriter {
  /** As `RowWriter.write`: a promise only when the row's batch went to storage. */
  write(row: TableRow): Promise<void> | undefined;
  /** As `RowWriter.template` (CSV and JSONL parts). */
  template?(varying: readonly string[]): RowTemplateWriter;
  /** Publishes the part; returns its sha256 and size. */
  commit(): Promise<{ sha256: string; bytes: number }>;
  abort(): Promise<void>;
}

export interface PartColumns {
  /** The part's columns, in order (`outputColumnsOf`). */
  names: readonly string[];
  /** The augmented text columns: always strings. */
  text: readonly string[];
  /** The input's own column types where it declares them (a Parquet input), for Parquet parts. */
  input?: Readonly<Record<string, ColumnType>>;
}

export async function openPartWriter(
  storage: Storage,
  plan: Plan,
  path: string,
  columns: PartColumns,
  /** Test hook (engine/test-hooks.ts): the first write fails with ENOSPC half-way. */
  failWithEnospc = false,
): Promise<PartWriter> {
  const inner = await storage.createWriteStream(path);
  const hash = createHash('sha256');
  let bytes = 0;
  const sink = {
    async write(data: Uint8Array | string) {
      const buffer = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
      if (failWithEnospc) {
        await inner.write(buffer.subarray(0, buffer.byteLength >> 1));
        throw enospcError(path);
      }
      hash.update(buffer);
      bytes += buffer.byteLength;
      return inner.write(buffer);
    },
    commit: () => inner.commit(),
    abort: () => inner.abort(),
  };
  const types: Record<string, ColumnType> = {
    ...columns.input,
    [ROW_ORDINAL_COLUMN]: 'integer',
    augc_variant: 'integer',
    augc_combo: 'string',
    augc_similarity: 'number',
  };
  for (const c of columns.text) types[c] = 'string';
  const writer: RowWriter = createSinkRowWriter(sink, path, plan.output.format, columns.names, {
    types,
  });
  const part: PartWriter = {
    write: (row) => writer.write(row),
    async commit() {
      await writer.commit();
      return { sha256: hash.digest('hex'), bytes };
    },
    abort: () => writer.abort(),
  };
  if (writer.template) part.template = writer.template.bind(writer);
  return part;
}
