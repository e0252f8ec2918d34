import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { PlanChunks, PlanInput } from '../../compiler/plan/types.js';
import { isDataError, type Reject } from '../../engine/formats/data-error.js';
import { createRowWriter } from '../../engine/formats/row-writer.js';
import { recordedColumnTypes } from '../../engine/column-types.js';
import { chunkRowId, ROW_COLUMN, splitInput } from '../../engine/split.js';
import { createFileStorage } from '../../engine/storage/file-storage.js';
import { collect, tempDir, writeTemp } from './data-files.js';

function inputOf(uri: string, extra: Partial<PlanInput> = {}): PlanInput {
  return {
    uri,
    format: 'csv',
    text: ['text'],
    keep: [],
    protect: [],
    protectKeywords: [],
    onBadRow: 'fail',
    ...extra,
  };
}

function csvOf(rows: number): string {
  const lines = ['id,text,label'];
  for (let i = 1; i <= rows; i++) lines.push(`s${i},"sentence ${i}, with comma",${i % 3}`);
  return `${lines.join('\r\n')}\r\n`;
}

async function split(input: PlanInput, chunks: PlanChunks, onReject?: (r: Reject) => void) {
  const root = await tempDir();
  const storage = createFileStorage(root);
  const result = await splitInput({
    input,
    chunks,
    storage,
    dir: '_augc/chunks',
    ...(onReject ? { onReject } : {}),
  });
  return { root, storage, result };
}

describe('splitInput', () => {
  it('cuts rows mode into chunks of rowsPerChunk, the last shorter', async () => {
    const path = await writeTemp('in.csv', csvOf(10));
    const { root, result } = await split(inputOf(path, { id: 'id' }), {
      mode: 'rows',
      count: 3,
      rowsPerChunk: 4,
    });
    expect(result.chunkFiles).toEqual([
      '_augc/chunks/chunk-00000.jsonl',
      '_augc/chunks/chunk-00001.jsonl',
      '_augc/chunks/chunk-00002.jsonl',
    ]);
    expect(result.chunks.map((c) => c.rows)).toEqual([4, 4, 2]);
    expect(result.rows).toBe(10);
    expect(result.columns).toEqual(['id', 'text', 'label']);
    expect(result.rejects).toEqual({ count: 0 });
    const first = await collect(join(root, result.chunkFiles[0]!), 'jsonl');
    expect(first.rows[0]).toEqual({
      [ROW_COLUMN]: 1,
      id: 's1',
      text: 'sentence 1, with comma',
      label: '1',
    });
    const last = await collect(join(root, result.chunkFiles[2]!), 'jsonl');
    expect(last.rows.map((r) => r.id)).toEqual(['s9', 's10']);
  });

  it('hashes the input bytes and each chunk file', async () => {
    const text = csvOf(5);
    const path = await writeTemp('in.csv', text);
    const { root, result } = await split(inputOf(path), {
      mode: 'rows',
      count: 2,
      rowsPerChunk: 3,
    });
    const { createHash } = await import('node:crypto');
    const sha = (data: string | Buffer) => createHash('sha256').update(data).digest('hex');
    expect(result.sha256).toBe(sha(text));
    for (const chunk of result.chunks)
      expect(chunk.sha256).toBe(sha(await readFile(join(root, chunk.file))));
  });

  it('reads a gzipped CSV into the same chunks as the plain file, hashing the stored bytes', async () => {
    const { createHash } = await import('node:crypto');
    const { gzipSync } = await import('node:zlib');
    const text = csvOf(2000); // several 64 KiB read pieces once decompressed
    const stored = gzipSync(text);
    const chunks: PlanChunks = { mode: 'count', count: 3 };
    const plain = await split(inputOf(await writeTemp('in.csv', text)), chunks);
    const gz = await split(inputOf(await writeTemp('in.csv.gz', stored)), chunks);
    expect(gz.result.rows).toBe(2000);
    expect(gz.result.chunks.map((c) => [c.rows, c.sha256])).toEqual(
      plain.result.chunks.map((c) => [c.rows, c.sha256]),
    );
    expect(gz.result.sha256).toBe(createHash('sha256').update(stored).digest('hex'));
    expect(gz.result.sha256).not.toBe(plain.result.sha256);
  });

  it('is deterministic: the same input gives byte-identical chunks in rows and count mode', async () => {
    const path = await writeTemp('in.csv', csvOf(23));
    for (const chunks of [
      { mode: 'rows', count: 5, rowsPerChunk: 5 },
      { mode: 'count', count: 4 },
    ] satisfies PlanChunks[]) {
      const a = await split(inputOf(path), chunks);
      const b = await split(inputOf(path), chunks);
      expect(a.result.chunks).toEqual(b.result.chunks);
      for (const file of a.result.chunkFiles) {
        expect(await readFile(join(a.root, file))).toEqual(await readFile(join(b.root, file)));
      }
    }
  });

  it('count mode probes the row count when the plan did not know it', async () => {
    const path = await writeTemp('in.csv', csvOf(10));
    const { result } = await split(inputOf(path), { mode: 'count', count: 4 });
    expect(result.chunks.map((c) => c.rows)).toEqual([3, 3, 3, 1]);
  });

  it('writes empty chunk files up to the planned count', async () => {
    const path = await writeTemp('in.csv', csvOf(9));
    const { root, result } = await split(inputOf(path), { mode: 'count', count: 4 });
    expect(result.chunks.map((c) => c.rows)).toEqual([3, 3, 3, 0]);
    expect(await readFile(join(root, result.chunkFiles[3]!), 'utf8')).toBe('');
  });

  it('uses the 1-based row number as the id when the input has no id column', async () => {
    const path = await writeTemp('in.csv', csvOf(3));
    const { root, result } = await split(inputOf(path), {
      mode: 'rows',
      count: 1,
      rowsPerChunk: 10,
    });
    const { rows } = await collect(join(root, result.chunkFiles[0]!), 'jsonl');
    expect(rows.map((r) => chunkRowId(r, inputOf(path)))).toEqual([1, 2, 3]);
    expect(rows.map((r) => chunkRowId(r, inputOf(path, { id: 'id' })))).toEqual(['s1', 's2', 's3']);
  });

  it('skips bad rows into a rejects file, keeping input row numbers', async () => {
    const path = await writeTemp('in.csv', 'id,text\n1,a\n2,b,extra\n3,c\n');
    const seen: Reject[] = [];
    const { root, result } = await split(
      inputOf(path, { onBadRow: 'skip' }),
      { mode: 'rows', count: 1, rowsPerChunk: 10 },
      (r) => seen.push(r),
    );
    expect(result.rows).toBe(2);
    expect(result.rejects).toEqual({ count: 1, file: '_augc/chunks/rejects.jsonl' });
    expect(seen.map((r) => r.row)).toEqual([2]);
    const rejects = await collect(join(root, '_augc/chunks/rejects.jsonl'), 'jsonl');
    expect(rejects.rows).toEqual([
      {
        row: 2,
        line: 3,
        message: "expected 2 fields (the header's count), found 3",
        raw: '2,b,extra',
      },
    ]);
    const chunk = await collect(join(root, result.chunkFiles[0]!), 'jsonl');
    expect(chunk.rows.map((r) => r[ROW_COLUMN])).toEqual([1, 3]);
  });

  it('under fail, stops at the bad row and leaves no chunk files', async () => {
    const path = await writeTemp('in.csv', `${csvOf(6)}7,"unterminated\n`);
    const root = await tempDir();
    const error = await splitInput({
      input: inputOf(path),
      chunks: { mode: 'rows', count: 4, rowsPerChunk: 2 },
      storage: createFileStorage(root),
      dir: 'chunks',
    }).catch((e: unknown) => e);
    expect(isDataError(error) && error.detail).toEqual({
      file: path,
      row: 7,
      line: 8,
      message: 'unterminated quoted field starting at line 8',
    });
    expect(await readdir(join(root, 'chunks'))).toEqual([]);
  });

  it('under fail, stops a gzipped input at the bad row and releases the rest of the stream', async () => {
    const { gzipSync } = await import('node:zlib');
    const lines = csvOf(2000).split('\r\n');
    lines[7] = 's7,"two",fields,too many';
    const path = await writeTemp('in.csv.gz', gzipSync(lines.join('\r\n')));
    const error = await split(inputOf(path), { mode: 'rows', count: 1, rowsPerChunk: 2000 }).catch(
      (e: unknown) => e,
    );
    expect(isDataError(error) && [error.detail.file, error.detail.row]).toEqual([path, 7]);
  });

  it('names missing columns and rejects non-text values in text columns', async () => {
    const csv = await writeTemp('in.csv', 'id,body\n1,x\n');
    const missing = await split(inputOf(csv, { label: 'label' }), {
      mode: 'count',
      count: 1,
    }).catch((e: unknown) => e);
    expect(isDataError(missing) && missing.detail.message).toBe(
      'missing columns `text`, `label` (the file has `id`, `body`)',
    );
    const jsonl = await writeTemp('in.jsonl', '{"text":"ok"}\n{"text":5}\n{"text":null}\n');
    const { result } = await split(inputOf(jsonl, { format: 'jsonl', onBadRow: 'skip' }), {
      mode: 'rows',
      count: 1,
      rowsPerChunk: 5,
    });
    expect(result.rows).toBe(2);
    expect(result.rejects.count).toBe(1);
  });

  it('reports a header-only input as zero rows with a note', async () => {
    const path = await writeTemp('in.csv', 'id,text\n');
    const { result } = await split(inputOf(path), { mode: 'count', count: 2 });
    expect(result.rows).toBe(0);
    expect(result.chunks.map((c) => c.rows)).toEqual([0, 0]);
    expect(result.notes).toEqual([`${path} has no data rows`]);
  });

  it('refuses an input with more rows than the count-mode plan expected', async () => {
    const path = await writeTemp('in.csv', csvOf(7));
    const error = await split(inputOf(path), { mode: 'count', count: 2, rowsPerChunk: 3 }).catch(
      (e: unknown) => e,
    );
    expect(isDataError(error) && error.detail.row).toBe(7);
    expect(isDataError(error) && error.detail.message).toMatch(/run `augc plan` again/);
  });

  it('splits a Parquet input with types kept', async () => {
    const path = join(await tempDir(), 'in.parquet');
    const writer = await createRowWriter(path, 'parquet', ['text', 'x']);
    for (let i = 0; i < 5; i++) await writer.write({ text: `t${i}`, x: i / 2 });
    await writer.commit();
    const { root, result } = await split(inputOf(path, { format: 'parquet' }), {
      mode: 'count',
      count: 2,
    });
    expect(result.chunks.map((c) => c.rows)).toEqual([3, 2]);
    const { createHash } = await import('node:crypto');
    expect(result.sha256).toBe(
      createHash('sha256')
        .update(await readFile(path))
        .digest('hex'),
    );
    const chunk = await collect(join(root, result.chunkFiles[1]!), 'jsonl');
    expect(chunk.rows).toEqual([
      { [ROW_COLUMN]: 4, text: 't3', x: 1.5 },
      { [ROW_COLUMN]: 5, text: 't4', x: 2 },
    ]);
  });

  it("records a Parquet input's column types beside the chunks, and drops them for a CSV one", async () => {
    const path = join(await tempDir(), 'typed.parquet');
    const types = { text: 'string', n: 'integer', ok: 'boolean' } as const;
    const writer = await createRowWriter(path, 'parquet', ['text', 'n', 'ok'], { types });
    await writer.write({ text: 'a', n: 70, ok: true });
    await writer.commit();
    const { root, storage } = await split(inputOf(path, { format: 'parquet' }), {
      mode: 'count',
      count: 1,
    });
    const chunk = '_augc/chunks/chunk-00000.jsonl';
    expect(await recordedColumnTypes(storage, chunk)).toEqual(types);
    // A later split of an input without declared types must not leave the old record behind.
    await splitInput({
      input: inputOf(await writeTemp('in.csv', csvOf(2))),
      chunks: { mode: 'count', count: 1 },
      storage,
      dir: '_augc/chunks',
    });
    expect(await readdir(join(root, '_augc/chunks'))).not.toContain('column-types.json');
    expect(await recordedColumnTypes(storage, chunk)).toEqual({});
  });
});
