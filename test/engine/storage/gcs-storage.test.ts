/**
 * What is particular to `gs://` beyond the conformance cases: URIs, the requests the real client
 * makes (multipart for whole files, resumable sessions in 256 KiB-aligned chunks for streams,
 * `ifGenerationMatch=0` for exclusive creates), retries of 503s, and errors that name the URI.
 */
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { createGcsStorage } from '../../../engine/storage/gcs-storage.js';
import { openSourceUri } from '../../../engine/storage/open-source.js';
import { parseGcsUri } from '../../../engine/storage/gcs-uri.js';
import { openStorage } from '../../../engine/storage/open-storage.js';
import { isStorageUnavailable } from '../../../engine/storage/storage-error.js';
import type { Storage } from '../../../engine/storage/storage.js';
import { startGcsServer, type GcsTestServer } from './gcs-server.js';

const KiB = 1024;
let gcs: GcsTestServer;

beforeAll(async () => {
  gcs = await startGcsServer();
  vi.stubEnv('STORAGE_EMULATOR_HOST', gcs.endpoint);
});

afterAll(async () => {
  vi.unstubAllEnvs();
  await gcs.stop();
});

beforeEach(() => {
  gcs.requests.length = 0;
});

function fresh(chunkSize = 256 * KiB): Storage {
  const prefix = `t-${randomBytes(4).toString('hex')}/`;
  return createGcsStorage(
    `gs://${gcs.bucket}/${prefix}`,
    { bucket: gcs.bucket, prefix },
    { chunkSize },
  );
}

describe('gs:// URIs', () => {
  it('splits the bucket from the prefix and refuses invalid buckets', () => {
    expect(parseGcsUri('gs://my-bucket/runs/a/')).toEqual({
      ok: true,
      location: { bucket: 'my-bucket', prefix: 'runs/a/' },
    });
    expect(parseGcsUri('gs://data.example.com')).toMatchObject({ ok: true });
    expect(parseGcsUri('gs://under_score-1/x')).toMatchObject({ ok: true });
    for (const bad of [
      'gs://Upper',
      'gs://ab',
      'gs://-dash',
      `gs://${'a'.repeat(64)}`,
      'gs://a/../b',
    ])
      expect(parseGcsUri(bad), bad).toMatchObject({ ok: false });
    const opened = openStorage('gs://my-bucket/runs');
    expect(opened.ok && opened.storage.scheme).toBe('gs');
    expect(openStorage('gs://NO')).toMatchObject({
      ok: false,
      message: expect.stringContaining('`gs://NO`'),
    });
  });
});

describe('gs:// requests', () => {
  it('writes whole files as one multipart upload and streams in aligned resumable chunks', async () => {
    const storage = fresh();
    await storage.writeAtomic('a.json', '{}');
    expect(gcs.requests).toEqual(['POST multipart']);
    gcs.requests.length = 0;
    const sink = await storage.createWriteStream('big.bin');
    await sink.write(randomBytes(600 * KiB));
    expect(await storage.exists('big.bin')).toBe(false);
    await sink.commit();
    expect(gcs.requests.filter((r) => r !== 'GET object')).toEqual([
      'POST resumable',
      'PUT resumable',
      'PUT resumable',
      'PUT resumable',
    ]);
    expect(await storage.stat('big.bin')).toEqual({ size: 600 * KiB });
    // An emulator client sends no credentials (and never asks a metadata server for any).
    expect(gcs.authorized).toEqual([]);
  });

  it('creates exclusively with ifGenerationMatch=0, which the server refuses with 412', async () => {
    const storage = fresh();
    expect(await storage.createExclusive('_augc/lock', 'mine')).toBe(true);
    expect(await storage.createExclusive('_augc/lock', 'theirs')).toBe(false);
    expect(gcs.requests).toEqual([
      'POST multipart ifGenerationMatch=0',
      'POST multipart ifGenerationMatch=0',
    ]);
    expect(await storage.readText('_augc/lock')).toBe('mine');
  });

  it('commits an empty stream as an empty object', async () => {
    const storage = fresh();
    const sink = await storage.createWriteStream('empty.csv');
    await sink.write('');
    await sink.commit();
    expect(await storage.stat('empty.csv')).toEqual({ size: 0 });
    expect(await storage.readText('empty.csv')).toBe('');
  });

  it('retries 503s on writes, reads and upload chunks', async () => {
    const storage = fresh();
    gcs.failNext(1, (req) => req.method === 'POST');
    await storage.writeAtomic('r.txt', 'retried');
    gcs.failNext(1, (req) => req.method === 'GET');
    expect(await storage.readText('r.txt')).toBe('retried');
    gcs.failNext(1, (req) => req.method === 'PUT');
    const sink = await storage.createWriteStream('chunks.bin');
    const data = randomBytes(300 * KiB);
    await sink.write(data);
    await sink.commit();
    expect(
      Buffer.from(await storage.openSource('chunks.bin').readRange(0, data.length)).equals(data),
    ).toBe(true);
    expect(gcs.requests.filter((r) => r.startsWith('PUT')).length).toBeGreaterThan(2);
  });

  it('reports a missing bucket as an unreachable store naming the URI, not a missing file', async () => {
    const storage = createGcsStorage('gs://no-such-bucket/run', {
      bucket: 'no-such-bucket',
      prefix: 'run/',
    });
    const error: unknown = await storage.writeAtomic('x.txt', 'x').catch((e: unknown) => e);
    expect(isStorageUnavailable(error)).toBe(true);
    expect((error as Error).message).toContain('gs://no-such-bucket/run/x.txt');
    expect((error as { help?: string }).help).toContain('STORAGE_EMULATOR_HOST');
    await expect(storage.readText('x.txt')).rejects.not.toMatchObject({ code: 'ENOENT' });
    await expect(fresh().readText('x.txt')).rejects.toMatchObject({ code: 'ENOENT' });
  });
});

describe('gs:// inputs', () => {
  it('reads an input file by URI, whole and by ranges', async () => {
    const data = createGcsStorage(`gs://${gcs.bucket}/data`, {
      bucket: gcs.bucket,
      prefix: 'data/',
    });
    await data.writeAtomic('in.csv', 'id,text\n1,hello\n');
    const opened = openSourceUri(`gs://${gcs.bucket}/data/in.csv`);
    if (!opened.ok) throw new Error(opened.message);
    expect(opened.source.name).toBe(`gs://${gcs.bucket}/data/in.csv`);
    expect(await opened.source.size()).toBe(16);
    expect(Buffer.from(await opened.source.readRange(8, 9)).toString()).toBe('1');
    const chunks: Buffer[] = [];
    for await (const c of opened.source.stream()) chunks.push(Buffer.from(c));
    expect(Buffer.concat(chunks).toString()).toBe('id,text\n1,hello\n');
    expect(openSourceUri(`gs://${gcs.bucket}/data/`)).toMatchObject({ ok: false });
  });
});
