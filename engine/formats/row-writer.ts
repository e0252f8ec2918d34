/**
 * `createRowWriter`: rows in, a file out, atomically. Nothing exists at the final path until
 * `commit()`; `abort()` (or an error during commit) leaves no temp file behind.
 */
import type { TableRow } from '../../stdlib/method.js';
import { openAtomicFile } from '../storage/local-file.js';
import type { ByteSink } from '../storage/storage.js';
import { parquetRowWriter, type ColumnType } from './parquet-writer.js';
import { csvEncoder, jsonlEncoder } from './text-writers.js';
import type { Format, RowTemplateWriter, RowWriter } from './types.js';

export interface WriterOptions {
  /** Parquet column types; columns not listed are inferred from the first row group. */
  types?: Readonly<Record<string, ColumnType>>;
}

/** Text is batched to about this many characters per write to keep syscalls few. */
const TEXT_BATCH = 1 << 16;

/** Writes to a local path through a temp file in the same folder. */
export async function createRowWriter(
  path: string,
  format: Format,
  columns: readonly string[],
  opts: WriterOptions = {},
): Promise<RowWriter> {
  return createSinkRowWriter(await openAtomicFile(path), path, format, columns, opts);
}

/** Writes to any sink, e.g. `storage.createWriteStream(path)`. `name` is used in errors. */
export function createSinkRowWriter(
  sink: ByteSink,
  name: string,
  format: Format,
  columns: readonly string[],
  opts: WriterOptions = {},
): RowWriter {
  const inner =
    format === 'parquet'
      ? parquetInner(sink, name, columns, opts)
      : textInner(sink, format, columns);
  let closed = false;
  const closedError = () => Promise.reject(new Error(`${name}: write after close`));
  const commit = async (): Promise<void> => {
    if (closed) throw new Error(`${name}: writer already closed`);
    closed = true;
    try {
      await inner.finish();
      await sink.commit();
    } catch (error) {
      await sink.abort();
      throw error;
    }
  };
  const writer: RowWriter = {
    write(row) {
      if (closed) return closedError();
      return inner.write(row);
    },
    commit,
    close: commit,
    async abort() {
      closed = true;
      await sink.abort();
    },
  };
  const { template } = inner;
  if (template) {
    writer.template = (varying) => {
      const lines = template(varying);
      return {
        prepare: lines.prepare,
        write: (prepared, values) => (closed ? closedError() : lines.write(prepared, values)),
      };
    };
  }
  return writer;
}

interface InnerWriter {
  write(row: TableRow): Promise<void> | undefined;
  finish(): Promise<void>;
  template?(varying: readonly string[]): RowTemplateWriter;
}

function parquetInner(
  sink: ByteSink,
  name: string,
  columns: readonly string[],
  opts: WriterOptions,
): InnerWriter {
  return parquetRowWriter(name, sink, columns, opts.types);
}

function textInner(
  sink: ByteSink,
  format: 'csv' | 'jsonl',
  columns: readonly string[],
): InnerWriter {
  const encoder = format === 'csv' ? csvEncoder(columns) : jsonlEncoder(columns);
  let pending = encoder.start;
  const add = (line: string): Promise<void> | undefined => {
    pending += line;
    if (pending.length < TEXT_BATCH) return undefined;
    const text = pending;
    pending = '';
    return sink.write(text);
  };
  return {
    write: (row) => add(encoder.encode(row)),
    template(varying) {
      const lines = encoder.template(varying);
      return {
        prepare: (row) => lines.prepare(row),
        write: (prepared, values) => add(lines.line(prepared, values)),
      };
    },
    async finish() {
      if (pending.length > 0) await sink.write(pending);
      pending = '';
    },
  };
}
