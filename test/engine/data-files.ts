import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach } from 'vitest';
import type { ByteSource } from '../../engine/storage/storage.js';
import type { TableRow } from '../../stdlib/method.js';
import type { Reject } from '../../engine/formats/data-error.js';
import { readRecords } from '../../engine/formats/read-rows.js';
import type { Format, ReadOptions, RowRecord } from '../../engine/formats/types.js';

const dirs: string[] = [];

/** A fresh temp folder, removed after the test. */
export async function tempDir(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'augc-engine-'));
  dirs.push(dir);
  return dir;
}

afterEach(async () => {
  for (const dir of dirs.splice(0)) await rm(dir, { recursive: true, force: true });
});

export async function writeTemp(name: string, data: string | Uint8Array): Promise<string> {
  const path = join(await tempDir(), name);
  await writeFile(path, data);
  return path;
}

/** An in-memory source that yields `bytes` in pieces of `piece` bytes (to test boundaries). */
export function memorySource(
  data: string | Uint8Array,
  piece = 1 << 16,
  name = 'mem.csv',
): ByteSource {
  const bytes = typeof data === 'string' ? new TextEncoder().encode(data) : data;
  return {
    name,
    async *stream() {
      for (let i = 0; i < bytes.length; i += piece) yield bytes.subarray(i, i + piece);
    },
    size: () => Promise.resolve(bytes.length),
    readRange: (start, end) => Promise.resolve(bytes.subarray(start, end)),
  };
}

export interface Collected {
  records: RowRecord[];
  rows: TableRow[];
  rejects: Reject[];
  columns: readonly string[] | undefined;
}

export async function collect(
  input: string | ByteSource,
  format: Format,
  opts: ReadOptions = {},
): Promise<Collected> {
  const rejects: Reject[] = [];
  let columns: readonly string[] | undefined;
  const records: RowRecord[] = [];
  for await (const record of readRecords(input, format, {
    ...opts,
    onReject: (r) => rejects.push(r),
    onColumns: (c) => {
      columns = c;
    },
  })) {
    records.push(record);
  }
  return { records, rows: records.map((r) => r.values), rejects, columns };
}

/** The DataError a read throws, or undefined. */
export async function readError(
  input: string | ByteSource,
  format: Format,
  opts: ReadOptions = {},
): Promise<unknown> {
  try {
    await collect(input, format, opts);
    return undefined;
  } catch (error) {
    return error;
  }
}
