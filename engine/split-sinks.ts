/** Chunk and reject files for `splitInput`, each written atomically and hashed as it is written. */
import { createHash } from 'node:crypto';
import type { CellValue, TableRow } from '../stdlib/method.js';
import type { Reject } from './formats/data-error.js';
import { createSinkRowWriter } from './formats/row-writer.js';
import type { RowWriter } from './formats/types.js';
import type { ByteSink, Storage } from './storage/storage.js';

export interface ChunkFile {
  /** Storage-relative path. */
  file: string;
  rows: number;
  sha256: string;
}

export function chunkPath(dir: string, index: number): string {
  return `${dir}/chunk-${String(index).padStart(5, '0')}.jsonl`;
}

function hashingSink(inner: ByteSink): { sink: ByteSink; digest: () => string } {
  const hash = createHash('sha256');
  return {
    sink: {
      write(data) {
        // Encoded once, for the hash and the file alike.
        const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
        hash.update(bytes);
        return inner.write(bytes);
      },
      commit: () => inner.commit(),
      abort: () => inner.abort(),
    },
    digest: () => hash.digest('hex'),
  };
}

/** Chunk text is written to storage in pieces of about this many characters. */
const CHUNK_BATCH = 1 << 16;

/**
 * Writes chunk rows as JSONL. A chunk row is `{ _augc_row, ...the input row }` with every column
 * present (the readers give every column of a good row a value), so `JSON.stringify` of it is
 * byte for byte what the JSONL row encoder writes for these columns (same keys in the same order,
 * integer-like ones first in both) without building each row a second time in column order.
 */
export interface ChunkRowWriter {
  /** Buffers the row; a promise only when the buffer went to storage (await it then). */
  write(row: TableRow): Promise<void> | undefined;
  commit(): Promise<void>;
  abort(): Promise<void>;
}

function chunkRowWriter(sink: ByteSink): ChunkRowWriter {
  let pending = '';
  return {
    write(row) {
      pending += `${JSON.stringify(row)}\n`;
      if (pending.length < CHUNK_BATCH) return undefined;
      const text = pending;
      pending = '';
      return sink.write(text);
    },
    async commit() {
      try {
        if (pending.length > 0) await sink.write(pending);
        pending = '';
        await sink.commit();
      } catch (error) {
        await sink.abort();
        throw error;
      }
    },
    abort: () => sink.abort(),
  };
}

export interface OpenChunk {
  writer: ChunkRowWriter;
  finish(): Promise<ChunkFile>;
  rows: number;
}

export async function openChunk(storage: Storage, dir: string, index: number): Promise<OpenChunk> {
  const file = chunkPath(dir, index);
  const { sink, digest } = hashingSink(await storage.createWriteStream(file));
  const writer = chunkRowWriter(sink);
  const chunk: OpenChunk = {
    writer,
    rows: 0,
    async finish() {
      await writer.commit();
      return { file, rows: chunk.rows, sha256: digest() };
    },
  };
  return chunk;
}

/** Routes rows to chunk files in order, one file open at a time. */
export function chunkCursor(storage: Storage, dir: string, rowsPerChunk: number) {
  const done: ChunkFile[] = [];
  let open: OpenChunk | undefined;
  /** Commits the chunks before `target` and opens it. */
  const advance = async (target: number): Promise<OpenChunk> => {
    while (open === undefined || done.length < target) {
      if (open !== undefined) done.push(await open.finish());
      open = await openChunk(storage, dir, done.length);
    }
    return open;
  };
  return {
    /** Adds a row; returns a promise only when it must wait (a new chunk, a batch written). */
    add(row: TableRow, index: number): Promise<void> | undefined {
      const target = Math.floor(index / rowsPerChunk);
      if (open !== undefined && done.length === target) {
        open.rows++;
        return open.writer.write(row);
      }
      return advance(target).then((chunk) => {
        chunk.rows++;
        return chunk.writer.write(row);
      });
    },
    /** Commits the open chunk and writes empty ones up to `count`. */
    async finish(count: number): Promise<ChunkFile[]> {
      if (open !== undefined) done.push(await open.finish());
      open = undefined;
      while (done.length < count)
        done.push(await (await openChunk(storage, dir, done.length)).finish());
      return done;
    },
    /** Drops the open chunk and removes the committed ones. */
    async abort(): Promise<void> {
      await open?.writer.abort();
      for (const chunk of done) await storage.remove(chunk.file);
    },
  };
}

const REJECT_COLUMNS = ['row', 'line', 'message', 'raw'];

/** The rejects file is opened on the first reject, so a clean input leaves none. */
export function rejectsFile(storage: Storage, path: string) {
  let writer: Promise<RowWriter> | undefined;
  let count = 0;
  return {
    path,
    count: () => count,
    async add(reject: Reject): Promise<void> {
      count++;
      writer ??= storage
        .createWriteStream(path)
        .then((sink) => createSinkRowWriter(sink, path, 'jsonl', REJECT_COLUMNS));
      const row: TableRow = {
        row: reject.row,
        line: (reject.line ?? null) as CellValue,
        message: reject.message,
        raw: reject.raw,
      };
      await (await writer).write(row);
    },
    async finish(ok: boolean): Promise<void> {
      if (writer === undefined) return;
      const w = await writer;
      await (ok ? w.commit() : w.abort());
    },
  };
}
