/** Inputs named by `s3://bucket/key` URIs: read as a ByteSource, by range for Parquet, or staged. */
import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createSinkRowWriter } from '../../../engine/formats/row-writer.js';
import { openInputSource, requireInputSource } from '../../../engine/input-source.js';
import { openSourceUri } from '../../../engine/storage/open-source.js';
import { openStorage } from '../../../engine/storage/open-storage.js';
import { sha256OfSource } from '../../../engine/storage/source-hash.js';
import { stageLocalCopy } from '../../../engine/storage/stage-local.js';
import { collect, tempDir } from '../data-files.js';
import { startS3Server, type S3TestServer } from './s3-server.js';

let server: S3TestServer;
const CSV = 'id,text\n1,hello\n2,"a, b"\n';

beforeAll(async () => {
  server = await startS3Server();
  for (const [name, value] of Object.entries(server.env)) vi.stubEnv(name, value);
  const opened = openStorage(`s3://${server.bucket}/data`);
  if (!opened.ok) throw new Error(opened.message);
  await opened.storage.writeAtomic('in.csv', CSV);
  const rows = Array.from({ length: 500 }, (_, i) => ({ n: i, s: `row ${i}` }));
  const sink = await opened.storage.createWriteStream('nested/in.parquet');
  const writer = createSinkRowWriter(sink, 'in.parquet', 'parquet', ['n', 's']);
  for (const row of rows) await writer.write(row);
  await writer.commit();
});

afterAll(async () => {
  vi.unstubAllEnvs();
  await server.stop();
});

describe('inputs on s3://', () => {
  it('reads a CSV through the same readers as a local file, named by its URI', async () => {
    const uri = `s3://${server.bucket}/data/in.csv`;
    const source = requireInputSource(uri);
    expect(source.name).toBe(uri);
    const { rows } = await collect(source, 'csv');
    expect(rows).toEqual([
      { id: '1', text: 'hello' },
      { id: '2', text: 'a, b' },
    ]);
    expect(await sha256OfSource(source)).toBe(createHash('sha256').update(CSV).digest('hex'));
  });

  it('reads Parquet by ranges (footer first)', async () => {
    const source = requireInputSource(`s3://${server.bucket}/data/nested/in.parquet`);
    const { rows } = await collect(source, 'parquet');
    expect(rows).toHaveLength(500);
    expect(rows.at(-1)).toEqual({ n: 499, s: 'row 499' });
  });

  it('refuses a bucket or folder, and unknown schemes, with a message', async () => {
    expect(openSourceUri(`s3://${server.bucket}`)).toMatchObject({ ok: false });
    expect(openSourceUri(`s3://${server.bucket}/data/`)).toMatchObject({ ok: false });
    expect(openInputSource('hdfs://b/in.csv')).toBeUndefined();
    expect(() => requireInputSource('hdfs://b/in.csv')).toThrow(/hdfs:\/\/. is not supported/);
    await expect(
      requireInputSource(`s3://${server.bucket}/data/missing.csv`).size(),
    ).rejects.toMatchObject({ code: 'ENOENT' });
  });

  it('stages a remote file to a local temp path, and leaves local paths alone', async () => {
    const dir = await tempDir();
    const staged = await stageLocalCopy(`s3://${server.bucket}/data/in.csv`, dir);
    if (!staged.ok) throw new Error(staged.message);
    expect(await readFile(staged.copy.path, 'utf8')).toBe(CSV);
    await staged.copy.cleanup();
    await expect(stat(staged.copy.path)).rejects.toMatchObject({ code: 'ENOENT' });
    const local = await stageLocalCopy('data/in.csv');
    expect(local.ok && local.copy.path).toBe('data/in.csv');
  });
});
