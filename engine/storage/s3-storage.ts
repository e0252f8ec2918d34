/**
 * Storage on S3 (or any S3-compatible store): `s3://bucket/prefix`. Every storage path becomes
 * the key `prefix + path`. Creating the storage is synchronous and loads nothing: the SDK is
 * imported, and the client built, on the first call that needs it (see `s3-client.ts`).
 */
import type { S3Objects } from './s3-client.js';
import type { Env } from './s3-config.js';
import { S3StorageError } from './s3-errors.js';
import type { S3Location } from './s3-uri.js';
import { normalizeStoragePath } from './safe-path.js';
import { sha256OfSource } from './source-hash.js';
import type { ByteSink, ByteSource, Storage, StorageStat } from './storage.js';

export interface S3StorageOptions {
  /** Keys per ListObjectsV2 page (S3's maximum and default is 1000); for tests of paging. */
  maxKeys?: number;
  /** Bytes per multipart part (at least 5 MiB). */
  partSize?: number;
  /** Where the client settings are read from (default `process.env`). */
  env?: Env;
}

/** 8 MiB parts: S3's 10,000-part limit then allows objects up to 78 GiB. */
export const DEFAULT_PART_SIZE = 8 * 1024 * 1024;

async function concat(chunks: AsyncIterable<Uint8Array>): Promise<Buffer> {
  const parts: Buffer[] = [];
  for await (const chunk of chunks) parts.push(Buffer.from(chunk));
  return Buffer.concat(parts);
}

async function* streamOf(
  open: () => Promise<AsyncIterable<Uint8Array>>,
): AsyncIterable<Uint8Array> {
  yield* await open();
}

export function createS3Storage(
  root: string,
  location: S3Location,
  opts: S3StorageOptions = {},
): Storage {
  const base = `s3://${location.bucket}/${location.prefix}`;
  let objects: Promise<S3Objects> | undefined;
  const client = (): Promise<S3Objects> =>
    (objects ??= import('./s3-client.js').then((sdk) =>
      sdk.createS3Objects({
        bucket: location.bucket,
        uriOf: (key) => `s3://${location.bucket}/${key}`,
        partSize: opts.partSize ?? DEFAULT_PART_SIZE,
        ...(opts.env !== undefined ? { env: opts.env } : {}),
      }),
    ));
  // Async so that a bad path rejects rather than throwing synchronously, as in FileStorage.
  const keyOf = async (path: string): Promise<string> =>
    `${location.prefix}${normalizeStoragePath(path)}`;
  const source = (path: string): ByteSource => ({
    name: `${base}${path}`,
    stream: () => streamOf(async () => (await client()).get(await keyOf(path))),
    async size() {
      const info = await (await client()).head(await keyOf(path));
      if (info === undefined)
        throw new S3StorageError(`no such object: \`${base}${path}\``, 'ENOENT', 404);
      return info.size;
    },
    async readRange(start, end) {
      if (end <= start) return new Uint8Array(0);
      return concat(await (await client()).get(await keyOf(path), { start, end }));
    },
  });
  return {
    root,
    scheme: 's3',
    readText: async (path) =>
      (await concat(await (await client()).get(await keyOf(path)))).toString('utf8'),
    writeAtomic: async (path, data) => (await client()).put(await keyOf(path), data),
    createExclusive: async (path, data) => (await client()).putIfAbsent(await keyOf(path), data),
    exists: async (path) => (await (await client()).head(await keyOf(path))) !== undefined,
    list: async (prefix) => listUnder(await client(), location.prefix, prefix, opts.maxKeys),
    stat: async (path): Promise<StorageStat | undefined> =>
      (await client()).head(await keyOf(path)),
    sha256: async (path) => sha256OfSource(source(path)),
    remove: async (path) => (await client()).remove(await keyOf(path)),
    createWriteStream: async (path): Promise<ByteSink> =>
      (await client()).upload(await keyOf(path)),
    openSource: source,
  };
}

/** Every key under `prefix/`, relative to the storage root, sorted as FileStorage sorts. */
async function listUnder(
  objects: S3Objects,
  rootPrefix: string,
  prefix: string,
  maxKeys: number | undefined,
): Promise<string[]> {
  const folder = prefix === '' ? '' : `${normalizeStoragePath(prefix)}/`;
  const out: string[] = [];
  let token: string | undefined;
  do {
    const page = await objects.listPage(`${rootPrefix}${folder}`, token, maxKeys);
    // Keys ending in `/` are folder markers that consoles create; they are not files.
    for (const key of page.keys) if (!key.endsWith('/')) out.push(key.slice(rootPrefix.length));
    token = page.next;
  } while (token !== undefined);
  return out.sort();
}
