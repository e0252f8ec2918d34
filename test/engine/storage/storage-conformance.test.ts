/**
 * The same cases against every Storage: a local folder, S3 (the real SDK against fauxqs on
 * loopback, behind the fault proxy so that conditional creates behave as on AWS), Cloud Storage
 * (the real client against the test GCS server through `STORAGE_EMULATOR_HOST`) and Azure Blob
 * Storage (the real SDK against Azurite over https, tokens from DefaultAzureCredential).
 */
import { createHash, randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createAzStorage } from '../../../engine/storage/az-storage.js';
import { createFileStorage } from '../../../engine/storage/file-storage.js';
import { createGcsStorage } from '../../../engine/storage/gcs-storage.js';
import { createS3Storage } from '../../../engine/storage/s3-storage.js';
import type { Storage } from '../../../engine/storage/storage.js';
import { startBlobStore, type TestBlobStore } from '../../azure/blob-store.js';
import { tempDir } from '../data-files.js';
import { startGcsServer, type GcsTestServer } from './gcs-server.js';
import { startFaultProxy, type FaultProxy } from './s3-fault-proxy.js';
import { s3Env, startS3Server, type S3TestServer } from './s3-server.js';

const MiB = 1024 * 1024;
let server: S3TestServer;
let proxy: FaultProxy;
let blobs: TestBlobStore;
const CONTAINER = 'augc-conformance';
let gcs: GcsTestServer;

beforeAll(async () => {
  [server, blobs] = await Promise.all([startS3Server(), startBlobStore()]);
  proxy = await startFaultProxy(server.endpoint);
  proxy.conditional = true;
  await blobs.createContainer(CONTAINER);
  gcs = await startGcsServer();
  const env = { ...s3Env(proxy.endpoint), ...gcs.env, ...blobs.env };
  for (const [name, value] of Object.entries(env)) vi.stubEnv(name, value);
});

afterAll(async () => {
  vi.unstubAllEnvs();
  await proxy.stop();
  await server.stop();
  await blobs.stop();
  await gcs.stop();
});

type Make = (opts?: { maxKeys?: number }) => Promise<Storage>;

/**
 * What an aborted write may have left behind: S3 multipart uploads still open (abort must end
 * them), or GCS resumable sessions for the aborted names that were finished (an aborted session
 * is left unfinished, to expire as on GCS, but must never become an object).
 */
const leftovers: Record<string, () => unknown[]> = {
  file: () => [],
  // Staged blocks are never listed or readable (the `list` and `exists` checks above).
  az: () => [],
  s3: () => proxy.openUploads(),
  gs: () =>
    [...gcs.store.sessions.values()].filter(
      (s) => s.state === 'done' && /\/d\/(kept|dropped)\.bin$/.test(s.name),
    ),
};

const kinds: [string, Make][] = [
  ['file', async () => createFileStorage(await tempDir())],
  [
    's3',
    async (opts = {}) => {
      const prefix = `run-${randomBytes(4).toString('hex')}/out/`;
      const uri = `s3://${server.bucket}/${prefix}`;
      return createS3Storage(
        uri,
        { bucket: server.bucket, prefix },
        { partSize: 5 * MiB, ...opts },
      );
    },
  ],
  [
    'gs',
    async (opts = {}) => {
      const prefix = `run-${randomBytes(4).toString('hex')}/out/`;
      const uri = `gs://${gcs.bucket}/${prefix}`;
      return createGcsStorage(uri, { bucket: gcs.bucket, prefix }, { chunkSize: 5 * MiB, ...opts });
    },
  ],
  [
    'az',
    async (opts = {}) => {
      const prefix = `run-${randomBytes(4).toString('hex')}/out/`;
      const uri = `az://${blobs.account}/${CONTAINER}/${prefix}`;
      const location = { account: blobs.account, container: CONTAINER, prefix };
      const maxPage = opts.maxKeys;
      return createAzStorage(uri, location, {
        blockSize: 5 * MiB,
        ...(maxPage !== undefined ? { maxPage } : {}),
      });
    },
  ],
];

function sha(data: Uint8Array | string): string {
  return createHash('sha256').update(data).digest('hex');
}

async function writeAll(storage: Storage, paths: string[]): Promise<void> {
  for (let i = 0; i < paths.length; i += 32) {
    await Promise.all(paths.slice(i, i + 32).map((p) => storage.writeAtomic(p, p)));
  }
}

describe.each(kinds)('Storage conformance: %s', (kind, make) => {
  it('writes, reads, lists, stats, hashes and removes', async () => {
    const storage = await make();
    await storage.writeAtomic('a/b/one.txt', 'hello');
    await storage.writeAtomic('a/two.txt', new Uint8Array([1, 2, 3]));
    await storage.writeAtomic('top.txt', 'x');
    await storage.writeAtomic('ab.txt', 'not under a/');
    expect(await storage.readText('a/b/one.txt')).toBe('hello');
    expect(await storage.list('a')).toEqual(['a/b/one.txt', 'a/two.txt']);
    expect(await storage.list('a/')).toEqual(['a/b/one.txt', 'a/two.txt']);
    expect(await storage.list('')).toEqual(['a/b/one.txt', 'a/two.txt', 'ab.txt', 'top.txt']);
    expect(await storage.list('missing')).toEqual([]);
    expect(await storage.stat('a/two.txt')).toEqual({ size: 3 });
    expect(await storage.stat('a')).toBeUndefined();
    expect(await storage.exists('a/two.txt')).toBe(true);
    expect(await storage.exists('nope.txt')).toBe(false);
    expect(await storage.sha256('a/b/one.txt')).toBe(sha('hello'));
    await storage.writeAtomic('top.txt', 'replaced');
    expect(await storage.readText('top.txt')).toBe('replaced');
    await storage.remove('a/two.txt');
    await storage.remove('a/two.txt');
    expect(await storage.exists('a/two.txt')).toBe(false);
  });

  it('rejects a missing file with ENOENT and removes one without complaint', async () => {
    const storage = await make();
    await expect(storage.readText('missing.txt')).rejects.toMatchObject({ code: 'ENOENT' });
    await expect(storage.sha256('missing.txt')).rejects.toMatchObject({ code: 'ENOENT' });
    await expect(storage.openSource('missing.txt').size()).rejects.toMatchObject({
      code: 'ENOENT',
    });
    await expect(storage.openSource('missing.txt').readRange(0, 4)).rejects.toMatchObject({
      code: 'ENOENT',
    });
    await storage.remove('missing.txt');
  });

  it('rejects paths that leave the root', async () => {
    const storage = await make();
    for (const bad of ['../escape.txt', '/etc/passwd', 'a\0b', 'a\\..\\b', '']) {
      await expect(storage.writeAtomic(bad, 'x'), JSON.stringify(bad)).rejects.toThrow(
        /storage path/,
      );
      await expect(storage.createExclusive(bad, 'x')).rejects.toThrow(/storage path/);
    }
    await expect(storage.list('../')).rejects.toThrow(/leaves the storage root/);
    expect(await storage.list('')).toEqual([]);
  });

  it('lists past 1000 files (one page of S3) and with small pages', async () => {
    const storage = await make();
    const paths = Array.from({ length: 1003 }, (_, i) => `many/${String(i).padStart(4, '0')}.txt`);
    await writeAll(storage, [...paths, 'other/x.txt']);
    expect(await storage.list('many')).toEqual(paths);
    const small = await make({ maxKeys: 3 });
    await writeAll(small, ['d/1', 'd/2', 'd/e/3', 'd/e/4', 'd/f/5', 'd/6', 'd/7']);
    expect(await small.list('d')).toEqual(['d/1', 'd/2', 'd/6', 'd/7', 'd/e/3', 'd/e/4', 'd/f/5']);
  });

  it('reads by range, including past the end', async () => {
    const storage = await make();
    await storage.writeAtomic('f.txt', '0123456789');
    const source = storage.openSource('f.txt');
    expect(await source.size()).toBe(10);
    expect(Buffer.from(await source.readRange(3, 6)).toString()).toBe('345');
    expect(Buffer.from(await source.readRange(7, 20)).toString()).toBe('789');
    expect(Buffer.from(await source.readRange(10, 12)).toString()).toBe('');
    expect(Buffer.from(await source.readRange(4, 4)).toString()).toBe('');
    const streamed: Buffer[] = [];
    for await (const chunk of source.stream()) streamed.push(Buffer.from(chunk));
    expect(Buffer.concat(streamed).toString()).toBe('0123456789');
  });

  it('streams a large file (several multipart parts) that appears only on commit', async () => {
    const storage = await make();
    const data = randomBytes(12 * MiB + 12345);
    const sink = await storage.createWriteStream('big/data.bin');
    for (let at = 0; at < data.length; at += 256 * 1024) {
      await sink.write(data.subarray(at, at + 256 * 1024));
    }
    expect(await storage.exists('big/data.bin')).toBe(false);
    expect(await storage.list('big')).toEqual([]);
    await sink.commit();
    expect(await storage.stat('big/data.bin')).toEqual({ size: data.length });
    expect(await storage.sha256('big/data.bin')).toBe(sha(data));
    const across = await storage.openSource('big/data.bin').readRange(5 * MiB - 10, 5 * MiB + 10);
    expect(Buffer.from(across).equals(data.subarray(5 * MiB - 10, 5 * MiB + 10))).toBe(true);
  });

  it('leaves nothing, and an existing file untouched, when a write stream is aborted', async () => {
    const storage = await make();
    await storage.writeAtomic('d/kept.bin', 'old');
    const big = await storage.createWriteStream('d/kept.bin');
    await big.write(randomBytes(6 * MiB));
    await big.write(randomBytes(MiB));
    await big.abort();
    await big.abort();
    const small = await storage.createWriteStream('d/dropped.bin');
    await small.write('zz');
    await small.abort();
    expect(await storage.readText('d/kept.bin')).toBe('old');
    expect(await storage.list('d')).toEqual(['d/kept.bin']);
    expect(leftovers[kind]?.()).toEqual([]);
  });

  it('creates a file exclusively: the second create is refused and changes nothing', async () => {
    const storage = await make();
    expect(await storage.createExclusive('_augc/lock', 'first')).toBe(true);
    expect(await storage.createExclusive('_augc/lock', 'second')).toBe(false);
    expect(await storage.readText('_augc/lock')).toBe('first');
    const both = await Promise.all([
      storage.createExclusive('race', 'a'),
      storage.createExclusive('race', 'b'),
    ]);
    expect(both.filter(Boolean)).toHaveLength(1);
    expect(await storage.list('')).toEqual(['_augc/lock', 'race']);
  });
});
