/**
 * S3Storage under faults injected between the real SDK and fauxqs: throttling bursts, a
 * connection cut in the middle of an UploadPart, and a check that a planted secret never leaks.
 */
import { createHash, randomBytes } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { createS3Storage, type S3StorageOptions } from '../../../engine/storage/s3-storage.js';
import type { Storage } from '../../../engine/storage/storage.js';
import { acquireRunLock } from '../../../runtimes/run-lock.js';
import { startFaultProxy, type FaultProxy } from './s3-fault-proxy.js';
import { s3Env, startS3Server, type S3TestServer } from './s3-server.js';

const MiB = 1024 * 1024;
const SECRET = `planted-${randomBytes(9).toString('hex')}`;
let server: S3TestServer;
let proxy: FaultProxy;

beforeAll(async () => {
  server = await startS3Server();
  proxy = await startFaultProxy(server.endpoint);
  for (const [name, value] of Object.entries(s3Env(proxy.endpoint, SECRET))) {
    vi.stubEnv(name, value);
  }
});

beforeEach(() => {
  proxy.slowDown(0);
  proxy.dropUploadParts(0);
});

afterAll(async () => {
  vi.unstubAllEnvs();
  await proxy.stop();
  await server.stop();
});

function s3(opts: S3StorageOptions = {}): Storage {
  const prefix = `f-${randomBytes(4).toString('hex')}/`;
  const uri = `s3://${server.bucket}/${prefix}`;
  return createS3Storage(uri, { bucket: server.bucket, prefix }, { partSize: 5 * MiB, ...opts });
}

async function writeStreamed(storage: Storage, path: string, data: Buffer): Promise<void> {
  const sink = await storage.createWriteStream(path);
  try {
    for (let at = 0; at < data.length; at += MiB) await sink.write(data.subarray(at, at + MiB));
    await sink.commit();
  } catch (error) {
    await sink.abort();
    throw error;
  }
}

const isUploadPart = (req: IncomingMessage): boolean =>
  req.method === 'PUT' && (req.url ?? '').includes('uploadId=');

function sha(data: Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}

describe('S3Storage under faults', () => {
  it('rides out a burst of 503 SlowDown on a plain write and a read', async () => {
    const storage = s3();
    const before = proxy.counts.slowDowns;
    proxy.slowDown(3);
    await storage.writeAtomic('a.txt', 'survived');
    proxy.slowDown(2);
    expect(await storage.readText('a.txt')).toBe('survived');
    expect(proxy.counts.slowDowns - before).toBe(5);
  });

  it('retries throttled upload parts and completes the object', async () => {
    const storage = s3();
    const data = randomBytes(11 * MiB);
    const before = proxy.counts.slowDowns;
    proxy.slowDown(2, isUploadPart);
    await writeStreamed(storage, 'big.bin', data);
    expect(proxy.counts.slowDowns - before).toBe(2);
    expect(await storage.sha256('big.bin')).toBe(sha(data));
    expect(proxy.openUploads()).toEqual([]);
  });

  it('retries an UploadPart whose connection drops mid-body, never leaving a partial object', async () => {
    const storage = s3();
    const data = randomBytes(11 * MiB);
    const before = proxy.counts.drops;
    proxy.dropUploadParts(2);
    await writeStreamed(storage, 'dropped.bin', data);
    expect(proxy.counts.drops - before).toBe(2);
    expect(await storage.stat('dropped.bin')).toEqual({ size: data.length });
    expect(await storage.sha256('dropped.bin')).toBe(sha(data));
    expect(proxy.openUploads()).toEqual([]);
  });

  it('aborts the whole upload when parts keep failing: no object, no leftover upload', async () => {
    const storage = s3({ env: { ...process.env, AWS_MAX_ATTEMPTS: '2' } });
    await storage.writeAtomic('kept.bin', 'old');
    const created = proxy.counts.uploadsCreated;
    proxy.dropUploadParts(50);
    await expect(writeStreamed(storage, 'kept.bin', randomBytes(11 * MiB))).rejects.toThrow(
      /cannot write `s3:\/\/augc-test\/f-[0-9a-f]+\/kept\.bin`/,
    );
    proxy.dropUploadParts(0);
    expect(proxy.counts.uploadsCreated).toBeGreaterThan(created);
    expect(proxy.openUploads()).toEqual([]);
    expect(await storage.readText('kept.bin')).toBe('old');
    expect(await storage.list('')).toEqual(['kept.bin']);
  });

  it('aborting a started multipart upload aborts it on the server', async () => {
    const storage = s3();
    const created = proxy.counts.uploadsCreated;
    const sink = await storage.createWriteStream('never.bin');
    await sink.write(randomBytes(11 * MiB));
    await sink.abort();
    expect(proxy.counts.uploadsCreated).toBeGreaterThan(created);
    expect(proxy.openUploads()).toEqual([]);
    expect(await storage.exists('never.bin')).toBe(false);
  });

  it('never writes the secret key into an object, a lock or an error message', async () => {
    const storage = s3();
    const messages: string[] = [];
    await storage.writeAtomic('x.txt', 'data');
    const lock = await acquireRunLock(storage, 'augc run x.aug', { settleMs: 1 });
    proxy.slowDown(1);
    const once = s3({ env: { ...process.env, AWS_MAX_ATTEMPTS: '1' } });
    await once.readText('x.txt').catch((e: unknown) => messages.push(String(e), JSON.stringify(e)));
    proxy.slowDown(0);
    const missing = createS3Storage(
      's3://no-such-bucket/p',
      { bucket: 'no-such-bucket', prefix: 'p/' },
      { env: { ...process.env, AWS_MAX_ATTEMPTS: '1' } },
    );
    await missing
      .writeAtomic('y', 'z')
      .catch((e: unknown) => messages.push(String(e), JSON.stringify(e)));
    expect(messages.length).toBe(4);
    for (const path of await storage.list('')) {
      expect(await storage.readText(path)).not.toContain(SECRET);
    }
    for (const text of messages) expect(text).not.toContain(SECRET);
    for (const body of proxy.traffic) expect(body.includes(SECRET)).toBe(false);
    if (lock.ok) await lock.release();
  });
});
